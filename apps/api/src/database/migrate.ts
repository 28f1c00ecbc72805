import { loadConfig } from '../config/app-config.js';
import { openDatabase } from './data-source.js';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
const database = await openDatabase(loadConfig());
const applied = (await database.dataSource.query(`SELECT name FROM migrations ORDER BY id`)) as {
  name: string;
}[];
process.stdout.write(`migrations applied: ${applied.map((m) => m.name).join(', ')}\n`);
await database.close();
