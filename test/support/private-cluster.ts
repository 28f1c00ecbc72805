import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.js';

const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export interface PrivateCluster {
  port: number;
  /** URL of a database in this cluster (created by createDatabase, or `postgres`). */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop: `fast` rolls back open transactions, `immediate` aborts like a power cut. */
  stop(mode: 'fast' | 'immediate'): void;
  start(): void;
  running(): boolean;
  log(): string;
  /** Stops the cluster (if running) and deletes its directory. */
  destroy(): void;
}

/**
 * A PostgreSQL cluster of the test's own in a temporary directory, on a free loopback port,
 * so a test may stop and restart it without touching the machine's shared server. initdb and
 * postgres refuse to run as root, so under root they run as the `postgres` user.
 */
export function createPrivateCluster(port: number): PrivateCluster {
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const asOwner: ExecFileSyncOptions = { stdio: 'pipe' };
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    Object.assign(asOwner, { uid, gid });
  }
  const pgCtl = (...args: string[]) =>
    execFileSync(join(BIN, 'pg_ctl'), ['-D', data, ...args], { ...asOwner, timeout: 60_000 });
  let running = false;
  const cluster: PrivateCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: cluster.url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return cluster.url(name);
    },
    start() {
      pgCtl(
        'start',
        '-w',
        '-l',
        logFile,
        '-o',
        // The socket lives in the cluster's directory: nothing shared on the machine is touched.
        `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off`,
      );
      running = true;
    },
    stop(mode) {
      pgCtl('stop', '-w', '-m', mode);
      running = false;
    },
    running: () => running,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    destroy() {
      try {
        if (running) cluster.stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    execFileSync(
      join(BIN, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8'],
      asOwner,
    );
    cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}

/** A private cluster on a port that was free a moment ago. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  return createPrivateCluster(await freePort());
}
