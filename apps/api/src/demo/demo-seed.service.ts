import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role, Team } from '#workflow';
import { issueApiToken } from '../auth/api-token.store.js';
import { insertUser } from '../users/user.store.js';
import { DemoLaunchesSeeder } from './demo-launches.seeder.js';

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  token: string;
}

const DEMO_PEOPLE: { name: string; email: string; role: Role; teams: Team[] }[] = [
  { name: 'Ada Admin', email: 'ada.admin@demo.liftoff.local', role: 'ADMIN', teams: [] },
  {
    name: 'Cora Coordinator',
    email: 'cora.coordinator@demo.liftoff.local',
    role: 'COORDINATOR',
    teams: [],
  },
  {
    name: 'Priya Product',
    email: 'priya.product@demo.liftoff.local',
    role: 'MEMBER',
    teams: ['PRODUCT'],
  },
  {
    name: 'Eli Engineering',
    email: 'eli.engineering@demo.liftoff.local',
    role: 'MEMBER',
    teams: ['ENGINEERING'],
  },
  {
    name: 'Sam Support',
    email: 'sam.support@demo.liftoff.local',
    role: 'MEMBER',
    teams: ['SUPPORT'],
  },
  { name: 'Vic Viewer', email: 'vic.viewer@demo.liftoff.local', role: 'VIEWER', teams: [] },
];

/** Local demo data: one user per role and team, and a few launches at different stages. */
@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly launches: DemoLaunchesSeeder,
  ) {}

  /** Seeds on the first start only; returns the users it created (empty when already seeded). */
  async seedOnce(): Promise<DemoUser[]> {
    const created = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('liftoff:demo-seed'))`);
      const [{ count }] = (await tx.query(
        `SELECT count(*)::int AS count FROM demo_credential`,
      )) as [{ count: number }];
      if (count > 0) return [];
      const users: DemoUser[] = [];
      for (const person of DEMO_PEOPLE) {
        const user = await insertUser(tx, person);
        const { secret } = await issueApiToken(tx, user.id, 'demo');
        await tx.query(`INSERT INTO demo_credential (user_id, token) VALUES ($1, $2)`, [
          user.id,
          secret,
        ]);
        users.push({ ...person, id: user.id, token: secret });
      }
      return users;
    });
    if (created.length > 0) await this.launches.seed(created);
    return created;
  }

  async list(): Promise<DemoUser[]> {
    return this.db.query(
      `SELECT u.id, u.name, u.email, u.role, u.teams, c.token
         FROM demo_credential c JOIN app_user u ON u.id = c.user_id
        ORDER BY u.created_at, u.email`,
    );
  }
}
