import { performance } from 'node:perf_hooks';
import { readinessAsOf } from '#workflow';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { LaunchRepository } from '../../apps/api/src/launches/launch.repository.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * `npm run bench:as-of`: Launch.readiness(asOf) on one launch with 1,000 events (the lite
 * template walked to SUPPORT_TRAINED, then comments), the API in process on a scratch
 * database of the local PostgreSQL server. Prints the median of the whole request over HTTP
 * (asOf at the end and in the middle of the history, and readiness now for comparison) and
 * of the fold alone. Not a test: nothing fails on a figure.
 */

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Launch {
  id: string;
  version: number;
  stage: string;
  checklist: { id: string; stage: string; required: boolean; status: string }[];
}
const LAUNCH = `id version stage checklist { id stage required status }`;

async function call<T>(app: TestApp, token: string, query: string, variables = {}): Promise<T> {
  const res = await app.gql<T>(token, query, variables);
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** A launch walked through every gate to SUPPORT_TRAINED, then commented on up to `EVENTS`. */
async function launchWithHistory(app: TestApp, token: string): Promise<Launch> {
  let launch = (
    await call<{ createLaunch: Launch }>(
      app,
      token,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { ${LAUNCH} } }`,
      {
        i: {
          key: 'bench-as-of',
          name: 'As-of bench',
          template: 'lite',
          supportLeadDays: 0,
          targetGaDate: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        },
      },
    )
  ).createLaunch;
  while (launch.stage !== 'SUPPORT_TRAINED') {
    for (const item of launch.checklist.filter(
      (i) => i.stage === launch.stage && i.required && i.status === 'OPEN',
    )) {
      await call(
        app,
        token,
        `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
        {
          i: { itemId: item.id },
        },
      );
    }
    for (const team of ['PRODUCT', 'ENGINEERING', 'SUPPORT']) {
      await call(app, token, `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`, {
        i: { launchId: launch.id, team, decision: 'GO' },
      });
    }
    launch = (
      await call<{ advanceLaunch: Launch }>(
        app,
        token,
        `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { ${LAUNCH} } }`,
        { i: { launchId: launch.id } },
      )
    ).advanceLaunch;
    if (launch.stage === 'BETA') {
      await call(
        app,
        token,
        `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
        {
          i: { launchId: launch.id },
        },
      );
    }
  }
  const { launch: current } = await call<{ launch: Launch }>(
    app,
    token,
    `query($id: ID!) { launch(id: $id) { ${LAUNCH} } }`,
    { id: launch.id },
  );
  for (let v = current.version; v < EVENTS; v += 1) {
    await call(app, token, `mutation($i: CommentInput!) { addComment(input: $i) { id } }`, {
      i: { launchId: launch.id, body: `Comment ${v}` },
    });
  }
  return current;
}

async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 5; i += 1) await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return ms;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('bench_as_of');
  const app = await startTestApp(
    loadConfig({
      DATABASE_URL: scratch.url,
      LOG_LEVEL: 'silent',
      PORT: '0',
      RATE_LIMIT_MUTATIONS_PER_MIN: '1000000',
      RATE_LIMIT_READ_COST_PER_MIN: '0',
    }),
  );
  try {
    const admin = await app.createUser({ role: 'ADMIN' });
    const t0 = performance.now();
    const launch = await launchWithHistory(app, admin.token);
    const loadSeconds = (performance.now() - t0) / 1000;
    const repo = new LaunchRepository(app.running.database.dataSource);
    const end = new Date().toISOString();
    const events = await repo.eventsUpTo(launch.id, end);
    const middle = events[Math.floor(events.length / 2)]!.at;
    const query = `query($id: ID!, $asOf: DateTime) { launch(id: $id) { readiness(asOf: $asOf) {
      canAdvance missing { kind team message } stages { stage teams { team approvals } } } } }`;
    const request = (asOf: string | null) => () =>
      call(app, admin.token, query, { id: launch.id, asOf });
    const atEnd = await timed(RUNS, request(end));
    const atMiddle = await timed(RUNS, request(middle));
    const now = await timed(RUNS, request(null));
    const load = await timed(RUNS, () => repo.eventsUpTo(launch.id, end));
    const fold = await timed(RUNS, () => readinessAsOf(events, end));
    const row = (label: string, ms: number[]) =>
      `${label}: median ${median(ms).toFixed(1)} ms (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}) over ${ms.length} runs`;
    process.stdout.write(
      [
        `data: one launch with ${events.length} events (built over HTTP in ${loadSeconds.toFixed(1)} s)`,
        row(`readiness(asOf) request, all ${events.length} events`, atEnd),
        row(`readiness(asOf) request, first ${events.length / 2} events`, atMiddle),
        row('readiness (now, from the snapshot) request', now),
        row(`reading the ${events.length} events (SQL)`, load),
        row(`folding ${events.length} events and evaluating (libs/workflow)`, fold),
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
