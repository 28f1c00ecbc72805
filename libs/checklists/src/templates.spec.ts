import { ChecklistError, ChecklistErrorCode } from './checklist.errors.js';
import { GATED_STAGES, TEAMS } from './stages.js';
import type { ChecklistTemplate, TemplateItem } from './template.types.js';
import { templateProblems, validateTemplate } from './template.validation.js';
import { TEMPLATE_NAMES, getTemplate } from './templates.js';

const item = (overrides: Partial<TemplateItem> = {}): TemplateItem => ({
  key: 'k',
  stage: 'PLANNING',
  team: 'PRODUCT',
  title: 'Title',
  required: true,
  ...overrides,
});

/** One required item per gated stage (for PRODUCT): the smallest valid non-strict template. */
function minimal(extra: TemplateItem[] = []): ChecklistTemplate {
  return {
    name: 'mini',
    description: 'test',
    everyTeamEveryStage: false,
    items: [...GATED_STAGES.map((stage) => item({ key: `${stage}.one`, stage })), ...extra],
  };
}

describe('built-in templates', () => {
  it.each(TEMPLATE_NAMES)('"%s" is valid and found by name', (name) => {
    const template = getTemplate(name);
    expect(template.name).toBe(name);
    expect(templateProblems(template)).toEqual([]);
  });

  it('standard has a required item for every team in every gated stage, and some optional ones', () => {
    const standard = getTemplate('standard');
    for (const stage of GATED_STAGES) {
      for (const team of TEAMS) {
        expect(standard.items.some((i) => i.stage === stage && i.team === team && i.required)).toBe(
          true,
        );
      }
    }
    expect(standard.items.some((i) => !i.required)).toBe(true);
    expect(standard.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        'Rollback plan',
        'Monitoring and alerts in place',
        'Known-issues list published',
        'Help-centre articles published',
        'Support macros written',
        'Agents trained',
        'Escalation path agreed',
      ]),
    );
  });

  it('lite is short but has a required item in every gated stage', () => {
    const lite = getTemplate('lite');
    expect(lite.items.length).toBeLessThan(getTemplate('standard').items.length / 2);
    for (const stage of GATED_STAGES) {
      expect(lite.items.some((i) => i.stage === stage && i.required)).toBe(true);
    }
  });

  it('refuses an unknown name with UNKNOWN_TEMPLATE', () => {
    expect(() => getTemplate('fancy')).toThrow(
      expect.objectContaining({ code: ChecklistErrorCode.UNKNOWN_TEMPLATE }),
    );
  });
});

describe('validateTemplate', () => {
  it('accepts a minimal valid template and returns it', () => {
    const t = minimal();
    expect(validateTemplate(t)).toBe(t);
  });

  it('reports duplicate keys', () => {
    const problems = templateProblems(minimal([item({ key: 'PLANNING.one' })]));
    expect(problems).toEqual(['Template "mini" uses the key "PLANNING.one" more than once.']);
  });

  it('reports final or unknown stages and unknown teams', () => {
    const bad = [
      item({ key: 'ga', stage: 'GA' as never }),
      item({ key: 'moon', stage: 'MOON' as never }),
      item({ key: 'legal', team: 'LEGAL' as never }),
    ];
    const problems = templateProblems(minimal(bad));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('stage GA');
    expect(problems[1]).toContain('stage MOON');
    expect(problems[2]).toContain('team LEGAL');
  });

  it('demands a required item in every gated stage', () => {
    const t = minimal();
    const withoutBeta = { ...t, items: t.items.filter((i) => i.stage !== 'BETA') };
    expect(templateProblems(withoutBeta)).toEqual([
      'Template "mini" has no required item in stage BETA.',
    ]);
    const optionalBeta = {
      ...t,
      items: t.items.map((i) => (i.stage === 'BETA' ? { ...i, required: false } : i)),
    };
    expect(templateProblems(optionalBeta)).toEqual([
      'Template "mini" has no required item in stage BETA.',
    ]);
  });

  it('demands every team in every stage when the template (or the caller) asks for it', () => {
    const t = minimal();
    expect(templateProblems(t)).toEqual([]);
    const strict = templateProblems(t, { everyTeamEveryStage: true });
    expect(strict).toHaveLength(GATED_STAGES.length * 2);
    expect(strict).toContain('Template "mini" has no required item for SUPPORT in stage ALPHA.');
    expect(templateProblems({ ...t, everyTeamEveryStage: true })).toEqual(strict);
  });

  it('reports missing titles and keys', () => {
    const problems = templateProblems(minimal([item({ key: '  ', title: ' ' })]));
    expect(problems).toEqual([
      'Template "mini", item 6 has no key.',
      'Template "mini", item 6 ("") has no title.',
    ]);
  });

  it('throws a ChecklistError listing every problem', () => {
    const t = { ...minimal(), items: [] };
    let error: unknown;
    try {
      validateTemplate(t);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChecklistError);
    const e = error as ChecklistError;
    expect(e.code).toBe(ChecklistErrorCode.INVALID_TEMPLATE);
    expect(e.problems).toHaveLength(GATED_STAGES.length);
    expect(e.message).toContain('no required item in stage PLANNING');
  });
});
