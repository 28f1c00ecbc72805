import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChecklistItemState, DomainEvent, LaunchState, SignOffState, Stage } from '#workflow';
import type { BatchStatement } from '../database/write-batch.repository.js';
import type { LaunchEventEntity } from './launch-event.entity.js';

export interface LaunchRow {
  id: string;
  version: number;
  machineVersion: number;
  snapshot: object;
}

/** The row as the command path locks it, with the hash at the head of its log. */
export interface LockedLaunchRow extends LaunchRow {
  headHash: string | null;
  /** What commit hooks keep of the launch's log, by hook. */
  hookState: Record<string, unknown>;
}

export interface LaunchPageQuery {
  stage?: Stage | null;
  blocked?: boolean | null;
  search?: string | null;
  after?: { updatedAt: string; id: string } | null;
  limit?: number;
}

export interface LaunchProjection {
  state: LaunchState;
  version: number;
  machineVersion: number;
  snapshot: object;
  blocked: boolean;
  /** The hash of the event at `version`. */
  headHash: string | null;
  hookState: Record<string, unknown>;
}

const EVENT_COLUMNS = `id, launch_id AS "launchId", sequence, type, stage, team, actor_id AS "actorId", at,
  data, prev_hash AS "prevHash", hash`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

interface RawLaunchRow {
  id: string;
  version: number;
  machine_version: number;
  snapshot: object;
}

const toLaunchRow = (r: RawLaunchRow): LaunchRow => ({
  id: r.id,
  version: r.version,
  machineVersion: r.machine_version,
  snapshot: r.snapshot,
});

function filterClause(q: LaunchPageQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.stage) {
    params.push(q.stage);
    where.push(`stage = $${params.length}`);
  }
  if (q.blocked !== null && q.blocked !== undefined) {
    params.push(q.blocked);
    where.push(`blocked = $${params.length}`);
  }
  if (q.search) {
    params.push(`%${escapeLike(q.search)}%`);
    where.push(`(key ILIKE $${params.length} OR name ILIKE $${params.length})`);
  }
  return { where, params };
}

/** SQL for launches and their projections; no rules live here. */
@Injectable()
export class LaunchRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  /**
   * The launch row locked for the rest of the transaction: one launch, one serialisation
   * point. `skipLocked`: null at once when another transaction holds the row (timers skip it).
   * Everything a command reads under the lock is on this row (the snapshot, the version, the
   * head hash, the hooks' state), so one statement both waits for the lock and reads the row
   * as the transaction it waited for left it: a subquery reading another table would see that
   * statement's older snapshot and miss what the transaction it waited for wrote.
   */
  async lock(
    tx: EntityManager,
    id: string,
    { skipLocked = false } = {},
  ): Promise<LockedLaunchRow | null> {
    const rows: (RawLaunchRow & {
      head_hash: string | null;
      hook_state: Record<string, unknown>;
    })[] = await tx.query(
      `SELECT id, version, machine_version, snapshot, head_hash, hook_state FROM launch WHERE id = $1 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [id],
    );
    const row = rows[0];
    return row ? { ...toLaunchRow(row), headHash: row.head_hash, hookState: row.hook_state } : null;
  }

  async launchIdOfItem(itemId: string): Promise<string | null> {
    const rows: { launch_id: string }[] = await this.db.query(
      `SELECT launch_id FROM checklist_item WHERE id = $1`,
      [itemId],
    );
    return rows[0]?.launch_id ?? null;
  }

  async keyExists(tx: EntityManager, key: string): Promise<boolean> {
    // Baseline launches (outcomes) share the key namespace.
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM launch WHERE key = $1 UNION ALL SELECT 1 FROM baseline_launch WHERE key = $1`,
      [key],
    );
    return rows.length > 0;
  }

  // The writes below run inside the launch's lock on every command: each one statement (arrays
  // unnested for several rows), which the command path sends together as one batch.

  /** Writes the launch row from the new state (insert on creation, update after). */
  saveLaunchStatement(p: LaunchProjection, isNew: boolean): BatchStatement {
    const s = p.state;
    const values = [
      s.id,
      s.name,
      s.description,
      s.stage,
      p.blocked,
      s.targetGaDate,
      s.supportLeadDays,
      s.blockResponseHours,
      s.earlyAccess?.grantedAt ?? null,
      p.version,
      p.machineVersion,
      JSON.stringify(p.snapshot),
      s.updatedAt,
      p.headHash,
      JSON.stringify(p.hookState),
    ];
    if (isNew) {
      return {
        sql: `INSERT INTO launch (id, name, description, stage, blocked, target_ga_date, support_lead_days,
                             block_response_hours, early_access_granted_at, version, machine_version, snapshot,
                             updated_at, head_hash, hook_state, key, coordinator_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15::jsonb, $16, $17, $18)`,
        params: [...values, s.key, s.coordinatorId, s.createdAt],
      };
    }
    // key, coordinator and creation time never change.
    return {
      sql: `UPDATE launch SET name = $2, description = $3, stage = $4, blocked = $5, target_ga_date = $6,
                support_lead_days = $7, block_response_hours = $8, early_access_granted_at = $9, version = $10,
                machine_version = $11, snapshot = $12::jsonb, updated_at = $13, head_hash = $14,
                hook_state = $15::jsonb
          WHERE id = $1`,
      params: values,
    };
  }

  upsertItemsStatement(launchId: string, items: readonly ChecklistItemState[]): BatchStatement {
    const column = <K extends keyof ChecklistItemState>(key: K) => items.map((i) => i[key]);
    return {
      sql: `INSERT INTO checklist_item (id, launch_id, stage, team, title, description, required, status, evidence_url,
                                   note, completed_by_id, completed_at, position)
       SELECT id, $2, stage, team, title, description, required, status, evidence_url, note, completed_by_id,
              completed_at, position
         FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[],
                     $9::text[], $10::text[], $11::uuid[], $12::timestamptz[], $13::int[])
              AS i(id, stage, team, title, description, required, status, evidence_url, note, completed_by_id,
                   completed_at, position)
       ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, team = EXCLUDED.team, title = EXCLUDED.title,
              description = EXCLUDED.description, required = EXCLUDED.required, status = EXCLUDED.status,
              evidence_url = EXCLUDED.evidence_url, note = EXCLUDED.note, completed_by_id = EXCLUDED.completed_by_id,
              completed_at = EXCLUDED.completed_at, position = EXCLUDED.position`,
      params: [
        column('id'),
        launchId,
        column('stage'),
        column('team'),
        column('title'),
        column('description'),
        column('required'),
        column('status'),
        column('evidenceUrl'),
        column('note'),
        column('completedById'),
        column('completedAt'),
        column('position'),
      ],
    };
  }

  upsertSignOffsStatement(launchId: string, signOffs: readonly SignOffState[]): BatchStatement {
    const column = <K extends keyof SignOffState>(key: K) => signOffs.map((s) => s[key]);
    return {
      sql: `INSERT INTO sign_off (id, launch_id, stage, team, decision, comment, signed_by_id, signed_at, status, override)
       SELECT id, $2, stage, team, decision, comment, signed_by_id, signed_at, status, override
         FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[],
                     $9::text[], $10::boolean[])
              AS s(id, stage, team, decision, comment, signed_by_id, signed_at, status, override)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, decision = EXCLUDED.decision,
              comment = EXCLUDED.comment, override = EXCLUDED.override`,
      params: [
        column('id'),
        launchId,
        column('stage'),
        column('team'),
        column('decision'),
        column('comment'),
        column('signedById'),
        column('signedAt'),
        column('status'),
        column('override'),
      ],
    };
  }

  /** The sign-offs a change superseded: they left the launch's state, their rows stay. */
  supersedeSignOffsStatement(launchId: string, ids: readonly string[]): BatchStatement {
    return {
      sql: `UPDATE sign_off SET status = 'SUPERSEDED' WHERE launch_id = $1 AND id = ANY($2::uuid[])`,
      params: [launchId, ids],
    };
  }

  appendEventsStatement(events: readonly LaunchEventEntity[]): BatchStatement {
    const column = <K extends keyof LaunchEventEntity>(key: K) => events.map((e) => e[key]);
    return {
      sql: `INSERT INTO launch_event (id, launch_id, sequence, type, stage, team, actor_id, at, data, prev_hash, hash)
       SELECT id, launch_id, sequence, type, stage, team, actor_id, at, data::jsonb, prev_hash, hash
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                     $8::timestamptz[], $9::text[], $10::text[], $11::text[])
              AS e(id, launch_id, sequence, type, stage, team, actor_id, at, data, prev_hash, hash)`,
      params: [
        column('id'),
        column('launchId'),
        column('sequence'),
        column('type'),
        column('stage'),
        column('team'),
        column('actorId'),
        column('at'),
        events.map((e) => JSON.stringify(e.data)),
        column('prevHash'),
        column('hash'),
      ],
    };
  }

  async findByIdOrKey(where: { id: string } | { key: string }): Promise<LaunchRow | null> {
    const [column, value] = 'id' in where ? ['id', where.id] : ['key', where.key];
    const rows: RawLaunchRow[] = await this.db.query(
      `SELECT id, version, machine_version, snapshot FROM launch WHERE ${column} = $1`,
      [value],
    );
    return rows[0] ? toLaunchRow(rows[0]) : null;
  }

  /** One keyset page, newest update first (fetch limit + 1 to know whether more follow). */
  async page(q: LaunchPageQuery): Promise<(LaunchRow & { updatedAt: string })[]> {
    const { where, params } = filterClause(q);
    if (q.after) {
      params.push(q.after.updatedAt, q.after.id);
      where.push(
        `(updated_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.limit);
    const rows: (RawLaunchRow & { updated_at: Date })[] = await this.db.query(
      `SELECT id, version, machine_version, snapshot, updated_at FROM launch
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY updated_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ ...toLaunchRow(r), updatedAt: r.updated_at.toISOString() }));
  }

  async count(q: LaunchPageQuery): Promise<number> {
    const { where, params } = filterClause(q);
    const rows: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM launch ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return rows[0]?.total ?? 0;
  }

  async countBlocked(): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM launch WHERE blocked`)) as [
      { n: number },
    ];
    return row.n;
  }

  /** The version of a launch, or null when there is none. */
  async versionOf(id: string): Promise<number | null> {
    const rows: { version: number }[] = await this.db.query(
      `SELECT version FROM launch WHERE id = $1`,
      [id],
    );
    return rows[0]?.version ?? null;
  }

  /**
   * Every sign-off of a launch, superseded ones included (the snapshot holds the standing
   * ones only), in signing order: the order of the events that made them.
   */
  async signOffHistory(launchId: string): Promise<SignOffState[]> {
    const rows: (Omit<SignOffState, 'signedAt'> & { signedAt: Date })[] = await this.db.query(
      `SELECT s.id, s.stage, s.team, s.decision, s.comment, s.signed_by_id AS "signedById",
              s.signed_at AS "signedAt", s.status, s.override
         FROM sign_off s
         JOIN launch_event e ON e.launch_id = s.launch_id AND e.type IN ('SIGNED_GO', 'SIGNED_NO_GO')
                            AND e.data->>'signOffId' = s.id::text
        WHERE s.launch_id = $1
        ORDER BY e.sequence`,
      [launchId],
    );
    return rows.map((r) => ({ ...r, signedAt: r.signedAt.toISOString() }));
  }

  /** Whether an event belongs to a launch (replies must stay within their launch). */
  async eventBelongsTo(eventId: string, launchId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM launch_event WHERE id = $1 AND launch_id = $2`,
      [eventId, launchId],
    );
    return rows.length > 0;
  }

  /** Events of one launch in a sequence range, in order. */
  eventRange(launchId: string, from: number, to: number): Promise<LaunchEventEntity[]> {
    return this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM launch_event
        WHERE launch_id = $1 AND sequence BETWEEN $2 AND $3 ORDER BY sequence`,
      [launchId, from, to],
    );
  }

  /** Launches changed since `since`, with their versions (catching up missed notifications). */
  changedSince(since: Date): Promise<{ id: string; version: number }[]> {
    return this.db.query(`SELECT id, version FROM launch WHERE updated_at >= $1`, [since]);
  }

  async earlyAccess(): Promise<LaunchRow[]> {
    const rows: RawLaunchRow[] = await this.db.query(
      `SELECT id, version, machine_version, snapshot FROM launch
        WHERE early_access_granted_at IS NOT NULL AND stage NOT IN ('GA', 'CANCELLED')
        ORDER BY early_access_granted_at DESC, id DESC`,
    );
    return rows.map(toLaunchRow);
  }

  /**
   * The longest run of the launch's events from sequence 1 whose `at` is <= asOf, as the
   * rules fold them (POLICIES.md: readiness as of a moment).
   */
  async eventsUpTo(launchId: string, asOf: string): Promise<DomainEvent[]> {
    const rows: (Omit<DomainEvent, 'at'> & { at: Date })[] = await this.db.query(
      `SELECT type, stage, team, actor_id AS "actorId", at, data FROM launch_event
        WHERE launch_id = $1
          AND sequence < COALESCE(
            (SELECT min(sequence) FROM launch_event WHERE launch_id = $1 AND at > $2), 2147483647)
        ORDER BY sequence`,
      [launchId, asOf],
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }) as DomainEvent);
  }

  async events(
    launchId: string,
    afterSequence: number,
    limit: number,
  ): Promise<LaunchEventEntity[]> {
    return this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM launch_event
        WHERE launch_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
      [launchId, afterSequence, limit],
    );
  }
}
