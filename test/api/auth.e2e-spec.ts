import { bootTestApp, uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';

describe('identity and tokens over GraphQL', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await bootTestApp();
    admin = await app.createUser({ role: 'ADMIN' });
    member = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
  });
  afterAll(() => app.close());

  it.each([
    ['no token', null],
    ['an unknown token', 'lft_not-a-real-token-at-all-000000000000'],
  ])(
    'answers UNAUTHENTICATED to %s, for queries and introspection alike',
    async (_label, token) => {
      for (const query of [
        '{ me { id } }',
        '{ __schema { queryType { name } } }',
        '{ mee { id } }',
      ]) {
        const res = await app.gql(token, query);
        expect(res.status).toBe(401);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
        // No field suggestions ("Did you mean") for anonymous callers.
        expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
      }
    },
  );

  it('lets an authenticated caller introspect the schema', async () => {
    const res = await app.gql<{ __schema: { queryType: { name: string } } }>(
      member.token,
      '{ __schema { queryType { name } } }',
    );
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });

  it('revokes a token at once', async () => {
    const res = await app.gql<{ createApiToken: { id: string; token: string } }>(
      member.token,
      `mutation($u: ID!) { createApiToken(userId: $u, name: "laptop") { id token user { id } } }`,
      { u: member.id },
    );
    const created = res.data!.createApiToken;
    expect(created.token).toMatch(/^lft_[A-Za-z0-9_-]{43}$/);
    expect(
      (await app.gql<{ me: { id: string } }>(created.token, '{ me { id } }')).data?.me.id,
    ).toBe(member.id);

    const revoked = await app.gql(member.token, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
      id: created.id,
    });
    expect(revoked.data).toEqual({ revokeApiToken: true });
    const after = await app.gql(created.token, '{ me { id } }');
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const listed = await app.gql<{ apiTokens: { id: string; revokedAt: string | null }[] }>(
      member.token,
      `query($u: ID!) { apiTokens(userId: $u) { id name revokedAt lastUsedAt } }`,
      { u: member.id },
    );
    expect(listed.data?.apiTokens.find((t) => t.id === created.id)?.revokedAt).toEqual(
      expect.any(String),
    );
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('lets only an admin create users and list them; email is unique', async () => {
    const email = `new-${uniqueSuffix()}@example.com`;
    const mutation = `mutation($i: CreateUserInput!) { createUser(input: $i) { id email role teams } }`;
    const input = { name: 'New Person', email, role: 'MEMBER', teams: ['ENGINEERING'] };

    const forbidden = await app.gql(member.token, mutation, { i: input });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const created = await app.gql<{ createUser: { email: string; teams: string[] } }>(
      admin.token,
      mutation,
      { i: input },
    );
    expect(created.data?.createUser).toMatchObject({ email, teams: ['ENGINEERING'] });

    const again = await app.gql(admin.token, mutation, {
      i: { ...input, email: email.toUpperCase() },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });

    expect((await app.gql(member.token, '{ users { id } }')).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const users = await app.gql<{ users: { email: string }[] }>(admin.token, '{ users { email } }');
    expect(users.data?.users.map((u) => u.email)).toContain(email);
  });

  it('refuses another user’s tokens to a non-admin', async () => {
    const other = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
    const res = await app.gql(
      member.token,
      `mutation($u: ID!) { createApiToken(userId: $u, name: "x") { id } }`,
      {
        u: other.id,
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await app.gql(member.token, `query($u: ID!) { apiTokens(userId: $u) { id } }`, {
      u: other.id,
    });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('validates input with a coded error naming the field', async () => {
    const res = await app.gql(
      admin.token,
      `mutation { createUser(input: { name: "  ", email: "x@example.com", role: VIEWER }) { id } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const badEmail = await app.gql(
      admin.token,
      `mutation { createUser(input: { name: "A", email: "nope", role: VIEWER }) { id } }`,
    );
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
  });

  it('answers NOT_FOUND for ids that name nothing, malformed or not', async () => {
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000']) {
      const res = await app.gql(admin.token, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
        id,
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('HTTP transport rules', () => {
  let app: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    app = await bootTestApp();
    user = await app.createUser({ role: 'VIEWER' });
  });
  afterAll(() => app.close());

  it('refuses a GET without the CSRF preflight header and serves one with it', async () => {
    const url = `${app.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`;
    const simple = await fetch(url, { headers: { authorization: `Bearer ${user.token}` } });
    expect(simple.status).toBe(400);
    const preflighted = await fetch(url, {
      headers: { authorization: `Bearer ${user.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(((await preflighted.json()) as { data: { me: { id: string } } }).data.me.id).toBe(
      user.id,
    );
  });

  it('refuses a text/plain POST (a CSRF-able simple request)', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(400);
  });

  it('does not execute array-batched operations', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('answers 413 to bodies over 1 MB', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(res.status).toBe(413);
  });

  it('never leaks internals for an unknown field', async () => {
    const res = await app.gql(user.token, '{ me { password } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at Object\.|node_modules/);
  });

  it('reports health and liveness', async () => {
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${app.url}/demo/users`)).status).toBe(404);
  });
});
