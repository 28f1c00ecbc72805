import { DEFAULT_GATE_POLICY, builtInDefinition } from '#checklists';
import { decide } from './decide.js';
import { describeHistory, type NamedEvent } from './event-sentence.js';
import { eventSummary } from './event-summary.js';
import { initialSnapshot } from './launch.snapshot.js';
import {
  DAY_MS,
  T0,
  act,
  admin,
  advance,
  completeRequired,
  coordinator,
  createdLaunch,
  item,
  later,
  member,
  signGo,
  state,
  type TestLaunch,
} from './test-helpers.js';
import { withdrawnBy } from './withdrawal.rules.js';

/** Planning done by every team, Product and Engineering GO, Support NO_GO. */
function signedLaunch(): TestLaunch {
  const l = signGo(completeRequired(createdLaunch({ template: 'standard' })), [
    'PRODUCT',
    'ENGINEERING',
  ]);
  return act(l, member('SUPPORT'), {
    type: 'SIGN_OFF',
    team: 'SUPPORT',
    decision: 'NO_GO',
    comment: 'Macros missing',
  });
}

const goIds = (l: TestLaunch, teams: string[]) =>
  state(l)
    .signOffs.filter((s) => s.status === 'ACTIVE' && s.decision === 'GO' && teams.includes(s.team))
    .map((s) => s.id);

describe('withdrawnBy: the GOs a checklist change supersedes (GATES.md)', () => {
  const l = signedLaunch();
  const required = item(l, { stage: 'PLANNING', team: 'PRODUCT', required: true });

  it('reopening a required item of the current stage: every ACTIVE GO on it, never a NO_GO', () => {
    const goes = withdrawnBy(state(l), { type: 'REOPEN_ITEM', itemId: required.id });
    expect(goes.map((s) => [s.team, s.decision])).toEqual([
      ['PRODUCT', 'GO'],
      ['ENGINEERING', 'GO'],
    ]);
  });

  it('is exactly what the reopen then records and supersedes', () => {
    const predicted = withdrawnBy(state(l), { type: 'REOPEN_ITEM', itemId: required.id });
    const after = act(l, coordinator, { type: 'REOPEN_ITEM', itemId: required.id, reason: 'x' });
    expect(after.events.at(-1)).toMatchObject({
      type: 'ITEM_REOPENED',
      data: {
        supersededSignOffIds: predicted.map((s) => s.id),
        withdrawn: predicted.map((s) => ({
          signOffId: s.id,
          team: s.team,
          signedById: s.signedById,
        })),
      },
    });
    expect(goIds(after, ['PRODUCT', 'ENGINEERING', 'SUPPORT'])).toEqual([]);
    expect(state(after).signOffs.filter((s) => s.status === 'ACTIVE')).toMatchObject([
      { team: 'SUPPORT', decision: 'NO_GO' },
    ]);
  });

  it('reopening an optional item, or an OPEN one, withdraws nothing', () => {
    const optional = item(l, { stage: 'PLANNING', required: false });
    const done = act(l, member(optional.team), { type: 'COMPLETE_ITEM', itemId: optional.id });
    expect(withdrawnBy(state(done), { type: 'REOPEN_ITEM', itemId: optional.id })).toEqual([]);
    const open = item(l, { stage: 'ALPHA', required: true });
    expect(withdrawnBy(state(l), { type: 'REOPEN_ITEM', itemId: open.id })).toEqual([]);
  });

  it('an item of a past stage cannot be reopened: nothing', () => {
    let moved = signGo(l, ['SUPPORT']);
    moved = advance(moved);
    expect(state(moved).stage).toBe('ALPHA');
    moved = signGo(completeRequired(moved));
    const past = item(moved, { stage: 'PLANNING', team: 'PRODUCT', required: true });
    expect(withdrawnBy(state(moved), { type: 'REOPEN_ITEM', itemId: past.id })).toEqual([]);
    expect(
      withdrawnBy(state(moved), { type: 'ADD_ITEM', stage: 'PLANNING', required: true }),
    ).toEqual([]);
    // The current stage's GOs go with a required item added to it.
    expect(
      withdrawnBy(state(moved), { type: 'ADD_ITEM', stage: 'ALPHA', required: true }),
    ).toHaveLength(3);
  });

  it('adding a required item to the current stage withdraws its GOs; optional or later, none', () => {
    const add = (stage: 'PLANNING' | 'BETA', required: boolean | null) =>
      withdrawnBy(state(l), { type: 'ADD_ITEM', stage, required });
    expect(add('PLANNING', true).map((s) => s.team)).toEqual(['PRODUCT', 'ENGINEERING']);
    expect(add('PLANNING', null).map((s) => s.team)).toEqual(['PRODUCT', 'ENGINEERING']);
    expect(add('PLANNING', false)).toEqual([]);
    expect(add('BETA', true)).toEqual([]);
    const after = act(l, coordinator, {
      type: 'ADD_ITEM',
      stage: 'PLANNING',
      team: 'SUPPORT',
      title: 'Legal review',
    });
    expect(after.events.at(-1)).toMatchObject({
      type: 'ITEM_ADDED',
      data: { supersededSignOffIds: add('PLANNING', true).map((s) => s.id) },
    });
  });

  it('a launch that can no longer change withdraws nothing', () => {
    const cancelled = act(l, coordinator, { type: 'CANCEL', reason: 'Dropped' });
    expect(withdrawnBy(state(cancelled), { type: 'REOPEN_ITEM', itemId: required.id })).toEqual([]);
  });

  it('with approvals above 1, every standing GO of the team goes, an expired one too', () => {
    let ids = 0;
    const [created] = decide(
      null,
      coordinator,
      { type: 'CREATE', id: 'l-2', key: 'two', name: 'Two', template: 'standard' },
      {
        now: T0,
        newId: () => `id-${++ids}`,
        templateVersions: [
          {
            ...builtInDefinition('standard'),
            policy: {
              ...DEFAULT_GATE_POLICY,
              goValidDays: 1,
              approvals: [{ team: 'ENGINEERING', stage: null, approvals: 2 }],
            },
            version: 1,
            archived: false,
            createdById: admin.id,
            createdAt: T0,
          },
        ],
      },
    );
    if (created?.type !== 'CREATED') throw new Error('no CREATED');
    let two: TestLaunch = {
      snapshot: initialSnapshot(created),
      events: [created],
      now: later(T0, 60_000),
      ids,
    };
    two = completeRequired(two);
    const sign = (n: number) =>
      act(two, member('ENGINEERING', `u-eng-${n}`), {
        type: 'SIGN_OFF',
        team: 'ENGINEERING',
        decision: 'GO',
      });
    two = sign(1);
    two = { ...two, now: later(two.now, 2 * DAY_MS) };
    two = sign(2);
    const done = item(two, { stage: 'PLANNING', team: 'ENGINEERING', required: true });
    const goes = withdrawnBy(state(two), { type: 'REOPEN_ITEM', itemId: done.id });
    expect(goes.map((s) => s.signedById)).toEqual(['u-eng-1', 'u-eng-2']);
  });
});

describe('what a withdrawal sounds like', () => {
  const NAMES: Record<string, string> = { 'u-coord': 'Cora Coordinator' };
  const named = (events: TestLaunch['events']): NamedEvent[] =>
    events.map((event, index) => ({
      ...event,
      id: `e${index + 1}`,
      actorName: event.actorId ? (NAMES[event.actorId] ?? null) : null,
    }));
  const l = signedLaunch();
  const required = item(l, { stage: 'PLANNING', team: 'PRODUCT', required: true });
  const reopened = act(l, coordinator, {
    type: 'REOPEN_ITEM',
    itemId: required.id,
    reason: 'link broken',
  });
  const launch = { name: 'Checkout', key: 'checkout' };

  it('the trail and the chat line name the teams whose GOs the reopen withdrew', () => {
    const events = named(reopened.events);
    expect(describeHistory(events).get(events.at(-1)!.id)).toBe(
      `Cora Coordinator reopened “${required.title}”: “link broken”; this withdrew the GOs of Product and Engineering.`,
    );
    expect(eventSummary(reopened.events.at(-1)!, launch, 'Cora Coordinator')).toBe(
      'Cora Coordinator reopened a Product item of Checkout (checkout): "link broken"; this withdrew the GOs of Product and Engineering.',
    );
  });

  it('an event written before data.withdrawn reads as it always did', () => {
    const last = reopened.events.at(-1)!;
    if (last.type !== 'ITEM_REOPENED') throw new Error('not a reopen');
    const { withdrawn: _dropped, ...older } = last.data;
    const old = { ...last, data: older };
    expect(eventSummary(old, launch, 'Cora Coordinator')).toBe(
      'Cora Coordinator reopened a Product item of Checkout (checkout): "link broken".',
    );
    // The trail folds the history, so it still knows whose GOs the ids were.
    const events = named([...reopened.events.slice(0, -1), old]);
    expect(describeHistory(events).get(events.at(-1)!.id)).toMatch(
      /; this withdrew the GOs of Product and Engineering\.$/,
    );
  });

  it('an added optional item withdraws nothing and says nothing of it', () => {
    const added = act(l, coordinator, {
      type: 'ADD_ITEM',
      stage: 'PLANNING',
      team: 'SUPPORT',
      title: 'Nice to have',
      required: false,
    });
    expect(eventSummary(added.events.at(-1)!, launch, 'Cora Coordinator')).toBe(
      'Cora Coordinator added "Nice to have" to Support\'s Planning checklist of Checkout (checkout).',
    );
  });
});
