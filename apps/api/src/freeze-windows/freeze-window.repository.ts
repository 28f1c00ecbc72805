import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FreezeWindow, FreezeWindowDefinition, Stage } from '#workflow';

interface WindowRow {
  id: string;
  name: string;
  reason: string | null;
  starts_at: Date;
  ends_at: Date;
  stages: Stage[];
  created_by: string;
  created_at: Date;
  ended_at: Date | null;
  ended_by: string | null;
}

// The effective span [starts_at, least(ends_at, ended_at)), empty for a window ended before
// it started; the migration's GiST index is on this very expression.
const SPAN = `tstzrange(starts_at, GREATEST(starts_at, LEAST(ends_at, ended_at)), '[)')`;

function toWindow(row: WindowRow): FreezeWindow {
  return {
    id: row.id,
    name: row.name,
    reason: row.reason,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    stages: row.stages,
    createdById: row.created_by,
    createdAt: row.created_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    endedById: row.ended_by,
  };
}

/** Freeze windows: inserted, ended, never deleted. */
@Injectable()
export class FreezeWindowRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  /** Windows whose effective span overlaps [from, to) (to null: no end), soonest start first. */
  async overlapping(from: string, to: string | null): Promise<FreezeWindow[]> {
    const rows: WindowRow[] = await this.db.query(
      `SELECT * FROM freeze_window WHERE ${SPAN} && tstzrange($1, $2, '[)')
        ORDER BY starts_at, name, id`,
      [from, to],
    );
    return rows.map(toWindow);
  }

  /**
   * Windows not over at `at` and declared by then (with `startedBy`, also started by then):
   * every window that can freeze a stage at `at` (or, without it, later).
   */
  async notOverAt(at: string, startedBy: boolean): Promise<FreezeWindow[]> {
    const rows: WindowRow[] = await this.db.query(
      `SELECT * FROM freeze_window
        WHERE ${SPAN} && tstzrange($1, CASE WHEN $2 THEN $1::timestamptz END, '[]')
          AND ($2 = false OR created_at <= $1)
        ORDER BY starts_at, name, id`,
      [at, startedBy],
    );
    return rows.map(toWindow);
  }

  /** The window, locked until the transaction ends (two admins ending it: one wins). */
  async lock(tx: EntityManager, id: string): Promise<FreezeWindow | null> {
    const rows: WindowRow[] = await tx.query(
      `SELECT * FROM freeze_window WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toWindow(rows[0]) : null;
  }

  async insert(
    id: string,
    window: FreezeWindowDefinition,
    createdBy: string,
    createdAt: Date,
  ): Promise<FreezeWindow> {
    const rows: WindowRow[] = await this.db.query(
      `INSERT INTO freeze_window (id, name, reason, starts_at, ends_at, stages, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        id,
        window.name,
        window.reason,
        window.startsAt,
        window.endsAt,
        window.stages,
        createdBy,
        createdAt,
      ],
    );
    return toWindow(rows[0]!);
  }

  async end(tx: EntityManager, id: string, endedBy: string, endedAt: Date): Promise<FreezeWindow> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = (await tx.query(
      `UPDATE freeze_window SET ended_at = $2, ended_by = $3 WHERE id = $1 RETURNING *`,
      [id, endedAt, endedBy],
    )) as [WindowRow[], number];
    return toWindow(rows[0]!);
  }
}
