import { builtInDefinition } from './templates.js';
import { checkTemplateInput } from './template-definition.js';
import type { TemplateInput } from './template-definition.js';

const lite = builtInDefinition('lite');
const valid: TemplateInput = { name: 'acme', items: lite.items };

function problem(input: Partial<TemplateInput> & Record<string, unknown>) {
  return checkTemplateInput({ ...valid, ...input }).problem;
}

describe('checkTemplateInput', () => {
  it('normalises a valid template: trimmed, defaults filled', () => {
    const { definition } = checkTemplateInput({
      name: ' acme ',
      items: [
        ...lite.items,
        { stage: 'ALPHA', team: 'SUPPORT', title: '  Macro ready ', required: false },
      ],
      policy: { goValidDays: 7, approvals: [{ team: 'ENGINEERING', approvals: 2 }] },
    });
    expect(definition?.name).toBe('acme');
    expect(definition?.items.at(-1)).toMatchObject({ title: 'Macro ready', description: null });
    expect(definition?.policy).toEqual({
      approvals: [{ team: 'ENGINEERING', stage: null, approvals: 2 }],
      goValidDays: 7,
      distinctApprovers: false,
      coordinatorMayApprove: true,
      supportLeadDays: 5,
      minSupportLeadDays: 0,
      blockResponseHours: 24,
    });
  });

  it('inherits an omitted policy and description from the previous version', () => {
    const previous = { description: 'Old', policy: { ...lite.policy, goValidDays: 9 } };
    const { definition } = checkTemplateInput(valid, previous);
    expect(definition).toMatchObject({ description: 'Old', policy: { goValidDays: 9 } });
  });

  const item = (over: Record<string, unknown>) => [...lite.items, { ...lite.items[0]!, ...over }];
  it.each([
    ['a bad name', { name: 'Acme!' }, 'name'],
    ['the reserved name', { name: 'baseline' }, 'name'],
    [
      'a stage without a required item',
      { items: lite.items.filter((i) => i.stage !== 'BETA') },
      'items',
    ],
    ['a duplicate title in a stage and team', { items: item({}) }, 'items.6.title'],
    ['a final stage', { items: item({ stage: 'GA', title: 'x' }) }, 'items.6.stage'],
    ['an unknown team', { items: item({ team: 'LEGAL', title: 'x' }) }, 'items.6.team'],
    ['an empty title', { items: item({ title: '   ' }) }, 'items.6.title'],
    [
      '501 items',
      { items: Array.from({ length: 501 }, (_, n) => ({ ...lite.items[0]!, title: `t${n}` })) },
      'items',
    ],
    [
      'approvals 0',
      { policy: { approvals: [{ team: 'PRODUCT', approvals: 0 }] } },
      'policy.approvals.0.approvals',
    ],
    [
      'approvals 11',
      { policy: { approvals: [{ team: 'PRODUCT', approvals: 11 }] } },
      'policy.approvals.0.approvals',
    ],
    [
      'two entries for one team and stage',
      {
        policy: {
          approvals: [
            { team: 'PRODUCT', approvals: 2 },
            { team: 'PRODUCT', approvals: 3 },
          ],
        },
      },
      'policy.approvals.1',
    ],
    ['goValidDays 0', { policy: { goValidDays: 0 } }, 'policy.goValidDays'],
    ['goValidDays 366', { policy: { goValidDays: 366 } }, 'policy.goValidDays'],
    [
      'a floor above the default',
      { policy: { supportLeadDays: 3, minSupportLeadDays: 4 } },
      'policy.minSupportLeadDays',
    ],
    ['blockResponseHours 0', { policy: { blockResponseHours: 0 } }, 'policy.blockResponseHours'],
  ])('refuses %s, naming the rule', (_label, input, field) => {
    const found = problem(input as Partial<TemplateInput>);
    expect(found?.field).toBe(field);
    expect(found?.message.length).toBeGreaterThan(10);
  });

  it('holds "standard" to a required item per team in every stage', () => {
    expect(problem({ name: 'standard' })?.message).toContain('every team');
    expect(
      checkTemplateInput({ name: 'standard', items: builtInDefinition('standard').items })
        .definition,
    ).toBeDefined();
  });
});
