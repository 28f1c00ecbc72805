import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
} from '../launches/launch-command.service.js';
import { notifyCommitted } from './event-notification.repository.js';
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

  async inTransaction(tx: EntityManager, change: CommandResult): Promise<void> {
    if (change.events.length === 0 || !this.bus.usesListen) return;
    await notifyCommitted(tx, {
      l: change.state.id,
      from: change.events[0]!.sequence,
      to: change.events.at(-1)!.sequence,
    });
  }

  afterCommit(change: CommandResult): void {
    if (!this.bus.usesListen) this.bus.publishCommitted(change.events);
  }
}
