import {
  withAdvisoryLock,
  withSessionLock,
} from '../../apps/api/src/database/advisory-lock.repository.js';
import { lockWaiterQueued, useRepositoryDatabase } from '../support/repository-database.js';

/** A promise the test resolves when it chooses. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('advisory locks', () => {
  const database = useRepositoryDatabase('advisory_lock_repo');

  it.each([
    [
      'withAdvisoryLock',
      (name: string, work: () => Promise<void>) =>
        withAdvisoryLock(database.dataSource, name, () => work()),
    ],
    [
      'withSessionLock',
      (name: string, work: () => Promise<void>) => withSessionLock(database.dataSource, name, work),
    ],
  ])('%s runs a second caller of one name only after the first is done', async (_, lock) => {
    const log: string[] = [];
    const first = gate();
    const a = lock('job', async () => {
      log.push('a starts');
      await first.opened;
      log.push('a ends');
    });
    // Wait until a holds the lock before b asks for it.
    while (!log.includes('a starts')) await new Promise((resolve) => setImmediate(resolve));
    const b = lock('job', async () => {
      log.push('b runs');
    });
    await lockWaiterQueued(database.dataSource);
    // Another name is not held up by a.
    await lock('other job', async () => {
      log.push('other runs');
    });
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a starts', 'other runs', 'a ends', 'b runs']);
  });

  it('withAdvisoryLock passes the work its transaction and releases the lock when the work fails', async () => {
    await expect(
      withAdvisoryLock(database.dataSource, 'failing', async (tx) => {
        await tx.query(`CREATE TABLE lock_probe (n int)`);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    // The transaction rolled back with the work, and the lock is free again.
    const [probe] = (await database.dataSource.query(
      `SELECT to_regclass('lock_probe') IS NULL AS gone`,
    )) as [{ gone: boolean }];
    expect(probe.gone).toBe(true);
    await expect(
      withAdvisoryLock(database.dataSource, 'failing', async () => 'next'),
    ).resolves.toBe('next');
  });

  it('withSessionLock unlocks when the work fails', async () => {
    await expect(
      withSessionLock(database.dataSource, 'session failing', () => Promise.reject(new Error('x'))),
    ).rejects.toThrow('x');
    const [held] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`,
    )) as [{ n: number }];
    expect(held.n).toBe(0);
  });
});
