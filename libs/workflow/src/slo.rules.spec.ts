import type { DomainEvent } from './launch.events.js';
import { replay } from './launch.snapshot.js';
import {
  EMPTY_SLO_HISTORY,
  dueSloNotifications,
  nextSloDueAt,
  persistSloHistory,
  restoreSloHistory,
  sloHistory,
} from './slo.rules.js';
import {
  DAY_MS,
  T0,
  act,
  admin,
  advance,
  coordinator,
  createdLaunch,
  launchAt,
  later,
  member,
  satisfyGate,
  state,
  wait,
  type TestLaunch,
} from './test-helpers.js';

const HOUR_MS = 3_600_000;
const policy = { atRiskDays: 7 };

/** Appends what the SLO rules owe at `now`, as the API's timer does. */
function fireDue(launch: TestLaunch, now: string): { launch: TestLaunch; fired: DomainEvent[] } {
  const fired = dueSloNotifications(state(launch), sloHistory(launch.events), policy, now);
  const events = [...launch.events, ...fired];
  return { launch: { ...launch, snapshot: replay(events), events, now }, fired };
}

function blocked(hours = 2): TestLaunch {
  const l = createdLaunch({ blockResponseHours: hours, targetGaDate: null });
  return act(l, member('SUPPORT'), {
    type: 'SIGN_OFF',
    team: 'SUPPORT',
    decision: 'NO_GO',
    comment: 'Runbook missing',
  });
}

const signedAt = (l: TestLaunch) => state(l).signOffs.at(-1)!.signedAt;

describe('support heads-up (decide, same change)', () => {
  const PREVIOUS = {
    BETA: 'ALPHA',
    DOCS_READY: 'BETA',
    SUPPORT_TRAINED: 'DOCS_READY',
    GA: 'SUPPORT_TRAINED',
  } as const;
  it.each(Object.keys(PREVIOUS) as (keyof typeof PREVIOUS)[])(
    'follows the advance into %s, naming the new stage, with no actor',
    (stage) => {
      const l = advance(satisfyGate(launchAt(PREVIOUS[stage])));
      const [advanced, headsUp] = l.events.slice(-2);
      expect(state(l).stage).toBe(stage);
      expect(advanced).toMatchObject({ type: 'ADVANCED', data: { to: stage } });
      expect(headsUp).toMatchObject({
        type: 'SUPPORT_HEADS_UP',
        actorId: null,
        team: 'SUPPORT',
        stage,
        data: { stage },
      });
    },
  );

  it('does not follow the advance into ALPHA', () => {
    const l = advance(satisfyGate(createdLaunch()));
    expect(l.events.at(-1)).toMatchObject({ type: 'ADVANCED', data: { to: 'ALPHA' } });
  });

  it('follows the early-access grant, in the current stage', () => {
    const l = act(launchAt('BETA'), coordinator, { type: 'GRANT_EARLY_ACCESS' });
    expect(l.events.slice(-2).map((e) => e.type)).toEqual([
      'EARLY_ACCESS_GRANTED',
      'SUPPORT_HEADS_UP',
    ]);
    expect(l.events.at(-1)).toMatchObject({ stage: 'BETA', data: { stage: 'BETA' } });
  });

  it('replays to the same launch', () => {
    const l = launchAt('GA');
    expect(replay(l.events).context).toEqual(state(l));
  });
});

describe('first response to a block', () => {
  it('is a comment by someone outside the blocking team', () => {
    const l = act(blocked(), member('PRODUCT'), { type: 'COMMENT', body: 'Looking now' });
    const noGo = state(l).signOffs.at(-1)!;
    expect(l.events.at(-1)).toMatchObject({
      type: 'COMMENTED',
      data: { respondsTo: [noGo.id] },
    });
    expect(sloHistory(l.events).answered.has(noGo.id)).toBe(true);
  });

  it('is not a comment from the blocking team itself, nor from an admin in it', () => {
    let l = act(blocked(), member('SUPPORT'), { type: 'COMMENT', body: 'Still blocked' });
    l = act(l, { ...admin, teams: ['SUPPORT'] }, { type: 'COMMENT', body: 'Agreed' });
    expect(l.events.slice(-2).map((e) => e.data)).toEqual([
      expect.objectContaining({ respondsTo: [] }),
      expect.objectContaining({ respondsTo: [] }),
    ]);
  });

  it('a comment with no block standing answers nothing', () => {
    const l = act(createdLaunch(), member('PRODUCT'), { type: 'COMMENT', body: 'Hello' });
    expect(l.events.at(-1)?.data).toEqual({ body: 'Hello', replyToEventId: null, respondsTo: [] });
  });
});

describe('block escalation', () => {
  it('falls due at blockResponseHours, then at twice that, then never again', () => {
    const l = blocked(2);
    const t0 = Date.parse(signedAt(l));
    expect(nextSloDueAt(state(l), sloHistory(l.events), policy)).toBe(
      new Date(t0 + 2 * HOUR_MS).toISOString(),
    );
    expect(fireDue(l, new Date(t0 + 2 * HOUR_MS - 1).toISOString()).fired).toEqual([]);

    const first = fireDue(l, new Date(t0 + 2 * HOUR_MS).toISOString());
    expect(first.fired).toEqual([
      expect.objectContaining({
        type: 'BLOCK_ESCALATED',
        actorId: null,
        team: 'SUPPORT',
        data: { signOffId: state(l).signOffs.at(-1)!.id, team: 'SUPPORT', level: 1 },
      }),
    ]);
    // Once raised, it is not owed again.
    expect(fireDue(first.launch, new Date(t0 + 3 * HOUR_MS).toISOString()).fired).toEqual([]);
    expect(nextSloDueAt(state(first.launch), sloHistory(first.launch.events), policy)).toBe(
      new Date(t0 + 4 * HOUR_MS).toISOString(),
    );
    const second = fireDue(first.launch, new Date(t0 + 4 * HOUR_MS).toISOString());
    expect(second.fired.map((e) => e.data)).toEqual([expect.objectContaining({ level: 2 })]);
    expect(nextSloDueAt(state(second.launch), sloHistory(second.launch.events), policy)).toBe(null);
  });

  it('raises both levels, in order, when a timer comes late', () => {
    const l = blocked(1);
    const { fired } = fireDue(l, later(signedAt(l), 10 * HOUR_MS));
    expect(fired.map((e) => e.data)).toEqual([
      expect.objectContaining({ level: 1 }),
      expect.objectContaining({ level: 2 }),
    ]);
  });

  it('never falls due once the block is answered in time', () => {
    const l = act(blocked(1), coordinator, { type: 'COMMENT', body: 'On it' });
    expect(nextSloDueAt(state(l), sloHistory(l.events), policy)).toBeNull();
    expect(fireDue(l, later(l.now, 10 * HOUR_MS)).fired).toEqual([]);
  });

  it('stops after level 1 when the answer comes between the two', () => {
    const l = blocked(1);
    const first = fireDue(l, later(signedAt(l), HOUR_MS));
    const answered = act(first.launch, member('ENGINEERING'), { type: 'COMMENT', body: 'Fixing' });
    expect(fireDue(answered, later(signedAt(l), 5 * HOUR_MS)).fired).toEqual([]);
  });

  it("runs on the launch's current blockResponseHours", () => {
    const l = act(blocked(24), coordinator, { type: 'UPDATE', changes: { blockResponseHours: 1 } });
    expect(nextSloDueAt(state(l), sloHistory(l.events), policy)).toBe(later(signedAt(l), HOUR_MS));
  });

  it('restarts with a new NO_GO, and ends when the team signs GO', () => {
    const l = blocked(1);
    const first = fireDue(l, later(signedAt(l), HOUR_MS)).launch;
    const again = act(wait(first, 30 * 60_000), member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Still no runbook',
    });
    expect(nextSloDueAt(state(again), sloHistory(again.events), policy)).toBe(
      later(signedAt(again), HOUR_MS),
    );
    const lifted = act(again, member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'GO',
    });
    expect(nextSloDueAt(state(lifted), sloHistory(lifted.events), policy)).toBeNull();
  });

  it('is never owed on a cancelled launch', () => {
    const l = act(blocked(1), coordinator, { type: 'CANCEL', reason: 'Dropped' });
    expect(nextSloDueAt(state(l), sloHistory(l.events), policy)).toBeNull();
    expect(fireDue(l, later(l.now, 10 * HOUR_MS)).fired).toEqual([]);
  });
});

describe('at risk', () => {
  const T = '2030-03-01T00:00:00.000Z';

  it('falls due atRiskDays before the target date, once per stage, with whole days left', () => {
    const l = createdLaunch({ targetGaDate: T });
    const due = nextSloDueAt(state(l), EMPTY_SLO_HISTORY, policy);
    expect(due).toBe(new Date(Date.parse(T) - 7 * DAY_MS).toISOString());
    const fired = fireDue(l, later(due!, 1000));
    expect(fired.fired).toEqual([
      expect.objectContaining({
        type: 'AT_RISK',
        actorId: null,
        stage: 'PLANNING',
        data: { targetGaDate: T, daysLeft: 6 },
      }),
    ]);
    expect(fireDue(fired.launch, later(due!, DAY_MS)).fired).toEqual([]);
    // A new stage before SUPPORT_TRAINED owes it again.
    const alpha = advance(satisfyGate({ ...fired.launch, now: later(due!, 2 * DAY_MS) }));
    expect(fireDue(alpha, alpha.now).fired.map((e) => [e.type, e.stage])).toEqual([
      ['AT_RISK', 'ALPHA'],
    ]);
  });

  it('is not owed without a target date, from SUPPORT_TRAINED on, or when the date moves away', () => {
    const none = createdLaunch({ targetGaDate: null });
    expect(nextSloDueAt(state(none), EMPTY_SLO_HISTORY, policy)).toBeNull();
    const trained = launchAt('SUPPORT_TRAINED');
    expect(fireDue(trained, later(state(trained).targetGaDate!, 0)).fired).toEqual([]);
    const l = createdLaunch({ targetGaDate: T });
    const moved = act(l, coordinator, {
      type: 'UPDATE',
      changes: { targetGaDate: '2030-06-01T00:00:00.000Z' },
    });
    expect(fireDue(moved, later(T, -DAY_MS)).fired).toEqual([]);
  });

  it('counts days left from now, and never below zero', () => {
    const l = createdLaunch({ targetGaDate: T });
    expect(fireDue(l, later(T, DAY_MS)).fired[0]?.data).toEqual({ targetGaDate: T, daysLeft: 0 });
  });
});

describe('the SLO history kept with the launch', () => {
  /** Kept change by change, as the API keeps it: the last kept form, then the change's events. */
  function keptAlong(l: TestLaunch, steps: ((l: TestLaunch) => TestLaunch)[]) {
    let launch = l;
    let kept = persistSloHistory(sloHistory(launch.events), state(launch));
    for (const step of steps) {
      const before = launch.events.length;
      launch = step(launch);
      const history = sloHistory(launch.events.slice(before), restoreSloHistory(kept));
      kept = persistSloHistory(history, state(launch));
      // Whatever the launch owes, and when, is the same as with its whole log.
      const whole = sloHistory(launch.events);
      for (const now of [
        launch.now,
        later(launch.now, 3 * HOUR_MS),
        later(launch.now, 9 * DAY_MS),
      ]) {
        expect(dueSloNotifications(state(launch), restoreSloHistory(kept), policy, now)).toEqual(
          dueSloNotifications(state(launch), whole, policy, now),
        );
      }
      expect(nextSloDueAt(state(launch), restoreSloHistory(kept), policy)).toBe(
        nextSloDueAt(state(launch), whole, policy),
      );
    }
    return { launch, kept };
  }

  const noGo = (comment: string) => (l: TestLaunch) =>
    act(l, member('SUPPORT'), { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'NO_GO', comment });
  const fire = (hours: number) => (l: TestLaunch) =>
    fireDue(l, later(l.now, hours * HOUR_MS)).launch;
  const answer = (l: TestLaunch) => act(l, member('PRODUCT'), { type: 'COMMENT', body: 'On it' });

  it('owes the same as the whole log, and holds only what the launch still holds', () => {
    const steps = [fire(2.5), answer, noGo('Still missing'), fire(2.5), fire(2.5)];
    const { launch, kept } = keptAlong(blocked(), [...steps, ...steps, ...steps]);
    const held = new Set(state(launch).signOffs.map((s) => s.id));
    for (const id of [...kept.answered, ...kept.escalated.map(([i]) => i), ...kept.expired])
      expect(held.has(id)).toBe(true);
    expect(kept.escalated.length).toBeLessThanOrEqual(1);
  });

  it('keeps the at-risk stages', () => {
    const l = createdLaunch({ targetGaDate: later(T0, 20 * DAY_MS) });
    const { kept } = keptAlong(l, [fire(24 * 15), answer]);
    expect(kept.atRiskStages).toEqual(['PLANNING']);
  });
});
