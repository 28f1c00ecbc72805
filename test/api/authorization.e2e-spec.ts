import { completeItem, createLaunch, ok, type LaunchDto } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

type Caller =
  'ADMIN' | 'COORDINATOR' | 'MEMBER_OF_TEAM' | 'MEMBER_OF_OTHER_TEAM' | 'VIEWER' | 'ANONYMOUS';
const CALLERS: Caller[] = [
  'ADMIN',
  'COORDINATOR',
  'MEMBER_OF_TEAM',
  'MEMBER_OF_OTHER_TEAM',
  'VIEWER',
  'ANONYMOUS',
];
/** 'ok': the mutation succeeds; otherwise the exact error code. The team in question is PRODUCT. */
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'GATE_NOT_SATISFIED' | 'INVALID_TRANSITION';

interface Case {
  mutation: string;
  /** Builds the operation for a fresh PLANNING launch whose first PRODUCT item is `item` (DONE when `itemDone`). */
  operation: (
    launch: LaunchDto,
    itemId: string,
  ) => { query: string; variables: Record<string, unknown> };
  itemDone?: boolean;
  expect: Record<Caller, Outcome>;
}

const coordinatorOnly = (allowed: Outcome = 'ok'): Record<Caller, Outcome> => ({
  ADMIN: allowed,
  COORDINATOR: allowed,
  MEMBER_OF_TEAM: 'FORBIDDEN',
  MEMBER_OF_OTHER_TEAM: 'FORBIDDEN',
  VIEWER: 'FORBIDDEN',
  ANONYMOUS: 'UNAUTHENTICATED',
});
const teamOnly: Record<Caller, Outcome> = {
  ADMIN: 'ok',
  COORDINATOR: 'FORBIDDEN', // a coordinator outside the team does not act for it
  MEMBER_OF_TEAM: 'ok',
  MEMBER_OF_OTHER_TEAM: 'FORBIDDEN',
  VIEWER: 'FORBIDDEN',
  ANONYMOUS: 'UNAUTHENTICATED',
};

// The table: every launch mutation x every kind of caller.
const CASES: Case[] = [
  {
    mutation: 'createLaunch',
    operation: () => ({
      query: `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      variables: { i: { key: `authz-${Math.random().toString(36).slice(2, 12)}`, name: 'Authz' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    mutation: 'updateLaunch',
    operation: (l) => ({
      query: `mutation($id: ID!) { updateLaunch(id: $id, input: { name: "Renamed" }) { id } }`,
      variables: { id: l.id },
    }),
    expect: coordinatorOnly(),
  },
  {
    mutation: 'addChecklistItem',
    operation: (l) => ({
      query: `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
      variables: {
        i: { launchId: l.id, stage: 'ALPHA', team: 'PRODUCT', title: 'Pricing page reviewed' },
      },
    }),
    expect: coordinatorOnly(),
  },
  {
    mutation: 'completeChecklistItem',
    operation: (_l, itemId) => ({
      query: `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId } },
    }),
    expect: teamOnly,
  },
  {
    mutation: 'reopenChecklistItem',
    itemDone: true,
    operation: (_l, itemId) => ({
      query: `mutation($i: ReasonedItemInput!) { reopenChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId, reason: 'needs another look' } },
    }),
    expect: { ...teamOnly, COORDINATOR: 'ok' },
  },
  {
    mutation: 'waiveChecklistItem',
    operation: (_l, itemId) => ({
      query: `mutation($i: ReasonedItemInput!) { waiveChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId, reason: 'not needed for this launch' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    mutation: 'signOff',
    operation: (l) => ({
      query: `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
      variables: { i: { launchId: l.id, team: 'PRODUCT', decision: 'NO_GO', comment: 'not yet' } },
    }),
    expect: teamOnly,
  },
  {
    mutation: 'advanceLaunch',
    operation: (l) => ({
      query: `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
      variables: { i: { launchId: l.id } },
    }),
    expect: coordinatorOnly('GATE_NOT_SATISFIED'),
  },
  {
    mutation: 'cancelLaunch',
    operation: (l) => ({
      query: `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
      variables: { i: { launchId: l.id, reason: 'descoped' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    mutation: 'grantEarlyAccess',
    operation: (l) => ({
      query: `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
      variables: { i: { launchId: l.id } },
    }),
    expect: coordinatorOnly('INVALID_TRANSITION'),
  },
];

describe('authorization of every launch mutation for every caller', () => {
  let app: TestApp;
  const users = {} as Record<Exclude<Caller, 'ANONYMOUS'>, TestUser>;
  let seeder: TestUser;

  beforeAll(async () => {
    app = await bootTestApp();
    users.ADMIN = await app.createUser({ role: 'ADMIN' });
    users.COORDINATOR = await app.createUser({ role: 'COORDINATOR', teams: ['ENGINEERING'] });
    users.MEMBER_OF_TEAM = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
    users.MEMBER_OF_OTHER_TEAM = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    users.VIEWER = await app.createUser({ role: 'VIEWER', teams: ['PRODUCT'] });
    seeder = users.ADMIN;
  });
  afterAll(() => app.close());

  const rows = CASES.flatMap((c) =>
    CALLERS.map((caller) => [c.mutation, caller, c.expect[caller], c] as const),
  );

  it.each(rows)('%s by %s: %s', async (_mutation, caller, expected, testCase) => {
    const launch = await createLaunch(app, seeder.token);
    const item = launch.checklist.find((i) => i.stage === 'PLANNING' && i.team === 'PRODUCT')!;
    if (testCase.itemDone) ok(await completeItem(app, seeder.token, item.id));
    const { query, variables } = testCase.operation(launch, item.id);
    const res = await app.gql(
      caller === 'ANONYMOUS' ? null : users[caller].token,
      query,
      variables,
    );
    if (expected === 'ok') {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
    }
    // A refusal writes nothing; only a success adds an event.
    const [{ version }] = (await app.running.database.dataSource.query(
      `SELECT version FROM launch WHERE id = $1`,
      [launch.id],
    )) as [{ version: number }];
    const before = launch.version + (testCase.itemDone ? 1 : 0);
    expect(version).toBe(
      expected === 'ok' && testCase.mutation !== 'createLaunch' ? before + 1 : before,
    );
  });

  it('answers viewerCan from the same rules', async () => {
    const launch = await createLaunch(app, seeder.token);
    const query = `query($id: ID!) { launch(id: $id) { viewerCan { advance cancel update addItem grantEarlyAccess comment signFor completeFor reopenFor waive } } }`;
    const can = async (user: TestUser) =>
      ok(
        await app.gql<{ launch: { viewerCan: Record<string, unknown> } }>(user.token, query, {
          id: launch.id,
        }),
      ).launch.viewerCan;
    expect(await can(users.MEMBER_OF_TEAM)).toEqual({
      advance: false,
      cancel: false,
      update: false,
      addItem: false,
      grantEarlyAccess: false,
      comment: true,
      signFor: ['PRODUCT'],
      completeFor: ['PRODUCT'],
      reopenFor: ['PRODUCT'],
      waive: false,
    });
    expect(await can(users.COORDINATOR)).toMatchObject({
      advance: true,
      cancel: true,
      signFor: ['ENGINEERING'],
      waive: true,
    });
    expect(await can(users.ADMIN)).toMatchObject({
      signFor: ['PRODUCT', 'ENGINEERING', 'SUPPORT'],
      grantEarlyAccess: false,
    });
    expect(await can(users.VIEWER)).toMatchObject({
      advance: false,
      comment: false,
      signFor: [],
      completeFor: [],
      reopenFor: [],
    });
  });
});
