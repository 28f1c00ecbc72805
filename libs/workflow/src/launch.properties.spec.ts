/*
 * Property tests (fast-check): random sequences of sign-offs and checklist changes on
 * one stage, checking supersession, blocking and replay after every step.
 */
import { TEAMS } from '#checklists';
import type { Team } from '#checklists';
import fc from 'fast-check';
import type { Actor } from './actor.js';
import type { LaunchCommand } from './launch.commands.js';
import { persistSnapshot, replay, restoreSnapshot, signOffHistory } from './launch.snapshot.js';
import type { LaunchState, SignOffState } from './launch.types.js';
import { readiness } from './readiness.js';
import { act, admin, coordinator, launchAt, member, state } from './test-helpers.js';
import type { TestLaunch } from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

type Op =
  | { kind: 'sign'; team: Team; decision: 'GO' | 'NO_GO'; byAdmin: boolean; comment: boolean }
  | { kind: 'complete' | 'waive' | 'reopen'; item: number }
  | { kind: 'add'; team: Team; required: boolean; later: boolean }
  | { kind: 'comment' };

const team = fc.constantFrom(...TEAMS);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('sign' as const),
    team,
    decision: fc.constantFrom('GO' as const, 'NO_GO' as const),
    byAdmin: fc.boolean(),
    comment: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom('complete' as const, 'waive' as const, 'reopen' as const),
    item: fc.nat(40),
  }),
  fc.record({
    kind: fc.constant('add' as const),
    team,
    required: fc.boolean(),
    later: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('comment' as const) }),
);

// `npm run mutation` runs these once per mutant: it scales the runs down (FC_RUNS_FACTOR).
const runs = (n: number) => Math.max(10, Math.round(n * Number(process.env.FC_RUNS_FACTOR ?? 1)));

function toCommand(s: LaunchState, o: Op): [Actor, LaunchCommand] {
  const stageItems = s.items.filter((i) => i.stage === s.stage);
  switch (o.kind) {
    case 'sign':
      return [
        o.byAdmin ? admin : member(o.team),
        {
          type: 'SIGN_OFF',
          team: o.team,
          decision: o.decision,
          comment: o.comment || o.decision === 'NO_GO' ? 'Because' : null,
        },
      ];
    case 'complete': {
      const it = stageItems[o.item % stageItems.length]!;
      return [member(it.team), { type: 'COMPLETE_ITEM', itemId: it.id }];
    }
    case 'waive':
      return [
        coordinator,
        { type: 'WAIVE_ITEM', itemId: stageItems[o.item % stageItems.length]!.id, reason: 'r' },
      ];
    case 'reopen':
      return [
        coordinator,
        { type: 'REOPEN_ITEM', itemId: stageItems[o.item % stageItems.length]!.id, reason: 'r' },
      ];
    case 'add':
      return [
        coordinator,
        {
          type: 'ADD_ITEM',
          stage: o.later ? 'SUPPORT_TRAINED' : s.stage,
          team: o.team,
          title: 'Added',
          required: o.required,
        },
      ];
    case 'comment':
      return [member('PRODUCT'), { type: 'COMMENT', body: 'hi' }];
  }
}

function onStage(s: LaunchState) {
  return s.signOffs.filter((x) => x.stage === s.stage);
}

function checkInvariants(
  before: LaunchState,
  s: LaunchState,
  command: LaunchCommand,
  accepted: boolean,
  events: { before: number; after: number },
  history: readonly SignOffState[],
): void {
  // Every sign-off ever made on the stage (the state holds the standing ones only).
  const signOffs = history.filter((x) => x.stage === s.stage);
  expect(s.signOffs).toEqual(history.filter((x) => x.status === 'ACTIVE'));
  for (const t of TEAMS) {
    // At most one ACTIVE sign-off per team on the stage.
    expect(
      signOffs.filter((x) => x.team === t && x.status === 'ACTIVE').length,
    ).toBeLessThanOrEqual(1);
  }
  // Blocked iff some team's latest sign-off on the stage is a NO_GO.
  const latestIsNoGo = TEAMS.some(
    (t) => signOffs.filter((x) => x.team === t).at(-1)?.decision === 'NO_GO',
  );
  expect(readiness(s, s.updatedAt).blocked).toBe(latestIsNoGo);
  // An ACTIVE GO always stands on its team's finished required items.
  for (const go of signOffs.filter((x) => x.status === 'ACTIVE' && x.decision === 'GO')) {
    expect(
      s.items.some(
        (i) => i.stage === s.stage && i.team === go.team && i.required && i.status === 'OPEN',
      ),
    ).toBe(false);
  }
  // NO_GOs are only ever superseded by the same team's later sign-off.
  for (const x of signOffs.filter((y) => y.decision === 'NO_GO' && y.status === 'SUPERSEDED')) {
    expect(
      signOffs.some((y) => y.team === x.team && y.signedAt >= x.signedAt && y.id !== x.id),
    ).toBe(true);
  }
  if (!accepted) {
    // A copy taken before the command: a refusal that changed the state in place shows here.
    expect(s).toEqual(before);
    expect(events.after).toBe(events.before);
    return;
  }
  expect(events.after).toBeGreaterThan(events.before);
  const reopened =
    command.type === 'REOPEN_ITEM' ? before.items.find((i) => i.id === command.itemId) : undefined;
  const requiredChange =
    (reopened !== undefined && reopened.required && reopened.stage === before.stage) ||
    (command.type === 'ADD_ITEM' && command.required === true && command.stage === before.stage);
  if (requiredChange) {
    // Reopening or adding a required item leaves no ACTIVE GO on the stage...
    expect(signOffs.filter((x) => x.status === 'ACTIVE' && x.decision === 'GO')).toEqual([]);
    // ...and keeps every NO_GO that stood.
    const stood = onStage(before).filter((x) => x.status === 'ACTIVE' && x.decision === 'NO_GO');
    expect(signOffs.filter((x) => x.status === 'ACTIVE' && x.decision === 'NO_GO')).toEqual(stood);
  } else if (command.type !== 'SIGN_OFF') {
    // Anything else leaves the sign-offs alone.
    expect(s.signOffs).toEqual(before.signOffs);
  }
}

function run(start: TestLaunch, ops: Op[]): TestLaunch {
  let l = start;
  for (const o of ops) {
    const before = structuredClone(state(l));
    const eventsBefore = l.events.length;
    const [actor, command] = toCommand(before, o);
    let accepted = true;
    try {
      l = act(l, actor, command);
    } catch (error) {
      if (!(error instanceof WorkflowError) || error.code === 'INTERNAL') throw error;
      accepted = false;
      if (
        command.type === 'SIGN_OFF' &&
        command.decision === 'GO' &&
        error.code === 'GATE_NOT_SATISFIED'
      ) {
        // GO is refused exactly while the team's own required items are open.
        expect(error.missing?.length).toBeGreaterThan(0);
        expect(
          error.missing?.every((m) => m.team === command.team && m.kind === 'CHECKLIST_ITEM'),
        ).toBe(true);
      }
    }
    checkInvariants(
      before,
      state(l),
      command,
      accepted,
      { before: eventsBefore, after: l.events.length },
      signOffHistory(l.events),
    );
  }
  return l;
}

const starts = {
  PLANNING: launchAt('PLANNING', { template: 'standard' }),
  BETA: launchAt('BETA', { template: 'lite' }),
};

describe('supersession and blocking, for any sequence of moves', () => {
  it.each(Object.keys(starts) as (keyof typeof starts)[])('holds from %s', (stage) => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        run(starts[stage], ops);
      }),
      { numRuns: runs(150) },
    );
  });

  it('replay(events) equals the incrementally built state, and the snapshot round-trips', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const l = run(starts.PLANNING, ops);
        const replayed = replay(l.events);
        expect(replayed.context).toEqual(state(l));
        expect(replayed.value).toBe(l.snapshot.value);
        expect(restoreSnapshot(persistSnapshot(l.snapshot)).context).toEqual(state(l));
      }),
      { numRuns: runs(100) },
    );
  });

  it('a GO from a team with finished items is always accepted, and lifts only its own block', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), team, (ops, t) => {
        let l = run(starts.PLANNING, ops);
        for (const i of state(l).items.filter(
          (x) => x.stage === 'PLANNING' && x.team === t && x.status === 'OPEN' && x.required,
        )) {
          l = act(l, member(t), { type: 'COMPLETE_ITEM', itemId: i.id });
        }
        const othersBlocking = TEAMS.filter(
          (o) =>
            o !== t &&
            onStage(state(l)).find((x) => x.team === o && x.status === 'ACTIVE')?.decision ===
              'NO_GO',
        );
        l = act(l, member(t), { type: 'SIGN_OFF', team: t, decision: 'GO' });
        expect(readiness(state(l), l.now).blocked).toBe(othersBlocking.length > 0);
      }),
      { numRuns: runs(100) },
    );
  });
});
