import pg from 'pg';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { openDatabase } from '../../apps/api/src/database/data-source.js';
import { verifyLaunch } from '../../apps/api/src/launches/launch-verifier.js';
import {
  createLaunch,
  createTeamMembers,
  ok,
  satisfyGate,
  signOff,
} from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp } from '../support/test-app.js';

describe('migrations', () => {
  it('migrate an empty database up, and a second run changes nothing', async () => {
    const scratch = await createScratchDatabase('migrate');
    try {
      const config = loadConfig({ DATABASE_URL: scratch.url });
      const first = await openDatabase(config);
      const tables = (await first.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )) as { table_name: string }[];
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'api_token',
          'app_user',
          'checklist_item',
          'launch',
          'launch_event',
          'migrations',
          'sign_off',
        ]),
      );
      const applied = (await first.dataSource.query(`SELECT name FROM migrations`)) as unknown[];
      await first.close();
      const second = await openDatabase(config);
      expect(await second.dataSource.query(`SELECT name FROM migrations`)).toEqual(applied);
      expect(await second.dataSource.showMigrations()).toBe(false);
      await second.close();
    } finally {
      await scratch.drop();
    }
  });
});

describe('audit integrity', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of events, even to the superuser', async () => {
    const app = await bootTestApp();
    try {
      const coordinator = await app.createUser({ role: 'COORDINATOR' });
      const launch = await createLaunch(app, coordinator.token);
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        const [{ rolsuper }] = (
          await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)
        ).rows;
        expect(rolsuper).toBe(true);
        for (const sql of [
          `UPDATE launch_event SET data = '{}' WHERE launch_id = '${launch.id}'`,
          `DELETE FROM launch_event WHERE launch_id = '${launch.id}'`,
          `TRUNCATE launch_event CASCADE`,
        ]) {
          await expect(client.query(sql)).rejects.toThrow(/append-only/);
        }
      } finally {
        await client.end();
      }
      expect((await verifyLaunch(app.running.database.dataSource, launch.id)).problems).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('verify detects an edited, a deleted and a reordered event (on a scratch copy with the guard lifted)', async () => {
    const scratch = await createScratchDatabase('tamper');
    const app = await bootTestApp({ DATABASE_URL: scratch.url });
    try {
      const coordinator = await app.createUser({ role: 'COORDINATOR' });
      const members = await createTeamMembers(app);
      const launches = [];
      for (let i = 0; i < 3; i += 1) {
        const launch = await createLaunch(app, coordinator.token);
        await satisfyGate(app, members, launch.id);
        ok(await signOff(app, members.SUPPORT.token, launch.id, 'SUPPORT', 'NO_GO', 'not yet'));
        launches.push(launch.id);
      }
      const db = app.running.database.dataSource;
      for (const id of launches) expect((await verifyLaunch(db, id)).problems).toEqual([]);

      const [edited, truncated, reordered] = launches as [string, string, string];
      await db.query(`ALTER TABLE launch_event DISABLE TRIGGER USER`);
      await db.query(
        `UPDATE launch_event SET data = jsonb_set(data, '{comment}', '"fine"') WHERE launch_id = $1 AND type = 'SIGNED_NO_GO'`,
        [edited],
      );
      await db.query(
        `DELETE FROM launch_event WHERE launch_id = $1 AND sequence = (SELECT max(sequence) FROM launch_event WHERE launch_id = $1)`,
        [truncated],
      );
      await db.query(
        `UPDATE launch_event SET sequence = CASE sequence WHEN 2 THEN 1003 WHEN 3 THEN 1002 END WHERE launch_id = $1 AND sequence IN (2, 3)`,
        [reordered],
      );
      await db.query(
        `UPDATE launch_event SET sequence = sequence - 1000 WHERE launch_id = $1 AND sequence > 1000`,
        [reordered],
      );
      await db.query(`ALTER TABLE launch_event ENABLE TRIGGER USER`);

      expect((await verifyLaunch(db, edited)).problems.join('\n')).toMatch(/hash does not match/);
      expect((await verifyLaunch(db, truncated)).problems.join('\n')).toMatch(
        /log ends at sequence \d+ but the launch is at version/,
      );
      expect((await verifyLaunch(db, reordered)).problems.join('\n')).toMatch(
        /previous hash does not link/,
      );
    } finally {
      await app.close();
      await scratch.drop();
    }
  });
});
