import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction that holds a PostgreSQL advisory lock named `name`, so
 * concurrent starts of several processes do a one-time job once.
 */
export async function withAdvisoryLock<T>(
  db: DataSource,
  name: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [name]);
    return work(tx);
  });
}

/**
 * Runs `work` (which manages its own transactions, like migrations) while one session holds
 * the advisory lock `name`.
 */
export async function withSessionLock<T>(
  db: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
    return await work();
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [name]).catch(() => undefined);
    await lock.release();
  }
}
