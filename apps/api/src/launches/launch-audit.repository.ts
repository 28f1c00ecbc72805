import type { DataSource } from 'typeorm';
import type { DomainEvent } from '#workflow';

/** An event row as stored, for checking its hash. */
export interface StoredEventRow {
  id: string;
  launch_id: string;
  sequence: number;
  type: DomainEvent['type'];
  stage: DomainEvent['stage'];
  team: DomainEvent['team'];
  actor_id: string | null;
  at: Date;
  data: unknown;
  prev_hash: string | null;
  hash: string;
}

type StoredRow = Record<string, unknown>;

/**
 * Reads everything stored about a launch exactly as it lies in the tables, so the verifier
 * can compare it with a replay of the events. No projection logic here.
 */
export class LaunchAuditRepository {
  constructor(private readonly db: DataSource) {}

  async launchRow(launchId: string): Promise<StoredRow | null> {
    const rows: StoredRow[] = await this.db.query(`SELECT * FROM launch WHERE id = $1`, [launchId]);
    return rows[0] ?? null;
  }

  eventRows(launchId: string): Promise<StoredEventRow[]> {
    return this.db.query(`SELECT * FROM launch_event WHERE launch_id = $1 ORDER BY sequence`, [
      launchId,
    ]);
  }

  itemRows(launchId: string): Promise<StoredRow[]> {
    return this.db.query(
      `SELECT id, stage, team, title, description, required, status, evidence_url, note, completed_by_id,
              completed_at, position
         FROM checklist_item WHERE launch_id = $1 ORDER BY position`,
      [launchId],
    );
  }

  signOffRows(launchId: string): Promise<StoredRow[]> {
    return this.db.query(
      `SELECT id, stage, team, decision, comment, signed_by_id, signed_at, status, override
         FROM sign_off WHERE launch_id = $1 ORDER BY signed_at, id`,
      [launchId],
    );
  }

  /** Every launch id, including those with events but no launch row. */
  async allLaunchIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM launch UNION SELECT DISTINCT launch_id FROM launch_event ORDER BY 1`,
    );
    return rows.map((r) => r.id);
  }
}
