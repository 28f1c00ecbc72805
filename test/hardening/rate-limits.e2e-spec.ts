import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { operationCost } from '../../apps/api/src/security/graphql-limits.js';
import { mutationFieldCount } from '../../apps/api/src/security/rate-limit.plugin.js';
import { createLaunch, ok } from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

interface RawAnswer {
  status: number;
  retryAfter: string | null;
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One POST, keeping the status and the Retry-After header. */
async function post(
  app: TestApp,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<RawAnswer> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<RawAnswer, 'status' | 'retryAfter'>;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

/** A 429 RATE_LIMITED refusal that ran nothing: no data, Retry-After within the window. */
function expectRefused(answer: RawAnswer): void {
  expect(answer.status).toBe(429);
  expect(answer.data ?? null).toBeNull();
  const retryAfter = Number(answer.retryAfter);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0]!.extensions).toEqual({
    code: 'RATE_LIMITED',
    retryAfterSeconds: retryAfter,
  });
}

/** `count` aliased addComment fields in one operation. */
const comments = (count: number) =>
  `mutation($id: ID!) { ${Array.from(
    { length: count },
    (_, i) => `c${i}: addComment(input: { launchId: $id, body: "note ${i}" }) { id }`,
  ).join(' ')} }`;

async function commentCount(app: TestApp, token: string, key: string): Promise<number> {
  const { launch } = ok(
    await app.gql<{ launch: { events: { edges: { node: { type: string } }[] } } }>(
      token,
      `query($key: String!) { launch(key: $key) { events(first: 100) { edges { node { type } } } } }`,
      { key },
    ),
  );
  return launch.events.edges.filter((e) => e.node.type === 'COMMENTED').length;
}

async function secondToken(app: TestApp, user: TestUser): Promise<string> {
  const { createApiToken } = ok(
    await app.gql<{ createApiToken: { token: string } }>(
      user.token,
      `mutation($u: ID!) { createApiToken(userId: $u, name: "second") { token } }`,
      { u: user.id },
    ),
  );
  return createApiToken.token;
}

describe('counting what the limits count', () => {
  const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
  const only = (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return { document, operation };
  };

  it('counts mutation fields through aliases and fragments, not meta fields', () => {
    const ten = only(comments(10));
    expect(mutationFieldCount(ten.document, ten.operation)).toBe(10);
    const spread = only(
      `mutation { __typename ...F ... on Mutation { b: revokeApiToken(id: "1") } }
       fragment F on Mutation { a: revokeApiToken(id: "2") c: revokeApiToken(id: "3") }`,
    );
    expect(mutationFieldCount(spread.document, spread.operation)).toBe(3);
  });

  it('prices one operation of a document as graphql-armor does, the same each time', () => {
    const document = parse(
      `query A { me { id } } query B { launches(first: 10) { edges { node { key name } } } }`,
    );
    const [a, b] = document.definitions as OperationDefinitionNode[];
    // me: object 2 + 1.5 × id 1 = 3.5, rounded up.
    expect(operationCost(schema, document, a!)).toBe(4);
    // launches ×10: (2 + 1.5 × (edges 2 + 1.5 × (node 2 + 1.5 × 2))) × 10 = 162.5.
    expect(operationCost(schema, document, b!)).toBe(163);
    expect(operationCost(schema, document, b!)).toBe(163);
  });

  it('validates RATE_LIMIT_READ_COST_PER_MIN at start-up: 0 (off) or more', () => {
    expect(loadConfig({}).RATE_LIMIT_READ_COST_PER_MIN).toBe(2_000_000);
    expect(loadConfig({ RATE_LIMIT_READ_COST_PER_MIN: '0' }).RATE_LIMIT_READ_COST_PER_MIN).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_READ_COST_PER_MIN: '-1' })).toThrow(
      /RATE_LIMIT_READ_COST_PER_MIN="-1"/,
    );
  });
});

describe('mutation limit: fields per user, shared through PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // A database of its own: windows are per user and per address, and other suites spend them.
    database = await createScratchDatabase('ratelimit');
    const env = {
      DATABASE_URL: database.url,
      RATE_LIMIT_MUTATIONS_PER_MIN: '12',
      RATE_LIMIT_ANONYMOUS_PER_MIN: '3',
    };
    first = await bootTestApp(env);
    second = await bootTestApp(env);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  it('counts ten addComment fields in one request as ten, and refuses the request that crosses the limit whole', async () => {
    const coordinator = await first.createUser({ role: 'COORDINATOR' });
    const reader = await first.createUser({ role: 'VIEWER' });
    const launch = await createLaunch(first, coordinator.token);
    // 1 (createLaunch) + 10 = 11 of 12.
    const ten = await post(first, coordinator.token, comments(10), { id: launch.id });
    expect(ten.errors).toBeUndefined();
    expect(await commentCount(first, reader.token, launch.key)).toBe(10);

    // Two more would make 13: refused on the other process too, and none of the two is written.
    const two = await post(second, coordinator.token, comments(2), { id: launch.id });
    expectRefused(two);
    expect(await commentCount(second, reader.token, launch.key)).toBe(10);
    // Reads are not mutations: the user still reads.
    expect((await post(second, coordinator.token, `{ me { id } }`)).errors).toBeUndefined();
  });

  it("shares one window among all of a user's tokens, across API processes", async () => {
    const coordinator = await first.createUser({ role: 'COORDINATOR' });
    const other = await first.createUser({ role: 'COORDINATOR' });
    // Minting a token is a mutation: 1 point, and the new token gets no fresh quota.
    const minted = await secondToken(first, coordinator);
    for (let i = 0; i < 11; i += 1) {
      await createLaunch(i % 2 ? first : second, i % 2 ? coordinator.token : minted);
    }
    const key = `one-too-many-${Date.now()}`;
    for (const [app, token] of [
      [second, minted],
      [first, coordinator.token],
    ] as const) {
      expectRefused(
        await post(
          app,
          token,
          `mutation($k: String!) { createLaunch(input: { key: $k, name: "x" }) { id } }`,
          {
            k: key,
          },
        ),
      );
    }
    // Nothing was written; another user has a window of its own.
    const lookup = await first.gql(coordinator.token, `{ launch(key: "${key}") { id } }`);
    expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await createLaunch(second, other.token);

    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    expect(metrics).toMatch(/liftoff_rate_limited_total\{scope="mutations_per_user"\} [1-9]/);
    expect(metrics).toMatch(/liftoff_rate_limit_per_minute\{scope="mutations_per_user"\} 12/);
    expect(metrics).toMatch(/liftoff_rate_limit_per_minute\{scope="read_cost_per_user"\} 2000000/);
  });

  it('puts a ceiling on anonymous requests per address', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i += 1)
      codes.push((await first.gql(null, `{ me { id } }`)).errors?.[0]?.extensions?.code);
    expect(codes).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
    ]);
  });
});

describe('read budget: query cost per user, shared through PostgreSQL', () => {
  // launches(first: 10) { edges { node { key name } } } costs 163 (see above).
  const READ = `{ launches(first: 10) { edges { node { key name } } } }`;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    database = await createScratchDatabase('readbudget');
    // Three reads of 163 fit in 510; a fourth does not.
    const env = { DATABASE_URL: database.url, RATE_LIMIT_READ_COST_PER_MIN: '510' };
    first = await bootTestApp(env);
    second = await bootTestApp(env);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  it("refuses the read past the budget with 429 and Retry-After, whichever token or process the user's reads came through", async () => {
    const viewer = await first.createUser({ role: 'VIEWER' });
    const other = await first.createUser({ role: 'VIEWER' });
    // Minting costs the mutation limit, not the read budget (its selection is one scalar).
    const minted = await secondToken(first, viewer);
    expect((await post(first, viewer.token, READ)).errors).toBeUndefined();
    expect((await post(second, minted, READ)).errors).toBeUndefined();
    expect((await post(first, minted, READ)).errors).toBeUndefined();

    expectRefused(await post(second, viewer.token, READ));
    // Refused again by the same process, now from its memory of the spent window.
    expectRefused(await post(second, minted, READ));
    // Cheap reads are refused too once the budget is spent, on every token.
    expectRefused(await post(first, minted, `{ me { id } }`));
    // Another user's budget is untouched, and mutations have their own limit.
    expect((await post(second, other.token, READ)).errors).toBeUndefined();
    const coordinator = await first.createUser({ role: 'COORDINATOR' });
    for (let i = 0; i < 3; i += 1) {
      expect((await post(first, coordinator.token, READ)).errors).toBeUndefined();
    }
    await createLaunch(first, coordinator.token);
  });
});
