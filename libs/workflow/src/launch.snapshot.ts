import { DEFAULT_GATE_POLICY, isStage } from '#checklists';
import { getInitialSnapshot, transition } from 'xstate';
import type { SnapshotFrom } from 'xstate';
import type { CreatedEvent, DomainEvent } from './launch.events.js';
import { MACHINE_VERSION, launchMachine } from './launch.machine.js';
import type { LaunchState, SignOffState } from './launch.types.js';
import { WorkflowError } from './workflow.errors.js';

export type LaunchSnapshot = SnapshotFrom<typeof launchMachine>;

/** What the API stores on the launch row: plain JSON plus the machine version that wrote it. */
export interface StoredSnapshot {
  readonly machineVersion: number;
  readonly snapshot: PersistedLaunchSnapshot;
}

/** The persisted form of a snapshot of the current machine version. */
export interface PersistedLaunchSnapshot {
  readonly status: string;
  readonly value: string;
  readonly context: LaunchState;
  readonly [key: string]: unknown;
}

export function initialSnapshot(created: CreatedEvent): LaunchSnapshot {
  if (created.type !== 'CREATED') {
    throw WorkflowError.internal(`A launch starts with CREATED, not ${String(created.type)}.`);
  }
  return getInitialSnapshot(launchMachine, created);
}

/**
 * Runs one event through XState's pure transition(). Every accepted event changes the
 * context (updatedAt at least), so an unchanged snapshot means the machine refused it:
 * decide() should have refused first, so this is a bug, reported as INTERNAL.
 */
export function applyEvent(snapshot: LaunchSnapshot, event: DomainEvent): LaunchSnapshot {
  if (event.type === 'CREATED') {
    throw WorkflowError.internal('CREATED can only start a launch, not change one.');
  }
  const [next] = transition(launchMachine, snapshot, event);
  if (next === snapshot || next.context === snapshot.context) {
    throw WorkflowError.internal(
      `The launch machine refused ${event.type} in ${String(snapshot.value)}; the event contradicts the launch's state.`,
    );
  }
  return next;
}

/** Folds a launch's whole log, CREATED first, into its current snapshot. */
export function replay(events: readonly DomainEvent[]): LaunchSnapshot {
  const [first, ...rest] = events;
  if (!first || first.type !== 'CREATED') {
    throw WorkflowError.internal('A launch log must start with its CREATED event.');
  }
  return rest.reduce(applyEvent, initialSnapshot(first));
}

export function stateOf(snapshot: LaunchSnapshot): LaunchState {
  return snapshot.context;
}

/**
 * Every sign-off a launch's log ever made, in signing order, superseded ones included with
 * status SUPERSEDED: what the state no longer carries, rebuilt from the events (the API's
 * sign_off rows hold the same).
 */
export function signOffHistory(events: readonly DomainEvent[]): SignOffState[] {
  const history = new Map<string, SignOffState>();
  let snapshot: LaunchSnapshot | null = null;
  for (const event of events) {
    snapshot = snapshot ? applyEvent(snapshot, event) : initialSnapshot(event as CreatedEvent);
    const superseded = 'supersededSignOffIds' in event.data ? event.data.supersededSignOffIds : [];
    for (const id of superseded) {
      const old = history.get(id);
      if (old) history.set(id, { ...old, status: 'SUPERSEDED' });
    }
    for (const s of snapshot.context.signOffs) if (!history.has(s.id)) history.set(s.id, s);
  }
  return [...history.values()];
}

export function persistSnapshot(snapshot: LaunchSnapshot): StoredSnapshot {
  // The JSON round trip detaches it from the live snapshot and proves it serialises.
  const persisted = JSON.parse(
    JSON.stringify(launchMachine.getPersistedSnapshot(snapshot)),
  ) as PersistedLaunchSnapshot;
  return { machineVersion: MACHINE_VERSION, snapshot: persisted };
}

/**
 * Upgrades for snapshots written by older machines: MIGRATIONS[n] turns a version n
 * snapshot into version n + 1.
 */
const MIGRATIONS: Readonly<Record<number, (snapshot: unknown) => unknown>> = {
  // Version 2: launches carry their template's version and gate policy; every launch before
  // came from version 1 of a built-in template, whose policy is the default.
  1: (snapshot) => {
    const s = snapshot as { context?: unknown } | null;
    if (!s || typeof s !== 'object' || !s.context || typeof s.context !== 'object') return s;
    return {
      ...s,
      context: { ...s.context, templateVersion: 1, policy: DEFAULT_GATE_POLICY },
    };
  },
  // Version 3: the snapshot holds the current state only; superseded sign-offs leave it.
  2: (snapshot) => {
    const s = snapshot as { context?: { signOffs?: unknown } } | null;
    if (!s?.context || !Array.isArray(s.context.signOffs)) return s;
    return {
      ...s,
      context: {
        ...s.context,
        signOffs: s.context.signOffs.filter(
          (x) => (x as Partial<SignOffState> | null)?.status !== 'SUPERSEDED',
        ),
      },
    };
  },
};

export function migrateSnapshot(stored: {
  machineVersion: number;
  snapshot: unknown;
}): StoredSnapshot {
  let { machineVersion: version, snapshot } = stored;
  if (!Number.isInteger(version) || version < 1 || version > MACHINE_VERSION) {
    throw WorkflowError.internal(
      `Cannot read a snapshot of machine version ${String(version)}; this build knows versions 1 to ${MACHINE_VERSION}.`,
    );
  }
  while (version < MACHINE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) {
      throw WorkflowError.internal(`No migration from machine version ${version}.`);
    }
    snapshot = migrate(snapshot);
    version += 1;
  }
  return { machineVersion: version, snapshot: assertPersisted(snapshot) };
}

function assertPersisted(snapshot: unknown): PersistedLaunchSnapshot {
  const s = snapshot as Partial<PersistedLaunchSnapshot> | null;
  if (
    !s ||
    typeof s !== 'object' ||
    !isStage(s.value) ||
    !s.context ||
    typeof s.context !== 'object' ||
    s.context.stage !== s.value
  ) {
    throw WorkflowError.internal('The stored snapshot is not a launch snapshot.');
  }
  return s as PersistedLaunchSnapshot;
}

/** Rebuilds a live snapshot from the stored JSON, migrating older versions first. */
export function restoreSnapshot(stored: {
  machineVersion: number;
  snapshot: unknown;
}): LaunchSnapshot {
  const { snapshot } = migrateSnapshot(stored);
  // resolveState recomputes status (final states are 'done') from value and context.
  return launchMachine.resolveState({ value: snapshot.value, context: snapshot.context });
}
