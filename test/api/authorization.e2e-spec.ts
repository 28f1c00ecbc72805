import { completeItem, createLaunch, ok, type LaunchDto } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

type Caller =
  | 'ADMIN'
  | 'COORDINATOR'
  | 'MEMBER_OF_TEAM'
  | 'MEMBER_OF_OTHER_TEAM'
  | 'VIEWER'
  | 'ANONYMOUS'
  | 'REVOKED_TOKEN';
const CALLERS: Caller[] = [
  'ADMIN',
  'COORDINATOR',
  'MEMBER_OF_TEAM',
  'MEMBER_OF_OTHER_TEAM',
  'VIEWER',
  'ANONYMOUS',
  'REVOKED_TOKEN',
];
type SignedIn = Exclude<Caller, 'ANONYMOUS' | 'REVOKED_TOKEN'>;
/**
 * 'ok': the operation succeeds; otherwise the exact error code. The team in question is
 * PRODUCT. Anonymous callers and revoked tokens get UNAUTHENTICATED for every row.
 */
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'GATE_NOT_SATISFIED' | 'INVALID_TRANSITION';

interface Scene {
  /** A fresh PLANNING launch whose first PRODUCT item is `itemId` (DONE when the case says `itemDone`). */
  launch: LaunchDto;
  itemId: string;
  /** The caller's own user id (a revoked caller's too), and someone else's user and token. */
  selfId: string;
  other: TestUser & { tokenId: string };
}

interface Case {
  operation: string;
  build: (scene: Scene) => { query: string; variables: Record<string, unknown> };
  itemDone?: boolean;
  /** Launch commands add one event when allowed; other operations leave the launch alone. */
  writesLaunch?: boolean;
  expect: Record<SignedIn, Outcome>;
}

const coordinatorOnly = (allowed: Outcome = 'ok'): Record<SignedIn, Outcome> => ({
  ADMIN: allowed,
  COORDINATOR: allowed,
  MEMBER_OF_TEAM: 'FORBIDDEN',
  MEMBER_OF_OTHER_TEAM: 'FORBIDDEN',
  VIEWER: 'FORBIDDEN',
});
const teamOnly: Record<SignedIn, Outcome> = {
  ADMIN: 'ok',
  COORDINATOR: 'FORBIDDEN', // a coordinator outside the team does not act for it
  MEMBER_OF_TEAM: 'ok',
  MEMBER_OF_OTHER_TEAM: 'FORBIDDEN',
  VIEWER: 'FORBIDDEN',
};
const everyone: Record<SignedIn, Outcome> = {
  ADMIN: 'ok',
  COORDINATOR: 'ok',
  MEMBER_OF_TEAM: 'ok',
  MEMBER_OF_OTHER_TEAM: 'ok',
  VIEWER: 'ok',
};
const adminOnly: Record<SignedIn, Outcome> = {
  ADMIN: 'ok',
  COORDINATOR: 'FORBIDDEN',
  MEMBER_OF_TEAM: 'FORBIDDEN',
  MEMBER_OF_OTHER_TEAM: 'FORBIDDEN',
  VIEWER: 'FORBIDDEN',
};

// The table: every launch mutation x every kind of caller.
const CASES: Case[] = [
  {
    operation: 'createLaunch',
    build: () => ({
      query: `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      variables: { i: { key: `authz-${Math.random().toString(36).slice(2, 12)}`, name: 'Authz' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'updateLaunch',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($id: ID!) { updateLaunch(id: $id, input: { name: "Renamed" }) { id } }`,
      variables: { id: l.id },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'addChecklistItem',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
      variables: {
        i: { launchId: l.id, stage: 'ALPHA', team: 'PRODUCT', title: 'Pricing page reviewed' },
      },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'completeChecklistItem',
    writesLaunch: true,
    build: ({ itemId }) => ({
      query: `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId } },
    }),
    expect: teamOnly,
  },
  {
    operation: 'reopenChecklistItem',
    itemDone: true,
    writesLaunch: true,
    build: ({ itemId }) => ({
      query: `mutation($i: ReasonedItemInput!) { reopenChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId, reason: 'needs another look' } },
    }),
    expect: { ...teamOnly, COORDINATOR: 'ok' },
  },
  {
    operation: 'waiveChecklistItem',
    writesLaunch: true,
    build: ({ itemId }) => ({
      query: `mutation($i: ReasonedItemInput!) { waiveChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId, reason: 'not needed for this launch' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'signOff',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
      variables: { i: { launchId: l.id, team: 'PRODUCT', decision: 'NO_GO', comment: 'not yet' } },
    }),
    expect: teamOnly,
  },
  {
    operation: 'advanceLaunch',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
      variables: { i: { launchId: l.id } },
    }),
    expect: coordinatorOnly('GATE_NOT_SATISFIED'),
  },
  {
    operation: 'cancelLaunch',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
      variables: { i: { launchId: l.id, reason: 'descoped' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'grantEarlyAccess',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
      variables: { i: { launchId: l.id } },
    }),
    expect: coordinatorOnly('INVALID_TRANSITION'),
  },
  { operation: 'me', build: () => ({ query: `{ me { id } }`, variables: {} }), expect: everyone },
  {
    operation: 'launch',
    build: ({ launch }) => ({
      query: `query($id: ID!) { launch(id: $id) { readiness { canAdvance } viewerCan { advance } } }`,
      variables: { id: launch.id },
    }),
    expect: everyone,
  },
  {
    operation: 'launches',
    build: () => ({ query: `{ launches(first: 5) { totalCount } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'launchInputLimits',
    build: () => ({ query: `{ launchInputLimits { keyPattern } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'earlyAccessLaunches',
    build: () => ({ query: `{ earlyAccessLaunches { id } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'recordSupportTickets',
    build: ({ launch }) => ({
      query: `mutation($t: [SupportTicketInput!]!) { recordSupportTickets(tickets: $t) { created } }`,
      variables: {
        t: [
          {
            source: 'authz',
            externalId: Math.random().toString(36).slice(2),
            openedAt: new Date(Date.now() - 60_000).toISOString(),
            launchKey: launch.key,
          },
        ],
      },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'recordBaselineLaunches',
    build: () => ({
      query: `mutation($l: [BaselineLaunchInput!]!) { recordBaselineLaunches(launches: $l) { key } }`,
      variables: {
        l: [
          {
            key: `authz-old-${Math.random().toString(36).slice(2, 12)}`,
            name: 'Before the gates',
            gaAt: '2024-01-01T00:00:00Z',
          },
        ],
      },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'baselineLaunches',
    build: () => ({ query: `{ baselineLaunches { key } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'outcomeReport',
    build: () => ({
      query: `{ outcomeReport(windowDays: 14) { cohorts { name medianTicketsAfter } } }`,
      variables: {},
    }),
    expect: everyone,
  },
  {
    operation: 'Launch.outcome',
    build: ({ launch }) => ({
      query: `query($id: ID!) { launch(id: $id) { outcome { ticketsAfter daily { day } } } }`,
      variables: { id: launch.id },
    }),
    expect: everyone,
  },
  {
    operation: 'users',
    build: () => ({ query: `{ users { id } }`, variables: {} }),
    expect: adminOnly,
  },
  {
    operation: 'apiTokens (own)',
    build: ({ selfId }) => ({
      query: `query($u: ID!) { apiTokens(userId: $u) { id } }`,
      variables: { u: selfId },
    }),
    expect: everyone,
  },
  {
    operation: "apiTokens (someone else's)",
    build: ({ other }) => ({
      query: `query($u: ID!) { apiTokens(userId: $u) { id } }`,
      variables: { u: other.id },
    }),
    expect: adminOnly,
  },
  {
    operation: 'createUser',
    build: () => ({
      query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      variables: {
        i: {
          name: 'Matrix',
          email: `matrix-${Math.random().toString(36).slice(2)}@example.com`,
          role: 'VIEWER',
        },
      },
    }),
    expect: adminOnly,
  },
  {
    operation: 'createApiToken (own)',
    build: ({ selfId }) => ({
      query: `mutation($u: ID!) { createApiToken(userId: $u, name: "matrix") { id } }`,
      variables: { u: selfId },
    }),
    expect: everyone,
  },
  {
    operation: "createApiToken (someone else's)",
    build: ({ other }) => ({
      query: `mutation($u: ID!) { createApiToken(userId: $u, name: "matrix") { id } }`,
      variables: { u: other.id },
    }),
    expect: adminOnly,
  },
  {
    operation: "revokeApiToken (someone else's)",
    build: ({ other }) => ({
      query: `mutation($id: ID!) { revokeApiToken(id: $id) }`,
      variables: { id: other.tokenId },
    }),
    expect: adminOnly,
  },
  {
    operation: 'templates',
    build: () => ({ query: `{ templates { name version } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'template',
    build: () => ({ query: `{ template(name: "lite") { name version } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'createTemplate',
    build: () => ({
      query: `mutation($i: TemplateInput!) { createTemplate(input: $i) { version } }`,
      variables: {
        i: { ...matrixTemplate(), name: `matrix-${Math.random().toString(36).slice(2)}` },
      },
    }),
    expect: adminOnly,
  },
  {
    operation: 'publishTemplateVersion',
    build: () => ({
      query: `mutation($i: TemplateInput!) { publishTemplateVersion(input: $i) { version } }`,
      variables: { i: { ...matrixTemplate(), name: templateNames.publish } },
    }),
    expect: adminOnly,
  },
  {
    operation: 'archiveTemplate',
    build: () => ({
      query: `mutation($n: String!) { archiveTemplate(name: $n) { archived } }`,
      variables: { n: templateNames.archive },
    }),
    expect: adminOnly,
  },
];

/** A valid template: one required PRODUCT item per stage before GA. */
function matrixTemplate() {
  const stages = ['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED'];
  return { items: stages.map((stage) => ({ stage, team: 'PRODUCT', title: `Done in ${stage}` })) };
}
/** Templates the matrix publishes to and archives (created in beforeAll). */
const templateNames = { publish: '', archive: '' };

describe('authorization of every operation for every caller (one table)', () => {
  let app: TestApp;
  const users = {} as Record<Exclude<Caller, 'ANONYMOUS'>, TestUser>;
  let seeder: TestUser;
  let other: TestUser & { tokenId: string };

  beforeAll(async () => {
    app = await bootTestApp();
    users.ADMIN = await app.createUser({ role: 'ADMIN' });
    users.COORDINATOR = await app.createUser({ role: 'COORDINATOR', teams: ['ENGINEERING'] });
    users.MEMBER_OF_TEAM = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
    users.MEMBER_OF_OTHER_TEAM = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    users.VIEWER = await app.createUser({ role: 'VIEWER', teams: ['PRODUCT'] });
    // A coordinator whose token was revoked: it must count for nothing.
    users.REVOKED_TOKEN = await app.createUser({ role: 'COORDINATOR', teams: ['PRODUCT'] });
    const revoked = ok(
      await app.gql<{ apiTokens: { id: string }[] }>(
        users.REVOKED_TOKEN.token,
        `query($u: ID!) { apiTokens(userId: $u) { id } }`,
        {
          u: users.REVOKED_TOKEN.id,
        },
      ),
    ).apiTokens[0]!;
    ok(
      await app.gql(users.REVOKED_TOKEN.token, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
        id: revoked.id,
      }),
    );
    const someone = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    const tokens = ok(
      await app.gql<{ apiTokens: { id: string }[] }>(
        someone.token,
        `query($u: ID!) { apiTokens(userId: $u) { id } }`,
        { u: someone.id },
      ),
    ).apiTokens;
    other = { ...someone, tokenId: tokens[0]!.id };
    seeder = users.ADMIN;
    for (const key of ['publish', 'archive'] as const) {
      templateNames[key] = `matrix-${key}-${Math.random().toString(36).slice(2)}`;
      ok(
        await app.gql(
          seeder.token,
          `mutation($i: TemplateInput!) { createTemplate(input: $i) { version } }`,
          { i: { ...matrixTemplate(), name: templateNames[key] } },
        ),
      );
    }
  });
  afterAll(() => app.close());

  const rows = CASES.flatMap((c) =>
    CALLERS.map((caller) => {
      const expected: Outcome =
        caller === 'ANONYMOUS' || caller === 'REVOKED_TOKEN' ? 'UNAUTHENTICATED' : c.expect[caller];
      return [c.operation, caller, expected, c] as const;
    }),
  );

  it.each(rows)('%s by %s: %s', async (_operation, caller, expected, testCase) => {
    const launch = await createLaunch(app, seeder.token);
    const item = launch.checklist.find((i) => i.stage === 'PLANNING' && i.team === 'PRODUCT')!;
    if (testCase.itemDone) ok(await completeItem(app, seeder.token, item.id));
    const selfId = caller === 'ANONYMOUS' ? other.id : users[caller].id;
    const { query, variables } = testCase.build({ launch, itemId: item.id, selfId, other });
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
    // A refusal writes nothing; only an allowed launch command adds an event.
    const [{ version }] = (await app.running.database.dataSource.query(
      `SELECT version FROM launch WHERE id = $1`,
      [launch.id],
    )) as [{ version: number }];
    const before = launch.version + (testCase.itemDone ? 1 : 0);
    expect(version).toBe(expected === 'ok' && testCase.writesLaunch ? before + 1 : before);
  });

  it('serves per-item actions, sign-off options and input limits from the same rules', async () => {
    const launch = await createLaunch(app, seeder.token);
    // An optional item done: it may be reopened, and PRODUCT's required item still holds GO back.
    const done = launch.checklist.find(
      (i) => i.stage === 'PLANNING' && i.team === 'PRODUCT' && !i.required,
    )!;
    ok(await completeItem(app, seeder.token, done.id));
    const query = `query($id: ID!) { launch(id: $id) { viewerCan {
      items { itemId complete waive reopen }
      signOffs { team go goRefusal commentRequiredForGo commentRequiredForNoGo }
      grantEarlyAccessRefusal } } launchInputLimits { keyPattern nameMaxLength
      supportLeadDays { min max wholeNumbers defaultValue } } }`;
    type Answer = {
      launch: {
        viewerCan: {
          items: { itemId: string; complete: boolean; waive: boolean; reopen: boolean }[];
          signOffs: Record<string, unknown>[];
          grantEarlyAccessRefusal: string | null;
        };
      };
      launchInputLimits: Record<string, unknown>;
    };
    const answer = ok(await app.gql<Answer>(users.MEMBER_OF_TEAM.token, query, { id: launch.id }));
    const can = answer.launch.viewerCan;
    expect(can.items.map((i) => i.itemId)).toEqual(launch.checklist.map((i) => i.id));
    const own = launch.checklist.filter((i) => i.team === 'PRODUCT' && i.id !== done.id);
    for (const item of can.items) {
      const mine = own.some((i) => i.id === item.itemId);
      expect(item).toEqual({
        itemId: item.itemId,
        complete: mine,
        waive: false,
        reopen: item.itemId === done.id,
      });
    }
    expect(can.signOffs).toEqual([
      {
        team: 'PRODUCT',
        go: false,
        goRefusal: 'Product cannot sign GO on Planning until its required items are done.',
        commentRequiredForGo: false,
        commentRequiredForNoGo: true,
      },
    ]);
    expect(can.grantEarlyAccessRefusal).toBe(
      'Only a coordinator or an admin may grant early access.',
    );
    expect(answer.launchInputLimits).toEqual({
      keyPattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      nameMaxLength: 200,
      supportLeadDays: { min: 0, max: 90, wholeNumbers: true, defaultValue: 5 },
    });
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
