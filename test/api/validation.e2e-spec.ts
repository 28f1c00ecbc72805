import { createLaunch, errorOf, getLaunch, inDays } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('bad input: a coded error naming the field, and nothing written', () => {
  let app: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    app = await bootTestApp();
    admin = await app.createUser({ role: 'ADMIN', teams: ['PRODUCT', 'ENGINEERING', 'SUPPORT'] });
  });
  afterAll(() => app.close());

  const launchCount = async () =>
    (
      (await app.running.database.dataSource.query(`SELECT count(*)::int AS n FROM launch`)) as [
        { n: number },
      ]
    )[0].n;

  it.each([
    ['key', { key: 'Bad Key!' }],
    ['key', { key: 'x' }],
    ['name', { name: '   ' }],
    ['name', { name: 'n'.repeat(201) }],
    ['description', { description: 'd'.repeat(10_001) }],
    ['targetGaDate', { targetGaDate: inDays(-2) }],
    ['supportLeadDays', { supportLeadDays: 91 }],
    ['supportLeadDays', { supportLeadDays: -1 }],
    ['blockResponseHours', { blockResponseHours: 0 }],
    ['blockResponseHours', { blockResponseHours: 721 }],
    ['template', { template: 'no-such-template' }],
  ])('createLaunch refuses a bad %s', async (field, override) => {
    const before = await launchCount();
    const res = await app.gql(
      admin.token,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      {
        i: { key: `valid-${Date.now()}`, name: 'Valid', ...override },
      },
    );
    expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errorOf(res).message).toMatch(new RegExp(field, 'i'));
    expect(await launchCount()).toBe(before);
  });

  it('refuses a taken key with CONFLICT', async () => {
    const launch = await createLaunch(app, admin.token);
    const res = await app.gql(
      admin.token,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      {
        i: { key: launch.key, name: 'Again' },
      },
    );
    expect(errorOf(res).extensions).toMatchObject({ code: 'CONFLICT', field: 'key' });
  });

  it('validates commands before looking at the launch, and writes nothing', async () => {
    const launch = await createLaunch(app, admin.token);
    const item = launch.checklist[0]!;
    const cases: [string, string, Record<string, unknown>][] = [
      [
        'comment',
        `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
        { i: { launchId: launch.id, team: 'SUPPORT', decision: 'NO_GO', comment: '  ' } },
      ],
      [
        'evidenceUrl',
        `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
        { i: { itemId: item.id, evidenceUrl: 'javascript:alert(1)' } },
      ],
      [
        'reason',
        `mutation($i: ReasonedItemInput!) { waiveChecklistItem(input: $i) { id } }`,
        { i: { itemId: item.id, reason: ' ' } },
      ],
      [
        'reason',
        `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
        { i: { launchId: launch.id, reason: '' } },
      ],
      [
        'title',
        `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
        { i: { launchId: launch.id, stage: 'ALPHA', team: 'PRODUCT', title: '' } },
      ],
      [
        'url',
        `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
        { i: { launchId: launch.id, url: 'ftp://files' } },
      ],
    ];
    for (const [field, query, variables] of cases) {
      const res = await app.gql(admin.token, query, variables);
      expect(errorOf(res).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: expect.stringContaining(field),
      });
    }
    // Bad input wins over an unknown launch (precedence: BAD_USER_INPUT before NOT_FOUND).
    const unknownLaunch = await app.gql(
      admin.token,
      `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
      {
        i: { launchId: '00000000-0000-4000-8000-000000000000', reason: ' ' },
      },
    );
    expect(errorOf(unknownLaunch).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await getLaunch(app, admin.token, launch.id)).version).toBe(1);
  });

  it('answers NOT_FOUND for unknown or malformed launch and item ids, and BAD_USER_INPUT for both/neither id and key', async () => {
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect(
        errorOf(await app.gql(admin.token, `query($id: ID!) { launch(id: $id) { id } }`, { id }))
          .extensions?.code,
      ).toBe('NOT_FOUND');
      const item = await app.gql(
        admin.token,
        `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
        {
          i: { itemId: id },
        },
      );
      expect(errorOf(item).extensions?.code).toBe('NOT_FOUND');
    }
    expect(errorOf(await app.gql(admin.token, `{ launch { id } }`)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorOf(await app.gql(admin.token, `{ launch(id: "a", key: "b") { id } }`)).extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses first outside 1..100 and cursors it did not issue', async () => {
    for (const first of [0, 101]) {
      const res = await app.gql(
        admin.token,
        `query($f: Int!) { launches(first: $f) { totalCount } }`,
        { f: first },
      );
      expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    const forged = Buffer.from(
      JSON.stringify({ u: new Date().toISOString(), i: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    for (const after of ['garbage', `${forged}.AAAA`]) {
      const res = await app.gql(
        admin.token,
        `query($a: String) { launches(first: 5, after: $a) { totalCount } }`,
        { a: after },
      );
      expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});
