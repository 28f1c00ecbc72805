import type { DataSource } from 'typeorm';
import type {
  Actor,
  CommandOf,
  CreateLaunchCommand,
  DomainEvent,
  LaunchCommandType,
  LaunchSnapshot,
  Role,
  Team,
} from '#workflow';
import { Clock } from '../../apps/api/src/common/clock.js';
import type { Viewer } from '../../apps/api/src/identity/viewer.js';
import {
  LaunchCommandService,
  type CommandResult,
} from '../../apps/api/src/launches/launch-command.service.js';
import { LaunchFreezeWindows } from '../../apps/api/src/launches/launch-freeze-windows.js';
import { LaunchRepository } from '../../apps/api/src/launches/launch.repository.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';

/** What one committed change left behind. */
export type StoredChange = CommandResult;

type CreateInput = Partial<Omit<CreateLaunchCommand, 'type' | 'id'>>;

let counter = 0;
const unique = () => `${process.pid.toString(36)}-${(counter += 1)}`;

/** A clock the test sets before each change. */
class SetClock extends Clock {
  at = new Date(0);
  now(): Date {
    return this.at;
  }
}

/**
 * Launches made by the API's own command service, without Nest: the same decision, hash
 * chain and writes on the locked row. Every change takes its time from the test (`at`).
 */
export class LaunchFixture {
  readonly launches: LaunchRepository;
  readonly users: UserRepository;
  private readonly clock = new SetClock();
  private readonly commands: LaunchCommandService;

  constructor(readonly db: DataSource) {
    this.launches = new LaunchRepository(db);
    this.users = new UserRepository(db);
    // No freeze-window source: fixtures judge no windows.
    this.commands = new LaunchCommandService(
      this.launches,
      this.clock,
      new LaunchFreezeWindows(this.clock),
    );
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
    this.clock.at = new Date(at);
    return this.commands.create(viewerOf(actor), {
      key: `launch-${unique()}`,
      name: 'Fixture launch',
      ...input,
    });
  }

  /** A person's command on the locked launch, decided at `at`. */
  run<K extends Exclude<LaunchCommandType, 'CREATE'>>(
    actor: Actor,
    launchId: string,
    command: CommandOf<K>,
    at: string,
  ): Promise<StoredChange> {
    this.clock.at = new Date(at);
    return this.commands.run(viewerOf(actor), launchId, command);
  }

  /** Events the caller decides on the locked launch (timer events, for instance). */
  async change(
    launchId: string,
    events: (snapshot: LaunchSnapshot) => DomainEvent[],
  ): Promise<StoredChange> {
    const change = await this.commands.runSystem(launchId, async (_tx, snapshot) =>
      events(snapshot),
    );
    if (!change) throw new Error(`Launch ${launchId} is missing or locked`);
    return change;
  }
}

function viewerOf(actor: Actor): Viewer {
  return {
    user: {
      id: actor.id,
      name: actor.id,
      email: '',
      role: actor.role,
      teams: [...actor.teams],
      createdAt: new Date(0),
      active: true,
      managedBy: 'LOCAL',
    },
    tokenId: 'fixture',
    actor,
  };
}

/** An ISO instant `hours` after `base`. */
export function hoursAfter(base: string, hours: number): string {
  return new Date(Date.parse(base) + hours * 3_600_000).toISOString();
}
