import { hashApiToken } from '../../apps/api/src/identity/api-token.js';
import { ApiTokenRepository } from '../../apps/api/src/identity/api-token.repository.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';
import type { UserEntity } from '../../apps/api/src/identity/user.entity.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

describe('ApiTokenRepository', () => {
  const database = useRepositoryDatabase('api_token_repo');
  const tokens = () => new ApiTokenRepository(database.dataSource);
  let user: UserEntity;

  beforeAll(async () => {
    user = await new UserRepository(database.dataSource).insert({
      name: 'Holder',
      email: 'holder@example.test',
      role: 'MEMBER',
      teams: ['SUPPORT'],
    });
  });

  it('issue stores only the hash of the secret it hands back', async () => {
    const { token, secret } = await tokens().issue(user.id, 'laptop');
    expect(secret).toMatch(/^lft_/);
    expect(token).toMatchObject({
      userId: user.id,
      name: 'laptop',
      tokenHash: hashApiToken(secret),
      lastUsedAt: null,
      revokedAt: null,
    });
    const rows: Record<string, unknown>[] = await database.dataSource.query(
      `SELECT * FROM api_token WHERE id = $1`,
      [token.id],
    );
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0]!).map(String)).not.toContain(secret);
    expect(JSON.stringify(rows[0])).not.toContain(secret);
  });

  it('issue keeps a secret it is given (bootstrap and demo tokens)', async () => {
    const { secret, token } = await tokens().issue(
      user.id,
      'given',
      undefined,
      'lft_given-secret-0123456789',
    );
    expect(secret).toBe('lft_given-secret-0123456789');
    expect(token.tokenHash).toBe(hashApiToken(secret));
  });

  it('findHolder answers the user of a live token and null for an unknown secret', async () => {
    const { token, secret } = await tokens().issue(user.id, 'ci');
    await expect(tokens().findHolder(secret, new Date())).resolves.toEqual({
      token_id: token.id,
      last_used_at: null,
      id: user.id,
      name: user.name,
      email: user.email,
      role: 'MEMBER',
      teams: ['SUPPORT'],
      created_at: user.createdAt,
      active: true,
      oidc_subject: null,
      token_scopes: null,
      token_teams: null,
      token_launch_ids: null,
      token_expires_at: null,
    });
    await expect(tokens().findHolder(`${secret}x`, new Date())).resolves.toBeNull();
  });

  it('findHolder ignores a revoked token, which findById still shows', async () => {
    const { token, secret } = await tokens().issue(user.id, 'revoked');
    await tokens().revoke(token.id);
    await expect(tokens().findHolder(secret, new Date())).resolves.toBeNull();
    expect((await tokens().findById(token.id))?.revokedAt).toEqual(expect.any(Date));
  });

  it('findHolder answers a scoped token with its limits until its expiry, and never a deactivated user', async () => {
    const launchId = '00000000-0000-4000-8000-00000000abcd';
    const expiresAt = new Date('2030-01-01T00:00:00.000Z');
    const { secret } = await tokens().issue(user.id, 'ci', {
      scopes: ['ITEMS'],
      teams: ['ENGINEERING'],
      launchIds: [launchId],
      expiresAt,
    });
    await expect(
      tokens().findHolder(secret, new Date('2029-12-31T23:59:59.999Z')),
    ).resolves.toMatchObject({
      token_scopes: ['ITEMS'],
      token_teams: ['ENGINEERING'],
      token_launch_ids: [launchId],
      token_expires_at: expiresAt,
    });
    await expect(tokens().findHolder(secret, expiresAt)).resolves.toBeNull();
    const leaver = await new UserRepository(database.dataSource).insert({
      name: 'Leaver',
      email: 'leaver@example.test',
      role: 'MEMBER',
      teams: [],
    });
    const held = await tokens().issue(leaver.id, 'laptop');
    await database.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [
      leaver.id,
    ]);
    await expect(tokens().findHolder(held.secret, new Date())).resolves.toBeNull();
  });

  it('unknownLaunchIds names the ids no launch has', async () => {
    await expect(
      tokens().unknownLaunchIds(['00000000-0000-4000-8000-00000000abcd']),
    ).resolves.toEqual(['00000000-0000-4000-8000-00000000abcd']);
  });

  it('revokeAllOf revokes every live token of one user and keeps earlier revocations', async () => {
    const holder = await new UserRepository(database.dataSource).insert({
      name: 'Many',
      email: 'many@example.test',
      role: 'MEMBER',
      teams: [],
    });
    const a = await tokens().issue(holder.id, 'a');
    const b = await tokens().issue(holder.id, 'b');
    const first = new Date('2020-01-02T03:04:05.000Z');
    await database.dataSource.query(`UPDATE api_token SET revoked_at = $2 WHERE id = $1`, [
      a.token.id,
      first,
    ]);
    const bystander = await tokens().issue(user.id, 'kept');
    await tokens().revokeAllOf(holder.id, database.dataSource.manager);
    expect((await tokens().findById(a.token.id))?.revokedAt).toEqual(first);
    expect((await tokens().findById(b.token.id))?.revokedAt).toEqual(expect.any(Date));
    await expect(tokens().findHolder(bystander.secret, new Date())).resolves.not.toBeNull();
  });

  it('revoke keeps the first revocation time', async () => {
    const { token } = await tokens().issue(user.id, 'twice');
    await tokens().revoke(token.id);
    // Move the first revocation into the past, so a second write could not go unnoticed.
    const first = new Date('2020-01-02T03:04:05.000Z');
    await database.dataSource.query(`UPDATE api_token SET revoked_at = $2 WHERE id = $1`, [
      token.id,
      first,
    ]);
    await tokens().revoke(token.id);
    expect((await tokens().findById(token.id))?.revokedAt).toEqual(first);
  });

  it('touch records a use', async () => {
    const { token, secret } = await tokens().issue(user.id, 'used');
    await tokens().touch(token.id);
    const used = await tokens().findById(token.id);
    expect(used?.lastUsedAt).toEqual(expect.any(Date));
    expect((await tokens().findHolder(secret, new Date()))?.last_used_at).toEqual(used?.lastUsedAt);
  });

  it('findById of an unknown id is null; listOfUser lists only that user’s tokens, oldest first', async () => {
    await expect(tokens().findById('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    const other = await new UserRepository(database.dataSource).insert({
      name: 'Other',
      email: 'other@example.test',
      role: 'VIEWER',
      teams: [],
    });
    const a = await tokens().issue(other.id, 'first');
    const b = await tokens().issue(other.id, 'second');
    expect((await tokens().listOfUser(other.id)).map((t) => t.id)).toEqual([
      a.token.id,
      b.token.id,
    ]);
    expect((await tokens().listOfUser(user.id)).map((t) => t.userId)).not.toContain(other.id);
  });

  it('refuses a token for a user that does not exist (foreign key)', async () => {
    await expect(
      tokens().issue('00000000-0000-4000-8000-000000000000', 'orphan'),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
