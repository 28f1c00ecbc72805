import type { Actor } from './actor.js';
import { runCommand, type CommandOf } from './command.runner.js';
import { validateCommand } from './command.validation.js';
import type { LaunchCommandType } from './launch.commands.js';
import {
  admin,
  coordinator,
  createdLaunch,
  item,
  launchAt,
  member,
  viewer,
  type TestLaunch,
} from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

const NOW = '2030-01-02T00:00:00.000Z';

function run<K extends LaunchCommandType>(
  launch: TestLaunch | null,
  actor: Actor,
  command: CommandOf<K>,
  facts: { expectedVersion?: number | null; keyTaken?: boolean; replyTargetMissing?: boolean } = {},
) {
  let ids = 100;
  return runCommand({
    actor,
    command,
    launch: launch ? { snapshot: launch.snapshot, version: launch.events.length } : null,
    now: launch?.now ?? NOW,
    newId: () => `new-${++ids}`,
    ...facts,
  });
}

function codeOf(refuse: () => unknown): string {
  try {
    refuse();
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
  throw new Error('accepted');
}

describe('runCommand answers with what the command made', () => {
  const planning = createdLaunch();

  it('CREATE: the new launch', () => {
    const out = run(null, coordinator, {
      type: 'CREATE',
      id: 'l2',
      key: 'another',
      name: 'Another',
    });
    expect(out.answer).toMatchObject({ id: 'l2', key: 'another', stage: 'PLANNING' });
    expect(out.snapshot.context).toBe(out.answer);
  });

  it('ADD_ITEM: the new item, as the launch now holds it', () => {
    const out = run(planning, coordinator, {
      type: 'ADD_ITEM',
      stage: 'ALPHA',
      team: 'SUPPORT',
      title: 'FAQ',
    });
    expect(out.answer).toMatchObject({ id: 'new-101', title: 'FAQ', status: 'OPEN' });
    expect(out.snapshot.context.items).toContainEqual(out.answer);
  });

  it('COMPLETE_ITEM: the item, now DONE', () => {
    const open = item(planning, { stage: 'PLANNING', status: 'OPEN' });
    const out = run(planning, member(open.team), { type: 'COMPLETE_ITEM', itemId: open.id });
    expect(out.answer).toMatchObject({ id: open.id, status: 'DONE' });
  });

  it('SIGN_OFF: the new sign-off; COMMENT: its event', () => {
    const signed = run(planning, member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Not yet',
    });
    expect(signed.answer).toMatchObject({ id: 'new-101', decision: 'NO_GO', status: 'ACTIVE' });
    const commented = run(planning, member('PRODUCT'), { type: 'COMMENT', body: 'Hi' });
    expect(commented.answer).toMatchObject({ type: 'COMMENTED', data: { body: 'Hi' } });
  });

  it('an UPDATE that changes nothing: no events, the launch as it was', () => {
    const out = run(planning, coordinator, { type: 'UPDATE', changes: { name: 'Test launch' } });
    expect(out.events).toEqual([]);
    expect(out.answer).toBe(planning.snapshot.context);
  });
});

describe('runCommand refuses in GATES.md order', () => {
  const planning = createdLaunch();

  it('bad input before a missing launch or item', () => {
    expect(codeOf(() => run(null, coordinator, { type: 'CANCEL', reason: ' ' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => run(null, coordinator, { type: 'CANCEL', reason: 'r' }))).toBe('NOT_FOUND');
    expect(
      codeOf(() => run(null, admin, { type: 'WAIVE_ITEM', itemId: 'nope', reason: 'r' })),
    ).toBe('NOT_FOUND');
  });

  it('FORBIDDEN before a stale expectedVersion; CONFLICT before INVALID_TRANSITION', () => {
    const cancel = { type: 'CANCEL', reason: 'r' } as const;
    expect(codeOf(() => run(planning, viewer, cancel, { expectedVersion: 0 }))).toBe('FORBIDDEN');
    expect(codeOf(() => run(planning, coordinator, cancel, { expectedVersion: 0 }))).toBe(
      'CONFLICT',
    );
    expect(run(planning, coordinator, cancel, { expectedVersion: 1 }).events).toHaveLength(1);
    const ga = launchAt('GA');
    expect(codeOf(() => run(ga, coordinator, cancel, { expectedVersion: 0 }))).toBe('CONFLICT');
    expect(codeOf(() => run(ga, coordinator, cancel))).toBe('INVALID_TRANSITION');
  });

  it('a taken key is CONFLICT naming the key, after input and authorization', () => {
    const create = { type: 'CREATE', id: 'l3', key: 'taken', name: 'Taken' } as const;
    expect(codeOf(() => run(null, member('PRODUCT'), create, { keyTaken: true }))).toBe(
      'FORBIDDEN',
    );
    try {
      run(null, coordinator, create, { keyTaken: true });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFLICT', field: 'key' });
    }
    expect(codeOf(() => run(null, coordinator, { ...create, key: 'X' }, { keyTaken: true }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('a missing reply target is NOT_FOUND, after the input, before FORBIDDEN', () => {
    const reply = { type: 'COMMENT', body: 'Re', replyToEventId: 'e1' } as const;
    expect(codeOf(() => run(planning, viewer, reply, { replyTargetMissing: true }))).toBe(
      'NOT_FOUND',
    );
    expect(
      codeOf(() => run(planning, viewer, { ...reply, body: '' }, { replyTargetMissing: true })),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('text the rules call empty or invalid', () => {
  const cancel = (reason: string) => () => validateCommand({ type: 'CANCEL', reason }, NOW);

  it.each([
    ['zero-width space, non-joiner and word joiner', '\u200B\u200C\u2060'],
    ['a byte-order mark and a no-break space', '\uFEFF\u00A0'],
    ['bidi marks and an ideographic space', '\u200E\u200F\u3000'],
  ])('%s only is empty', (_what, text) => {
    expect(codeOf(cancel(text))).toBe('BAD_USER_INPUT');
  });

  it('invisible characters around visible text are text', () => {
    expect(() => cancel('\u200BReason\u200B')()).not.toThrow();
  });

  it('a lone surrogate is not valid text; a pair is', () => {
    expect(codeOf(cancel('bad \uD800'))).toBe('BAD_USER_INPUT');
    expect(codeOf(cancel('bad \uDC00 too'))).toBe('BAD_USER_INPUT');
    expect(() => cancel('rocket \u{1F680}')()).not.toThrow();
  });
});
