import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { BatchStatement } from '../database/write-batch.repository.js';
import {
  BASELINE_COHORT,
  type BaselineLaunchInput,
  type OutcomeWindow,
  type Ticket,
} from '#workflow';

export interface BaselineRow {
  key: string;
  name: string;
  gaAt: Date;
}

export interface OutcomeCounts {
  ticketsBefore: number;
  ticketsAfter: number;
  allTicketsBefore: number;
  allTicketsAfter: number;
}

export interface CohortRow {
  name: string;
  baseline: boolean;
  launches: number;
  median: number | null;
  mean: number | null;
}

export interface GaRow {
  launchId: string;
  key: string;
  template: string;
  gaAt: string;
  measureDueAt: string | null;
}

type Runner = DataSource | EntityManager;

/**
 * Tickets, baseline launches and GA launches (with their outcome timer). Every count is one
 * SQL aggregate over an index; no ticket row is ever read into memory.
 */
@Injectable()
export class OutcomeRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  /** Which of `keys` name a launch or a baseline launch. */
  async knownKeys(tx: Runner, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { key: string }[] = await tx.query(
      `SELECT key FROM launch WHERE key = ANY($1::text[])
       UNION SELECT key FROM baseline_launch WHERE key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  /**
   * Inserts new tickets and rewrites changed ones, in one statement; a ticket whose fields
   * are all the same is not touched. Answers how many were created and updated.
   */
  async upsertTickets(
    tx: Runner,
    tickets: readonly Ticket[],
  ): Promise<{ created: number; updated: number }> {
    const rows: { created: boolean }[] = await tx.query(
      `INSERT INTO support_ticket AS t (source, external_id, opened_at, launch_key, priority, url)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (source, external_id) DO UPDATE
         SET opened_at = EXCLUDED.opened_at, launch_key = EXCLUDED.launch_key,
             priority = EXCLUDED.priority, url = EXCLUDED.url
         WHERE (t.opened_at, t.launch_key, t.priority, t.url)
           IS DISTINCT FROM (EXCLUDED.opened_at, EXCLUDED.launch_key, EXCLUDED.priority, EXCLUDED.url)
       RETURNING (xmax = 0) AS created`,
      [
        tickets.map((t) => t.source),
        tickets.map((t) => t.externalId),
        tickets.map((t) => t.openedAt),
        tickets.map((t) => t.launchKey),
        tickets.map((t) => t.priority),
        tickets.map((t) => t.url),
      ],
    );
    const created = rows.filter((r) => r.created).length;
    return { created, updated: rows.length - created };
  }

  /** Which of `keys` a launch (not a baseline launch) has taken. */
  async launchKeysTaken(tx: Runner, keys: readonly string[]): Promise<string[]> {
    const rows: { key: string }[] = await tx.query(
      `SELECT key FROM launch WHERE key = ANY($1::text[]) ORDER BY key`,
      [keys],
    );
    return rows.map((r) => r.key);
  }

  /** Inserts the baseline launches not there yet; answers every stored row of these keys. */
  async insertBaselines(
    tx: Runner,
    launches: readonly BaselineLaunchInput[],
  ): Promise<BaselineRow[]> {
    const keys = launches.map((l) => l.key);
    await tx.query(
      `INSERT INTO baseline_launch (key, name, ga_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
       ON CONFLICT (key) DO NOTHING`,
      [keys, launches.map((l) => l.name), launches.map((l) => l.gaAt)],
    );
    return this.selectBaselines(tx, `WHERE key = ANY($1::text[])`, [keys]);
  }

  /** Every baseline launch by gaAt, then key. */
  listBaselines(): Promise<BaselineRow[]> {
    return this.selectBaselines(this.db, '', []);
  }

  private selectBaselines(tx: Runner, where: string, params: unknown[]): Promise<BaselineRow[]> {
    return tx.query(
      `SELECT key, name, ga_at AS "gaAt" FROM baseline_launch ${where}
        ORDER BY ga_at, key COLLATE "C"`,
      params,
    );
  }

  /** Records that a launch reached GA (once: the first GA wins, as there is no second). */
  recordGaStatement(row: GaRow): BatchStatement {
    return {
      sql: `INSERT INTO launch_outcome (launch_id, key, template, ga_at, measure_due_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (launch_id) DO NOTHING`,
      params: [row.launchId, row.key, row.template, row.gaAt, row.measureDueAt],
    };
  }

  /** When the launch reached GA, or null (not at GA, or cancelled). */
  async gaAt(launchId: string): Promise<string | null> {
    const rows: { ga_at: Date }[] = await this.db.query(
      `SELECT ga_at FROM launch_outcome WHERE launch_id = $1`,
      [launchId],
    );
    return rows[0]?.ga_at.toISOString() ?? null;
  }

  /** The launch's tickets and every ticket, before and after GA (four index range counts). */
  async counts(tx: Runner, key: string, window: OutcomeWindow): Promise<OutcomeCounts> {
    const [row] = (await tx.query(
      `SELECT
         (SELECT count(*) FROM support_ticket WHERE launch_key = $1 AND opened_at >= $2 AND opened_at < $3)::int AS "ticketsBefore",
         (SELECT count(*) FROM support_ticket WHERE launch_key = $1 AND opened_at >= $3 AND opened_at < $4)::int AS "ticketsAfter",
         (SELECT count(*) FROM support_ticket WHERE opened_at >= $2 AND opened_at < $3)::int AS "allTicketsBefore",
         (SELECT count(*) FROM support_ticket WHERE opened_at >= $3 AND opened_at < $4)::int AS "allTicketsAfter"`,
      [key, window.beforeFrom, window.gaAt, window.afterTo],
    )) as [OutcomeCounts];
    return row;
  }

  /** The launch's tickets per UTC day within [window.dailyFrom, window.dailyTo), days with none left out. */
  async daily(key: string, window: OutcomeWindow): Promise<Map<string, number>> {
    const rows: { day: string; count: number }[] = await this.db.query(
      `SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count
         FROM support_ticket
        WHERE launch_key = $1 AND opened_at >= $2 AND opened_at < $3
        GROUP BY 1`,
      [key, window.dailyFrom, window.dailyTo],
    );
    return new Map(rows.map((r) => [r.day, r.count]));
  }

  /**
   * Cohorts of launches and baseline launches whose GA falls in [from, to): per template,
   * then the baseline; the median and mean of tickets in the first windowDays after GA over
   * those whose window has completed at `now` (null when none has).
   */
  async report(
    windowDays: number,
    from: string | null,
    to: string,
    now: string,
  ): Promise<CohortRow[]> {
    return this.db.query(
      `WITH subject AS (
         SELECT false AS baseline, template AS name, key, ga_at FROM launch_outcome
          WHERE ga_at >= COALESCE($2::timestamptz, '-infinity') AND ga_at < $3
         UNION ALL
         SELECT true, $5, key, ga_at FROM baseline_launch
          WHERE ga_at >= COALESCE($2::timestamptz, '-infinity') AND ga_at < $3
       ), measured AS (
         SELECT baseline, name,
                CASE WHEN ga_at + make_interval(days => $1) <= $4 THEN
                  (SELECT count(*) FROM support_ticket t
                    WHERE t.launch_key = s.key AND t.opened_at >= s.ga_at
                      AND t.opened_at < s.ga_at + make_interval(days => $1))
                END AS after
           FROM subject s
       )
       SELECT name, baseline, count(*)::int AS launches,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY after) FILTER (WHERE after IS NOT NULL) AS median,
              (avg(after) FILTER (WHERE after IS NOT NULL))::float8 AS mean
         FROM measured
        GROUP BY baseline, name
        ORDER BY baseline, name COLLATE "C"`,
      [windowDays, from, to, now, BASELINE_COHORT],
    );
  }

  // The OUTCOME_MEASURED timer: launch_outcome.measure_due_at.

  /** GA launches whose outcome is due at `now`, oldest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows: { launch_id: string }[] = await this.db.query(
      `SELECT launch_id FROM launch_outcome
        WHERE measure_due_at IS NOT NULL AND measure_due_at <= $1
        ORDER BY measure_due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.launch_id);
  }

  /** The launch's GA row if its outcome is still owed at `now` (read under the launch's lock). */
  async owed(tx: EntityManager, launchId: string, now: Date): Promise<GaRow | null> {
    const rows: GaRow[] = await tx.query(
      `SELECT launch_id AS "launchId", key, template, ga_at AS "gaAt", measure_due_at AS "measureDueAt"
         FROM launch_outcome
        WHERE launch_id = $1 AND measure_due_at IS NOT NULL AND measure_due_at <= $2`,
      [launchId, now],
    );
    const row = rows[0];
    return row ? { ...row, gaAt: new Date(row.gaAt).toISOString() } : null;
  }

  /** The outcome event is appended: nothing more is owed. */
  async measured(tx: EntityManager, launchId: string): Promise<void> {
    await tx.query(`UPDATE launch_outcome SET measure_due_at = NULL WHERE launch_id = $1`, [
      launchId,
    ]);
  }
}
