import { createScratchDatabase } from '../support/scratch-database.js';
import { Clock } from '../../apps/api/src/common/clock.js';
import {
  completeItem,
  createLaunch,
  errorOf,
  ok,
  signOff,
  type LaunchDto,
} from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const CREATE_TOKEN = `mutation($u: ID!, $n: String!, $s: [TokenScope!], $t: [Team!], $l: [ID!], $e: DateTime) {
  createApiToken(userId: $u, name: $n, scopes: $s, teams: $t, launchIds: $l, expiresAt: $e) { id token } }`;
const TOKENS = `query($u: ID!) { apiTokens(userId: $u) { id name scopes teams launchIds expiresAt } }`;

describe('tokens that do one job', () => {
  // A database of its own: the per-address anonymous rate-limit window lives in it, and this
  // suite's refused calls must not spend other suites' budget (or theirs, this one's).
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let admin: TestUser;
  let engineer: TestUser;
  let launch: LaunchDto;
  let clock: Clock;

  const mint = (by: string, vars: Record<string, unknown>) =>
    app.gql<{ createApiToken: { id: string; token: string } }>(by, CREATE_TOKEN, {
      u: engineer.id,
      n: 'ci',
      ...vars,
    });

  beforeAll(async () => {
    database = await createScratchDatabase('scoped_tokens');
    app = await bootTestApp({ DATABASE_URL: database.url });
    clock = app.running.app.get(Clock);
    admin = await app.createUser({ role: 'ADMIN' });
    // The pipeline's service user: an engineering member.
    engineer = await app.createUser({ role: 'MEMBER', teams: ['ENGINEERING', 'PRODUCT'] });
    launch = await createLaunch(app, admin.token);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('a CI token limited to ITEMS and ENGINEERING completes an engineering item with evidence, and is refused a sign-off and a product item', async () => {
    const ci = ok(await mint(admin.token, { s: ['ITEMS'], t: ['ENGINEERING'], l: [launch.id] }))
      .createApiToken.token;
    const engineering = launch.checklist.find(
      (i) => i.stage === 'PLANNING' && i.team === 'ENGINEERING',
    )!;
    const product = launch.checklist.find((i) => i.stage === 'PLANNING' && i.team === 'PRODUCT')!;

    const done = ok(
      await completeItem(app, ci, engineering.id, {
        evidenceUrl: 'https://ci.example.com/runs/42',
      }),
    );
    expect(done.completeChecklistItem).toMatchObject({
      status: 'DONE',
      evidenceUrl: 'https://ci.example.com/runs/42',
    });

    const signed = errorOf(await signOff(app, ci, launch.id, 'ENGINEERING', 'NO_GO', 'no'));
    expect([signed.extensions?.code, signed.message]).toEqual([
      'FORBIDDEN',
      'This token lacks the SIGN_OFF scope.',
    ]);
    const other = errorOf(await completeItem(app, ci, product.id));
    expect([other.extensions?.code, other.message]).toEqual([
      'FORBIDDEN',
      'This token acts only for ENGINEERING, not for PRODUCT.',
    ]);
    // Its user could do both; the token's viewerCan says what the token may do.
    const can = ok(
      await app.gql<{ launch: { viewerCan: Record<string, unknown> } }>(
        ci,
        `query($id: ID!) { launch(id: $id) { viewerCan { signFor completeFor comment } } }`,
        { id: launch.id },
      ),
    ).launch.viewerCan;
    expect(can).toEqual({ signFor: [], completeFor: ['ENGINEERING'], comment: false });

    const elsewhere = await createLaunch(app, admin.token);
    const there = elsewhere.checklist.find(
      (i) => i.stage === 'PLANNING' && i.team === 'ENGINEERING',
    )!;
    expect(errorOf(await completeItem(app, ci, there.id)).extensions?.code).toBe('FORBIDDEN');
  });

  it('lists each token with its scopes, limits and expiry, never the secret', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = ok(
      await mint(admin.token, {
        n: 'listed',
        s: ['COMMENT', 'READ'],
        l: [launch.id],
        e: expiresAt,
      }),
    ).createApiToken;
    const listed = ok(
      await app.gql<{ apiTokens: Record<string, unknown>[] }>(admin.token, TOKENS, {
        u: engineer.id,
      }),
    ).apiTokens;
    expect(listed.find((t) => t.id === created.id)).toEqual({
      id: created.id,
      name: 'listed',
      scopes: ['READ', 'COMMENT'],
      teams: null,
      launchIds: [launch.id],
      expiresAt,
    });
    expect(listed.find((t) => t.name === 'test')).toMatchObject({
      scopes: ['READ', 'COMMENT', 'ITEMS', 'SIGN_OFF', 'MANAGE', 'TICKETS'],
      teams: null,
      launchIds: null,
      expiresAt: null,
    });
  });

  it('refuses empty limits, unknown launches and a past expiry (BAD_USER_INPUT), creating nothing', async () => {
    const count = async () =>
      ok(await app.gql<{ apiTokens: unknown[] }>(admin.token, TOKENS, { u: engineer.id })).apiTokens
        .length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ s: [] }, 'scopes'],
      [{ t: [] }, 'teams'],
      [{ l: [] }, 'launchIds'],
      [{ l: ['00000000-0000-4000-8000-000000000000'] }, 'launchIds'],
      [{ l: ['not-a-launch'] }, 'launchIds'],
      [{ e: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
    ];
    for (const [vars, field] of cases) {
      const error = errorOf(await mint(admin.token, vars));
      expect({ vars, code: error.extensions?.code, field: error.extensions?.field }).toEqual({
        vars,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const unknownScope = errorOf(await mint(admin.token, { s: ['ROOT'] }));
    expect(unknownScope.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('an expired token is unknown (UNAUTHENTICATED), by the clock the service reads', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    const token = ok(await mint(admin.token, { e: expiresAt.toISOString() })).createApiToken.token;
    expect(ok(await app.gql<{ me: { id: string } }>(token, `{ me { id } }`)).me.id).toBe(
      engineer.id,
    );
    const now = clock.now.bind(clock);
    clock.now = () => new Date(expiresAt.getTime());
    try {
      expect(errorOf(await app.gql(token, `{ me { id } }`)).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      clock.now = now;
    }
  });

  it('a token mints only within its own limits; any token revokes itself', async () => {
    const manager = ok(
      await mint(admin.token, { s: ['MANAGE', 'ITEMS'], t: ['ENGINEERING'] }),
    ).createApiToken;
    const wider = errorOf(await mint(manager.token, { s: ['ITEMS'] }));
    expect([wider.extensions?.code, wider.message]).toEqual([
      'FORBIDDEN',
      'This token may only give its own teams: ENGINEERING.',
    ]);
    expect(errorOf(await mint(manager.token, { t: ['ENGINEERING'] })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    const narrower = ok(
      await mint(manager.token, { s: ['ITEMS'], t: ['ENGINEERING'] }),
    ).createApiToken;
    const reader = ok(await mint(admin.token, { s: ['READ'] })).createApiToken;
    const revokeOther = errorOf(
      await app.gql(reader.token, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
        id: narrower.id,
      }),
    );
    expect(revokeOther.extensions?.code).toBe('FORBIDDEN');
    ok(
      await app.gql(reader.token, `mutation($id: ID!) { revokeApiToken(id: $id) }`, {
        id: reader.id,
      }),
    );
    expect(errorOf(await app.gql(reader.token, `{ me { id } }`)).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
