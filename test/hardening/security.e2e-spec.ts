import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import * as adminOperations from '../../apps/admin/src/gql/graphql.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { graphqlLimits } from '../../apps/api/src/security/graphql-limits.js';
import { createLaunch } from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('abuse limits before execution', () => {
  let app: TestApp;
  let strict: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    app = await bootTestApp();
    // Small limits, so each one can be crossed by an operation this schema allows.
    strict = await bootTestApp({
      GRAPHQL_MAX_DEPTH: '5',
      GRAPHQL_MAX_ALIASES: '2',
      GRAPHQL_MAX_ROOT_FIELDS: '3',
      GRAPHQL_MAX_COST: '400',
      GRAPHQL_MAX_TOKENS: '200',
    });
    user = await strict.createUser({ role: 'VIEWER' });
  });
  afterAll(async () => {
    await app.close();
    await strict.close();
  });

  const refusedFor = async (query: string, reason: RegExp) => {
    const res = await strict.gql(user.token, query);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(reason);
  };

  it('answers an operation within every limit', async () => {
    expect(
      (await strict.gql(user.token, `{ me { id } launches(first: 5) { edges { node { key } } } }`))
        .errors,
    ).toBeUndefined();
  });

  it.each([
    [
      'depth',
      `{ launches { edges { node { readiness { missing { item { title } } } } } } }`,
      /depth/i,
    ],
    ['aliases', `{ a: me { id } b: me { id } c: me { id } }`, /alias/i],
    [
      'root fields',
      `{ me { id } users { id } earlyAccessLaunches { id } launches { totalCount } }`,
      /root fields/i,
    ],
    [
      'cost',
      `{ launches(first: 100) { edges { node { checklist { id title status note evidenceUrl completedBy { name email } } signOffs { id comment signedBy { name email } } } } } }`,
      /cost/i,
    ],
    ['tokens', `{ me { ${'id '.repeat(210)} } }`, /token/i],
  ])('refuses an operation past the %s limit', async (_limit, query, reason) => {
    await refusedFor(query, reason);
  });

  it('lets every admin UI operation through with room to spare (half of each limit)', () => {
    // The production defaults, halved: the UI's heaviest screen must fit twice over.
    const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
    const defaults = loadConfig({});
    const halved = graphqlLimits(
      Object.assign(loadConfig({}), {
        GRAPHQL_MAX_DEPTH: Math.floor(defaults.GRAPHQL_MAX_DEPTH / 2),
        GRAPHQL_MAX_ALIASES: Math.floor(defaults.GRAPHQL_MAX_ALIASES / 2),
        GRAPHQL_MAX_ROOT_FIELDS: Math.floor(defaults.GRAPHQL_MAX_ROOT_FIELDS / 2),
        GRAPHQL_MAX_COST: Math.floor(defaults.GRAPHQL_MAX_COST / 2),
      }),
    );
    const documents = Object.entries(adminOperations).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, document] of documents) {
      const errors = validate(schema, parse(String(document)), halved.validationRules);
      expect({ name, errors: errors.map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });

  it('puts security headers on every response, with a content security policy', async () => {
    for (const path of ['/health', '/graphql', '/admin/', '/metrics']) {
      const res = await fetch(`${app.url}${path}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect({ path, csp: res.headers.get('content-security-policy') }).toEqual({
        path,
        csp: expect.stringContaining("script-src 'self'"),
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('rate limits, shared through PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // A database of its own: the windows are per token and per address, and other suites spend them too.
    database = await createScratchDatabase('ratelimit');
    const env = {
      DATABASE_URL: database.url,
      RATE_LIMIT_MUTATIONS_PER_MIN: '5',
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

  it('refuses the sixth mutation of a token in a minute, across API processes, with retry-after', async () => {
    const coordinator = await first.createUser({ role: 'COORDINATOR' });
    const other = await first.createUser({ role: 'COORDINATOR' });
    for (let i = 0; i < 5; i += 1) await createLaunch(i % 2 ? first : second, coordinator.token);
    const response = await fetch(`${second.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator.token}` },
      body: JSON.stringify({
        query: `mutation { createLaunch(input: { key: "one-too-many", name: "x" }) { id } }`,
      }),
    });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
    });
    // Nothing was written, queries still answer, and other tokens have their own window.
    expect(
      (await first.gql(coordinator.token, `{ launch(key: "one-too-many") { id } }`)).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await first.gql(coordinator.token, `{ me { id } }`)).errors).toBeUndefined();
    await createLaunch(first, other.token);

    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    expect(metrics).toMatch(/liftoff_rate_limited_total\{scope="mutations_per_token"\} 1/);
    expect(metrics).toMatch(/liftoff_rate_limit_per_minute\{scope="mutations_per_token"\} 5/);
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
