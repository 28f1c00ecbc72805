import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { verifyAll } from '../launches/launch-verifier.js';

/** `npm run verify`: replays every launch and checks its hash chain; exit 1 on any mismatch. */
async function main(): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    const reports = await verifyAll(database.dataSource);
    const broken = reports.filter((r) => r.problems.length > 0);
    for (const r of broken) {
      process.stdout.write(`MISMATCH ${r.key ?? r.launchId} (${r.events} events)\n`);
      for (const p of r.problems) process.stdout.write(`  - ${p}\n`);
    }
    const events = reports.reduce((sum, r) => sum + r.events, 0);
    process.stdout.write(
      `verified ${reports.length} launches, ${events} events: ${broken.length} with mismatches\n`,
    );
    process.exitCode = broken.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `verify failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
