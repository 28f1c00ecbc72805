/*
 * Model-based test of the launch machine: @xstate/graph explores the real machine from
 * a new launch, with events produced by decide() for a small set of moves (make
 * progress on the first missing requirement, block, reopen, waive, add, advance,
 * cancel, comment, notifications). Every machine state and every transition of the
 * machine's definition must be reached; every path is replayed through applyEvent()
 * and the readiness explanation is checked at each step.
 */
import { TEAMS, nextStage } from '#checklists';
import type { Stage } from '#checklists';
import {
  adjacencyMapToArray,
  getAdjacencyMap,
  getShortestPaths,
  toDirectedGraph,
} from '@xstate/graph';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import type { LaunchCommand } from './launch.commands.js';
import type { LaunchMachineEvent } from './launch.events.js';
import { launchMachine } from './launch.machine.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import { applyEvent } from './launch.snapshot.js';
import type { LaunchState, Requirement } from './launch.types.js';
import { readiness } from './readiness.js';
import { DAY_MS, admin, coordinator, createdLaunch, later, member } from './test-helpers.js';
import { WorkflowError } from './workflow.errors.js';

const HOUR_MS = 3_600_000;
const LEAD_DAYS = 1;

/** The next command happens an hour after the launch's last event. */
function nextMoment(state: LaunchState): string {
  return later(state.updatedAt, HOUR_MS);
}

function attempt(
  snapshot: LaunchSnapshot,
  actor: Actor,
  command: LaunchCommand,
  at: string,
): LaunchMachineEvent | WorkflowError {
  const s = snapshot.context;
  try {
    // Ids unique within the launch: each id-making event grows one of the two counts.
    const events = decide(snapshot, actor, command, {
      now: at,
      newId: () => `id-${s.signOffs.length}-${s.items.length}`,
    });
    // A command's own event comes first; a heads-up decide() appends after an advance or a
    // grant is explored below as a notification of its own.
    const [own, ...rest] = events;
    if (!own || rest.some((e) => e.type !== 'SUPPORT_HEADS_UP'))
      throw new Error(`${command.type} made ${events.map((e) => e.type).join(', ')}`);
    return own as LaunchMachineEvent;
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
}

/** The command that settles one requirement. */
function settle(state: LaunchState, requirement: Requirement, at: string): [Actor, LaunchCommand] {
  switch (requirement.kind) {
    case 'CHECKLIST_ITEM':
      return [member(requirement.team!), { type: 'COMPLETE_ITEM', itemId: requirement.itemId! }];
    case 'SIGN_OFF':
    case 'SIGN_OFF_EXPIRED':
    case 'BLOCKED_BY_TEAM':
      return [
        member(requirement.team!),
        { type: 'SIGN_OFF', team: requirement.team!, decision: 'GO' },
      ];
    case 'LAUNCH_FIELD':
      return [coordinator, { type: 'UPDATE', changes: { targetGaDate: later(at, 100 * DAY_MS) } }];
    case 'SUPPORT_LEAD_TIME':
      return state.earlyAccess
        ? [coordinator, { type: 'ADVANCE' }]
        : [coordinator, { type: 'GRANT_EARLY_ACCESS', url: 'https://staging.example.com' }];
    case 'FREEZE_WINDOW':
      // No window is given to these runs, so none ever freezes a stage.
      throw new Error('No freeze window applies without windows.');
  }
}

function eventsFor(snapshot: LaunchSnapshot): LaunchMachineEvent[] {
  const state = snapshot.context;
  const at = nextMoment(state);
  const out: LaunchMachineEvent[] = [];
  const add = (actor: Actor, command: LaunchCommand, when = at) => {
    const result = attempt(snapshot, actor, command, when);
    if (!(result instanceof WorkflowError)) out.push(result);
    return result;
  };
  const r = readiness(state, at);
  const [first] = r.missing;

  // Advancing: refused exactly with readiness.missing, or accepted when nothing is missing.
  const advance = add(coordinator, { type: 'ADVANCE' });
  if (advance instanceof WorkflowError) {
    if (advance.code === 'GATE_NOT_SATISFIED') {
      expect(advance.missing).toEqual(r.missing);
      expect(r.missing.length).toBeGreaterThan(0);
    } else {
      expect(advance.code).toBe('INVALID_TRANSITION');
      expect(r.nextStage).toBeNull();
    }
  } else {
    expect(r.canAdvance).toBe(true);
  }
  // Support's lead time only passes with time: try again once it has.
  if (first?.kind === 'SUPPORT_LEAD_TIME' && state.earlyAccess && r.missing.length === 1) {
    add(coordinator, { type: 'ADVANCE' }, later(state.earlyAccess.grantedAt, LEAD_DAYS * DAY_MS));
  }
  if (first && first.kind !== 'SUPPORT_LEAD_TIME') add(...settle(state, first, at));
  if (first?.kind === 'SUPPORT_LEAD_TIME' && !state.earlyAccess) add(...settle(state, first, at));

  const openRequired = state.items.find(
    (i) => i.stage === state.stage && i.required && i.status === 'OPEN',
  );
  if (openRequired) add(admin, { type: 'WAIVE_ITEM', itemId: openRequired.id, reason: 'Low risk' });
  const closedRequired = state.items.find(
    (i) => i.stage === state.stage && i.required && i.status !== 'OPEN',
  );
  if (closedRequired)
    add(coordinator, { type: 'REOPEN_ITEM', itemId: closedRequired.id, reason: 'Rework' });
  if (!r.blocked) {
    add(member('SUPPORT'), {
      type: 'SIGN_OFF',
      team: 'SUPPORT',
      decision: 'NO_GO',
      comment: 'Not yet',
    });
  }
  if (state.items.length === launch.snapshot.context.items.length) {
    add(coordinator, {
      type: 'ADD_ITEM',
      stage: 'SUPPORT_TRAINED',
      team: 'SUPPORT',
      title: 'FAQ',
      required: false,
    });
  }
  add(coordinator, { type: 'GRANT_EARLY_ACCESS' });
  add(coordinator, { type: 'UPDATE', changes: { name: state.name === 'A' ? 'B' : 'A' } });
  add(coordinator, { type: 'CANCEL', reason: 'Dropped' });
  add(member('ENGINEERING'), { type: 'COMMENT', body: 'Status?' });

  if (state.stage === 'GA') {
    // The advance into GA carries its heads-up in the same change (decide appends it).
    out.push({
      type: 'SUPPORT_HEADS_UP',
      at,
      actorId: null,
      team: 'SUPPORT',
      stage: 'GA',
      data: { stage: 'GA' },
    });
    // The outcome timer's event, once the first window after GA completed.
    out.push({
      type: 'OUTCOME_MEASURED',
      at,
      actorId: null,
      team: null,
      stage: 'GA',
      data: {
        windowDays: 14,
        ticketsBefore: 1,
        ticketsAfter: 0,
        allTicketsBefore: 5,
        allTicketsAfter: 4,
      },
    });
  }
  if (r.nextStage) {
    // Timer-driven events, as the API's SLO jobs append them (no actor).
    const timer = { at, actorId: null, stage: state.stage } as const;
    out.push({ ...timer, type: 'SUPPORT_HEADS_UP', team: 'SUPPORT', data: { stage: state.stage } });
    if (state.targetGaDate) {
      out.push({
        ...timer,
        type: 'AT_RISK',
        team: null,
        data: { targetGaDate: state.targetGaDate, daysLeft: 3 },
      });
    }
    const noGo = state.signOffs.find(
      (s) => s.stage === state.stage && s.status === 'ACTIVE' && s.decision === 'NO_GO',
    );
    if (noGo) {
      out.push({
        ...timer,
        type: 'BLOCK_ESCALATED',
        team: noGo.team,
        data: { signOffId: noGo.id, team: noGo.team, level: 1 },
      });
    }
    const go = state.signOffs.find(
      (s) => s.stage === state.stage && s.status === 'ACTIVE' && s.decision === 'GO',
    );
    if (go) {
      out.push({
        ...timer,
        type: 'SIGN_OFF_EXPIRED',
        team: go.team,
        data: { signOffId: go.id, team: go.team, stage: go.stage, signedAt: go.signedAt },
      });
    }
  }
  return out;
}

/** The abstract state: what the gates see, not ids, names or times. */
function serialize(snapshot: LaunchSnapshot): string {
  const s = snapshot.context;
  return JSON.stringify({
    value: snapshot.value,
    // Items of past stages never change again, so only the current stage's matter.
    items: s.items.filter((i) => i.stage === s.stage).map((i) => i.status),
    count: s.items.length,
    signOffs: TEAMS.map(
      (team) =>
        s.signOffs.find((x) => x.stage === s.stage && x.team === team && x.status === 'ACTIVE')
          ?.decision ?? null,
    ),
    earlyAccess: s.earlyAccess !== null,
    targetGaDate: s.targetGaDate !== null,
  });
}

const launch = createdLaunch({ template: 'lite', targetGaDate: null, supportLeadDays: LEAD_DAYS });
const options = {
  fromState: launch.snapshot,
  events: eventsFor,
  serializeState: serialize,
};
const adjacency = adjacencyMapToArray(getAdjacencyMap(launchMachine, options));
const paths = getShortestPaths(launchMachine, options);

/** A move, independent of ids and times: its type, team and the position of its item. */
function signature(event: LaunchMachineEvent, state: LaunchState): string {
  const itemId =
    'itemId' in event.data ? event.data.itemId : 'item' in event.data ? null : undefined;
  const item = itemId ? state.items.findIndex((i) => i.id === itemId) : itemId;
  return JSON.stringify([event.type, event.team, item, 'to' in event.data ? event.data.to : null]);
}

const key = (requirement: Requirement) =>
  `${requirement.kind}:${requirement.team}:${requirement.itemId}`;

/** How the explanation must change when `event` is applied (both read at the event's time). */
function checkExplanation(
  before: LaunchState,
  after: LaunchState,
  event: LaunchMachineEvent,
): void {
  const was = readiness(before, event.at).missing.map(key);
  const now = readiness(after, event.at).missing.map(key);
  const without = (keys: string[], drop: (k: string) => boolean) => keys.filter((k) => !drop(k));
  switch (event.type) {
    case 'ITEM_COMPLETED':
    case 'ITEM_WAIVED':
      expect(now).toEqual(without(was, (k) => k.endsWith(`:${event.data.itemId}`)));
      break;
    case 'SIGNED_GO':
      expect(now).toEqual(
        without(
          was,
          (k) =>
            k.startsWith('SIGN_OFF:' + event.team) || k.startsWith('BLOCKED_BY_TEAM:' + event.team),
        ),
      );
      break;
    case 'SIGNED_NO_GO':
      expect(now).toContain(`BLOCKED_BY_TEAM:${event.team}:null`);
      expect(without(now, (k) => k.startsWith('BLOCKED_BY_TEAM:' + event.team))).toEqual(
        without(
          was,
          (k) =>
            k.startsWith('SIGN_OFF:' + event.team) || k.startsWith('BLOCKED_BY_TEAM:' + event.team),
        ),
      );
      break;
    case 'ITEM_REOPENED': {
      const gos = before.signOffs.filter(
        (s) => s.stage === before.stage && s.status === 'ACTIVE' && s.decision === 'GO',
      );
      expect(now).toEqual(
        expect.arrayContaining([
          ...was,
          `CHECKLIST_ITEM:${before.items.find((i) => i.id === event.data.itemId)!.team}:${event.data.itemId}`,
          ...gos.map((g) => `SIGN_OFF:${g.team}:null`),
        ]),
      );
      expect(now).toHaveLength(was.length + 1 + gos.length);
      break;
    }
    case 'ADVANCED':
      expect(was).toEqual([]);
      expect(after.stage).toBe(nextStage(before.stage));
      break;
    case 'CANCELLED':
      expect(after.stage).toBe('CANCELLED');
      expect(now).toEqual([]);
      break;
    default:
      // Comments, notifications, renames and optional items explain nothing new.
      if (event.type !== 'UPDATED' && event.type !== 'EARLY_ACCESS_GRANTED')
        expect(now).toEqual(was);
  }
}

describe('launch machine, model-based', () => {
  it('reaches every state of the machine', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(launchMachine.root.states).sort());
  });

  it('takes every transition the machine defines', () => {
    const defined = new Set(
      toDirectedGraph(launchMachine).children.flatMap((node) =>
        node.edges.map(
          (edge) => `${node.stateNode.key} --${edge.label.text}--> ${edge.target.key}`,
        ),
      ),
    );
    const taken = new Set(
      adjacency.map(
        ({ state, event, nextState }) =>
          `${String(state.value)} --${event.type}--> ${String(nextState.value)}`,
      ),
    );
    expect([...defined].filter((edge) => !taken.has(edge))).toEqual([]);
    expect([...taken].filter((edge) => !defined.has(edge))).toEqual([]);
    // 14 events in each gated state, early access in three of them, comments in both finals,
    // the heads-up that the advance into GA carries, and the outcome measured after GA.
    expect(defined.size).toBe(5 * 14 + 3 + 2 + 1 + 1);
  });

  it('drives every shortest path through decide and applyEvent with a consistent explanation', () => {
    expect(paths.length).toBeGreaterThan(50);
    // Shortest paths form a tree: each path is a shorter one plus a step. Walking them
    // shortest first, each step starts from the launch its prefix has actually built.
    const built = new Map<string, LaunchSnapshot>([[serialize(launch.snapshot), launch.snapshot]]);
    for (const path of [...paths].sort((a, b) => a.weight - b.weight)) {
      const steps = path.steps;
      if (steps.length < 2) continue;
      const from = steps[steps.length - 2]!.state;
      const step = steps[steps.length - 1]!;
      const snapshot = built.get(serialize(from));
      if (!snapshot) throw new Error(`Prefix not walked: ${serialize(from)}`);
      // Paths hold one representative snapshot per abstract state, so the move is decided
      // afresh on the launch this walk has built.
      const wanted = signature(step.event, from.context);
      const event = eventsFor(snapshot).find((e) => signature(e, snapshot.context) === wanted);
      if (!event) throw new Error(`No ${wanted} from ${serialize(snapshot)}`);
      const next = applyEvent(snapshot, event);
      expect(serialize(next)).toBe(serialize(step.state));
      expect(next.context.stage).toBe(next.value as Stage);
      checkExplanation(snapshot.context, next.context, event);
      const r = readiness(next.context, event.at);
      expect(r.canAdvance).toBe(r.nextStage !== null && r.missing.length === 0);
      built.set(serialize(next), next);
    }
    expect(built.size).toBe(paths.length);
  });
});
