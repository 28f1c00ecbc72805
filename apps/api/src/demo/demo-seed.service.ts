import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role, Team } from '#workflow';
import { withAdvisoryLock } from '../database/advisory-lock.repository.js';
import { ApiTokenRepository } from '../identity/api-token.repository.js';
import { UserRepository } from '../identity/user.repository.js';
import { DemoCredentialRepository } from './demo-credential.repository.js';
import { DemoLaunchesSeeder } from './demo-launches.seeder.js';
import { DemoFreezeWindowsSeeder } from './demo-freeze-windows.seeder.js';
import { DemoOutcomesSeeder } from './demo-outcomes.seeder.js';
import type { DemoUser } from './demo-user.js';

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

/** Local demo data: one user per role and team, launches at different stages, shipped ones with tickets. */
@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly credentials: DemoCredentialRepository,
    private readonly launches: DemoLaunchesSeeder,
    private readonly outcomes: DemoOutcomesSeeder,
    private readonly freezeWindows: DemoFreezeWindowsSeeder,
  ) {}

  /** Seeds on the first start only; returns the users it created (empty when already seeded). */
  async seedOnce(): Promise<DemoUser[]> {
    const created = await withAdvisoryLock(this.db, 'liftoff:demo-seed', async (tx) => {
      if ((await this.credentials.count(tx)) > 0) return [];
      const users: DemoUser[] = [];
      for (const person of DEMO_PEOPLE) {
        const user = await this.users.insert(person, tx);
        const { secret } = await this.tokens.issue(user.id, 'demo', undefined, undefined, tx);
        await this.credentials.insert(tx, user.id, secret);
        users.push({ ...person, id: user.id, token: secret });
      }
      return users;
    });
    if (created.length > 0) {
      await this.launches.seed(created);
      await this.outcomes.seed(created);
      await this.freezeWindows.seed(created);
    }
    return created;
  }

  list(): Promise<DemoUser[]> {
    return this.credentials.list();
  }
}
