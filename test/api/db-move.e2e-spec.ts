import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveInstallation } from '../../apps/api/src/cli/db-move.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { ok } from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { startTestApp } from '../support/test-app.js';

const PAGE = `{ launches(first: 100) { totalCount edges { node { key stage version readiness { canAdvance missing { kind team } } } } } }`;

describe('npm run db:move: an embedded installation into a PostgreSQL server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-move-'));
  let target: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    target = await createScratchDatabase('db_move');
  });
  afterAll(async () => {
    await target?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('copies everything, verifies it there, serves it over the API, and refuses a second move', async () => {
    // A seeded embedded installation, read over its own API before the move.
    const embedded = await startTestApp(
      loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' }),
    );
    const coordinator = embedded.running.demoUsers.find((u) => u.role === 'COORDINATOR');
    expect(coordinator).toBeDefined();
    const before = ok(await embedded.gql(coordinator!.token, PAGE));
    await embedded.close();

    const lines: string[] = [];
    const moved = await moveInstallation(dataDir, target.url, (line) => lines.push(line));
    expect(moved.mismatches).toBe(0);
    expect(moved.launches).toBe(
      (before as { launches: { totalCount: number } }).launches.totalCount,
    );
    expect(moved.tables).toMatchObject({ app_user: 6, demo_credential: 6 });
    expect(moved.tables.launch_event).toBeGreaterThan(moved.launches);
    expect(lines.at(-1)).toMatch(/verified \d+ launches on the target: 0 with mismatches/);

    // The same people, tokens and launches on the server.
    const server = await startTestApp(
      loadConfig({ DATABASE_URL: target.url, LOG_LEVEL: 'silent', PORT: '0' }),
    );
    try {
      expect(ok(await server.gql(coordinator!.token, PAGE))).toEqual(before);
    } finally {
      await server.close();
    }

    await expect(moveInstallation(dataDir, target.url, () => undefined)).rejects.toThrow(
      /target is not empty/,
    );
  });
});
