import { DemoCredentialRepository } from '../../apps/api/src/demo/demo-credential.repository.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

describe('DemoCredentialRepository', () => {
  const database = useRepositoryDatabase('demo_credential_repo');

  it('counts, stores and lists the demo users with their tokens, by creation time then email', async () => {
    const credentials = new DemoCredentialRepository(database.dataSource);
    const users = new UserRepository(database.dataSource);
    await expect(credentials.count(database.dataSource.manager)).resolves.toBe(0);
    await database.dataSource.transaction(async (tx) => {
      const bea = await users.insert(
        { name: 'Bea', email: 'bea@demo.test', role: 'MEMBER', teams: ['SUPPORT'] },
        tx,
      );
      const al = await users.insert(
        { name: 'Al', email: 'al@demo.test', role: 'ADMIN', teams: [] },
        tx,
      );
      await credentials.insert(tx, bea.id, 'lft_bea');
      await credentials.insert(tx, al.id, 'lft_al');
      await expect(credentials.count(tx)).resolves.toBe(2);
    });
    // A user without a demo credential is not listed.
    await users.insert({ name: 'Cy', email: 'cy@demo.test', role: 'VIEWER', teams: [] });
    expect(await credentials.list()).toEqual([
      {
        id: expect.any(String),
        name: 'Al',
        email: 'al@demo.test',
        role: 'ADMIN',
        teams: [],
        token: 'lft_al',
      },
      {
        id: expect.any(String),
        name: 'Bea',
        email: 'bea@demo.test',
        role: 'MEMBER',
        teams: ['SUPPORT'],
        token: 'lft_bea',
      },
    ]);
  });

  it('refuses a second credential for one user and one for an unknown user', async () => {
    const credentials = new DemoCredentialRepository(database.dataSource);
    const [al] = await credentials.list();
    await expect(
      credentials.insert(database.dataSource.manager, al!.id, 'again'),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(
      credentials.insert(database.dataSource.manager, '00000000-0000-4000-8000-000000000000', 't'),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
