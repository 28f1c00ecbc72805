import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EMPTY_SLO_HISTORY,
  nextSloDueAt,
  sloHistory,
  type LaunchState,
  type SloHistory,
  type SloPolicy,
} from '#workflow';
import { AppConfig } from '../config/app-config.js';
import { runStatement, type BatchStatement } from '../database/write-batch.repository.js';

/** The durable internal-SLO timers: one row per launch that owes an event, at its due time. */
@Injectable()
export class SloTimerRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  get policy(): SloPolicy {
    return { atRiskDays: this.config.AT_RISK_DAYS };
  }

  /** The launch's SLO history, from its own events (read inside the caller's transaction). */
  async history(tx: EntityManager, launchId: string): Promise<SloHistory> {
    const rows: { type: string; stage: LaunchState['stage']; data: unknown }[] = await tx.query(
      `SELECT type, stage, data FROM launch_event
        WHERE launch_id = $1 AND type IN ('COMMENTED', 'BLOCK_ESCALATED', 'AT_RISK', 'SIGN_OFF_EXPIRED')
          AND (type <> 'COMMENTED' OR jsonb_array_length(COALESCE(data->'respondsTo', '[]')) > 0)
        ORDER BY sequence`,
      [launchId],
    );
    return sloHistory(rows);
  }

  /**
   * Sets the launch's timer to when its rules next owe an event, or removes it. Runs in
   * every change's transaction (the launch row is locked), so it never lags the events.
   */
  async reschedule(tx: EntityManager, state: LaunchState, known?: SloHistory): Promise<void> {
    // Without history a launch owes at most what it would owe with none: nothing means nothing.
    const history =
      nextSloDueAt(state, EMPTY_SLO_HISTORY, this.policy) === null
        ? EMPTY_SLO_HISTORY
        : (known ?? (await this.history(tx, state.id)));
    await runStatement(tx, this.rescheduleStatement(state, history));
  }

  /** The same write as a statement, for the change's batch. */
  rescheduleStatement(state: LaunchState, history: SloHistory): BatchStatement {
    const due = nextSloDueAt(state, history, this.policy);
    if (due === null)
      return { sql: `DELETE FROM slo_timer WHERE launch_id = $1`, params: [state.id] };
    return {
      sql: `INSERT INTO slo_timer (launch_id, due_at) VALUES ($1, $2)
         ON CONFLICT (launch_id) DO UPDATE SET due_at = EXCLUDED.due_at`,
      params: [state.id, due],
    };
  }

  /** Launches whose timer is due at `now`, oldest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows: { launch_id: string }[] = await this.db.query(
      `SELECT launch_id FROM slo_timer WHERE due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.launch_id);
  }
}
