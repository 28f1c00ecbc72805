import type { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { openDatabase, type Database } from '../../apps/api/src/database/data-source.js';
import { createScratchDatabase } from './scratch-database.js';

/** A scratch database of the enclosing describe block, migrated by the app's own code. */
export interface RepositoryDatabase {
  readonly dataSource: DataSource;
  /** For connections of their own (LISTEN, a second session). */
  readonly url: string;
}

/**
 * Registers beforeAll/afterAll in the calling scope: a fresh database opened with the app's
 * `openDatabase` (the real migrations, the real pool settings), closed and dropped after.
 */
export function useRepositoryDatabase(label: string): RepositoryDatabase {
  let scratch: { url: string; drop(): Promise<void> } | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    scratch = await createScratchDatabase(label);
    database = await openDatabase(loadConfig({ DATABASE_URL: scratch.url, DB_POOL_SIZE: '10' }));
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });
  return {
    get dataSource() {
      if (!database) throw new Error('The repository database opens in beforeAll.');
      return database.dataSource;
    },
    get url() {
      if (!scratch) throw new Error('The repository database opens in beforeAll.');
      return scratch.url;
    },
  };
}

/**
 * Resolves once some session of this database waits for a lock, so a test knows a second
 * caller is really queued behind the first before it lets the first go.
 */
export async function lockWaiterQueued(db: DataSource): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as [{ n: number }];
    if (row.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('No session started waiting for a lock.');
}
