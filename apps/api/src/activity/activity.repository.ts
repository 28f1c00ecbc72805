import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LaunchRow } from '../launches/launch.repository.js';

export interface ActiveLaunchRow extends LaunchRow {
  /** When the launch entered its current stage: its last ADVANCED event, or its creation. */
  stageEnteredAt: string;
}

/** Reads for what waits on whom: the launches whose gates are still open. */
@Injectable()
export class ActivityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every launch that is not final, with the time it entered its stage, oldest first. */
  async activeLaunches(): Promise<ActiveLaunchRow[]> {
    const rows: {
      id: string;
      version: number;
      machine_version: number;
      snapshot: object;
      stage_entered_at: Date;
    }[] = await this.db.query(
      `SELECT l.id, l.version, l.machine_version, l.snapshot,
              COALESCE(
                (SELECT max(e.at) FROM launch_event e
                  WHERE e.launch_id = l.id AND e.type = 'ADVANCED'),
                l.created_at) AS stage_entered_at
         FROM launch l
        WHERE l.stage NOT IN ('GA', 'CANCELLED')
        ORDER BY stage_entered_at, l.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      machineVersion: r.machine_version,
      snapshot: r.snapshot,
      stageEnteredAt: new Date(r.stage_entered_at).toISOString(),
    }));
  }
}
