/*
 * Test factory for the workflow specs: builds launches through decide() + applyEvent(),
 * exactly as the API does, so a test states only what matters to it.
 */
import type { Stage, Team } from '#checklists';
import { isFinalStage, nextStage, stageIndex } from '#checklists';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import type { CreateLaunchCommand, LaunchCommand } from './launch.commands.js';
import type { FreezeWindow } from './freeze-window.rules.js';
import type { DomainEvent } from './launch.events.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import { applyEvent, initialSnapshot } from './launch.snapshot.js';
import type { ChecklistItemState, LaunchState } from './launch.types.js';
import { WorkflowError } from './workflow.errors.js';

export const T0 = '2030-01-01T09:00:00.000Z';
export const DAY_MS = 86_400_000;

export const admin: Actor = { id: 'u-admin', role: 'ADMIN', teams: [] };
export const coordinator: Actor = { id: 'u-coord', role: 'COORDINATOR', teams: [] };
export const viewer: Actor = {
  id: 'u-viewer',
  role: 'VIEWER',
  teams: ['PRODUCT', 'ENGINEERING', 'SUPPORT'],
};
export function member(team: Team, id = `u-${team.toLowerCase()}`): Actor {
  return { id, role: 'MEMBER', teams: [team] };
}

export interface TestLaunch {
  readonly snapshot: LaunchSnapshot;
  readonly events: readonly DomainEvent[];
  /** The test clock: the time of the next command unless one is given. */
  readonly now: string;
  readonly ids: number;
}

export function state(launch: TestLaunch): LaunchState {
  return launch.snapshot.context;
}

export function later(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Lets time pass on the test clock. */
export function wait(launch: TestLaunch, ms: number): TestLaunch {
  return { ...launch, now: later(launch.now, ms) };
}

export interface CreateOptions extends Partial<Omit<CreateLaunchCommand, 'type'>> {
  readonly by?: Actor;
  readonly at?: string;
}

/** A launch in PLANNING, created by a coordinator, "lite" template and a target date unless told. */
export function createdLaunch(options: CreateOptions = {}): TestLaunch {
  const { by = coordinator, at = T0, ...fields } = options;
  let ids = 0;
  const events = decide(
    null,
    by,
    {
      type: 'CREATE',
      id: 'launch-1',
      key: 'test-launch',
      name: 'Test launch',
      template: 'lite',
      targetGaDate: later(at, 180 * DAY_MS),
      ...fields,
    },
    { now: at, newId: () => `id-${++ids}` },
  );
  const [created] = events;
  if (!created || created.type !== 'CREATED') throw new Error('CREATE produced no CREATED event');
  return { snapshot: initialSnapshot(created), events, now: later(at, 60_000), ids };
}

/** Runs one command as the API would; the clock then moves on a minute. */
export function act(
  launch: TestLaunch,
  actor: Actor,
  command: LaunchCommand,
  at: string = launch.now,
): TestLaunch {
  let ids = launch.ids;
  const events = decide(launch.snapshot, actor, command, { now: at, newId: () => `id-${++ids}` });
  const snapshot = events.reduce(applyEvent, launch.snapshot);
  return { snapshot, events: [...launch.events, ...events], now: later(at, 60_000), ids };
}

/** The WorkflowError `fn` throws (fails the test, saying `failure`, when it throws none). */
export function thrown(fn: () => unknown, failure = 'Expected a WorkflowError'): WorkflowError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
  throw new Error(failure);
}

/** The WorkflowError a command is refused with (fails the test when it is accepted). */
export function refusal(
  launch: TestLaunch,
  actor: Actor,
  command: LaunchCommand,
  at: string = launch.now,
): WorkflowError {
  return thrown(
    () => act(launch, actor, command, at),
    `Expected ${command.type} to be refused, but it was accepted.`,
  );
}

export function items(
  launch: TestLaunch,
  filter: Partial<ChecklistItemState> = {},
): ChecklistItemState[] {
  return state(launch).items.filter((item) =>
    Object.entries(filter).every(([k, v]) => item[k as keyof ChecklistItemState] === v),
  );
}

export function item(launch: TestLaunch, filter: Partial<ChecklistItemState>): ChecklistItemState {
  const [found] = items(launch, filter);
  if (!found) throw new Error(`No item matches ${JSON.stringify(filter)}`);
  return found;
}

/** Completes every OPEN required item of the current stage (of one team, if given) by its team. */
export function completeRequired(launch: TestLaunch, team?: Team): TestLaunch {
  const stage = state(launch).stage;
  return items(launch, { stage, required: true, status: 'OPEN' })
    .filter((i) => team === undefined || i.team === team)
    .reduce((l, i) => act(l, member(i.team), { type: 'COMPLETE_ITEM', itemId: i.id }), launch);
}

export function signGo(
  launch: TestLaunch,
  teams: readonly Team[] = ['PRODUCT', 'ENGINEERING', 'SUPPORT'],
): TestLaunch {
  return teams.reduce(
    (l, team) => act(l, member(team), { type: 'SIGN_OFF', team, decision: 'GO' }),
    launch,
  );
}

/** Meets every rule of the current gate (early access and its lead time included). */
export function satisfyGate(launch: TestLaunch): TestLaunch {
  let l = signGo(completeRequired(launch));
  const s = state(l);
  if (s.stage === 'SUPPORT_TRAINED') {
    if (!s.earlyAccess) l = act(l, coordinator, { type: 'GRANT_EARLY_ACCESS' });
    l = wait(l, state(l).supportLeadDays * DAY_MS);
  }
  return l;
}

export function advance(launch: TestLaunch, by: Actor = coordinator): TestLaunch {
  return act(launch, by, { type: 'ADVANCE' });
}

/** A launch brought to `stage` through every gate on the way. */
export function launchAt(stage: Stage, options: CreateOptions = {}): TestLaunch {
  let l = createdLaunch(options);
  if (stage === 'CANCELLED') return act(l, coordinator, { type: 'CANCEL', reason: 'Test' });
  while (state(l).stage !== stage) {
    const current = state(l).stage;
    if (isFinalStage(current) || stageIndex(current) > stageIndex(stage)) {
      throw new Error(`Cannot reach ${stage} from ${current}`);
    }
    l = advance(satisfyGate(l));
    if (state(l).stage !== nextStage(current)) throw new Error('advance did not move on');
  }
  return l;
}

/** A GA freeze from 10 to 12 June 2030, declared long before. */
export function freezeWindow(fields: Partial<FreezeWindow> = {}): FreezeWindow {
  return {
    id: 'w-1',
    name: 'Holiday',
    reason: null,
    startsAt: '2030-06-10T00:00:00.000Z',
    endsAt: '2030-06-12T00:00:00.000Z',
    stages: ['GA'],
    createdById: 'u-admin',
    createdAt: '2030-01-01T00:00:00.000Z',
    endedAt: null,
    endedById: null,
    ...fields,
  };
}
