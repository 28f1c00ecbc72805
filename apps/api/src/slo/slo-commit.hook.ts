import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

  async inTransaction(tx: EntityManager, change: CommandResult): Promise<void> {
    if (change.events.length > 0) await this.timers.reschedule(tx, change.state);
  }
}
