import { Injectable } from '@nestjs/common';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
  type HookWrites,
} from '../launches/launch-command.service.js';
import { notifyStatement } from './event-notification.repository.js';
import { LaunchEventBus } from './launch-event-bus.js';

/**
 * Announces every change: with a PostgreSQL server, a NOTIFY in the change's transaction
 * (delivered to every API process on commit); embedded, the rows go to this process's
 * subscribers directly after commit.
 */
@Injectable()
export class EventsCommitHook implements CommitHook {
  constructor(
    commands: LaunchCommandService,
    private readonly bus: LaunchEventBus,
  ) {
    // Registered at construction, so changes made during start-up (demo seed) count too.
    commands.useHook(this);
  }

  inTransaction(_tx: unknown, change: CommandResult): Promise<HookWrites> {
    if (change.events.length === 0 || !this.bus.usesListen)
      return Promise.resolve({ statements: [] });
    const range = {
      l: change.state.id,
      from: change.events[0]!.sequence,
      to: change.events.at(-1)!.sequence,
    };
    return Promise.resolve({ statements: [notifyStatement(range)] });
  }

  afterCommit(change: CommandResult): void {
    if (!this.bus.usesListen) this.bus.publishCommitted(change.events);
  }
}
