import { createLaunch, errorOf, getLaunch } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

/** A raw POST, for bodies JSON.stringify cannot make (lone surrogates, deep nesting). */
async function postRaw(app: TestApp, token: string, body: string) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  };
  return { status: res.status, ...json };
}

const ADD_COMMENT = `mutation($i: CommentInput!) { addComment(input: $i) { id } }`;
const SIGN_OFF = `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`;

describe('input at the edge: refused as the operation or as bad input, nothing written', () => {
  let app: TestApp;
  let strict: TestApp;
  let admin: TestUser;
  let strictUser: TestUser;
  beforeAll(async () => {
    app = await bootTestApp();
    strict = await bootTestApp({ GRAPHQL_MAX_TOKENS: '200' });
    admin = await app.createUser({ role: 'ADMIN', teams: ['PRODUCT', 'ENGINEERING', 'SUPPORT'] });
    strictUser = await strict.createUser({ role: 'VIEWER' });
  });
  afterAll(async () => {
    await app.close();
    await strict.close();
  });

  describe('refusals of the operation itself are HTTP 400', () => {
    it('a syntax error: GRAPHQL_PARSE_FAILED', async () => {
      const res = await app.gql(admin.token, '{ me { id ');
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(res.data ?? null).toBeNull();
    });

    it('a lone surrogate in a string literal does not parse', async () => {
      const res = await postRaw(
        app,
        admin.token,
        '{"query":"{ launches(filter: { search: \\"\\ud800\\" }) { totalCount } }"}',
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('an operation over the token limit: GRAPHQL_VALIDATION_FAILED', async () => {
      const res = await strict.gql(strictUser.token, `{ me { ${'id '.repeat(210)} } }`);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/token/i);
    });

    it('a syntax error under the token limit is still a parse failure', async () => {
      const res = await strict.gql(strictUser.token, '{ me { id } } }');
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('an unknown field: GRAPHQL_VALIDATION_FAILED', async () => {
      const res = await app.gql(admin.token, '{ nosuch }');
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('filter.search is 1 to 200 characters', () => {
    const search = (text: string) =>
      app.gql<{ launches: { totalCount: number } }>(
        admin.token,
        `query($s: String) { launches(filter: { search: $s }) { totalCount } }`,
        { s: text },
      );

    it.each([
      ['empty', ''],
      ['201 characters', 's'.repeat(201)],
      ['900 KB', 's'.repeat(900_000)],
    ])('refuses %s with BAD_USER_INPUT', async (_what, text) => {
      const res = await search(text);
      expect(errorOf(res).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.search',
      });
      expect(res.data ?? null).toBeNull();
    });

    it('answers 1 and 200 characters', async () => {
      const launch = await createLaunch(app, admin.token);
      expect((await search(launch.key.slice(0, 1))).errors).toBeUndefined();
      const res = await search(launch.key.padEnd(200, 'z'));
      expect(res.errors).toBeUndefined();
      expect(res.data?.launches.totalCount).toBe(0);
    });
  });

  describe('text that is not valid Unicode', () => {
    it('a lone surrogate in a variable: BAD_USER_INPUT before any rule, nothing written', async () => {
      const launch = await createLaunch(app, admin.token);
      const res = await postRaw(
        app,
        admin.token,
        `{"query":${JSON.stringify(ADD_COMMENT)},"variables":{"i":{"launchId":"${launch.id}","body":"ok \\ud800"}}}`,
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'i' });
      expect((await getLaunch(app, admin.token, launch.id)).version).toBe(launch.version);
    });

    it('a lone surrogate in an object key is refused too', async () => {
      const res = await postRaw(
        app,
        admin.token,
        `{"query":"query($f: LaunchFilter) { launches(filter: $f) { totalCount } }","variables":{"f":{"\\udc00":1}}}`,
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'f' });
    });

    it('a well-formed surrogate pair is text like any other', async () => {
      const launch = await createLaunch(app, admin.token);
      const res = await app.gql(admin.token, ADD_COMMENT, {
        i: { launchId: launch.id, body: 'Ship it \u{1F680}' },
      });
      expect(res.errors).toBeUndefined();
    });
  });

  it('variables nested 5,000 levels deep: BAD_USER_INPUT, not a stack overflow', async () => {
    const deep = `${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`;
    const res = await postRaw(
      app,
      admin.token,
      `{"query":"query($s: String) { launches(filter: { search: $s }) { totalCount } }","variables":{"s":${deep}}}`,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 's' });
    expect(res.errors?.[0]?.message).toMatch(/nested deeper/);
  });

  describe('invisible format characters only are empty', () => {
    const invisible = '\u200B\u200C\u2060 \uFEFF';

    it('a NO_GO comment', async () => {
      const launch = await createLaunch(app, admin.token);
      const res = await app.gql(admin.token, SIGN_OFF, {
        i: { launchId: launch.id, team: 'SUPPORT', decision: 'NO_GO', comment: invisible },
      });
      expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
      expect((await getLaunch(app, admin.token, launch.id)).version).toBe(launch.version);
    });

    it('a comment, a reason, a title, a launch name and a user name', async () => {
      const launch = await createLaunch(app, admin.token);
      const item = launch.checklist[0]!;
      const cases: [string, string, Record<string, unknown>][] = [
        ['body', ADD_COMMENT, { i: { launchId: launch.id, body: invisible } }],
        [
          'reason',
          `mutation($i: ReasonedItemInput!) { waiveChecklistItem(input: $i) { id } }`,
          { i: { itemId: item.id, reason: invisible } },
        ],
        [
          'title',
          `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
          { i: { launchId: launch.id, stage: 'ALPHA', team: 'PRODUCT', title: invisible } },
        ],
        [
          'name',
          `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
          { i: { key: `invisible-${Date.now()}`, name: invisible } },
        ],
      ];
      cases.push([
        'name',
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: {
            name: invisible,
            email: `invisible-${Date.now()}@test.liftoff.local`,
            role: 'VIEWER',
          },
        },
      ]);
      for (const [field, query, variables] of cases) {
        const res = await app.gql(admin.token, query, variables);
        expect([field, errorOf(res).extensions]).toEqual([
          field,
          expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        ]);
      }
      expect((await getLaunch(app, admin.token, launch.id)).version).toBe(launch.version);
    });
  });
});
