import fc from 'fast-check';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { STAGES, TEAMS } from '#workflow';
import { SloSchedulerService } from '../../apps/api/src/slo/slo-scheduler.service.js';
import { verifyAll } from '../../apps/api/src/launches/launch-verifier.js';
import { createLaunch, inDays, type LaunchDto } from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

/** Strings a careless or hostile client sends. */
const nasty = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    "'; DROP TABLE launch; --",
    'javascript:alert(1)',
    'http://',
    'x'.repeat(10_050),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
/** Any JSON a variable can hold, wrong types included. */
const anyValue = fc.oneof(
  nasty,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Mostly plausible values, so requests get past validation into the rules; sometimes anything. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyValue });
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}$/);
const text = fc.string({ minLength: 1, maxLength: 40 });
const future = fc
  .integer({ min: 1, max: 400 })
  .map((d) => new Date(Date.now() + d * 86_400_000).toISOString());
const team = fc.constantFrom(...TEAMS);
const stage = fc.constantFrom(...STAGES);

type Answer = {
  status: number;
  data?: Record<string, { id?: string } | boolean> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** One operation over a graphql-ws socket: its answer, or the errors it was refused with. */
function overSocket(client: Client, query: string, variables: Record<string, unknown>) {
  return new Promise<Answer>((resolve) => {
    let answer: Answer = { status: 200 };
    client.subscribe(
      { query, variables },
      {
        next: (r) => (answer = { status: 200, ...(r as Omit<Answer, 'status'>) }),
        error: (e) =>
          resolve({
            status: 200,
            errors: Array.isArray(e)
              ? (e as Answer['errors'])
              : [
                  {
                    message: `socket closed: ${(e as { code?: number }).code} ${(e as { reason?: string }).reason}`,
                    extensions: { code: 'SOCKET_CLOSED' },
                  },
                ],
          }),
        complete: () => resolve(answer),
      },
    );
  });
}

// The same cases over both transports of the one pipeline (HTTP and the WebSocket).
describe.each(['HTTP', 'graphql-ws'] as const)(
  `fuzzing the GraphQL inputs over %s (fast-check, ${RUNS} runs, seed ${SEED})`,
  (transport) => {
    let socket: Client | null = null;
    const unexpectedCloses: number[] = [];
    let db: Awaited<ReturnType<typeof createScratchDatabase>>;
    let app: TestApp;
    let admin: TestUser;
    /** Launches the fuzzer works on; the last two are the only ones it may cancel. */
    const pool: string[] = [];
    const CANCELLABLE = 2;
    /** The model: what each pool launch must look like, kept from accepted answers only. */
    const model = new Map<string, LaunchModel>();
    const itemLaunch = new Map<string, string>();

    beforeAll(async () => {
      // A database of its own: whole tables are compared, and only the fuzzer's rows are there.
      db = await createScratchDatabase('fuzz');
      app = await bootTestApp({
        DATABASE_URL: db.url,
        RATE_LIMIT_MUTATIONS_PER_MIN: '1000000',
      });
      // Timer events would land between two reads of a table on their own schedule: this
      // suite is about requests, so the SLO scheduler is stopped (slo-timers tests it).
      await app.running.app.get(SloSchedulerService).onModuleDestroy();
      admin = await app.createUser({ role: 'ADMIN', teams: ['PRODUCT', 'ENGINEERING', 'SUPPORT'] });
      for (let i = 0; i < 5; i += 1) {
        const launch = await createLaunch(app, admin.token, {
          template: 'lite',
          supportLeadDays: 0,
          targetGaDate: inDays(200),
        });
        pool.push(launch.id);
        model.set(launch.id, modelOf(launch));
        for (const item of launch.checklist) itemLaunch.set(item.id, launch.id);
      }
      if (transport === 'graphql-ws') {
        socket = createClient({
          url: `${app.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
          connectionParams: { authorization: `Bearer ${admin.token}` },
          on: {
            closed: (event) => {
              const code = (event as { code: number }).code;
              if (code !== 1000) unexpectedCloses.push(code);
            },
          },
        });
      }
      process.stdout.write(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)\n`);
    });
    afterAll(async () => {
      await socket?.dispose();
      await app?.close();
      await db?.drop();
    });

    /**
     * Every table, whole, as one digest per table (the rate-limit counters excepted: a refused
     * mutation still counts against its caller; and a token's last use, which every request
     * moves).
     */
    const tables = async () => {
      const dataSource = app.running.database.dataSource;
      const names = (
        (await dataSource.query(
          `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            AND table_name NOT IN ('migrations', 'rate_limit') ORDER BY 1`,
        )) as { name: string }[]
      ).map((r) => r.name);
      const digests: Record<string, string> = {};
      for (const name of names) {
        const row = name === 'api_token' ? `(t.id, t.user_id, t.name, t.revoked_at)` : `t`;
        const [{ digest }] = (await dataSource.query(
          `SELECT count(*) || ':' || coalesce(md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)), '') AS digest FROM "${name}" t`,
        )) as [{ digest: string }];
        digests[name] = digest;
      }
      return digests;
    };

    const id = () => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, fc.uuid(), nasty);
    const cancellable = () =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...pool.slice(-CANCELLABLE)) },
        fc.uuid(),
        nasty,
      );
    const anItem = () =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...itemLaunch.keys()) }, fc.uuid(), nasty);
    const operations = () =>
      fc.oneof(
        // A well-formed step that moves a launch on (what a team would do next), so the
        // launches go through the stages while the rest of the mix hits them.
        { weight: 3, arbitrary: fc.constantFrom(...pool).map((l) => ({ drive: l })) },
        fc
          .record(
            {
              key: mostly(slug),
              name: mostly(text),
              description: mostly(text),
              targetGaDate: mostly(future),
              supportLeadDays: mostly(fc.integer({ min: -5, max: 100 })),
              blockResponseHours: mostly(fc.double({ min: 0, max: 800, noNaN: true })),
              template: mostly(fc.constantFrom('standard', 'lite')),
            },
            { requiredKeys: ['key', 'name'] },
          )
          .map((i) => ({
            query: `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
            variables: { i },
          })),
        fc
          .record({
            id: id(),
            i: fc.record(
              {
                name: anyValue,
                description: anyValue,
                targetGaDate: anyValue,
                supportLeadDays: anyValue,
                blockResponseHours: anyValue,
                expectedVersion: anyValue,
              },
              { requiredKeys: [] },
            ),
          })
          .map((v) => ({
            query: `mutation($id: ID!, $i: UpdateLaunchInput!) { updateLaunch(id: $id, input: $i) { id } }`,
            variables: v,
          })),
        fc
          .record(
            {
              launchId: id(),
              team: mostly(team),
              decision: mostly(fc.constantFrom('GO', 'NO_GO')),
              comment: mostly(text),
              expectedVersion: anyValue,
            },
            { requiredKeys: [] },
          )
          .map((i) => ({
            query: `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
            variables: { i },
          })),
        fc
          .record(
            {
              itemId: anItem(),
              evidenceUrl: anyValue,
              note: anyValue,
              reason: anyValue,
            },
            { requiredKeys: [] },
          )
          .chain((i) =>
            fc
              .constantFrom(
                'completeChecklistItem(input: { itemId: $id, evidenceUrl: $a, note: $b })',
                'waiveChecklistItem(input: { itemId: $id, reason: $a })',
                'reopenChecklistItem(input: { itemId: $id, reason: $a })',
              )
              .map((field) => ({
                query: `mutation($id: ID!, $a: String, $b: String) { ${field} { id } }`,
                variables: { id: i.itemId, a: i.evidenceUrl ?? i.reason, b: i.note },
              })),
          ),
        fc
          .record(
            {
              launchId: id(),
              stage: mostly(stage),
              team: mostly(team),
              title: mostly(text),
              description: anyValue,
              required: anyValue,
            },
            { requiredKeys: [] },
          )
          .map((i) => ({
            query: `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
            variables: { i },
          })),
        fc
          .record(
            {
              launchId: id(),
              toCancel: cancellable(),
              url: anyValue,
              notes: anyValue,
              reason: mostly(text),
              freezeOverrideReason: anyValue,
            },
            { requiredKeys: ['launchId', 'toCancel'] },
          )
          .chain((i) =>
            fc.constantFrom(
              {
                query: `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
                variables: { i: { launchId: i.launchId, url: i.url, notes: i.notes } },
              },
              {
                query: `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
                variables: { i: { launchId: i.toCancel, reason: i.reason } },
              },
              {
                query: `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
                variables: { i: { launchId: i.launchId } },
              },
              {
                query: `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
                variables: {
                  i: { launchId: i.launchId, freezeOverrideReason: i.freezeOverrideReason },
                },
              },
            ),
          ),
        fc
          .record(
            {
              name: mostly(text),
              reason: anyValue,
              startsAt: mostly(future),
              endsAt: mostly(future),
              stages: mostly(fc.array(stage, { maxLength: 4 })),
            },
            { requiredKeys: [] },
          )
          .map((i) => ({
            query: `mutation($i: FreezeWindowInput!) { createFreezeWindow(input: $i) { id } }`,
            variables: { i },
          })),
        fc.record({ id: mostly(fc.uuid()) }).map((v) => ({
          query: `mutation($id: ID!) { endFreezeWindow(id: $id) { id } }`,
          variables: v,
        })),
        fc
          .record(
            {
              first: anyValue,
              after: anyValue,
              search: anyValue,
              stage: anyValue,
              blocked: anyValue,
            },
            { requiredKeys: [] },
          )
          .map((v) => ({
            query: `query($first: Int, $after: String, $search: String, $stage: Stage, $blocked: Boolean) { launches(first: $first, after: $after, filter: { search: $search, stage: $stage, blocked: $blocked }) { totalCount } }`,
            variables: v,
          })),
        fc.record({ id: anyValue, key: anyValue }, { requiredKeys: [] }).map((v) => ({
          query: `query($id: ID, $key: String) { launch(id: $id, key: $key) { id } }`,
          variables: v,
        })),
        fc
          .record(
            { name: anyValue, email: anyValue, role: anyValue, teams: anyValue },
            { requiredKeys: [] },
          )
          .map((i) => ({
            query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
            variables: { i },
          })),
      );

    /** One request, judged: never a 5xx or an internal error; refused: no table changed;
     * accepted: the launch it names is what the model says. */
    const send = async (
      query: string,
      variables: Record<string, unknown>,
      stats: { refused: number; accepted: number; codes: Map<string, number> },
    ) => {
      const before = await tables();
      const res: Answer = socket
        ? await overSocket(socket, query, variables)
        : await app.gql<Record<string, { id?: string } | boolean>>(admin.token, query, variables);
      expect(res.status).toBeLessThan(500);
      for (const error of res.errors ?? []) {
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(error.extensions?.code).toEqual(expect.any(String));
        expect(JSON.stringify(error)).not.toMatch(
          /QueryFailedError|stack|at \w+ \(|SELECT |INSERT /,
        );
      }
      const code = res.errors?.[0]?.extensions?.code ?? 'OK';
      stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
      if (res.errors) {
        stats.refused += 1;
        expect({ query, tables: await tables() }).toEqual({ query, tables: before });
        return false;
      }
      stats.accepted += 1;
      await checkAccepted(query, variables, res.data!);
      return true;
    };

    /** Moves the model for an accepted request, then compares the launch with it. */
    const checkAccepted = async (
      query: string,
      variables: Record<string, unknown>,
      data: Record<string, unknown>,
    ) => {
      const field = Object.keys(data)[0]!;
      const input = (variables.i ?? {}) as Record<string, unknown>;
      const itemId = (variables.id ?? input.itemId) as string | undefined;
      const launchId =
        field === 'updateLaunch'
          ? String(variables.id).toLowerCase()
          : field.endsWith('ChecklistItem') && field !== 'addChecklistItem'
            ? itemLaunch.get(String(itemId).toLowerCase())
            : typeof input.launchId === 'string'
              ? input.launchId.toLowerCase()
              : undefined;
      if (field === 'createLaunch') {
        const created = await read(String((data.createLaunch as { id: string }).id));
        expect({ stage: created.stage, version: created.version }).toEqual({
          stage: 'PLANNING',
          version: 1,
        });
        return;
      }
      if (
        ['createUser', 'launch', 'launches', 'createFreezeWindow', 'endFreezeWindow'].includes(
          field,
        )
      )
        return;
      const expected = model.get(launchId!);
      expect({ field, known: expected !== undefined }).toEqual({ field, known: true });
      const m = { ...expected!, items: new Map(expected!.items) };
      m.version += 1;
      switch (field) {
        case 'signOff':
          m.signOffs += 1;
          break;
        case 'completeChecklistItem':
          m.items.set(String(itemId).toLowerCase(), 'DONE');
          break;
        case 'waiveChecklistItem':
          m.items.set(String(itemId).toLowerCase(), 'WAIVED');
          break;
        case 'reopenChecklistItem':
          m.items.set(String(itemId).toLowerCase(), 'OPEN');
          break;
        case 'addChecklistItem':
          m.items.set(String((data.addChecklistItem as { id: string }).id), 'OPEN');
          itemLaunch.set(String((data.addChecklistItem as { id: string }).id), launchId!);
          break;
        case 'grantEarlyAccess':
          m.earlyAccess = true;
          m.version += 1; // and support's heads-up
          break;
        case 'cancelLaunch':
          m.stage = 'CANCELLED';
          break;
        case 'advanceLaunch':
          m.stage = STAGES[STAGES.indexOf(m.stage as (typeof STAGES)[number]) + 1]!;
          // Entering BETA or later also gives support a heads-up.
          if (STAGES.indexOf(m.stage as (typeof STAGES)[number]) >= STAGES.indexOf('BETA'))
            m.version += 1;
          break;
        case 'updateLaunch':
          // An update that changes nothing is accepted without an event; the fields are not
          // modelled here, so either is allowed (and nothing else may change).
          if (expected!.version === (await read(launchId!)).version) m.version -= 1;
          break;
        default:
          throw new Error(`no model for ${field}`);
      }
      const actual = modelOf(await read(launchId!));
      expect({ field, launch: actual }).toEqual({ field, launch: m });
      model.set(launchId!, actual);
    };

    const read = async (id: string) =>
      (
        await app.gql<{ launch: LaunchDto }>(
          admin.token,
          `query($id: ID!) { launch(id: $id) { id stage version earlyAccess { grantedAt }
           checklist { id stage team required status } signOffs(includeSuperseded: true) { id } } }`,
          { id },
        )
      ).data!.launch;

    /** The next well-formed step for a launch: finish its stage's items, sign, grant, advance. */
    const drive = async (launchId: string, stats: Parameters<typeof send>[2]) => {
      const l = await read(launchId);
      if (l.stage === 'GA' || l.stage === 'CANCELLED') return;
      const open = l.checklist.find(
        (i) => i.stage === l.stage && i.required && i.status === 'OPEN',
      );
      if (open) {
        await send(
          `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
          { i: { itemId: open.id } },
          stats,
        );
        return;
      }
      const fresh = await app.gql<{
        launch: { readiness: { missing: { kind: string; team: string | null }[] } };
      }>(
        admin.token,
        `query($id: ID!) { launch(id: $id) { readiness { missing { kind team } } } }`,
        {
          id: launchId,
        },
      );
      const missing = fresh.data!.launch.readiness.missing;
      const team = missing.find((m) => m.kind === 'SIGN_OFF' || m.kind === 'BLOCKED_BY_TEAM')?.team;
      if (team) {
        await send(
          `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
          { i: { launchId, team, decision: 'GO' } },
          stats,
        );
      } else if (!l.earlyAccess && ['BETA', 'DOCS_READY', 'SUPPORT_TRAINED'].includes(l.stage)) {
        await send(
          `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
          { i: { launchId } },
          stats,
        );
      } else {
        await send(
          `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
          { i: { launchId } },
          stats,
        );
      }
    };

    it('never answers INTERNAL_SERVER_ERROR or 5xx; a refused request changes no table; accepted ones match the model; every launch verifies', async () => {
      const stats = { refused: 0, accepted: 0, codes: new Map<string, number>() };
      await fc.assert(
        fc.asyncProperty(operations(), async (op) => {
          if ('drive' in op) await drive(op.drive, stats);
          else await send(op.query, op.variables as Record<string, unknown>, stats);
        }),
        // The database carries over from run to run: shrinking would replay against another
        // state, so the first failure is reported as it happened.
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      const duringFuzzing = pool.map((l) => model.get(l)!.stage);
      // Then every launch the fuzzer did not cancel is driven to GA, still judged request by
      // request, and the verifier replays everything written.
      for (const launchId of pool) {
        for (
          let step = 0;
          step < 60 && !['GA', 'CANCELLED'].includes(model.get(launchId)!.stage);
          step += 1
        )
          await drive(launchId, stats);
      }
      const stages = pool.map((l) => model.get(l)!.stage);
      expect(stages.slice(0, pool.length - CANCELLABLE)).toEqual(['GA', 'GA', 'GA']);
      const broken = (await verifyAll(app.running.database.dataSource)).filter(
        (r) => r.problems.length > 0,
      );
      expect(broken).toEqual([]);
      process.stdout.write(
        `fuzz over ${transport}: ${RUNS} runs, ${stats.accepted} accepted (checked against the model), ${stats.refused} refused (no table changed), 0 internal errors; stages after fuzzing ${duringFuzzing.join(' ')}, at the end ${stages.join(' ')}; answers ${JSON.stringify(Object.fromEntries(stats.codes))}\n`,
      );
      expect(stats.refused).toBeGreaterThan(0);
      expect(stats.accepted).toBeGreaterThan(0);
      // A bad operation answers for itself: the socket stayed open through every case.
      expect(unexpectedCloses).toEqual([]);
    });
  },
);

interface LaunchModel {
  stage: string;
  version: number;
  earlyAccess: boolean;
  signOffs: number;
  items: Map<string, string>;
}

function modelOf(
  l: Pick<LaunchDto, 'stage' | 'version' | 'checklist' | 'signOffs'> & {
    earlyAccess: unknown;
  },
): LaunchModel {
  return {
    stage: l.stage,
    version: l.version,
    earlyAccess: l.earlyAccess !== null,
    signOffs: l.signOffs.length,
    items: new Map(l.checklist.map((i) => [i.id, i.status])),
  };
}
