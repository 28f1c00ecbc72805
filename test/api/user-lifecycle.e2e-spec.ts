import { createScratchDatabase } from '../support/scratch-database.js';
import { createLaunch, errorOf, getLaunch, ok, signOff } from '../support/launch-factory.js';
import { waitFor } from '../notifications/notification-helpers.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { trackedSocket } from '../support/ws-client.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const USER_FIELDS = 'id name role teams active managedBy';
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { ${USER_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;

describe('people over their lifetime', () => {
  // A database of its own: the per-address anonymous rate-limit window lives in it, and this
  // suite's refused calls must not spend other suites' budget (or theirs, this one's).
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    database = await createScratchDatabase('user_lifecycle');
    app = await bootTestApp({ DATABASE_URL: database.url });
    admin = await app.createUser({ role: 'ADMIN' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('an admin changes role and teams; a user its own name only; current values change nothing', async () => {
    const user = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'], name: 'Before' });
    const changed = ok(
      await app.gql<{ updateUser: Record<string, unknown> }>(admin.token, UPDATE, {
        id: user.id,
        i: { role: 'COORDINATOR', teams: ['SUPPORT', 'PRODUCT'] },
      }),
    ).updateUser;
    expect(changed).toEqual({
      id: user.id,
      name: 'Before',
      role: 'COORDINATOR',
      teams: ['SUPPORT', 'PRODUCT'],
      active: true,
      managedBy: 'LOCAL',
    });
    // A full form that repeats the current role and teams is a name change only.
    const renamed = ok(
      await app.gql<{ updateUser: Record<string, unknown> }>(user.token, UPDATE, {
        id: user.id,
        i: { name: '  After ', role: 'COORDINATOR', teams: ['PRODUCT', 'SUPPORT'] },
      }),
    ).updateUser;
    expect(renamed).toMatchObject({ name: 'After', role: 'COORDINATOR' });
    for (const input of [{ role: 'ADMIN' }, { teams: ['ENGINEERING'] }]) {
      expect(
        errorOf(await app.gql(user.token, UPDATE, { id: user.id, i: input })).extensions?.code,
      ).toBe('FORBIDDEN');
    }
    expect(
      errorOf(await app.gql(user.token, UPDATE, { id: admin.id, i: { name: 'Hijacked' } }))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await app.gql(admin.token, UPDATE, { id: user.id, i: { name: '   ' } })).extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      errorOf(
        await app.gql(admin.token, UPDATE, {
          id: '00000000-0000-4000-8000-000000000000',
          i: { name: 'Nobody' },
        }),
      ).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('deactivation revokes tokens at once, keeps sign-offs counting; reactivation keeps them revoked', async () => {
    const member = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    const launch = await createLaunch(app, admin.token);
    ok(await signOff(app, member.token, launch.id, 'SUPPORT', 'NO_GO', 'not ready'));

    const deactivated = ok(
      await app.gql<{ deactivateUser: Record<string, unknown> }>(admin.token, DEACTIVATE, {
        id: member.id,
      }),
    ).deactivateUser;
    expect(deactivated).toMatchObject({ id: member.id, active: false });
    expect(errorOf(await app.gql(member.token, `{ me { id } }`)).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const tokenFor = `mutation($u: ID!) { createApiToken(userId: $u, name: "again") { token } }`;
    expect(errorOf(await app.gql(admin.token, tokenFor, { u: member.id })).extensions?.code).toBe(
      'CONFLICT',
    );
    const after = await getLaunch(app, admin.token, launch.id);
    expect(after.signOffs.map((s) => [s.team, s.decision, s.status])).toEqual([
      ['SUPPORT', 'NO_GO', 'ACTIVE'],
    ]);
    expect(after.blocked).toBe(true);

    ok(await app.gql(admin.token, REACTIVATE, { id: member.id }));
    expect(errorOf(await app.gql(member.token, `{ me { id } }`)).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const fresh = ok(
      await app.gql<{ createApiToken: { token: string } }>(admin.token, tokenFor, { u: member.id }),
    ).createApiToken.token;
    expect(ok(await app.gql<{ me: { id: string } }>(fresh, `{ me { id } }`)).me.id).toBe(member.id);
  });

  it('only an admin deactivates or reactivates', async () => {
    const coordinator = await app.createUser({ role: 'COORDINATOR' });
    const target = await app.createUser({ role: 'VIEWER' });
    for (const query of [DEACTIVATE, REACTIVATE]) {
      expect(
        errorOf(await app.gql(coordinator.token, query, { id: target.id })).extensions?.code,
      ).toBe('FORBIDDEN');
    }
    expect(ok(await app.gql(target.token, `{ me { id } }`))).toEqual({ me: { id: target.id } });
  });

  it('the last active admin is neither demoted nor deactivated (CONFLICT)', async () => {
    const db = app.running.database.dataSource;
    // Other test files' admins share this database: set them aside for this case, then restore.
    const others = (
      (await db.query(
        `UPDATE app_user SET active = false WHERE role = 'ADMIN' AND active AND id <> $1 RETURNING id`,
        [admin.id],
      )) as [{ id: string }[], number]
    )[0].map((r) => r.id);
    try {
      expect(
        errorOf(await app.gql(admin.token, UPDATE, { id: admin.id, i: { role: 'VIEWER' } }))
          .extensions?.code,
      ).toBe('CONFLICT');
      expect(
        errorOf(await app.gql(admin.token, DEACTIVATE, { id: admin.id })).extensions?.code,
      ).toBe('CONFLICT');
      expect(ok(await app.gql(admin.token, `{ me { role } }`))).toEqual({
        me: { role: 'ADMIN' },
      });
    } finally {
      await db.query(`UPDATE app_user SET active = true WHERE id = ANY($1::uuid[])`, [others]);
    }
  });

  describe('with a second API process', () => {
    let other: ServerProcess;
    beforeAll(async () => {
      other = await startServer({
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
      });
    });
    afterAll(async () => {
      await other?.stop();
    });

    it("deactivating a user on one process closes the user's sockets on both with 4403", async () => {
      const leaver = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
      const bystander = await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] });
      const here = trackedSocket(app.url, leaver.token);
      const there = trackedSocket(other.url, leaver.token);
      const kept = trackedSocket(other.url, bystander.token);
      await waitFor(() => here.connected() && there.connected() && kept.connected(), 10_000);

      ok(await app.gql(admin.token, DEACTIVATE, { id: leaver.id }));
      await waitFor(() => here.closed() !== null && there.closed() !== null, 10_000, 'closes');
      expect([here.closed(), there.closed()]).toEqual([4403, 4403]);
      expect(kept.closed()).toBeNull();
      const answer = await fetch(`${other.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${leaver.token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const body = (await answer.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await kept.client.dispose();
    });
  });
});
