import { AppSecretRepository } from '../../apps/api/src/database/app-secret.repository.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

describe('AppSecretRepository', () => {
  const database = useRepositoryDatabase('app_secret_repo');
  const secrets = () => new AppSecretRepository(database.dataSource);

  it('stores the first candidate and answers it to every later caller', async () => {
    await expect(secrets().getOrCreate('cursor', 'first')).resolves.toBe('first');
    await expect(secrets().getOrCreate('cursor', 'second')).resolves.toBe('first');
    await expect(secrets().getOrCreate('other', 'own')).resolves.toBe('own');
  });

  it('concurrent first calls all get the one value that was stored', async () => {
    const candidates = Array.from({ length: 8 }, (_, i) => `candidate-${i}`);
    // One repository per caller, as in separate API processes; the pool gives each a connection.
    const answers = await Promise.all(
      candidates.map((c) => new AppSecretRepository(database.dataSource).getOrCreate('raced', c)),
    );
    expect(new Set(answers).size).toBe(1);
    expect(candidates).toContain(answers[0]);
    const rows: { value: string }[] = await database.dataSource.query(
      `SELECT value FROM app_secret WHERE name = 'raced'`,
    );
    expect(rows).toEqual([{ value: answers[0] }]);
  });
});
