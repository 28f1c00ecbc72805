import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DemoUser } from './demo-user.js';

/** Demo mode only: the demo users' tokens kept in clear (demo_credential) for the picker. */
@Injectable()
export class DemoCredentialRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async count(tx: EntityManager): Promise<number> {
    const [row] = (await tx.query(`SELECT count(*)::int AS count FROM demo_credential`)) as [
      { count: number },
    ];
    return row.count;
  }

  async insert(tx: EntityManager, userId: string, token: string): Promise<void> {
    await tx.query(`INSERT INTO demo_credential (user_id, token) VALUES ($1, $2)`, [userId, token]);
  }

  list(): Promise<DemoUser[]> {
    return this.db.query(
      `SELECT u.id, u.name, u.email, u.role, u.teams, c.token
         FROM demo_credential c JOIN app_user u ON u.id = c.user_id
        ORDER BY u.created_at, u.email`,
    );
  }
}
