import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

/**
 * PostgreSQL's 128 MB default lives in the process's own memory here (PGlite's WASM heap) and
 * fills as the data is read; one embedded user needs far less: the files stay in the OS cache.
 */
const SHARED_BUFFERS = '16MB';

export interface EmbeddedPostgres {
  dataDir: string;
  /** node-postgres options that route every query into PGlite. */
  pgConfig: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * PGlite in-process, files under dataDir. TypeORM talks to it through its own postgres
 * driver (PGlite's node-postgres adapter): the typeorm-pglite driver shared one session
 * across concurrent transactions and lost committed writes.
 */
export async function openEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  });
  const pgConfig = { ...createPgConfig(pglite) } as Record<string, unknown>;
  return {
    dataDir: dir,
    pgConfig,
    close: () => pglite.close(),
  };
}
