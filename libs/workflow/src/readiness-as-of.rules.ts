import type { FreezeWindow } from './freeze-window.rules.js';
import type { DomainEvent, LaunchMachineEvent } from './launch.events.js';
import { evolve, stateFromCreated } from './launch.reducers.js';
import type { LaunchState, Readiness } from './launch.types.js';
import { readiness } from './readiness.js';
import { WorkflowError } from './workflow.errors.js';

/**
 * asOf must fall between the launch's CREATED event and now (both inclusive, at millisecond
 * precision): BAD_USER_INPUT otherwise.
 */
export function checkAsOf(asOf: string, createdAt: string, now: string): void {
  const t = Date.parse(asOf);
  if (Number.isNaN(t)) throw WorkflowError.badInput('asOf', 'asOf must be an ISO 8601 date-time.');
  if (t > Date.parse(now)) {
    throw WorkflowError.badInput('asOf', 'asOf must not be in the future.');
  }
  if (t < Date.parse(createdAt)) {
    throw WorkflowError.badInput('asOf', 'asOf must not be before the launch was created.');
  }
}

/** The launch and its readiness as they stood at asOf. */
export interface ReadinessAsOf {
  readonly state: LaunchState;
  readonly readiness: Readiness;
}

/**
 * The launch after a stored log (CREATED first, in sequence order), through the reducers the
 * machine applies to every accepted event. Stored events passed the machine's guards when
 * they were appended (the verifier replays them through the machine again), so the fold
 * skips XState's per-event setup: 1,000 events fold in well under a millisecond instead of
 * tens, which is what lets readiness(asOf) scrub through a long history.
 */
export function foldStoredEvents(events: readonly DomainEvent[]): LaunchState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'CREATED') {
    throw WorkflowError.internal('A launch log must start with its CREATED event.');
  }
  return (rest as LaunchMachineEvent[]).reduce(evolve, stateFromCreated(first));
}

/**
 * POLICIES.md "readiness as of a moment": the longest run of the launch's events (sequence
 * order, CREATED first) whose `at` is <= asOf, folded through the launch's reducers,
 * evaluated at asOf with the windows in effect then (readiness() applies the rule).
 */
export function readinessAsOf(
  events: readonly DomainEvent[],
  asOf: string,
  windows: readonly FreezeWindow[] = [],
): ReadinessAsOf {
  const t = Date.parse(asOf);
  const end = events.findIndex((e) => Date.parse(e.at) > t);
  const state = foldStoredEvents(end === -1 ? events : events.slice(0, end));
  return { state, readiness: readiness(state, new Date(t).toISOString(), windows) };
}
