import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EMPTY_SLO_HISTORY,
  persistSloHistory,
  restoreSloHistory,
  sloHistory,
  type PersistedSloHistory,
} from '#workflow';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
  type HookWrites,
} from '../launches/launch-command.service.js';
import { SloTimerRepository } from './slo-timer.repository.js';

/**
 * Keeps the launch's durable SLO timer in step with every change, in its transaction. The
 * SLO history it needs is kept on the launch row (`keeps`), pruned to what the rules can
 * still read, so a change reads no events under the lock; a launch that has none kept yet
 * (stored before it was kept) has its history read from its events once.
 */
@Injectable()
export class SloCommitHook implements CommitHook {
  readonly keeps = 'slo';

  constructor(
    commands: LaunchCommandService,
    private readonly timers: SloTimerRepository,
  ) {
    commands.useHook(this);
  }

  async inTransaction(
    tx: EntityManager,
    change: CommandResult,
    kept: unknown,
  ): Promise<HookWrites> {
    if (change.events.length === 0) return { statements: [], keep: kept };
    const created = change.events[0]!.sequence === 1;
    const before = kept
      ? restoreSloHistory(kept as PersistedSloHistory)
      : created
        ? EMPTY_SLO_HISTORY
        : await this.timers.history(tx, change.state.id);
    const history = sloHistory(change.events, before);
    return {
      statements: [this.timers.rescheduleStatement(change.state, history)],
      keep: persistSloHistory(history, change.state),
    };
  }
}
