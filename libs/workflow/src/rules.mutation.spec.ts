/*
 * Rules that mutation testing (`npm run mutation`) showed the other specs leave unpinned:
 * each test here fails for a change of the rule it names.
 */
import { compareCodePoints, gateMissing, isBlocked, readiness } from './readiness.js';
import { EMPTY_SLO_HISTORY, dueSloNotifications, nextSloDueAt, sloHistory } from './slo.rules.js';
import {
  DAY_MS,
  T0,
  act,
  advance,
  completeRequired,
  coordinator,
  createdLaunch,
  launchAt,
  later,
  member,
  satisfyGate,
  signGo,
  state,
  wait,
} from './test-helpers.js';
import { signOffHistory } from './launch.snapshot.js';
import { webhookEventTypes } from './webhook.rules.js';
import { WorkflowError } from './workflow.errors.js';

const HOUR_MS = 3_600_000;
const policy = { atRiskDays: 7 };

describe('code-point order of titles', () => {
  it('a prefix sorts first, equal strings tie, and code points (not UTF-16 units) decide', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'ab')).toBeGreaterThan(0);
    expect(compareCodePoints('', '')).toBe(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
    // U+1F600 is one code point above U+FFFF, though its first UTF-16 unit (0xD83D) is below.
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
    expect(compareCodePoints('\uFFFF', '\u{1F600}')).toBeLessThan(0);
  });
});

describe('gate requirements', () => {
  it('are ordered by kind first, whatever order the teams come in', () => {
    // PRODUCT blocks, the others have not signed: BLOCKED_BY_TEAM (PRODUCT) is found first
    // but SIGN_OFF comes first by kind.
    const l = act(createdLaunch({ template: 'lite' }), member('PRODUCT'), {
      type: 'SIGN_OFF',
      team: 'PRODUCT',
      decision: 'NO_GO',
      comment: 'Pricing unclear',
    });
    const missing = gateMissing(state(l), l.now).filter((m) => m.kind !== 'CHECKLIST_ITEM');
    expect(missing.map((m) => [m.kind, m.team])).toEqual([
      ['SIGN_OFF', 'ENGINEERING'],
      ['SIGN_OFF', 'SUPPORT'],
      ['BLOCKED_BY_TEAM', 'PRODUCT'],
    ]);
    expect(missing[2]!.message).toBe('Product blocked this launch: Pricing unclear');
  });

  it('items of one team with the same title keep their checklist order', () => {
    let l = createdLaunch({ template: 'lite' });
    for (let i = 0; i < 3; i += 1) {
      l = act(l, coordinator, {
        type: 'ADD_ITEM',
        stage: 'PLANNING',
        team: 'SUPPORT',
        title: 'Same title',
        required: true,
      });
    }
    const added = state(l).items.filter((i) => i.title === 'Same title');
    const listed = gateMissing(state(l), l.now).filter((m) => m.message.includes('Same title'));
    expect(listed.map((m) => m.itemId)).toEqual(added.map((i) => i.id));
  });

  it('say how much support lead time is missing, in days and in the singular for one', () => {
    const lead = (days: number, granted: boolean, afterMs = 0) => {
      let l = launchAt('SUPPORT_TRAINED', { supportLeadDays: days });
      if (granted) l = act(l, coordinator, { type: 'GRANT_EARLY_ACCESS' });
      l = wait(l, afterMs);
      return gateMissing(state(l), l.now).find((m) => m.kind === 'SUPPORT_LEAD_TIME')?.message;
    };
    expect(lead(0, false)).toBe(
      'Support needs early access before GA; it has not been granted yet.',
    );
    expect(lead(1, false)).toBe(
      'Support needs early access at least 1 day before GA; it has not been granted yet.',
    );
    expect(lead(3, false)).toBe(
      'Support needs early access at least 3 days before GA; it has not been granted yet.',
    );
    expect(lead(2, true, DAY_MS + HOUR_MS)).toMatch(
      /^Support has had early access for 1 of the 2 days required before GA \(enough from \d{1,2} \w{3} \d{4}, /,
    );
    expect(lead(1, true, 0)).toMatch(/for 0 of the 1 day required before GA/);
  });
});

describe('blocked and active sign-offs', () => {
  it('a cancelled launch is not blocked, though its NO_GO was never lifted', () => {
    const noGo = act(createdLaunch(), member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'No runbook',
    });
    expect(isBlocked(state(noGo))).toBe(true);
    const cancelled = act(noGo, coordinator, { type: 'CANCEL', reason: 'Descoped' });
    expect(isBlocked(state(cancelled))).toBe(false);
    expect(readiness(state(cancelled), cancelled.now).blocked).toBe(false);
  });

  it('a NO_GO its team has since replaced with a GO no longer blocks', () => {
    const noGo = act(createdLaunch(), member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'No runbook',
    });
    const lifted = act(noGo, member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Still no runbook',
    });
    expect(isBlocked(state(lifted))).toBe(true);
    const go = signGo(completeRequired(lifted, 'SUPPORT'), ['SUPPORT']);
    expect(signOffHistory(go.events).map((x) => [x.decision, x.status])).toEqual([
      ['NO_GO', 'SUPERSEDED'],
      ['NO_GO', 'SUPERSEDED'],
      ['GO', 'ACTIVE'],
    ]);
    expect(state(go).signOffs.map((x) => [x.decision, x.status])).toEqual([['GO', 'ACTIVE']]);
    expect(isBlocked(state(go))).toBe(false);
  });

  it("a stage's readiness shows only that stage's active sign-offs", () => {
    const l = advance(satisfyGate(createdLaunch()));
    const r = readiness(state(l), l.now);
    const byStage = Object.fromEntries(
      r.stages.map((s) => [s.stage, s.teams.map((t) => t.decision)]),
    );
    expect(byStage.PLANNING).toEqual(['GO', 'GO', 'GO']);
    expect(byStage.ALPHA).toEqual([null, null, null]);
  });
});

describe('SLO rules', () => {
  it('a comment that answered no block adds nothing to the history', () => {
    const history = sloHistory([
      { type: 'COMMENTED', stage: 'PLANNING', data: {} },
      { type: 'COMMENTED', stage: 'PLANNING', data: { respondsTo: [] } },
    ]);
    expect([...history.answered]).toEqual([]);
  });

  it('a final launch owes nothing, however near its target date', () => {
    const l = act(createdLaunch({ targetGaDate: later(T0, 2 * DAY_MS) }), coordinator, {
      type: 'CANCEL',
      reason: 'Descoped',
    });
    const now = later(T0, DAY_MS);
    expect(nextSloDueAt(state(l), EMPTY_SLO_HISTORY, policy)).toBeNull();
    expect(dueSloNotifications(state(l), EMPTY_SLO_HISTORY, policy, now)).toEqual([]);
  });

  it('owed notifications come oldest due first, and at one instant an escalation before AT_RISK', () => {
    // Target date 8 days out: AT_RISK (7 days before) falls due after one day. The NO_GO's
    // escalations fall due after 24 h (same instant) and 48 h.
    const l = act(
      createdLaunch({ targetGaDate: later(T0, 8 * DAY_MS), blockResponseHours: 24 }),
      member('SUPPORT'),
      { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'NO_GO', comment: 'Wait' },
      T0,
    );
    const due = dueSloNotifications(state(l), EMPTY_SLO_HISTORY, policy, later(T0, 3 * DAY_MS));
    expect(due.map((e) => [e.type, (e.data as { level?: number }).level ?? null])).toEqual([
      ['BLOCK_ESCALATED', 1],
      ['AT_RISK', null],
      ['BLOCK_ESCALATED', 2],
    ]);
    // AT_RISK due before the first escalation comes first.
    const early = act(
      createdLaunch({ targetGaDate: later(T0, 7 * DAY_MS + HOUR_MS), blockResponseHours: 24 }),
      member('SUPPORT'),
      { type: 'SIGN_OFF', team: 'SUPPORT', decision: 'NO_GO', comment: 'Wait' },
      T0,
    );
    const first = dueSloNotifications(
      state(early),
      EMPTY_SLO_HISTORY,
      policy,
      later(T0, 3 * DAY_MS),
    );
    expect(first.map((e) => e.type)).toEqual(['AT_RISK', 'BLOCK_ESCALATED', 'BLOCK_ESCALATED']);
    expect(nextSloDueAt(state(early), EMPTY_SLO_HISTORY, policy)).toBe(later(T0, HOUR_MS));
  });
});

describe('webhook event types', () => {
  const message = (types: string[]) => {
    try {
      webhookEventTypes(types);
    } catch (error) {
      return (error as WorkflowError).message;
    }
    throw new Error('accepted');
  };

  it('name what is wrong: an empty list, one unknown type, several', () => {
    expect(message([])).toBe(
      'eventTypes must name at least one event type; leave it out to receive all.',
    );
    expect(message(['CREATED', 'LAUNCHED'])).toMatch(
      /^eventTypes has unknown event type "LAUNCHED"; known: CREATED, UPDATED, /,
    );
    expect(message(['LAUNCHED', 'LANDED'])).toMatch(
      /^eventTypes has unknown event types "LAUNCHED", "LANDED"; known: CREATED, /,
    );
  });
});
