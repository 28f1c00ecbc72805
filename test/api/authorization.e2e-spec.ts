import { TOKEN_SCOPES, type TokenScope } from '#workflow';
import { completeItem, createLaunch, ok, type LaunchDto } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { COMMENT, LAUNCH_EVENTS, wsClient } from '../notifications/notification-helpers.js';

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
  /** A second token of the caller's own (someone else's for an anonymous caller). */
  spareTokenId: string;
  /** A webhook made for the row by an admin (when the case says `webhook`). */
  webhookId: string;
  /** A user of the row's own, for operations that end a user (when the case says `throwaway`). */
  throwawayId: string;
  /** A future freeze window made for the row by an admin (when the case says `freezeWindow`). */
  freezeWindowId: string;
}

interface Case {
  operation: string;
  build: (scene: Scene) => { query: string; variables: Record<string, unknown> };
  itemDone?: boolean;
  /** Launch commands add one event when allowed; other operations leave the launch alone. */
  writesLaunch?: boolean;
  webhook?: boolean;
  throwaway?: boolean;
  freezeWindow?: boolean;
  /** Runs the operation itself instead of one GraphQL request over HTTP (subscriptions). */
  run?: (app: TestApp, token: string | null, scene: Scene, seeder: TestUser) => Promise<string>;
  expect: Record<SignedIn, Outcome>;
  /** The token scope a mutation needs; queries need none. */
  scope?: Exclude<TokenScope, 'READ'>;
  /** What an admin's token holding only `scope` gets, when not what the admin gets. */
  withScope?: Outcome;
}

/**
 * Subscribes over WebSocket and answers 'ok' once an event committed after the subscription
 * arrives (the seeder comments until one does: when the server has registered it is not
 * visible from outside), else the error code, or UNAUTHENTICATED for a 4403 close.
 */
async function subscribe(
  app: TestApp,
  token: string | null,
  { launch }: Scene,
  seeder: TestUser,
): Promise<string> {
  const client = wsClient(app, token);
  try {
    const connected = await new Promise<string | null>((resolve) => {
      client.on('connected', () => resolve(null));
      client.on('closed', (event) => {
        const code = (event as { code: number }).code;
        resolve(code === 4403 ? 'UNAUTHENTICATED' : `closed with ${code}`);
      });
    });
    if (connected) return connected;
    let outcome: string | null = null;
    client.subscribe(
      { query: LAUNCH_EVENTS, variables: { launchId: launch.id } },
      {
        next: (r) => {
          outcome ??= r.errors ? String(r.errors[0]?.extensions?.code) : 'ok';
        },
        error: (e) => {
          outcome ??= Array.isArray(e)
            ? String((e[0] as { extensions?: { code?: string } }).extensions?.code)
            : `error ${JSON.stringify(e)}`;
        },
        complete: () => undefined,
      },
    );
    const deadline = Date.now() + 10_000;
    while (outcome === null && Date.now() < deadline) {
      ok(await app.gql(seeder.token, COMMENT, { i: { launchId: launch.id, body: 'ping' } }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return outcome ?? 'nothing arrived';
  } finally {
    await client.dispose();
  }
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

// The table: every operation of the schema x every kind of caller (checked against the
// served schema below, so an operation added without rows fails).
const CASES: Case[] = [
  {
    operation: 'createLaunch',
    scope: 'MANAGE',
    build: () => ({
      query: `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      variables: { i: { key: `authz-${Math.random().toString(36).slice(2, 12)}`, name: 'Authz' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'updateLaunch',
    scope: 'MANAGE',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($id: ID!) { updateLaunch(id: $id, input: { name: "Renamed" }) { id } }`,
      variables: { id: l.id },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'addChecklistItem',
    scope: 'MANAGE',
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
    scope: 'ITEMS',
    writesLaunch: true,
    build: ({ itemId }) => ({
      query: `mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId } },
    }),
    expect: teamOnly,
  },
  {
    operation: 'reopenChecklistItem',
    scope: 'ITEMS',
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
    scope: 'MANAGE',
    writesLaunch: true,
    build: ({ itemId }) => ({
      query: `mutation($i: ReasonedItemInput!) { waiveChecklistItem(input: $i) { id } }`,
      variables: { i: { itemId, reason: 'not needed for this launch' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'signOff',
    scope: 'SIGN_OFF',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: SignOffInput!) { signOff(input: $i) { id } }`,
      variables: { i: { launchId: l.id, team: 'PRODUCT', decision: 'NO_GO', comment: 'not yet' } },
    }),
    expect: teamOnly,
  },
  {
    operation: 'advanceLaunch',
    scope: 'MANAGE',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
      variables: { i: { launchId: l.id } },
    }),
    expect: coordinatorOnly('GATE_NOT_SATISFIED'),
  },
  {
    operation: 'cancelLaunch',
    scope: 'MANAGE',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
      variables: { i: { launchId: l.id, reason: 'descoped' } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'grantEarlyAccess',
    scope: 'MANAGE',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
      variables: { i: { launchId: l.id } },
    }),
    expect: coordinatorOnly('INVALID_TRANSITION'),
  },
  {
    operation: 'addComment',
    scope: 'COMMENT',
    writesLaunch: true,
    build: ({ launch: l }) => ({
      query: `mutation($i: CommentInput!) { addComment(input: $i) { id } }`,
      variables: { i: { launchId: l.id, body: 'Looks good' } },
    }),
    expect: { ...everyone, VIEWER: 'FORBIDDEN' },
  },
  { operation: 'me', build: () => ({ query: `{ me { id } }`, variables: {} }), expect: everyone },
  {
    operation: 'myWork',
    build: () => ({ query: `{ myWork { kind } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'viewerCan',
    build: () => ({ query: `{ viewerCan { createLaunch } }`, variables: {} }),
    expect: everyone,
  },
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
    scope: 'TICKETS',
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
    scope: 'MANAGE',
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
    scope: 'MANAGE',
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
    operation: 'updateUser (own name)',
    scope: 'MANAGE',
    build: ({ selfId }) => ({
      query: `mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }`,
      variables: { id: selfId },
    }),
    expect: everyone,
  },
  {
    operation: "updateUser (someone else's role)",
    scope: 'MANAGE',
    build: ({ other }) => ({
      query: `mutation($id: ID!) { updateUser(id: $id, input: { role: MEMBER, teams: [SUPPORT] }) { id } }`,
      variables: { id: other.id },
    }),
    expect: adminOnly,
  },
  {
    operation: "deactivateUser (someone else's)",
    scope: 'MANAGE',
    throwaway: true,
    build: ({ throwawayId }) => ({
      query: `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`,
      variables: { id: throwawayId },
    }),
    expect: adminOnly,
  },
  {
    operation: "reactivateUser (someone else's)",
    scope: 'MANAGE',
    build: ({ other }) => ({
      query: `mutation($id: ID!) { reactivateUser(id: $id) { id } }`,
      variables: { id: other.id },
    }),
    expect: adminOnly,
  },
  {
    operation: 'createApiToken (own)',
    scope: 'MANAGE',
    withScope: 'FORBIDDEN',
    build: ({ selfId }) => ({
      query: `mutation($u: ID!) { createApiToken(userId: $u, name: "matrix") { id } }`,
      variables: { u: selfId },
    }),
    expect: everyone,
  },
  {
    operation: "createApiToken (someone else's)",
    scope: 'MANAGE',
    withScope: 'FORBIDDEN',
    build: ({ other }) => ({
      query: `mutation($u: ID!) { createApiToken(userId: $u, name: "matrix") { id } }`,
      variables: { u: other.id },
    }),
    expect: adminOnly,
  },
  {
    operation: 'createWebhook',
    scope: 'MANAGE',
    build: () => ({
      query: `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }`,
      variables: { i: { url: 'http://127.0.0.1:9/authz', eventTypes: ['SUPPORT_HEADS_UP'] } },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'deleteWebhook',
    scope: 'MANAGE',
    webhook: true,
    build: ({ webhookId }) => ({
      query: `mutation($id: ID!) { deleteWebhook(id: $id) }`,
      variables: { id: webhookId },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'enableWebhook',
    scope: 'MANAGE',
    webhook: true,
    build: ({ webhookId }) => ({
      query: `mutation($id: ID!) { enableWebhook(id: $id) { id } }`,
      variables: { id: webhookId },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'rotateWebhookSecret',
    scope: 'MANAGE',
    webhook: true,
    build: ({ webhookId }) => ({
      query: `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      variables: { id: webhookId },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'webhooks',
    build: () => ({ query: `{ webhooks { id } }`, variables: {} }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'webhookDeliveries',
    webhook: true,
    build: ({ webhookId }) => ({
      query: `query($id: ID!) { webhookDeliveries(webhookId: $id) { edges { cursor } } }`,
      variables: { id: webhookId },
    }),
    expect: coordinatorOnly(),
  },
  {
    operation: 'revokeApiToken (own)',
    scope: 'MANAGE',
    build: ({ spareTokenId }) => ({
      query: `mutation($id: ID!) { revokeApiToken(id: $id) }`,
      variables: { id: spareTokenId },
    }),
    expect: everyone,
  },
  {
    operation: 'launchEvents',
    build: () => ({ query: '', variables: {} }),
    run: subscribe,
    expect: everyone,
  },
  {
    operation: "revokeApiToken (someone else's)",
    scope: 'MANAGE',
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
    scope: 'MANAGE',
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
    scope: 'MANAGE',
    build: () => ({
      query: `mutation($i: TemplateInput!) { publishTemplateVersion(input: $i) { version } }`,
      variables: { i: { ...matrixTemplate(), name: templateNames.publish } },
    }),
    expect: adminOnly,
  },
  {
    operation: 'archiveTemplate',
    scope: 'MANAGE',
    build: () => ({
      query: `mutation($n: String!) { archiveTemplate(name: $n) { archived } }`,
      variables: { n: templateNames.archive },
    }),
    expect: adminOnly,
  },
  {
    operation: 'freezeWindows',
    build: () => ({ query: `{ freezeWindows { id createdBy { id } } }`, variables: {} }),
    expect: everyone,
  },
  {
    operation: 'createFreezeWindow',
    scope: 'MANAGE',
    build: () => ({
      query: `mutation($i: FreezeWindowInput!) { createFreezeWindow(input: $i) { id } }`,
      variables: { i: matrixFreezeWindow() },
    }),
    expect: adminOnly,
  },
  {
    operation: 'endFreezeWindow',
    scope: 'MANAGE',
    freezeWindow: true,
    build: ({ freezeWindowId }) => ({
      query: `mutation($id: ID!) { endFreezeWindow(id: $id) { endedAt } }`,
      variables: { id: freezeWindowId },
    }),
    expect: adminOnly,
  },
  {
    operation: 'Launch.plan',
    build: ({ launch }) => ({
      query: `query($id: ID!, $by: DateTime!) { launch(id: $id) { plan(gaBy: $by) { feasible } readiness(asOf: null) { canAdvance } } }`,
      variables: { id: launch.id, by: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    expect: everyone,
  },
];

/** A valid template: one required PRODUCT item per stage before GA. */
function matrixTemplate() {
  const stages = ['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED'];
  return { items: stages.map((stage) => ({ stage, team: 'PRODUCT', title: `Done in ${stage}` })) };
}
/** A minute's GA freeze 80 days ahead: it freezes nothing this or any other suite does. */
function matrixFreezeWindow() {
  const startsAt = Date.now() + 80 * 86_400_000;
  return {
    name: 'Matrix freeze',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 60_000).toISOString(),
  };
}
/** Templates the matrix publishes to and archives (created in beforeAll). */
const templateNames = { publish: '', archive: '' };

describe('authorization of every operation for every caller (one table)', () => {
  let app: TestApp;
  const users = {} as Record<Exclude<Caller, 'ANONYMOUS'>, TestUser>;
  let seeder: TestUser;
  let other: TestUser & { tokenId: string };

  beforeAll(async () => {
    app = await bootTestApp({
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      // Hundreds of rows from one seeder within a minute: the limits are another suite's subject.
      RATE_LIMIT_MUTATIONS_PER_MIN: '1000000',
      RATE_LIMIT_READ_COST_PER_MIN: '0',
    });
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
  afterAll(async () => {
    // The rows' windows are far ahead and harmless, but the suite leaves none behind.
    await app.running.database.dataSource.query(
      `DELETE FROM freeze_window WHERE name = 'Matrix freeze'`,
    );
    await app.close();
  });

  it('has rows for every query, mutation and subscription of the served schema', async () => {
    const { __schema: schema } = ok(
      await app.gql<{ __schema: Record<string, { fields: { name: string }[] } | null> }>(
        seeder.token,
        `{ __schema { queryType { fields { name } } mutationType { fields { name } }
           subscriptionType { fields { name } } } }`,
      ),
    );
    const served = ['queryType', 'mutationType', 'subscriptionType'].flatMap((t) =>
      (schema[t]?.fields ?? []).map((f) => f.name),
    );
    expect(served.length).toBeGreaterThan(20);
    const covered = new Set(CASES.map((c) => c.operation.split(' ')[0]));
    expect(served.filter((name) => !covered.has(name))).toEqual([]);
  });

  /** A fresh launch, a spare token of `selfId`'s and (when the case says so) a webhook. */
  const sceneFor = async (testCase: Case, selfId: string): Promise<Scene> => {
    const launch = await createLaunch(app, seeder.token);
    const item = launch.checklist.find((i) => i.stage === 'PLANNING' && i.team === 'PRODUCT')!;
    if (testCase.itemDone) ok(await completeItem(app, seeder.token, item.id));
    const spareTokenId = ok(
      await app.gql<{ createApiToken: { id: string } }>(
        seeder.token,
        `mutation($u: ID!) { createApiToken(userId: $u, name: "spare") { id } }`,
        { u: selfId },
      ),
    ).createApiToken.id;
    const webhookId = testCase.webhook
      ? ok(
          await app.gql<{ createWebhook: { webhook: { id: string } } }>(
            seeder.token,
            `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }`,
            { i: { url: 'http://127.0.0.1:9/authz', eventTypes: ['SUPPORT_HEADS_UP'] } },
          ),
        ).createWebhook.webhook.id
      : '';
    const throwawayId = testCase.throwaway ? (await app.createUser({ role: 'VIEWER' })).id : '';
    const freezeWindowId = testCase.freezeWindow
      ? ok(
          await app.gql<{ createFreezeWindow: { id: string } }>(
            seeder.token,
            `mutation($i: FreezeWindowInput!) { createFreezeWindow(input: $i) { id } }`,
            { i: matrixFreezeWindow() },
          ),
        ).createFreezeWindow.id
      : '';
    return {
      launch,
      itemId: item.id,
      selfId,
      other,
      spareTokenId,
      webhookId,
      throwawayId,
      freezeWindowId,
    };
  };

  /**
   * One operation over a graphql-ws socket opened with `token`: the codes it was answered with
   * (a connection refused with 4403 is UNAUTHENTICATED, as over HTTP).
   */
  const overSocket = (token: string | null, query: string, variables: Record<string, unknown>) =>
    new Promise<{ codes: (string | undefined)[] }>((resolve) => {
      const client = createClient({
        url: `${app.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      let codes: (string | undefined)[] = [];
      const done = (answer: { codes: (string | undefined)[] }) => {
        void client.dispose();
        resolve(answer);
      };
      client.subscribe(
        { query, variables },
        {
          next: (r) => (codes = (r.errors ?? []).map((e) => e.extensions?.code as string)),
          error: (e) =>
            done({
              codes: Array.isArray(e)
                ? e.map((x: { extensions?: { code?: string } }) => x.extensions?.code)
                : [
                    (e as { code?: number }).code === 4403
                      ? 'UNAUTHENTICATED'
                      : `closed ${String(e)}`,
                  ],
            }),
          complete: () => done({ codes }),
        },
      );
    });

  // Both transports of the one pipeline; subscription rows run over the socket already.
  const rows = CASES.flatMap((c) =>
    CALLERS.flatMap((caller) => {
      const expected: Outcome =
        caller === 'ANONYMOUS' || caller === 'REVOKED_TOKEN' ? 'UNAUTHENTICATED' : c.expect[caller];
      const transports = c.run ? (['graphql-ws'] as const) : (['HTTP', 'graphql-ws'] as const);
      return transports.map((transport) => [c.operation, caller, transport, expected, c] as const);
    }),
  );

  it.each(rows)(
    '%s by %s over %s: %s',
    async (_operation, caller, transport, expected, testCase) => {
      const selfId = caller === 'ANONYMOUS' ? other.id : users[caller].id;
      const scene = await sceneFor(testCase, selfId);
      const launch = scene.launch;
      const token = caller === 'ANONYMOUS' ? null : users[caller].token;
      const stateBefore = await observed();
      let launchEvents = 0;
      if (testCase.run) {
        const before = await launchVersion(launch.id);
        expect(await testCase.run(app, token, scene, seeder)).toBe(expected);
        // The seeder's comments are the only writes of a subscription row.
        launchEvents = (await launchVersion(launch.id)) - before;
      } else {
        const { query, variables } = testCase.build(scene);
        const codes =
          transport === 'HTTP'
            ? ((await app.gql(token, query, variables)).errors ?? []).map((e) => e.extensions?.code)
            : (await overSocket(token, query, variables)).codes;
        if (expected === 'ok') {
          expect(codes).toEqual([]);
        } else {
          expect(codes).toEqual([expected]);
          // A refusal changes no user, token, webhook or freeze window.
          expect(await observed()).toEqual(stateBefore);
        }
      }
      // A refusal writes nothing; only an allowed launch command adds an event.
      const [{ version }] = (await app.running.database.dataSource.query(
        `SELECT version FROM launch WHERE id = $1`,
        [launch.id],
      )) as [{ version: number }];
      const before = launch.version + (testCase.itemDone ? 1 : 0) + launchEvents;
      expect(version).toBe(expected === 'ok' && testCase.writesLaunch ? before + 1 : before);
      await app.running.database.dataSource.query(`DELETE FROM webhook`);
    },
  );

  // The same table for tokens that do one job: an admin's token holding a single scope does
  // what the admin does where the scope allows it, reads everything, and changes nothing else.
  const scopedRows = CASES.flatMap((c) =>
    TOKEN_SCOPES.map((scope) => {
      const expected: Outcome =
        c.scope === undefined
          ? c.expect.ADMIN
          : c.scope === scope
            ? (c.withScope ?? c.expect.ADMIN)
            : 'FORBIDDEN';
      return [c.operation, scope, expected, c] as const;
    }),
  );
  const scopedTokens = {} as Record<TokenScope, string>;

  it.each(scopedRows)('%s by an admin token with scope %s: %s', async (_o, scope, expected, c) => {
    scopedTokens[scope] ??= ok(
      await app.gql<{ createApiToken: { token: string } }>(
        users.ADMIN.token,
        `mutation($u: ID!, $s: [TokenScope!]) { createApiToken(userId: $u, name: "scoped", scopes: $s) { token } }`,
        { u: users.ADMIN.id, s: [scope] },
      ),
    ).createApiToken.token;
    const scene = await sceneFor(c, users.ADMIN.id);
    const { launch } = scene;
    if (c.run) {
      // Subscriptions read: every scope may (a token always reads).
      expect(await c.run(app, scopedTokens[scope], scene, seeder)).toBe(expected);
      return;
    }
    const { query, variables } = c.build(scene);
    const res = await app.gql(scopedTokens[scope], query, variables);
    if (expected === 'ok') {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
    }
    const [{ version }] = (await app.running.database.dataSource.query(
      `SELECT version FROM launch WHERE id = $1`,
      [launch.id],
    )) as [{ version: number }];
    const before = launch.version + (c.itemDone ? 1 : 0);
    expect(version).toBe(expected === 'ok' && c.writesLaunch ? before + 1 : before);
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
  const launchVersion = async (id: string) =>
    (
      (await app.running.database.dataSource.query(`SELECT version FROM launch WHERE id = $1`, [
        id,
      ])) as [{ version: number }]
    )[0].version;

  /** Users, token revocations, webhooks and freeze windows, whole (last_used_at moves with every request). */
  const observed = async () => {
    const db = app.running.database.dataSource;
    return {
      users: await db.query(`SELECT * FROM app_user ORDER BY id`),
      tokens: await db.query(`SELECT id, user_id, name, revoked_at FROM api_token ORDER BY id`),
      webhooks: await db.query(`SELECT * FROM webhook ORDER BY id`),
      freezeWindows: await db.query(`SELECT * FROM freeze_window ORDER BY id`),
    };
  };

  it('answers viewerCan from the same rules', async () => {
    const launch = await createLaunch(app, seeder.token);
    const query = `query($id: ID!) { launch(id: $id) { viewerCan { advance cancel update addItem grantEarlyAccess comment signFor completeFor reopenFor waive overrideFreeze } } }`;
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
      overrideFreeze: false,
    });
    expect(await can(users.COORDINATOR)).toMatchObject({
      advance: true,
      cancel: true,
      signFor: ['ENGINEERING'],
      waive: true,
      overrideFreeze: false,
    });
    expect(await can(users.ADMIN)).toMatchObject({
      signFor: ['PRODUCT', 'ENGINEERING', 'SUPPORT'],
      grantEarlyAccess: false,
      overrideFreeze: true,
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
