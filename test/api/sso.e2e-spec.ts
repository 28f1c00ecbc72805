import { createScratchDatabase } from '../support/scratch-database.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Clock } from '../../apps/api/src/common/clock.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { errorOf, ok } from '../support/launch-factory.js';
import { waitFor } from '../notifications/notification-helpers.js';
import {
  CookieJar,
  signInAtProvider,
  startIdentityProvider,
  type IdentityProvider,
} from '../support/identity-provider.js';
import { freePort } from '../support/server-process.js';
import {
  bootTestApp,
  startTestApp,
  uniqueSuffix,
  type TestApp,
  type TestUser,
} from '../support/test-app.js';

interface Answer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('single sign-on with a real OpenID provider', () => {
  // A database of its own: the per-address anonymous rate-limit window lives in it, and this
  // suite's refused calls must not spend other suites' budget (or theirs, this one's).
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let idp: IdentityProvider;
  let admin: TestUser;
  let clock: Clock;
  const suffix = uniqueSuffix();
  const email = (who: string) => `${who}-${suffix}@corp.example.com`;

  /** GET /auth/login as a browser: the provider's URL and the browser's cookies for the app. */
  async function beginLogin(): Promise<{ authorizeUrl: string; jar: CookieJar }> {
    const jar = new CookieJar();
    const response = await fetch(`${app.url}/auth/login`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    jar.store(response);
    return { authorizeUrl: response.headers.get('location')!, jar };
  }

  async function returnToApp(callbackUrl: string, jar: CookieJar) {
    const response = await fetch(callbackUrl, {
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    jar.store(response);
    return { response, body: await response.text() };
  }

  /** The whole round trip; answers the browser's cookie jar (with the session cookie). */
  async function signIn(login: string): Promise<CookieJar> {
    const { authorizeUrl, jar } = await beginLogin();
    const callback = await signInAtProvider(authorizeUrl, login);
    const { response, body } = await returnToApp(callback, jar);
    expect({ status: response.status, body: response.status === 302 ? '' : body }).toEqual({
      status: 302,
      body: '',
    });
    expect(response.headers.get('location')).toBe('/admin');
    return jar;
  }

  async function gql<T>(
    jar: CookieJar,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: jar.header() },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
  }

  beforeAll(async () => {
    database = await createScratchDatabase('sso');
    const [appPort, idpPort] = [await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${appPort}`;
    idp = await startIdentityProvider(idpPort, `${publicUrl}/auth/callback`, [
      { sub: 'pat', email: email('pat'), email_verified: true, name: 'Pat PMO', groups: ['pmo'] },
      {
        sub: 'sam',
        email: email('sam'),
        email_verified: true,
        name: 'Sam Support',
        groups: ['support', 'staff'],
      },
      { sub: 'lee', email: email('lee'), email_verified: true, name: 'Lee Local', groups: [] },
      { sub: 'uma', email: email('uma'), email_verified: false, name: 'Uma', groups: [] },
      { sub: 'nomail', name: 'No Mail', groups: [] },
    ]);
    const config = loadConfig({
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      PORT: String(appPort),
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ROLE_GROUPS: 'ADMIN=admins,COORDINATOR=pmo',
      OIDC_TEAM_GROUPS: 'SUPPORT=support,ENGINEERING=eng',
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_HOURS: '8',
    });
    app = await startTestApp(config);
    clock = app.running.app.get(Clock);
    admin = await app.createUser({ role: 'ADMIN' });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await database?.drop();
  });

  it('a person in "pmo" signs in as a coordinator and creates a launch; one in "support" signs off for SUPPORT', async () => {
    const offered = await fetch(`${app.url}/auth/sso`);
    expect(await offered.json()).toEqual({ enabled: true, provider: new URL(idp.issuer).host });
    const pat = await signIn('pat');
    expect(pat.get('liftoff_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await gql<{ me: Record<string, unknown> }>(
      pat,
      `{ me { name email role teams active managedBy } }`,
    );
    expect(me.data?.me).toEqual({
      name: 'Pat PMO',
      email: email('pat'),
      role: 'COORDINATOR',
      teams: [],
      active: true,
      managedBy: 'OIDC',
    });
    const created = await gql<{ createLaunch: { id: string } }>(
      pat,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      { i: { key: `sso-${suffix}`, name: 'Signed in' } },
    );
    expect(created.errors).toBeUndefined();

    const sam = await signIn('sam');
    const signed = await gql<{ signOff: { team: string } }>(
      sam,
      `mutation($i: SignOffInput!) { signOff(input: $i) { team decision } }`,
      {
        i: {
          launchId: created.data!.createLaunch.id,
          team: 'SUPPORT',
          decision: 'NO_GO',
          comment: 'runbook missing',
        },
      },
    );
    expect(signed.data).toEqual({ signOff: { team: 'SUPPORT', decision: 'NO_GO' } });
    // The provider manages their role and teams: an admin cannot change them here.
    const samId = (await gql<{ me: { id: string } }>(sam, `{ me { id } }`)).data!.me.id;
    const update = await app.gql(
      admin.token,
      `mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { id } }`,
      { id: samId },
    );
    expect(errorOf(update).extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(update).message).toMatch(/managed by the identity provider/);
  });

  it('links an existing user by verified email, keeping its tokens', async () => {
    const local = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
    await app.running.database.dataSource.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [
      local.id,
      email('lee'),
    ]);
    const lee = await signIn('lee');
    const me = await gql<{ me: { id: string; managedBy: string; role: string } }>(
      lee,
      `{ me { id managedBy role } }`,
    );
    // In no mapped group: VIEWER, as the provider is the source of truth for its users.
    expect(me.data?.me).toEqual({ id: local.id, managedBy: 'OIDC', role: 'VIEWER' });
    expect(ok(await app.gql(local.token, `{ me { id } }`))).toEqual({ me: { id: local.id } });
  });

  it('refuses an unverified email another user holds (409) and a person without email (400)', async () => {
    await app.running.database.dataSource.query(
      `INSERT INTO app_user (id, name, email, role, teams) VALUES (gen_random_uuid(), 'Holder', $1, 'VIEWER', '{}')`,
      [email('uma')],
    );
    for (const [login, status] of [
      ['uma', 409],
      ['nomail', 400],
    ] as const) {
      const { authorizeUrl, jar } = await beginLogin();
      const { response } = await returnToApp(await signInAtProvider(authorizeUrl, login), jar);
      expect({ login, status: response.status }).toEqual({ login, status });
      expect(jar.get('liftoff_session')).toBeUndefined();
    }
  });

  it('a wrong state, no sign-in in progress, a replayed code and a provider error end on a page, with no session', async () => {
    const first = await beginLogin();
    const callback = new URL(await signInAtProvider(first.authorizeUrl, 'pat'));
    const wrong = new URL(callback);
    wrong.searchParams.set('state', 'not-the-state');
    const wrongState = await returnToApp(wrong.href, first.jar);
    expect(wrongState.response.status).toBe(400);
    expect(wrongState.body).toMatch(/wrong state/);
    // The attempt is used up: the right state on the same sign-in finds none in progress.
    const again = await returnToApp(callback.href, first.jar);
    expect(again.response.status).toBe(400);
    expect(again.body).toMatch(/No sign-in is in progress/);

    // A code replayed into a new sign-in (its own state) fails at the provider.
    const used = await beginLogin();
    const usedCallback = await signInAtProvider(used.authorizeUrl, 'pat');
    expect((await returnToApp(usedCallback, used.jar)).response.status).toBe(302);
    const second = await beginLogin();
    const replay = new URL(usedCallback);
    replay.searchParams.set('state', new URL(second.authorizeUrl).searchParams.get('state')!);
    const replayed = await returnToApp(replay.href, second.jar);
    expect(replayed.response.status).toBe(400);
    expect(replayed.body).toMatch(/could not be completed with the identity provider/);
    expect(second.jar.get('liftoff_session')).toBeUndefined();

    const third = await beginLogin();
    const refused = new URL(`${app.url}/auth/callback`);
    refused.searchParams.set('error', 'access_denied');
    refused.searchParams.set('state', new URL(third.authorizeUrl).searchParams.get('state')!);
    const denied = await returnToApp(refused.href, third.jar);
    expect(denied.response.status).toBe(401);
    expect(third.jar.get('liftoff_session')).toBeUndefined();
  });

  it('a forged or foreign session cookie is UNAUTHENTICATED', async () => {
    for (const cookie of ['liftoff_session=forged', `liftoff_session=${'A'.repeat(43)}`]) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const body = (await response.json()) as Answer<unknown>;
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a session ends when idle or too old, by the clock the service reads', async () => {
    const jar = await signIn('sam');
    const now = clock.now.bind(clock);
    try {
      const start = Date.now();
      clock.now = () => new Date(start + 29 * 60_000);
      expect((await gql(jar, `{ me { id } }`)).errors).toBeUndefined();
      // Used at +29 min, so still alive 29 minutes later; idle for 30 it has ended.
      clock.now = () => new Date(start + 58 * 60_000);
      expect((await gql(jar, `{ me { id } }`)).errors).toBeUndefined();
      clock.now = () => new Date(start + 88 * 60_000 + 1_000);
      expect((await gql(jar, `{ me { id } }`)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const fresh = await signIn('sam');
      clock.now = () => new Date(start + 88 * 60_000 + 8 * 3_600_000 + 1_000);
      expect((await gql(fresh, `{ me { id } }`)).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      clock.now = now;
    }
  });

  it("logout ends the session and closes the sockets it opened; a session's socket needs this installation's Origin", async () => {
    const jar = await signIn('pat');
    let closedWith: number | null = null;
    let connected = false;
    const client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, {
            headers: { cookie: jar.header(), origin: app.config.publicUrl },
          });
        }
      },
      lazy: false,
      retryAttempts: 0,
    });
    client.on('connected', () => (connected = true));
    client.on('closed', (event) => (closedWith = (event as { code: number }).code));
    await waitFor(() => connected, 10_000, 'session socket');

    const response = await fetch(`${app.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: jar.header() },
    });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(/liftoff_session=;/);
    await waitFor(() => closedWith !== null, 10_000, 'socket closed');
    expect(closedWith).toBe(4403);
    expect((await gql(jar, `{ me { id } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Without the installation's Origin, the cookie does not authenticate the socket.
    const other = await signIn('pat');
    let refusedWith: number | null = null;
    const foreign = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie: other.header() } });
        }
      },
      lazy: false,
      retryAttempts: 0,
    });
    foreign.on('closed', (event) => (refusedWith = (event as { code: number }).code));
    await waitFor(() => refusedWith !== null, 10_000, 'foreign socket closed');
    expect(refusedWith).toBe(4403);
  });

  it('a deactivated user is refused at the provider’s return (403), and their sessions end', async () => {
    const jar = await signIn('sam');
    const samId = (await gql<{ me: { id: string } }>(jar, `{ me { id } }`)).data!.me.id;
    ok(
      await app.gql(admin.token, `mutation($id: ID!) { deactivateUser(id: $id) { id } }`, {
        id: samId,
      }),
    );
    expect((await gql(jar, `{ me { id } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { authorizeUrl, jar: next } = await beginLogin();
    const { response, body } = await returnToApp(await signInAtProvider(authorizeUrl, 'sam'), next);
    expect(response.status).toBe(403);
    expect(body).toMatch(/deactivated/);
    expect(next.get('liftoff_session')).toBeUndefined();
    ok(
      await app.gql(admin.token, `mutation($id: ID!) { reactivateUser(id: $id) { id } }`, {
        id: samId,
      }),
    );
    await signIn('sam');
  });
});

describe('single sign-on while the provider is down', () => {
  it('starts, and /auth/login answers 503 with a page that says so', async () => {
    const app = await bootTestApp({
      OIDC_ISSUER_URL: `http://127.0.0.1:${await freePort()}`,
      OIDC_CLIENT_ID: 'liftoff',
      OIDC_CLIENT_SECRET: 'secret',
    });
    try {
      const response = await fetch(`${app.url}/auth/login`, { redirect: 'manual' });
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/identity provider cannot be reached/);
    } finally {
      await app.close();
    }
  });
});
