import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ADMIN_TOKEN, createCast, createLaunchOver } from '../support/fault-fixtures.js';
import { post } from '../support/http-client.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { startServer } from '../support/server-process.js';

const cluster = () => ['--skip-systemctl-redirect', readdirSync('/etc/postgresql')[0]!, 'main'];
const pgctl = (action: 'stop' | 'start') =>
  execFileSync('pg_ctlcluster', [...cluster(), action], { stdio: 'ignore' });

describe('PostgreSQL restarted under load', () => {
  it('fails requests fast with SERVICE_UNAVAILABLE, says not ready, and recovers by itself within 10 s', async () => {
    const scratch = await createScratchDatabase('pgrestart');
    const server = await startServer({
      DATABASE_URL: scratch.url,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    });
    let stopped = false;
    let running = true;
    try {
      const cast = await createCast(server.url);
      const launch = await createLaunchOver(
        server.url,
        cast.coordinator,
        `pg-restart-${Date.now()}`,
      );
      const read = `query($id: ID!) { launch(id: $id) { version readiness { canAdvance } } }`;

      // Load: four clients reading and writing while the database goes away.
      const outcomes: {
        ok: boolean;
        code?: string;
        ms: number;
        status: number;
        started: number;
      }[] = [];
      const load = Array.from({ length: 4 }, async (_, n) => {
        while (running) {
          const started = Date.now();
          try {
            const res =
              n % 2
                ? await post(server.url, cast.coordinator, read, { id: launch.id }, 15_000)
                : await post(
                    server.url,
                    cast.coordinator,
                    `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
                    {
                      i: {
                        launchId: launch.id,
                        stage: 'BETA',
                        team: 'PRODUCT',
                        title: `load ${Date.now()}`,
                        required: false,
                      },
                    },
                    15_000,
                  );
            outcomes.push({
              ok: !res.errors,
              code: res.errors?.[0]?.extensions?.code,
              ms: Date.now() - started,
              status: res.status,
              started,
            });
          } catch {
            outcomes.push({
              ok: false,
              code: 'NO_ANSWER',
              ms: Date.now() - started,
              status: 0,
              started,
            });
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      });

      await new Promise((r) => setTimeout(r, 500));
      pgctl('stop');
      stopped = true;
      const stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, 3_000));
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: 'down' });
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
      // Requests sent while the server was down (earlier ones may still have finished normally).
      const during = outcomes.filter((o) => o.started >= stoppedAt);
      expect(during.length).toBeGreaterThan(0);
      for (const o of during) {
        expect({ code: o.code, status: o.status }).toEqual({
          code: 'SERVICE_UNAVAILABLE',
          status: 503,
        });
        expect(o.ms).toBeLessThan(10_000);
      }

      pgctl('start');
      stopped = false;
      const back = Date.now();
      let recoveredAfter = -1;
      while (Date.now() - back < 10_000) {
        const res = await post(server.url, cast.coordinator, read, { id: launch.id }, 5_000).catch(
          () => null,
        );
        if (res && !res.errors) {
          recoveredAfter = Date.now() - back;
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      running = false;
      await Promise.all(load);
      expect(recoveredAfter).toBeGreaterThanOrEqual(0);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      process.stdout.write(
        `database restart: ${during.length} requests during the outage, slowest answer ${Math.max(...during.map((o) => o.ms))} ms, recovered ${recoveredAfter} ms after PostgreSQL came back\n`,
      );
    } finally {
      running = false;
      if (stopped) pgctl('start');
      await server.stop();
      await scratch.drop();
    }
  });
});
