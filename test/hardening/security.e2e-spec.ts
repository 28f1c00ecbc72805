import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import * as adminOperations from '../../apps/admin/src/gql/graphql.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { graphqlLimits } from '../../apps/api/src/security/graphql-limits.js';
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
