import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
const database = await openDatabase(loadConfig());
const names = database.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
process.stdout.write(`migrations applied: ${names.join(', ')}\n`);
await database.close();
