import type { LaunchCommand } from './launch.commands.js';
import { validateCommand } from './command.validation.js';
import { WorkflowError } from './workflow.errors.js';

const NOW = '2030-01-01T00:00:00.000Z';
const create = { type: 'CREATE', id: 'l1', key: 'checkout-v2', name: 'Checkout v2' } as const;

function fieldOf(command: LaunchCommand): string | undefined {
  try {
    validateCommand(command, NOW);
  } catch (error) {
    if (error instanceof WorkflowError && error.code === 'BAD_USER_INPUT') return error.field;
    throw error;
  }
  return undefined;
}

const long = (n: number) => 'x'.repeat(n);

describe('validateCommand', () => {
  it.each<[string, LaunchCommand, string | undefined]>([
    ['a valid create', create, undefined],
    ['a key with capitals', { ...create, key: 'Checkout' }, 'key'],
    ['a one-character key', { ...create, key: 'a' }, 'key'],
    ['a key starting with a hyphen', { ...create, key: '-ab' }, 'key'],
    ['a 63-character key', { ...create, key: long(63) }, undefined],
    ['a 64-character key', { ...create, key: long(64) }, 'key'],
    ['a whitespace name', { ...create, name: '  ' }, 'name'],
    ['a 200-character name', { ...create, name: long(200) }, undefined],
    ['a 201-character name', { ...create, name: long(201) }, 'name'],
    ['a 10,001-character description', { ...create, description: long(10_001) }, 'description'],
    ['a past target date', { ...create, targetGaDate: '2029-12-31T23:59:59Z' }, 'targetGaDate'],
    ['a target date now', { ...create, targetGaDate: NOW }, undefined],
    ['a nonsense target date', { ...create, targetGaDate: 'next week' }, 'targetGaDate'],
    ['lead days 91', { ...create, supportLeadDays: 91 }, 'supportLeadDays'],
    ['lead days 1.5', { ...create, supportLeadDays: 1.5 }, 'supportLeadDays'],
    ['lead days 0', { ...create, supportLeadDays: 0 }, undefined],
    ['response hours 0', { ...create, blockResponseHours: 0 }, 'blockResponseHours'],
    ['response hours 0.001', { ...create, blockResponseHours: 0.001 }, undefined],
    ['response hours 720.5', { ...create, blockResponseHours: 720.5 }, 'blockResponseHours'],
    // Whether a named template exists is decide()'s question (the store knows the names).
    ['a template that is not a name', { ...create, template: 42 as never }, 'template'],
    ['template version 0', { ...create, templateVersion: 0 }, 'templateVersion'],
    ['template version 2', { ...create, templateVersion: 2 }, undefined],
    ['update with a blank name', { type: 'UPDATE', changes: { name: ' ' } }, 'name'],
    [
      'update clearing the description',
      { type: 'UPDATE', changes: { description: null } },
      undefined,
    ],
    [
      'update with a past date',
      { type: 'UPDATE', changes: { targetGaDate: '2020-01-01' } },
      'targetGaDate',
    ],
    [
      'update with lead days -1',
      { type: 'UPDATE', changes: { supportLeadDays: -1 } },
      'supportLeadDays',
    ],
    [
      'an item on a final stage',
      { type: 'ADD_ITEM', stage: 'GA', team: 'PRODUCT', title: 'T' },
      'stage',
    ],
    [
      'an item for an unknown team',
      { type: 'ADD_ITEM', stage: 'BETA', team: 'LEGAL' as never, title: 'T' },
      'team',
    ],
    [
      'an item without title',
      { type: 'ADD_ITEM', stage: 'BETA', team: 'PRODUCT', title: '\t' },
      'title',
    ],
    [
      'an item with a 201-character title',
      { type: 'ADD_ITEM', stage: 'BETA', team: 'PRODUCT', title: long(201) },
      'title',
    ],
    [
      'evidence over ftp',
      { type: 'COMPLETE_ITEM', itemId: 'i', evidenceUrl: 'ftp://a.b/c' },
      'evidenceUrl',
    ],
    [
      'evidence over https',
      { type: 'COMPLETE_ITEM', itemId: 'i', evidenceUrl: 'https://a.b/c' },
      undefined,
    ],
    ['a 5,001-character note', { type: 'COMPLETE_ITEM', itemId: 'i', note: long(5001) }, 'note'],
    ['a waive without reason', { type: 'WAIVE_ITEM', itemId: 'i', reason: ' ' }, 'reason'],
    [
      'a reopen with a 5,001-character reason',
      { type: 'REOPEN_ITEM', itemId: 'i', reason: long(5001) },
      'reason',
    ],
    [
      'a NO_GO without comment',
      { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'NO_GO' },
      'comment',
    ],
    ['a GO without comment', { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'GO' }, undefined],
    ['a MAYBE', { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'MAYBE' as never }, 'decision'],
    ['a cancel without reason', { type: 'CANCEL', reason: '' }, 'reason'],
    ['early access over ftp', { type: 'GRANT_EARLY_ACCESS', url: 'ftp://x.y' }, 'url'],
    ['early access without url', { type: 'GRANT_EARLY_ACCESS', url: null }, undefined],
    ['an empty comment', { type: 'COMMENT', body: '   ' }, 'body'],
    ['a 5,000-character comment', { type: 'COMMENT', body: long(5000) }, undefined],
    ['a 5,001-character comment', { type: 'COMMENT', body: long(5001) }, 'body'],
    ['an unknown command', { type: 'LAUNCH_ROCKET' } as never, 'type'],
  ])('%s -> %s', (_what, command, field) => {
    expect(fieldOf(command)).toBe(field);
  });

  it('names the rule in a human sentence', () => {
    expect(() => validateCommand({ ...create, key: 'Bad Key' }, NOW)).toThrow(
      /lowercase letters, digits and hyphens/,
    );
  });
});
