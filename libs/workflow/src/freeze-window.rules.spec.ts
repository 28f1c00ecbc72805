import type { Stage } from '#checklists';
import type { Actor } from './actor.js';
import { runCommand } from './command.runner.js';
import { describeHistory } from './event-sentence.js';
import {
  checkFreezeWindowInput,
  endFreezeWindowRefusal,
  freezeWindowCommandRefusal,
  freezeWindowRange,
  windowInEffect,
  windowsFreezing,
  type FreezeWindow,
  type FreezeWindowInput,
} from './freeze-window.rules.js';
import type { LaunchCommand } from './launch.commands.js';
import { readiness } from './readiness.js';
import {
  DAY_MS,
  admin,
  freezeWindow,
  coordinator,
  later,
  launchAt,
  satisfyGate,
  state,
  type TestLaunch,
  thrown,
} from './test-helpers.js';

const NOW = '2030-06-01T12:00:00.000Z';

describe('a window in effect', () => {
  const w = freezeWindow();
  it('from startsAt (inclusive) to endsAt (exclusive)', () => {
    expect(windowInEffect(w, '2030-06-09T23:59:59.999Z')).toBe(false);
    expect(windowInEffect(w, '2030-06-10T00:00:00.000Z')).toBe(true);
    expect(windowInEffect(w, '2030-06-11T23:59:59.999Z')).toBe(true);
    expect(windowInEffect(w, '2030-06-12T00:00:00.000Z')).toBe(false);
  });

  it('until endedAt (exclusive), and not before it was created', () => {
    const ended = freezeWindow({ endedAt: '2030-06-11T00:00:00.000Z', endedById: 'u-admin' });
    expect(windowInEffect(ended, '2030-06-10T23:59:59.999Z')).toBe(true);
    expect(windowInEffect(ended, '2030-06-11T00:00:00.000Z')).toBe(false);
    const declaredLate = freezeWindow({ createdAt: '2030-06-10T12:00:00.000Z' });
    expect(windowInEffect(declaredLate, '2030-06-10T11:59:59.999Z')).toBe(false);
    expect(windowInEffect(declaredLate, '2030-06-10T12:00:00.000Z')).toBe(true);
  });

  it('freezes only its stages; overlapping windows come by effective end, then name', () => {
    const a = freezeWindow({ id: 'a', name: 'Zeta', endsAt: '2030-06-11T00:00:00.000Z' });
    const b = freezeWindow({ id: 'b', name: 'Beta', endsAt: '2030-06-12T00:00:00.000Z' });
    const c = freezeWindow({ id: 'c', name: 'Alpha', endsAt: '2030-06-12T00:00:00.000Z' });
    const alphaOnly = freezeWindow({ id: 'd', stages: ['ALPHA'] });
    const at = '2030-06-10T06:00:00.000Z';
    expect(windowsFreezing([b, alphaOnly, a, c], 'GA', at).map((x) => x.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(windowsFreezing([b, alphaOnly], 'ALPHA', at).map((x) => x.id)).toEqual(['d']);
  });
});

/** Runs a command with the windows, as the API does. */
function run(l: TestLaunch, actor: Actor, command: LaunchCommand, windows: FreezeWindow[]) {
  let ids = l.ids;
  return runCommand({
    actor,
    command,
    launch: { snapshot: l.snapshot, version: l.events.length },
    now: l.now,
    newId: () => `id-${++ids}`,
    freezeWindows: windows,
  });
}

function refusedWith(l: TestLaunch, actor: Actor, command: LaunchCommand, w: FreezeWindow[]) {
  return thrown(() => run(l, actor, command, w));
}

describe('advancing into a frozen stage', () => {
  const ready = satisfyGate(launchAt('SUPPORT_TRAINED'));
  const around = (fields: Partial<FreezeWindow> = {}) =>
    freezeWindow({
      startsAt: later(ready.now, -DAY_MS),
      endsAt: later(ready.now, 2 * DAY_MS),
      ...fields,
    });
  const holiday = around();
  const later2 = around({ id: 'w-2', name: 'Audit', endsAt: later(ready.now, 3 * DAY_MS) });

  it('is refused with one FREEZE_WINDOW per window, as readiness lists them', () => {
    const error = refusedWith(ready, coordinator, { type: 'ADVANCE' }, [later2, holiday]);
    expect(error.code).toBe('GATE_NOT_SATISFIED');
    expect(error.missing?.map((m) => [m.kind, m.team])).toEqual([
      ['FREEZE_WINDOW', null],
      ['FREEZE_WINDOW', null],
    ]);
    expect(error.missing?.[0]?.message).toMatch(/“Holiday”.*GA until \d+ \w+ 2030, \d\d:\d\d UTC/);
    const r = readiness(state(ready), ready.now, [later2, holiday]);
    expect(r.canAdvance).toBe(false);
    expect(r.missing).toEqual(error.missing);
  });

  it('is not refused by a window of another stage, nor by one not yet declared', () => {
    const otherStage = around({ stages: ['BETA'] });
    const notYet = around({ createdAt: later(ready.now, 1) });
    expect(run(ready, coordinator, { type: 'ADVANCE' }, [otherStage, notYet]).answer.stage).toBe(
      'GA',
    );
  });

  it('an admin passes with a reason, recorded with the windows on the ADVANCED event', () => {
    const outcome = run(
      ready,
      admin,
      { type: 'ADVANCE', freezeOverrideReason: '  hotfix for outage ' },
      [holiday, later2],
    );
    expect(outcome.answer.stage).toBe('GA');
    const [advanced] = outcome.events;
    expect(advanced?.type).toBe('ADVANCED');
    expect(advanced?.data).toEqual({
      from: 'SUPPORT_TRAINED',
      to: 'GA',
      freezeOverride: {
        windowIds: ['w-1', 'w-2'],
        windowNames: ['Holiday', 'Audit'],
        reason: 'hotfix for outage',
      },
    });
    const history = [...ready.events, ...outcome.events].map((e, i) => ({
      ...e,
      id: `e${i}`,
      actorName: 'Ada Admin',
    }));
    const sentences = describeHistory(history);
    expect(sentences.get(`e${ready.events.length}`)).toBe(
      'Ada Admin advanced the launch from Support trained to GA through the freeze “Holiday” and “Audit”: “hotfix for outage”.',
    );
  });

  it("an admin's reason with no window applying is ignored and recorded nowhere", () => {
    const outcome = run(ready, admin, { type: 'ADVANCE', freezeOverrideReason: 'why not' }, []);
    expect(outcome.events[0]?.data).toEqual({ from: 'SUPPORT_TRAINED', to: 'GA' });
  });

  it('a reason from anyone but an admin is FORBIDDEN, window or not; an empty one is bad input', () => {
    for (const windows of [[holiday], []]) {
      expect(
        refusedWith(ready, coordinator, { type: 'ADVANCE', freezeOverrideReason: 'x' }, windows)
          .code,
      ).toBe('FORBIDDEN');
    }
    const empty = refusedWith(ready, admin, { type: 'ADVANCE', freezeOverrideReason: '  ' }, [
      holiday,
    ]);
    expect([empty.code, empty.field]).toEqual(['BAD_USER_INPUT', 'freezeOverrideReason']);
  });

  it('break-glass passes only the windows: other requirements still refuse, without them', () => {
    const notReady = launchAt('SUPPORT_TRAINED');
    const error = refusedWith(
      notReady,
      admin,
      { type: 'ADVANCE', freezeOverrideReason: 'outage' },
      [holiday],
    );
    expect(error.code).toBe('GATE_NOT_SATISFIED');
    expect(error.missing?.length).toBeGreaterThan(0);
    expect(error.missing?.some((m) => m.kind === 'FREEZE_WINDOW')).toBe(false);
  });

  it('cancelling is never frozen', () => {
    const everything = around({ stages: ['ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED', 'GA'] });
    expect(
      run(ready, coordinator, { type: 'CANCEL', reason: 'no' }, [everything]).answer.stage,
    ).toBe('CANCELLED');
  });
});

describe('freeze window input', () => {
  const valid: FreezeWindowInput = {
    name: '  Year-end  ',
    startsAt: '2030-06-01T00:00:00Z',
    endsAt: '2030-06-03T00:00:00Z',
  };
  const problem = (input: Partial<FreezeWindowInput>) => {
    const e = thrown(() => checkFreezeWindowInput({ ...valid, ...input }, NOW));
    return [e.code, e.field, e.message];
  };

  it('trims, defaults to [GA], dedupes and orders stages; startsAt may have passed', () => {
    expect(checkFreezeWindowInput(valid, NOW)).toEqual({
      name: 'Year-end',
      reason: null,
      startsAt: '2030-06-01T00:00:00.000Z',
      endsAt: '2030-06-03T00:00:00.000Z',
      stages: ['GA'],
    });
    const stages: Stage[] = ['GA', 'BETA', 'GA'];
    expect(checkFreezeWindowInput({ ...valid, stages, reason: ' r ' }, NOW)).toMatchObject({
      stages: ['BETA', 'GA'],
      reason: 'r',
    });
  });

  it('refuses each broken rule, naming the field', () => {
    expect(problem({ name: ' ' })).toEqual([
      'BAD_USER_INPUT',
      'name',
      'The name of a freeze window must not be empty.',
    ]);
    expect(problem({ name: 'x'.repeat(201) })[1]).toBe('name');
    expect(problem({ reason: 'x'.repeat(2001) })[1]).toBe('reason');
    expect(problem({ endsAt: '2030-05-31T00:00:00Z' })).toEqual([
      'BAD_USER_INPUT',
      'endsAt',
      'A freeze window must end after it starts.',
    ]);
    expect(problem({ startsAt: '2030-05-01T00:00:00Z', endsAt: NOW })).toEqual([
      'BAD_USER_INPUT',
      'endsAt',
      'A freeze window must end in the future.',
    ]);
    expect(problem({ endsAt: later('2030-06-01T00:00:00Z', 90 * DAY_MS + 1) })).toEqual([
      'BAD_USER_INPUT',
      'endsAt',
      'A freeze window lasts at most 90 days.',
    ]);
    expect(
      checkFreezeWindowInput({ ...valid, endsAt: later('2030-06-01T00:00:00Z', 90 * DAY_MS) }, NOW)
        .endsAt,
    ).toBe('2030-08-30T00:00:00.000Z');
    expect(problem({ stages: [] })[1]).toBe('stages');
    expect(problem({ stages: ['PLANNING'] })[2]).toMatch(/PLANNING cannot be frozen/);
    expect(problem({ stages: ['GA', 'CANCELLED'] })[2]).toMatch(/CANCELLED cannot be frozen/);
  });

  it('a range must end after it starts; from defaults to now', () => {
    expect(freezeWindowRange(null, null, NOW)).toEqual({ from: NOW, to: null });
    expect(thrown(() => freezeWindowRange(NOW, NOW, NOW)).code).toBe('BAD_USER_INPUT');
  });
});

describe('who writes windows, and ending one', () => {
  it('admins only, with a token that may MANAGE', () => {
    expect(freezeWindowCommandRefusal(admin)).toBeNull();
    expect(freezeWindowCommandRefusal(coordinator)?.code).toBe('FORBIDDEN');
    const token = { tokenId: 't', teams: null, launchIds: null, expiresAt: null };
    expect(
      freezeWindowCommandRefusal({ ...admin, limits: { ...token, scopes: ['ITEMS'] } })?.code,
    ).toBe('FORBIDDEN');
  });

  it('an ended window, or one past its endsAt, is CONFLICT', () => {
    const w = freezeWindow();
    expect(endFreezeWindowRefusal(w, '2030-06-11T23:59:59.999Z')).toBeNull();
    expect(endFreezeWindowRefusal(w, '2030-06-12T00:00:00.000Z')?.code).toBe('CONFLICT');
    const ended = freezeWindow({ endedAt: '2030-06-10T00:00:00.000Z', endedById: 'u' });
    expect(endFreezeWindowRefusal(ended, '2030-06-10T01:00:00.000Z')?.code).toBe('CONFLICT');
  });
});
