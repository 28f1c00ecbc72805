import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChecklistItemState, LaunchState, SignOffState, Stage } from '#workflow';
import { ChecklistItemEntity } from './checklist-item.entity.js';
import { LaunchEventEntity } from './launch-event.entity.js';
import { LaunchEntity } from './launch.entity.js';
import { SignOffEntity } from './sign-off.entity.js';

export interface LaunchRow {
  id: string;
  version: number;
  machineVersion: number;
  snapshot: object;
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
}

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
   */
  async lock(
    tx: EntityManager,
    id: string,
    { skipLocked = false } = {},
  ): Promise<LaunchRow | null> {
    const rows: RawLaunchRow[] = await tx.query(
      `SELECT id, version, machine_version, snapshot FROM launch WHERE id = $1 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [id],
    );
    return rows[0] ? toLaunchRow(rows[0]) : null;
  }

  /**
   * The hash at the head of the log. A statement of its own, after the lock: a subquery in
   * the locking SELECT would read with that statement's older snapshot and miss the event
   * committed by the transaction it waited for.
   */
  async headHash(tx: EntityManager, launchId: string, version: number): Promise<string | null> {
    const rows: { hash: string }[] = await tx.query(
      `SELECT hash FROM launch_event WHERE launch_id = $1 AND sequence = $2`,
      [launchId, version],
    );
    return rows[0]?.hash ?? null;
  }

  async launchIdOfItem(itemId: string): Promise<string | null> {
    const rows: { launch_id: string }[] = await this.db.query(
      `SELECT launch_id FROM checklist_item WHERE id = $1`,
      [itemId],
    );
    return rows[0]?.launch_id ?? null;
  }

  async keyExists(tx: EntityManager, key: string): Promise<boolean> {
    return tx.getRepository(LaunchEntity).existsBy({ key });
  }

  /** Writes the launch row from the new state (insert on creation, update after). */
  async saveLaunch(tx: EntityManager, p: LaunchProjection, isNew: boolean): Promise<void> {
    const s = p.state;
    const row = {
      id: s.id,
      key: s.key,
      name: s.name,
      description: s.description,
      stage: s.stage,
      blocked: p.blocked,
      coordinatorId: s.coordinatorId,
      targetGaDate: s.targetGaDate ? new Date(s.targetGaDate) : null,
      supportLeadDays: s.supportLeadDays,
      blockResponseHours: s.blockResponseHours,
      earlyAccessGrantedAt: s.earlyAccess ? new Date(s.earlyAccess.grantedAt) : null,
      version: p.version,
      machineVersion: p.machineVersion,
      snapshot: p.snapshot,
      createdAt: new Date(s.createdAt),
      updatedAt: new Date(s.updatedAt),
    };
    const repo = tx.getRepository(LaunchEntity);
    if (isNew) await repo.insert(row);
    else await repo.update({ id: s.id }, row);
  }

  async upsertItems(
    tx: EntityManager,
    launchId: string,
    items: readonly ChecklistItemState[],
  ): Promise<void> {
    if (items.length === 0) return;
    await tx.getRepository(ChecklistItemEntity).upsert(
      items.map((i) => ({
        ...i,
        launchId,
        completedAt: i.completedAt ? new Date(i.completedAt) : null,
      })),
      ['id'],
    );
  }

  async upsertSignOffs(
    tx: EntityManager,
    launchId: string,
    signOffs: readonly SignOffState[],
  ): Promise<void> {
    if (signOffs.length === 0) return;
    await tx.getRepository(SignOffEntity).upsert(
      signOffs.map((s) => ({ ...s, launchId, signedAt: new Date(s.signedAt) })),
      ['id'],
    );
  }

  async appendEvents(tx: EntityManager, events: readonly LaunchEventEntity[]): Promise<void> {
    if (events.length > 0) await tx.getRepository(LaunchEventEntity).insert([...events]);
  }

  async findByIdOrKey(where: { id: string } | { key: string }): Promise<LaunchRow | null> {
    const row = await this.db.getRepository(LaunchEntity).findOne({
      where,
      select: { id: true, version: true, machineVersion: true, snapshot: true },
    });
    return row
      ? {
          id: row.id,
          version: row.version,
          machineVersion: row.machineVersion,
          snapshot: row.snapshot,
        }
      : null;
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

  async earlyAccess(): Promise<LaunchRow[]> {
    const rows: RawLaunchRow[] = await this.db.query(
      `SELECT id, version, machine_version, snapshot FROM launch
        WHERE early_access_granted_at IS NOT NULL AND stage NOT IN ('GA', 'CANCELLED')
        ORDER BY early_access_granted_at DESC, id DESC`,
    );
    return rows.map(toLaunchRow);
  }

  async events(
    launchId: string,
    afterSequence: number,
    limit: number,
  ): Promise<LaunchEventEntity[]> {
    return this.db.query(
      `SELECT id, launch_id AS "launchId", sequence, type, stage, team, actor_id AS "actorId", at, data,
              prev_hash AS "prevHash", hash
         FROM launch_event WHERE launch_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
      [launchId, afterSequence, limit],
    );
  }
}
