import { SessionRepository } from '../../apps/api/src/identity/session.repository.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';
import type { UserEntity } from '../../apps/api/src/identity/user.entity.js';
import { SsoLoginRepository } from '../../apps/api/src/sso/sso-login.repository.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const T0 = new Date('2030-01-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('SessionRepository and SsoLoginRepository', () => {
  const database = useRepositoryDatabase('session_repo');
  const sessions = () => new SessionRepository(database.dataSource);
  const logins = () => new SsoLoginRepository(database.dataSource);
  let user: UserEntity;

  beforeAll(async () => {
    user = await new UserRepository(database.dataSource).insert({
      name: 'Signed in',
      email: 'signed-in@example.test',
      role: 'MEMBER',
      teams: ['PRODUCT'],
    });
  });

  it('stores only the hash of a session secret and finds its holder inside the window', async () => {
    const { id, secret } = await sessions().open(user.id, T0);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows: Record<string, unknown>[] = await database.dataSource.query(
      `SELECT * FROM auth_session WHERE id = $1`,
      [id],
    );
    expect(JSON.stringify(rows)).not.toContain(secret);
    const window = { idleSince: at(-30), signedInSince: at(-480) };
    await expect(sessions().findHolder(secret, window)).resolves.toMatchObject({
      session_id: id,
      id: user.id,
    });
    await expect(sessions().findHolder(`${secret}x`, window)).resolves.toBeNull();
    // Idle past the window, or signed in before it: ended.
    await expect(
      sessions().findHolder(secret, { idleSince: T0, signedInSince: at(-480) }),
    ).resolves.toBeNull();
    await sessions().touch(id, at(10));
    await expect(
      sessions().findHolder(secret, { idleSince: at(5), signedInSince: T0 }),
    ).resolves.toBeNull();
    await expect(
      sessions().findHolder(secret, { idleSince: at(5), signedInSince: at(-1) }),
    ).resolves.not.toBeNull();
  });

  it('close ends one session; closeAllOf every session of a user; deleteEnded forgets ended ones', async () => {
    const a = await sessions().open(user.id, T0);
    const b = await sessions().open(user.id, T0);
    const window = { idleSince: at(-30), signedInSince: at(-480) };
    await expect(sessions().close(a.secret)).resolves.toBe(a.id);
    await expect(sessions().close(a.secret)).resolves.toBeNull();
    await expect(sessions().findHolder(b.secret, window)).resolves.not.toBeNull();
    await sessions().closeAllOf(user.id, database.dataSource.manager);
    await expect(sessions().findHolder(b.secret, window)).resolves.toBeNull();
    const old = await sessions().open(user.id, at(-600));
    await sessions().deleteEnded(window);
    const left: unknown[] = await database.dataSource.query(
      `SELECT 1 FROM auth_session WHERE id = $1`,
      [old.id],
    );
    expect(left).toEqual([]);
  });

  it('a sign-in in progress is taken once, and not when stale', async () => {
    const login = { state: 's1', nonce: 'n1', codeVerifier: 'v1' };
    await logins().begin('browser-1', login, T0, at(-10));
    await expect(logins().take('browser-1', at(-10))).resolves.toEqual(login);
    await expect(logins().take('browser-1', at(-10))).resolves.toBeNull();
    await logins().begin('browser-2', login, T0, at(-10));
    await expect(logins().take('browser-2', at(1))).resolves.toBeNull();
  });
});
