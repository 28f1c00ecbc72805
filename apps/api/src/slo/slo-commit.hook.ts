import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BatchStatement } from '../database/write-batch.repository.js';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
} from '../launches/launch-command.service.js';
import { SloTimerRepository } from './slo-timer.repository.js';

/** Keeps the launch's durable SLO timer in step with every change, in its transaction. */
@Injectable()
export class SloCommitHook implements CommitHook {
  constructor(
    commands: LaunchCommandService,
    private readonly timers: SloTimerRepository,
  ) {
    commands.useHook(this);
  }

  async inTransaction(
    tx: EntityManager,
    change: CommandResult,
  ): Promise<readonly BatchStatement[]> {
    if (change.events.length === 0) return [];
    // The history read under the lock sees the stored events; the change's own follow them.
    const history = () => this.timers.history(tx, change.state.id, change.events);
    return [await this.timers.rescheduleStatement(change.state, history)];
  }
}
