import fc from 'fast-check';
import { STAGES, TEAMS } from '#workflow';
import { createLaunch } from '../support/launch-factory.js';
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

describe(`fuzzing the GraphQL inputs (fast-check, ${RUNS} runs, seed ${SEED})`, () => {
  let app: TestApp;
  let admin: TestUser;
  let launchId: string;
  let itemId: string;

  beforeAll(async () => {
    app = await bootTestApp({
      RATE_LIMIT_MUTATIONS_PER_MIN: '1000000',
      SLO_SCAN_INTERVAL_MS: '600000',
    });
    admin = await app.createUser({ role: 'ADMIN', teams: ['PRODUCT', 'ENGINEERING', 'SUPPORT'] });
    const launch = await createLaunch(app, admin.token);
    launchId = launch.id;
    itemId = launch.checklist[0]!.id;
    process.stdout.write(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)\n`);
  });
  afterAll(() => app.close());

  // What requests write: launches, users and events with an actor. Timer events (AT_RISK for
  // the near target dates fuzzing picks) arrive on their own schedule and are not counted.
  const writes = async () =>
    (
      (await app.running.database.dataSource.query(
        `SELECT (SELECT count(*) FROM launch_event WHERE actor_id IS NOT NULL)::int + (SELECT count(*) FROM launch)::int + (SELECT count(*) FROM app_user)::int AS n`,
      )) as [{ n: number }]
    )[0].n;

  const id = () => fc.oneof(fc.constant(launchId), fc.uuid(), nasty);
  const operations = () =>
    fc.oneof(
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
            itemId: fc.oneof(fc.constant(itemId), fc.uuid(), nasty),
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
          { launchId: id(), url: anyValue, notes: anyValue, reason: anyValue },
          { requiredKeys: [] },
        )
        .chain((i) =>
          fc.constantFrom(
            {
              query: `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
              variables: { i: { launchId: i.launchId, url: i.url, notes: i.notes } },
            },
            {
              query: `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
              variables: { i: { launchId: i.launchId, reason: i.reason } },
            },
            {
              query: `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
              variables: { i: { launchId: i.launchId } },
            },
          ),
        ),
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

  it('never answers INTERNAL_SERVER_ERROR or 5xx, and a refused request writes nothing', async () => {
    let refused = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(operations(), async ({ query, variables }) => {
        const before = await writes();
        const res = await app.gql(admin.token, query, variables as Record<string, unknown>);
        expect(res.status).toBeLessThan(500);
        for (const error of res.errors ?? []) {
          expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
          expect(error.extensions?.code).toEqual(expect.any(String));
          expect(JSON.stringify(error)).not.toMatch(
            /QueryFailedError|stack|at \w+ \(|SELECT |INSERT /,
          );
        }
        const code = res.errors?.[0]?.extensions?.code ?? 'OK';
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (res.errors) {
          refused += 1;
          expect(await writes()).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    process.stdout.write(
      `fuzz: ${RUNS} runs, ${refused} refused, 0 internal errors; answers ${JSON.stringify(Object.fromEntries(codes))}\n`,
    );
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(RUNS);
  });
});
