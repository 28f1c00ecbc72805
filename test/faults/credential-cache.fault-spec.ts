import pg from 'pg';
import { waitFor } from '../notifications/notification-helpers.js';
import { ADMIN_TOKEN } from '../support/fault-fixtures.js';
import { post } from '../support/http-client.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { trackedSocket } from '../support/ws-client.js';

/*
 * Every API process caches live credentials. These run two processes on one PostgreSQL:
 * what one process does to a credential, the other honours on its very next request, after
 * waiting only for the NOTIFY that announces it (seen as a socket closing) and never for the
 * cache's TTL; and without its LISTEN connection a process trusts no cached credential.
 */

const adminUrl = () =>
  process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Person {
  userId: string;
  tokenId: string;
  token: string;
}

async function person(url: string, role: string, teams: string[] = []): Promise<Person> {
  const email = `${role.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@cache.test`;
  const created = await post<{ createUser: { id: string } }>(
    url,
    ADMIN_TOKEN,
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { name: role, email, role, teams } },
  );
  const userId = created.data!.createUser.id;
  const minted = await post<{ createApiToken: { id: string; token: string } }>(
    url,
    ADMIN_TOKEN,
    `mutation($u: ID!) { createApiToken(userId: $u, name: "cache") { id token } }`,
    { u: userId },
  );
  const { id: tokenId, token } = minted.data!.createApiToken;
  return { userId, tokenId, token };
}

const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code ?? null;

async function me(url: string, token: string) {
  return post<{ me: { id: string; role: string } }>(url, token, `{ me { id role } }`);
}

/** The process's own report of whether it caches credentials now. */
async function cacheEnabled(url: string): Promise<boolean> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return /^liftoff_credential_cache_enabled 1$/m.test(text);
}

describe('cached credentials on two API processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let one: ServerProcess;
  let other: ServerProcess;
  let dbName: string;

  beforeAll(async () => {
    database = await createScratchDatabase('credcache');
    dbName = new URL(database.url).pathname.slice(1);
    const env = {
      DATABASE_URL: database.url,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    };
    one = await startServer(env);
    other = await startServer(env);
    await waitFor(async () => (await cacheEnabled(one.url)) && (await cacheEnabled(other.url)));
  });
  afterAll(async () => {
    await one?.stop();
    await other?.stop();
    await database?.drop();
  });

  /** `token`'s socket on the other process, open; the other process has the token cached. */
  async function cachedOnOther(token: string) {
    for (let i = 0; i < 3; i += 1) expect(codeOf(await me(other.url, token))).toBeNull();
    const open = trackedSocket(other.url, token);
    await waitFor(open.connected, 10_000, 'socket connected');
    return open;
  }

  it('a token revoked through one process is refused by the other on its next request', async () => {
    const holder = await person(one.url, 'MEMBER', ['PRODUCT']);
    const open = await cachedOnOther(holder.token);

    const revoked = await post(
      one.url,
      ADMIN_TOKEN,
      `mutation($id: ID!) { revokeApiToken(id: $id) }`,
      {
        id: holder.tokenId,
      },
    );
    expect(codeOf(revoked)).toBeNull();
    await waitFor(() => open.closed() !== null, 10_000, 'the NOTIFY closing the socket');

    expect(codeOf(await me(other.url, holder.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await me(one.url, holder.token))).toBe('UNAUTHENTICATED');
  });

  it('a user deactivated through one process is refused by the other on its next request', async () => {
    const leaver = await person(one.url, 'MEMBER', ['SUPPORT']);
    const open = await cachedOnOther(leaver.token);

    const deactivated = await post(
      one.url,
      ADMIN_TOKEN,
      `mutation($id: ID!) { deactivateUser(id: $id) { id } }`,
      { id: leaver.userId },
    );
    expect(codeOf(deactivated)).toBeNull();
    await waitFor(() => open.closed() !== null, 10_000, 'the NOTIFY closing the socket');

    expect(codeOf(await me(other.url, leaver.token))).toBe('UNAUTHENTICATED');
  });

  it("a user's new role, set through one process, is what the other acts on next", async () => {
    const changed = await person(one.url, 'COORDINATOR');
    expect((await me(other.url, changed.token)).data?.me.role).toBe('COORDINATOR');
    // Announcements arrive in commit order: once the later revocation closed its socket,
    // the earlier role change has reached the other process too.
    const marker = await person(one.url, 'VIEWER');
    const open = await cachedOnOther(marker.token);

    const updated = await post(
      one.url,
      ADMIN_TOKEN,
      `mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { id } }`,
      { id: changed.userId },
    );
    expect(codeOf(updated)).toBeNull();
    await post(one.url, ADMIN_TOKEN, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
      id: marker.tokenId,
    });
    await waitFor(() => open.closed() !== null, 10_000, 'the NOTIFY closing the socket');

    expect((await me(other.url, changed.token)).data?.me.role).toBe('VIEWER');
  });

  it('without its LISTEN connection a process reads every credential from the database', async () => {
    const holder = await person(one.url, 'MEMBER', ['ENGINEERING']);
    const bystander = await person(one.url, 'VIEWER');
    for (let i = 0; i < 3; i += 1) {
      expect(codeOf(await me(other.url, holder.token))).toBeNull();
      expect(codeOf(await me(other.url, bystander.token))).toBeNull();
    }
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      // No new connection to the database (the pools keep theirs): the listeners stay down.
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND query = 'LISTEN liftoff_credentials'`,
        [dbName],
      );
      await waitFor(async () => !(await cacheEnabled(other.url)), 10_000, 'the cache off');

      // Announced while the other process cannot hear it.
      await post(one.url, ADMIN_TOKEN, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
        id: holder.tokenId,
      });
      expect(codeOf(await me(other.url, holder.token))).toBe('UNAUTHENTICATED');
      expect(codeOf(await me(other.url, bystander.token))).toBeNull();
    } finally {
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await waitFor(() => cacheEnabled(other.url), 15_000, 'the cache back on');
    expect(codeOf(await me(other.url, holder.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await me(other.url, bystander.token))).toBeNull();
  });
});
