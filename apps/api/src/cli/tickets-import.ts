import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';
import { OutcomeRepository } from '../outcomes/outcome.repository.js';
import { CsvImportError, importTicketCsv } from '../outcomes/ticket-csv.import.js';

/** `npm run tickets:import -- --source NAME FILE.csv`: one transaction per file. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { source: { type: 'string' } },
    allowPositionals: true,
  });
  if (!values.source || positionals.length === 0) {
    process.stderr.write(
      'usage: npm run tickets:import -- --source NAME FILE.csv [FILE.csv ...]\n',
    );
    process.exit(2);
  }
  const database = await openDatabase(loadConfig());
  const repo = new OutcomeRepository(database.dataSource);
  let failed = false;
  try {
    for (const file of positionals) {
      try {
        const r = await importTicketCsv(repo, values.source, createReadStream(file));
        process.stdout.write(
          `${file}: ${r.rows} rows, ${r.created} tickets created, ${r.updated} updated\n`,
        );
      } catch (error) {
        if (!(error instanceof CsvImportError)) throw error;
        failed = true;
        process.stderr.write(`${file}: ${error.message} (nothing from this file was stored)\n`);
      }
    }
  } finally {
    await database.close();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `tickets:import failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
});
