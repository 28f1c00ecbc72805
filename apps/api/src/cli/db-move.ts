import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { DatabaseCopyRepository } from '../database/database-copy.repository.js';
import { verifyAll } from '../launches/launch-verifier.js';

/**
 * `npm run db:move -- --to postgres://...`: copies the embedded installation (DATA_DIR) into
 * an empty PostgreSQL database, migrates it, verifies every launch's hash chain there, and
 * prints what it moved. A target that already holds tables is refused: nothing is written.
 */
export async function moveInstallation(
  dataDir: string,
  targetUrl: string,
  out: (line: string) => void,
): Promise<{ tables: Record<string, number>; launches: number; mismatches: number }> {
  const source = await openDatabase(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const probe = await new DataSource({ type: 'postgres', url: targetUrl }).initialize();
    const occupied = await new DatabaseCopyRepository(source.dataSource, probe).targetTables();
    await probe.destroy();
    if (occupied.length > 0) {
      throw new Error(
        `the target is not empty (tables: ${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', ...' : ''}); move into an empty database`,
      );
    }
    const target = await openDatabase(loadConfig({ DATABASE_URL: targetUrl, LOG_LEVEL: 'silent' }));
    try {
      const copy = new DatabaseCopyRepository(source.dataSource, target.dataSource);
      const tables: Record<string, number> = {};
      const order = await copy.tablesInDependencyOrder();
      await target.dataSource.transaction(async (tx) => {
        await copy.clearSeeded(tx, order);
        for (const table of order) tables[table] = await copy.copyTable(tx, table);
      });
      for (const [table, rows] of Object.entries(tables)) out(`moved ${rows} rows of ${table}`);
      const reports = await verifyAll(target.dataSource);
      const mismatches = reports.filter((r) => r.problems.length > 0);
      for (const r of mismatches) out(`MISMATCH ${r.key ?? r.launchId}: ${r.problems.join('; ')}`);
      out(
        `verified ${reports.length} launches on the target: ${mismatches.length} with mismatches`,
      );
      return { tables, launches: reports.length, mismatches: mismatches.length };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const to = process.argv[process.argv.indexOf('--to') + 1];
  if (!process.argv.includes('--to') || !to) {
    process.stderr.write('usage: npm run db:move -- --to postgres://user@host:5432/database\n');
    process.exit(2);
  }
  const dataDir = process.env.DATA_DIR ?? './data';
  moveInstallation(dataDir, to, (line) => process.stdout.write(`${line}\n`))
    .then((result) => {
      process.exitCode = result.mismatches > 0 ? 1 : 0;
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `db:move refused: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(2);
    });
}
