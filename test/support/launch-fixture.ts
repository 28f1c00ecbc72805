import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  applyEvent,
  decide,
  eventEffects,
  initialSnapshot,
  isBlocked,
  persistSnapshot,
  restoreSnapshot,
  stateOf,
  type Actor,
  type CreatedEvent,
  type CreateLaunchCommand,
  type DomainEvent,
  type LaunchCommand,
  type LaunchSnapshot,
  type LaunchState,
  type Role,
  type Team,
} from '#workflow';
import { eventHash } from '../../apps/api/src/launches/event-chain.js';
import type { LaunchEventEntity } from '../../apps/api/src/launches/launch-event.entity.js';
import { LaunchRepository } from '../../apps/api/src/launches/launch.repository.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';

/** What one committed change left behind. */
export interface StoredChange {
  state: LaunchState;
  version: number;
  events: LaunchEventEntity[];
}

type CreateInput = Partial<Omit<CreateLaunchCommand, 'type' | 'id'>>;

let counter = 0;
const unique = () => `${process.pid.toString(36)}-${(counter += 1)}`;

/**
 * Launches made the way the API makes them, without Nest: libs/workflow decides, the
 * fixture hashes the events, and LaunchRepository writes them in one transaction on the
 * locked row. Every change takes its time from the test (`at`), never from the clock.
 */
export class LaunchFixture {
  readonly launches: LaunchRepository;
  readonly users: UserRepository;

  constructor(readonly db: DataSource) {
    this.launches = new LaunchRepository(db);
    this.users = new UserRepository(db);
  }

  /** A stored user acting with `role` for `teams`. */
  async actor(role: Role = 'ADMIN', teams: readonly Team[] = []): Promise<Actor> {
    const user = await this.users.insert({
      name: `${role} ${unique()}`,
      email: `${role.toLowerCase()}-${unique()}@example.test`,
      role,
      teams,
    });
    return { id: user.id, role: user.role, teams: user.teams };
  }

  create(actor: Actor, at: string, input: CreateInput = {}): Promise<StoredChange> {
    const command: CreateLaunchCommand = {
      key: `launch-${unique()}`,
      name: 'Fixture launch',
      ...input,
      type: 'CREATE',
      id: randomUUID(),
    };
    return this.db.transaction((tx) =>
      this.commit(tx, null, 0, null, decide(null, actor, command, { now: at, newId: randomUUID })),
    );
  }

  /** A person's command on the locked launch, decided at `at`. */
  run(
    actor: Actor,
    launchId: string,
    command: Exclude<LaunchCommand, CreateLaunchCommand>,
    at: string,
  ): Promise<StoredChange> {
    return this.change(launchId, (snapshot) =>
      decide(snapshot, actor, command, { now: at, newId: randomUUID }),
    );
  }

  /** Events the caller decides on the locked launch (timer events, for instance). */
  change(
    launchId: string,
    events: (snapshot: LaunchSnapshot) => DomainEvent[],
  ): Promise<StoredChange> {
    return this.db.transaction(async (tx) => {
      const row = await this.launches.lock(tx, launchId);
      if (!row) throw new Error(`No launch ${launchId}`);
      const snapshot = restoreSnapshot(row);
      return this.commit(
        tx,
        snapshot,
        row.version,
        await this.launches.headHash(tx, launchId, row.version),
        events(snapshot),
      );
    });
  }

  private async commit(
    tx: EntityManager,
    before: LaunchSnapshot | null,
    version: number,
    headHash: string | null,
    events: readonly DomainEvent[],
  ): Promise<StoredChange> {
    let snapshot = before;
    let prevHash = headHash;
    const rows: LaunchEventEntity[] = [];
    const itemIds = new Set<string>();
    const signOffIds = new Set<string>();
    for (const event of events) {
      snapshot = snapshot ? applyEvent(snapshot, event) : initialSnapshot(event as CreatedEvent);
      const fields = {
        id: randomUUID(),
        launchId: stateOf(snapshot).id,
        sequence: version + rows.length + 1,
        type: event.type,
        stage: event.stage,
        team: event.team,
        actorId: event.actorId,
        at: event.at,
        data: event.data,
        prevHash,
      };
      prevHash = eventHash(fields);
      rows.push({ ...fields, at: new Date(event.at), hash: prevHash });
      const effects = eventEffects(event);
      effects.itemIds.forEach((id) => itemIds.add(id));
      effects.signOffIds.forEach((id) => signOffIds.add(id));
    }
    if (!snapshot) throw new Error('A change needs a launch or a CREATED event.');
    const state = stateOf(snapshot);
    const stored = persistSnapshot(snapshot);
    const newVersion = version + rows.length;
    await this.launches.saveLaunch(
      tx,
      {
        state,
        version: newVersion,
        machineVersion: stored.machineVersion,
        snapshot: stored.snapshot,
        blocked: isBlocked(state),
      },
      before === null,
    );
    await this.launches.upsertItems(
      tx,
      state.id,
      state.items.filter((i) => itemIds.has(i.id)),
    );
    await this.launches.upsertSignOffs(
      tx,
      state.id,
      state.signOffs.filter((s) => signOffIds.has(s.id)),
    );
    await this.launches.appendEvents(tx, rows);
    return { state, version: newVersion, events: rows };
  }
}

/** An ISO instant `hours` after `base`. */
export function hoursAfter(base: string, hours: number): string {
  return new Date(Date.parse(base) + hours * 3_600_000).toISOString();
}
