import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { InitialSchema1763880000000 } from './migrations/1763880000000-initial-schema.js';
import { Notifications1763900000000 } from './migrations/1763900000000-notifications.js';
import { RateLimit1763890000000 } from './migrations/1763890000000-rate-limit.js';
import { SloHistoryIndex1763910000000 } from './migrations/1763910000000-slo-history-index.js';
import { Outcomes1764000000010 } from './migrations/1764000000010-outcomes.js';
import { ChecklistTemplates1764000000030 } from './migrations/1764000000030-checklist-templates.js';
import { Identity1764000000040 } from './migrations/1764000000040-identity.js';
import { Sessions1764000000041 } from './migrations/1764000000041-sessions.js';
import { FreezeWindows1764000000050 } from './migrations/1764000000050-freeze-windows.js';
import { LaunchRowForCommands1764000000060 } from './migrations/1764000000060-launch-row-for-commands.js';
import { withSessionLock } from './advisory-lock.repository.js';
import type { EmbeddedPostgres } from './embedded-postgres.js';

export const MIGRATIONS = [
  InitialSchema1763880000000,
  RateLimit1763890000000,
  Notifications1763900000000,
  SloHistoryIndex1763910000000,
  Outcomes1764000000010,
  ChecklistTemplates1764000000030,
  Identity1764000000040,
  Sessions1764000000041,
  FreezeWindows1764000000050,
  LaunchRowForCommands1764000000060,
];

export interface Database {
  dataSource: DataSource;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

/** Opens the configured database (embedded PGlite or a real server) and migrates it. */
export async function openDatabase(config: AppConfig): Promise<Database> {
  const base: DataSourceOptions = {
    type: 'postgres',
    // Every statement is SQL in a *.repository.ts file; TypeORM runs migrations and transactions.
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    logging: false,
  };
  // PGlite (a large module) is loaded only when embedded: a server installation starts without it.
  const embedded = config.embedded
    ? await (await import('./embedded-postgres.js')).openEmbeddedPostgres(config.DATA_DIR)
    : null;
  const options: DataSourceOptions = embedded
    ? // One PGlite session serves one transaction at a time: a pool of one serialises them.
      { ...base, poolSize: 1, extra: { ...embedded.pgConfig, max: 1 } }
    : {
        ...base,
        url: config.DATABASE_URL,
        poolSize: config.DB_POOL_SIZE,
        connectTimeoutMS: 5_000,
        extra: {
          statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
          query_timeout: config.DB_STATEMENT_TIMEOUT_MS + 1_000,
          idle_in_transaction_session_timeout: config.DB_STATEMENT_TIMEOUT_MS * 2,
        },
      };
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  await migrate(dataSource, embedded !== null);
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.close();
    },
  };
}

/**
 * Runs pending migrations. Several API processes starting on one fresh database would race
 * (duplicate catalog rows), so a session advisory lock lets one migrate while the others
 * wait. The embedded database is one process with one connection: no lock there.
 */
async function migrate(dataSource: DataSource, embedded: boolean): Promise<void> {
  const run = async () => {
    await dataSource.runMigrations({ transaction: 'each' });
  };
  await (embedded ? run() : withSessionLock(dataSource, 'liftoff:migrations', run));
}
