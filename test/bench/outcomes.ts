import { performance } from 'node:perf_hooks';
import { outcomeWindow } from '#workflow';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { openDatabase } from '../../apps/api/src/database/data-source.js';
import { OutcomeRepository } from '../../apps/api/src/outcomes/outcome.repository.js';
import { createScratchDatabase } from '../support/scratch-database.js';

/*
 * `npm run bench:outcomes`: outcomeReport and Launch.outcome over 1,000 GA launches (half
 * "standard", half "lite"), 200 baseline launches and 1,000,000 tickets (70% attributed
 * to a launch around its GA, 30% the organization's control), in a scratch database on
 * the local PostgreSQL server. Not a test: it prints the figures.
 */

const LAUNCHES = Number(process.env.BENCH_LAUNCHES ?? 1_000);
const BASELINES = 200;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('bench_outcomes');
  const database = await openDatabase(
    loadConfig({
      DATABASE_URL: scratch.url,
      LOG_LEVEL: 'silent',
      DB_STATEMENT_TIMEOUT_MS: '600000',
    }),
  );
  const db = database.dataSource;
  try {
    const t0 = performance.now();
    await db.query(
      `INSERT INTO app_user (id, name, email, role, teams)
       VALUES ('00000000-0000-4000-8000-000000000001', 'Bench', 'bench@example.test', 'ADMIN', '{}')`,
    );
    // GA launches spread over the last two years, one every ~17 hours.
    await db.query(
      `INSERT INTO launch (id, key, name, stage, coordinator_id, support_lead_days, block_response_hours,
                           version, machine_version, snapshot, created_at, updated_at)
       SELECT md5('l' || i)::uuid, 'bench-' || i, 'Bench ' || i, 'GA',
              '00000000-0000-4000-8000-000000000001', 5, 24, 1, 1, '{}', now(), now()
         FROM generate_series(1, $1) i`,
      [LAUNCHES],
    );
    await db.query(
      `INSERT INTO launch_outcome (launch_id, key, template, ga_at)
       SELECT md5('l' || i)::uuid, 'bench-' || i, CASE WHEN i % 2 = 0 THEN 'standard' ELSE 'lite' END,
              now() - interval '730 days' + i * interval '730 days' / $1
         FROM generate_series(1, $1) i`,
      [LAUNCHES],
    );
    await db.query(
      `INSERT INTO baseline_launch (key, name, ga_at)
       SELECT 'old-' || i, 'Old ' || i, now() - interval '1460 days' + i * interval '700 days' / $1
         FROM generate_series(1, $1) i`,
      [BASELINES],
    );
    // Each attributed ticket within 30 days either side of its launch's GA.
    await db.query(
      `WITH subject AS (
         SELECT row_number() OVER (ORDER BY key) AS n, key, ga_at FROM (
           SELECT key, ga_at FROM launch_outcome UNION ALL SELECT key, ga_at FROM baseline_launch) s
       ), total AS (SELECT count(*) AS c FROM subject)
       INSERT INTO support_ticket (source, external_id, opened_at, launch_key, priority)
       SELECT 'bench', i::text,
              CASE WHEN i % 10 < 7 THEN s.ga_at + (random() * 60 - 30) * interval '1 day'
                   ELSE now() - random() * interval '1500 days' END,
              CASE WHEN i % 10 < 7 THEN s.key END,
              'normal'
         FROM generate_series(1, $1) i
         CROSS JOIN total
         JOIN subject s ON s.n = 1 + (i::bigint * 7919) % total.c`,
      [TICKETS],
    );
    // As autovacuum leaves a settled table: statistics and the visibility map (index-only scans).
    await db.query(`VACUUM ANALYZE`);
    const loadSeconds = (performance.now() - t0) / 1000;
    const repo = new OutcomeRepository(db);
    const now = new Date().toISOString();

    const reportMs: number[] = [];
    let cohorts: unknown[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const start = performance.now();
      cohorts = await repo.report(14, null, now, now);
      reportMs.push(performance.now() - start);
    }
    const [one] = (await db.query(
      `SELECT key, ga_at FROM launch_outcome ORDER BY ga_at LIMIT 1 OFFSET $1`,
      [Math.floor(LAUNCHES / 2)],
    )) as [{ key: string; ga_at: Date }];
    const window = outcomeWindow(one.ga_at.toISOString(), 14);
    const outcomeMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const start = performance.now();
      await Promise.all([repo.counts(db, one.key, window), repo.daily(one.key, window)]);
      outcomeMs.push(performance.now() - start);
    }
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM support_ticket`)) as [
      { n: number },
    ];
    process.stdout.write(
      [
        `data: ${LAUNCHES} GA launches, ${BASELINES} baseline launches, ${n} tickets (loaded in ${loadSeconds.toFixed(1)} s)`,
        `outcomeReport(windowDays: 14), all launches: median ${median(reportMs).toFixed(1)} ms, ` +
          `min ${Math.min(...reportMs).toFixed(1)} ms, max ${Math.max(...reportMs).toFixed(1)} ms over ${RUNS} runs`,
        `Launch.outcome (counts + daily) for one launch: median ${median(outcomeMs).toFixed(1)} ms`,
        `cohorts: ${JSON.stringify(cohorts)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:outcomes failed: ${String(error)}\n`);
  process.exit(1);
});
