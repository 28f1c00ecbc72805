import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  LaunchCommandService,
  type CommandResult,
  type CommitHook,
} from '../launches/launch-command.service.js';
import { SloTimerRepository } from '../slo/slo-timer.repository.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { EVENTS_CHANNEL, LaunchEventBus, type CommittedRange } from './launch-event-bus.js';

/**
 * What every change does besides its own rows, in its own transaction: the webhook outbox
 * rows, the launch's durable SLO timer, and the NOTIFY that PostgreSQL delivers to every
 * API process only once the change has committed. After commit (embedded mode only) the
 * rows go to this process's subscribers directly.
 */
@Injectable()
export class NotificationCommitHook implements CommitHook {
  constructor(
    commands: LaunchCommandService,
    private readonly outbox: WebhookOutbox,
    private readonly timers: SloTimerRepository,
    private readonly bus: LaunchEventBus,
  ) {
    // Registered at construction, so changes made during start-up (demo seed) count too.
    commands.useHook(this);
  }

  async inTransaction(tx: EntityManager, change: CommandResult): Promise<void> {
    if (change.events.length === 0) return;
    await this.outbox.enqueue(tx, change);
    await this.timers.reschedule(tx, change.state);
    if (this.bus.usesListen) {
      const range: CommittedRange = {
        l: change.state.id,
        from: change.events[0]!.sequence,
        to: change.events.at(-1)!.sequence,
      };
      await tx.query(`SELECT pg_notify($1, $2)`, [EVENTS_CHANNEL, JSON.stringify(range)]);
    }
  }

  afterCommit(change: CommandResult): void {
    if (!this.bus.usesListen) this.bus.publishCommitted(change.events);
  }
}
