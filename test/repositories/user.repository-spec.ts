import { AppError } from '../../apps/api/src/common/app-error.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

describe('UserRepository', () => {
  const database = useRepositoryDatabase('user_repo');
  const users = () => new UserRepository(database.dataSource);

  it('adminExists is false on a fresh database and true once an admin is stored', async () => {
    await expect(users().adminExists()).resolves.toBe(false);
    await users().insert({ name: 'Member', email: 'm0@example.test', role: 'MEMBER', teams: [] });
    await expect(users().adminExists()).resolves.toBe(false);
    await users().insert({ name: 'Admin', email: 'a0@example.test', role: 'ADMIN', teams: [] });
    await expect(users().adminExists()).resolves.toBe(true);
  });

  it('insert trims the name, lower-cases the email and stores each team once', async () => {
    const user = await users().insert({
      name: '  Ada Lovelace ',
      email: '  Ada@Example.TEST ',
      role: 'MEMBER',
      teams: ['SUPPORT', 'PRODUCT', 'SUPPORT'],
    });
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      role: 'MEMBER',
      teams: ['SUPPORT', 'PRODUCT'],
      createdAt: expect.any(Date),
      active: true,
      managedBy: 'LOCAL',
    });
    await expect(users().findById(user.id)).resolves.toEqual(user);
  });

  it('refuses an email taken in another case with CONFLICT on field email, storing nothing', async () => {
    await users().insert({ name: 'Grace', email: 'grace@example.test', role: 'VIEWER', teams: [] });
    const before = (await users().list()).length;
    const error = await users()
      .insert({ name: 'Other Grace', email: 'GRACE@example.test', role: 'ADMIN', teams: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { field: 'email' } });
    expect((error as AppError).message).toContain('grace@example.test');
    expect(await users().list()).toHaveLength(before);
  });

  it('refuses a role the schema does not know (the CHECK constraint), not as CONFLICT', async () => {
    const error = await users()
      .insert({ name: 'X', email: 'x@example.test', role: 'OWNER' as 'ADMIN', teams: [] })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: '23514' });
  });

  it('insert inside a transaction disappears with its rollback', async () => {
    const email = 'rolled-back@example.test';
    await database.dataSource
      .transaction(async (tx) => {
        await users().insert({ name: 'Gone', email, role: 'ADMIN', teams: [] }, tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await users().list()).map((u) => u.email)).not.toContain(email);
  });

  it('findByIds returns exactly the stored users asked for; findById of an unknown id is null', async () => {
    const a = await users().insert({
      name: 'A',
      email: 'ids-a@example.test',
      role: 'MEMBER',
      teams: [],
    });
    const b = await users().insert({
      name: 'B',
      email: 'ids-b@example.test',
      role: 'MEMBER',
      teams: [],
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const found = await users().findByIds([a.id, b.id, unknown]);
    expect(found.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
    await expect(users().findById(unknown)).resolves.toBeNull();
    await expect(users().findByIds([])).resolves.toEqual([]);
  });

  it('list orders by creation time, then email', async () => {
    const early = await users().insert({
      name: 'Early',
      email: 'z-early@example.test',
      role: 'MEMBER',
      teams: [],
    });
    // One transaction, one now(): the three share a creation time, so email decides.
    await database.dataSource.transaction(async (tx) => {
      for (const email of ['list-c@example.test', 'list-a@example.test', 'list-b@example.test']) {
        await users().insert({ name: email, email, role: 'MEMBER', teams: [] }, tx);
      }
    });
    const emails = (await users().list()).map((u) => u.email);
    expect(emails.slice(-4)).toEqual([
      early.email,
      'list-a@example.test',
      'list-b@example.test',
      'list-c@example.test',
    ]);
  });

  it('update changes only the given fields; setActive and lockActiveAdmins follow deactivation', async () => {
    const db = database.dataSource;
    const user = await users().insert({
      name: 'Changing',
      email: 'changing@example.test',
      role: 'MEMBER',
      teams: ['PRODUCT'],
    });
    const renamed = await users().update(user.id, { name: 'Changed' }, db.manager);
    expect(renamed).toEqual({ ...user, name: 'Changed' });
    const promoted = await users().update(user.id, { role: 'ADMIN', teams: [] }, db.manager);
    expect(promoted).toMatchObject({ name: 'Changed', role: 'ADMIN', teams: [] });
    const before = await db.transaction((tx) => users().lockActiveAdmins(tx));
    const off = await users().setActive(user.id, false, db.manager);
    expect(off.active).toBe(false);
    await expect(db.transaction((tx) => users().lockActiveAdmins(tx))).resolves.toBe(before - 1);
    await expect(db.transaction((tx) => users().findForUpdate(user.id, tx))).resolves.toMatchObject(
      { id: user.id, active: false, managedBy: 'LOCAL' },
    );
  });
});
