import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { createApp } from '../../apps/api/src/create-app.js';
import { ADMIN_TOKEN, createCast, createLaunchOver } from '../support/fault-fixtures.js';
import { post } from '../support/http-client.js';
import { QueryCounter } from '../support/query-counter.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { freePort, startServer, type ServerProcess } from '../support/server-process.js';

/*
 * `npm run bench`: every figure side by side with its baseline, in one run on one machine.
 * Not a test: nothing here fails on a figure; the goals are printed next to the results.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** BENCH_PROFILE=1: every server a phase starts writes its CPU profile (V8 .cpuprofile) on exit. */
const PROFILE_DIR = process.env.BENCH_PROFILE === '1' ? 'bench/results/profiles' : null;
/** BENCH_ONLY=readiness,fixedCost,...: run only these phases (names as printed). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
const API_ENV = {
  LOG_LEVEL: 'warn',
  BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
  RATE_LIMIT_MUTATIONS_PER_MIN: '1000000',
};

interface Row {
  measure: string;
  liftoff: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean;
  /** Failed answers of any kind during the measure (transport, timeout, HTTP, GraphQL). */
  errors: number;
}
const rows: Row[] = [];
// Machine facts read from the machine (filled in by main, the PostgreSQL version included).
const json: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.version,
  },
  seconds: SECONDS,
};

function round(n: number, digits = 1): number {
  return Number(n.toFixed(digits));
}

async function load(
  url: string,
  token: string | null,
  body: unknown,
  connections: number,
  seconds = SECONDS,
) {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    // A GraphQL error comes back with HTTP 200: it is an error all the same, not throughput.
    verifyBody: (text) => {
      try {
        return !(JSON.parse(String(text)) as { errors?: unknown }).errors;
      } catch {
        return false;
      }
    },
  });
  const errors = result.errors + result.non2xx + result.mismatches; // errors include timeouts
  return {
    // Answers without any error, per second.
    rps: Math.max(0, result.requests.total - errors) / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
}

/** BEGIN / SELECT ... FOR UPDATE / UPDATE / COMMIT on one row from `clients` connections. */
async function rawLockLoop(url: string, clients: number): Promise<number> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    `CREATE TABLE bench_row (id int PRIMARY KEY, n bigint NOT NULL); INSERT INTO bench_row VALUES (1, 0)`,
  );
  await setup.end();
  const deadline = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      while (Date.now() < deadline) {
        await client.query('BEGIN');
        await client.query('SELECT n FROM bench_row WHERE id = 1 FOR UPDATE');
        await client.query('UPDATE bench_row SET n = n + 1 WHERE id = 1');
        await client.query('COMMIT');
        done += 1;
      }
      await client.end();
    }),
  );
  return done / SECONDS;
}

const SIGN_OFF = `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`;
const signOffBody = (launchId: string) => ({
  query: SIGN_OFF,
  variables: { i: { launchId, team: 'SUPPORT', decision: 'NO_GO', comment: 'bench' } },
});

/** Sign-offs accepted on a launch: its version less the CREATED event. */
async function signOffsOn(url: string, token: string, launchId: string): Promise<number> {
  const res = await post<{ launch: { version: number } }>(
    url,
    token,
    `query($id: ID!) { launch(id: $id) { version } }`,
    { id: launchId },
  );
  return res.data!.launch.version - 1;
}

async function signOffThroughput(): Promise<void> {
  const db = await createScratchDatabase('bench_signoff');
  const server = await serve('signOff', { ...API_ENV, DATABASE_URL: db.url });
  try {
    const cast = await createCast(server.url);
    const launch = await createLaunchOver(server.url, cast.coordinator, `bench-${Date.now()}`);
    const api = await load(server.url, cast.members.SUPPORT, signOffBody(launch.id), 8);
    const accepted = await signOffsOn(server.url, cast.coordinator, launch.id);
    const raw = await rawLockLoop(db.url, 8);
    const ratio = api.rps / raw;
    json.signOff = {
      apiPerSecond: round(api.rps),
      acceptedSignOffs: accepted,
      p99Ms: api.p99,
      rawLockLoopPerSecond: round(raw),
      ratio: round(ratio, 2),
    };
    rows.push({
      measure: 'signOff on one launch, 8 clients (req/s)',
      liftoff: `${round(api.rps)}`,
      baseline: `raw pg lock loop ${round(raw)}`,
      ratio: ratio.toFixed(2),
      goal: '>= 0.5',
      met: ratio >= 0.5 && api.errors === 0,
      errors: api.errors,
    });
  } finally {
    await server.stop();
    await db.drop();
  }
}

/**
 * signOff on a launch that already holds 1,000 sign-offs (all but the latest superseded)
 * against the same on a fresh launch, on one server: what a launch's history costs each
 * later command.
 */
async function signOffHistoryGrowth(): Promise<void> {
  const HISTORY = 1_000;
  const db = await createScratchDatabase('bench_signoff_history');
  const server = await serve('signOffHistory', { ...API_ENV, DATABASE_URL: db.url });
  try {
    const cast = await createCast(server.url);
    const token = cast.members.SUPPORT;
    const aged = await createLaunchOver(server.url, cast.coordinator, `aged-${Date.now()}`);
    for (let i = 0; i < HISTORY; i += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, HISTORY - i) }, async () => {
          const res = await post(server.url, token, SIGN_OFF, signOffBody(aged.id).variables);
          if (res.errors) throw new Error(`history sign-off failed: ${JSON.stringify(res.errors)}`);
        }),
      );
    }
    const fresh = await createLaunchOver(server.url, cast.coordinator, `fresh-${Date.now()}`);
    const freshLoad = await load(server.url, token, signOffBody(fresh.id), 8);
    const agedLoad = await load(server.url, token, signOffBody(aged.id), 8);
    const ratio = agedLoad.rps / freshLoad.rps;
    json.signOffHistory = {
      signOffsBefore: HISTORY,
      agedPerSecond: round(agedLoad.rps),
      freshPerSecond: round(freshLoad.rps),
      agedP99Ms: agedLoad.p99,
      freshP99Ms: freshLoad.p99,
      agedSignOffsAfter: await signOffsOn(server.url, cast.coordinator, aged.id),
      ratio: round(ratio, 2),
    };
    rows.push({
      measure: `signOff on a launch holding ${HISTORY.toLocaleString('en')} sign-offs, 8 clients (req/s)`,
      liftoff: `${round(agedLoad.rps)}`,
      baseline: `fresh launch ${round(freshLoad.rps)}`,
      ratio: ratio.toFixed(2),
      goal: '>= 0.8',
      met: ratio >= 0.8 && agedLoad.errors + freshLoad.errors === 0,
      errors: agedLoad.errors + freshLoad.errors,
    });
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** The service for one phase; with BENCH_PROFILE=1 it profiles itself into `<phase>.cpuprofile`. */
function serve(phase: string, env: Record<string, string>): Promise<ServerProcess> {
  const profile = PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${phase}.cpuprofile`]
    : [];
  return startServer(env, 60_000, profile);
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The bare Apollo `{ ping }` server every throughput phase is compared with. */
async function withPingServer<T>(
  run: (pingUrl: string, pingPid: number) => Promise<T>,
): Promise<T> {
  const port = await freePort();
  const ping = spawn(process.execPath, ['dist/test/bench/ping-server.js'], {
    env: { ...process.env, PORT: String(port) },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      ping.stdout.once('data', () => resolve());
      ping.once('exit', (code) => reject(new Error(`ping server exited with ${code}`)));
    });
    return await run(`http://127.0.0.1:${port}`, ping.pid!);
  } finally {
    ping.kill('SIGTERM');
  }
}

/**
 * One operation at 20 clients against the bare Apollo `{ ping }` on the same machine, in
 * alternating slices (liftoff, ping, liftoff, ping, ...) so that a machine busy with other
 * work slows both sides alike; the ratio is the figure. The CPU time each server spends per
 * answer is reported beside it: it depends far less on what else the machine runs.
 */
const SLICES = 4;
async function versusPing(
  phase: string,
  measure: string,
  goal: number,
  operation: (
    server: ServerProcess,
    cast: Awaited<ReturnType<typeof createCast>>,
  ) => Promise<{
    token: string;
    body: unknown;
  }>,
): Promise<void> {
  const db = await createScratchDatabase(`bench_${phase.toLowerCase()}`);
  const server = await serve(phase, { ...API_ENV, DATABASE_URL: db.url });
  try {
    await withPingServer(async (pingUrl, pingPid) => {
      const cast = await createCast(server.url);
      const { token, body } = await operation(server, cast);
      await load(server.url, token, body, 20, 1); // warm-up
      const sliceSeconds = SECONDS / SLICES;
      const api = { answers: 0, errors: 0, cpuMs: 0, p50: [] as number[], p99: 0 };
      const bare = { answers: 0, errors: 0, cpuMs: 0 };
      for (let i = 0; i < SLICES; i += 1) {
        let cpu = cpuMs(server.child.pid!);
        const a = await load(server.url, token, body, 20, sliceSeconds);
        api.cpuMs += cpuMs(server.child.pid!) - cpu;
        api.answers += a.rps * sliceSeconds;
        api.errors += a.errors;
        api.p50.push(a.p50);
        api.p99 = Math.max(api.p99, a.p99);
        cpu = cpuMs(pingPid);
        const b = await load(pingUrl, null, { query: '{ ping }' }, 20, sliceSeconds);
        bare.cpuMs += cpuMs(pingPid) - cpu;
        bare.answers += b.rps * sliceSeconds;
        bare.errors += b.errors;
      }
      const apiRps = api.answers / SECONDS;
      const bareRps = bare.answers / SECONDS;
      const ratio = apiRps / bareRps;
      const apiCpuMs = api.cpuMs / Math.max(1, api.answers);
      const bareCpuMs = bare.cpuMs / Math.max(1, bare.answers);
      json[phase] = {
        apiPerSecond: round(apiRps),
        apiP50Ms: api.p50.sort((x, y) => x - y)[SLICES / 2],
        apiP99Ms: api.p99,
        apiCpuMsPerAnswer: round(apiCpuMs, 3),
        pingPerSecond: round(bareRps),
        pingCpuMsPerAnswer: round(bareCpuMs, 3),
        ratio: round(ratio, 2),
        cpuRatio: round(bareCpuMs / apiCpuMs, 2),
        errors: api.errors + bare.errors,
      };
      rows.push({
        measure: `${measure}, 20 clients (req/s; CPU ms per answer)`,
        liftoff: `${round(apiRps)}; ${apiCpuMs.toFixed(2)}`,
        baseline: `bare Apollo { ping } ${round(bareRps)}; ${bareCpuMs.toFixed(2)}`,
        ratio: `${ratio.toFixed(2)} (CPU ${(bareCpuMs / apiCpuMs).toFixed(2)})`,
        goal: `>= ${goal}`,
        met: ratio >= goal && api.errors === 0 && bare.errors === 0,
        errors: api.errors + bare.errors,
      });
    });
  } finally {
    await server.stop();
    await db.drop();
  }
}

const readinessThroughput = () =>
  versusPing('readiness', 'readiness of a standard launch', 0.3, async (server, cast) => {
    const launch = await createLaunchOver(server.url, cast.coordinator, `bench-${Date.now()}`);
    return {
      token: cast.members.PRODUCT,
      body: {
        query: `query($id: ID!) { launch(id: $id) { readiness { canAdvance blocked score missing { kind team message itemId } } } }`,
        variables: { id: launch.id },
      },
    };
  });

/** What every request pays: authentication, the limits, metrics and logging, one tiny field. */
const fixedCost = () =>
  versusPing('fixedCost', '{ me { id } } (the fixed cost of a request)', 0.5, (_server, cast) =>
    Promise.resolve({ token: cast.members.PRODUCT, body: { query: '{ me { id } }' } }),
  );

const NODE = `id key name stage blocked coordinator { name }
  readiness { canAdvance score missing { kind team message } } checklist { id title status completedBy { name } }`;
const PAGE = `query($first: Int!) { launches(first: $first) { totalCount edges { node { ${NODE} } } } }`;
const PAGE_SEARCH = `query($first: Int!, $search: String) { launches(first: $first, filter: { search: $search }) { totalCount edges { node { ${NODE} } } } }`;

/** One client reading a page of 50 launches with readiness and checklists, one after another. */
async function pageLatency(): Promise<void> {
  const db = await createScratchDatabase('bench_page');
  const server = await serve('page', { ...API_ENV, DATABASE_URL: db.url });
  try {
    const cast = await createCast(server.url);
    for (let i = 0; i < 60; i += 1)
      await createLaunchOver(server.url, cast.coordinator, `page-${i}-${Date.now()}`);
    const body = { query: PAGE, variables: { first: 50 } };
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.coordinator}` },
      body: JSON.stringify(body),
    });
    const kb = (await answer.arrayBuffer()).byteLength / 1024;
    for (let i = 0; i < 50; i += 1) await post(server.url, cast.coordinator, PAGE, { first: 50 });
    const cpu = cpuMs(server.child.pid!);
    const page = await load(server.url, cast.coordinator, body, 1);
    const pageCpuMs = (cpuMs(server.child.pid!) - cpu) / Math.max(1, page.rps * SECONDS);
    json.page = {
      p50Ms: page.p50,
      p99Ms: page.p99,
      cpuMsPerAnswer: round(pageCpuMs, 2),
      answerKb: round(kb),
      errors: page.errors,
    };
    rows.push({
      measure: `launches(first: 50) with readiness + checklists, 1 client, p50 (ms; CPU ms per answer; ${Math.round(kb)} KB)`,
      liftoff: `${page.p50}; ${pageCpuMs.toFixed(1)}`,
      baseline: '-',
      ratio: '-',
      goal: '<= 10',
      met: page.p50 <= 10 && page.errors === 0,
      errors: page.errors,
    });
  } finally {
    await server.stop();
    await db.drop();
  }
}

async function statementsPerPage(): Promise<void> {
  const db = await createScratchDatabase('bench_statements');
  const running = await createApp(loadConfig({ ...API_ENV, DATABASE_URL: db.url, PORT: '0' }));
  await running.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(running.app.getHttpServer().address() as { port: number }).port}`;
  try {
    const cast = await createCast(url);
    for (let i = 0; i < 60; i += 1)
      await createLaunchOver(url, cast.coordinator, `stmt-${i}-${Date.now()}`);
    const counter = QueryCounter.attach(running.database.dataSource);
    await post(url, cast.coordinator, PAGE, { first: 1 });
    const counts: Record<number, number> = {};
    for (const first of [50, 5]) {
      counts[first] = await counter.count(() => post(url, cast.coordinator, PAGE, { first }));
    }
    json.statements = { first50: counts[50], first5: counts[5], statements: counter.statements };
    rows.push({
      measure: 'SQL statements, launches(first: 50 | 5) with readiness + checklists',
      liftoff: `${counts[50]} | ${counts[5]}`,
      baseline: '-',
      ratio: '-',
      goal: '<= 5, equal',
      met: counts[50]! <= 5 && counts[50] === counts[5],
      errors: 0,
    });
  } finally {
    await running.app.close();
    await running.database.close();
    await db.drop();
  }
}

/**
 * The same page at 100 and at 10,000 launches, each measured on a freshly started process
 * after the same warm-up. The copies are the newest rows and all match the page's search, so
 * the page reads grown data and counts all of it (totalCount), not the same 50 rows twice.
 */
async function costGrowth(): Promise<void> {
  const db = await createScratchDatabase('bench_growth');
  const client = new pg.Client({ connectionString: db.url });
  let server = await startServer({ ...API_ENV, DATABASE_URL: db.url });
  try {
    await client.connect();
    const cast = await createCast(server.url);
    for (let i = 0; i < 100; i += 1)
      await createLaunchOver(server.url, cast.coordinator, `grow-${i}-${Date.now()}`);
    const body = { query: PAGE_SEARCH, variables: { first: 50, search: 'grow-' } };
    const measure = async (size: 'small' | 'large') => {
      await server.stop();
      server = await serve(`growth-${size}`, {
        ...API_ENV,
        DATABASE_URL: db.url,
      });
      for (let i = 0; i < 50; i += 1)
        await post(server.url, cast.coordinator, body.query, body.variables);
      return load(server.url, cast.coordinator, body, 4);
    };
    const small = await measure('small');
    // 9,900 more launch rows, copies of real ones, newer than them.
    await client.query(`
      INSERT INTO launch (id, key, name, description, stage, blocked, coordinator_id, target_ga_date, support_lead_days,
                          block_response_hours, early_access_granted_at, version, machine_version, snapshot, created_at, updated_at)
      SELECT gen_random_uuid(), l.key || '-copy-' || g, l.name, l.description, l.stage, l.blocked, l.coordinator_id, l.target_ga_date,
             l.support_lead_days, l.block_response_hours, l.early_access_granted_at, l.version, l.machine_version, l.snapshot,
             l.created_at, l.updated_at + (g || ' seconds')::interval
        FROM launch l CROSS JOIN generate_series(1, 99) g`);
    await client.query('ANALYZE launch');
    const total = (
      (await client.query('SELECT count(*)::int AS n FROM launch')).rows[0] as { n: number }
    ).n;
    const large = await measure('large');
    const ratio = large.p99 / small.p99;
    json.growth = {
      launchesSmall: 100,
      launchesLarge: total,
      p99SmallMs: small.p99,
      p99LargeMs: large.p99,
      p50SmallMs: small.p50,
      p50LargeMs: large.p50,
      ratio: round(ratio, 2),
      errors: small.errors + large.errors,
    };
    rows.push({
      measure: `launches(first: 50, search) p99, ${total} vs 100 launches, 4 clients (ms)`,
      liftoff: `${large.p99}`,
      baseline: `${small.p99}`,
      ratio: ratio.toFixed(2),
      goal: '<= 1.5',
      met: ratio <= 1.5 && small.errors + large.errors === 0,
      errors: small.errors + large.errors,
    });
  } finally {
    await client.end();
    await server.stop();
    await db.drop();
  }
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * Cold: the first start on an empty database (migrations, and embedded: the seed), as a new
 * installation sees it. Warm: the next start on the same, migrated database, the same files
 * in the page cache. Both are reported; the goal is the cold one's.
 */
async function coldStart(
  phase: string,
  label: string,
  env: Record<string, string>,
  readyGoalMs: number,
  rssGoalMb: number,
): Promise<void> {
  const first = await serve(`${phase}-cold`, env);
  const coldMs = first.readyMs;
  await first.stop();
  const server = await serve(`${phase}-warm`, env);
  try {
    const token = env.DATABASE_URL
      ? ADMIN_TOKEN
      : ((await (await fetch(`${server.url}/demo/users`)).json()) as { token: string }[])[0]!.token;
    let errors = 0;
    for (let i = 0; i < 1_000; i += 1) {
      const res = await post(server.url, token, `{ me { id } launches(first: 10) { totalCount } }`);
      if (res.errors || res.status !== 200) errors += 1;
    }
    const rss = rssMb(server.child.pid!);
    json[phase] = {
      coldReadyMs: coldMs,
      warmReadyMs: server.readyMs,
      rssMbAfter1000Requests: round(rss),
      errors,
    };
    rows.push({
      measure: `start to ready, ${label}: cold (empty database) | warm (ms)`,
      liftoff: `${coldMs} | ${server.readyMs}`,
      baseline: '-',
      ratio: '-',
      goal: `cold < ${readyGoalMs}`,
      met: coldMs < readyGoalMs,
      errors: 0,
    });
    rows.push({
      measure: `RSS after 1,000 requests, ${label} (MB)`,
      liftoff: `${round(rss)}`,
      baseline: '-',
      ratio: '-',
      goal: `< ${rssGoalMb}`,
      met: rss < rssGoalMb && errors === 0,
      errors,
    });
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const pgClient = new pg.Client({
    connectionString:
      process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await pgClient.connect();
  (json.machine as Record<string, unknown>).postgres = (
    (await pgClient.query('SHOW server_version')).rows[0] as { server_version: string }
  ).server_version;
  await pgClient.end();
  process.stdout.write(`machine: ${JSON.stringify(json.machine)}\n`);
  if (PROFILE_DIR) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
  }
  const phases: [string, () => Promise<void>][] = [
    ['signOff', signOffThroughput],
    ['signOffHistory', signOffHistoryGrowth],
    ['readiness', readinessThroughput],
    ['fixedCost', fixedCost],
    ['page', pageLatency],
    ['statements', statementsPerPage],
    ['growth', costGrowth],
    [
      'startReal',
      async () => {
        const db = await createScratchDatabase('bench_cold');
        try {
          await coldStart(
            'startReal',
            'real PostgreSQL',
            { ...API_ENV, DATABASE_URL: db.url },
            1_500,
            200,
          );
        } finally {
          await db.drop();
        }
      },
    ],
    [
      'startEmbedded',
      async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-bench-'));
        try {
          await coldStart(
            'startEmbedded',
            'embedded PGlite',
            { ...API_ENV, DATA_DIR: dataDir },
            4_000,
            350,
          );
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    ],
  ];
  for (const [name, run] of phases) {
    if (ONLY && !ONLY.includes(name)) continue;
    process.stdout.write(`phase ${name}\n`);
    await run();
  }

  const headers = ['measure', 'liftoff', 'baseline', 'ratio', 'goal', 'met', 'errors'] as const;
  const cells = rows.map((r) =>
    headers.map((h) => (h === 'met' ? (r.met ? 'yes' : 'NO') : String(r[h]))),
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) =>
    values.map((v, i) => v.padEnd(widths[i]!)).join(' | ');
  process.stdout.write(
    `\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${cells.map(line).join('\n')}\n`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/latest.json',
    JSON.stringify({ at: new Date().toISOString(), rows, ...json }, null, 2),
  );
  process.stdout.write('\nwrote bench/results/latest.json\n');
  if (PROFILE_DIR)
    process.stdout.write(`CPU profiles (one per server and phase) in ${PROFILE_DIR}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
