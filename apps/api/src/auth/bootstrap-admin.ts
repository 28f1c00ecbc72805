import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { issueApiToken } from './api-token.store.js';
import { UserEntity } from '../users/user.entity.js';
import { insertUser } from '../users/user.store.js';

/**
 * With BOOTSTRAP_ADMIN_TOKEN set and no admin yet, creates one holding that token, so a
 * fresh install can be driven entirely over the API. A lock keeps concurrent starts to one admin.
 */
export async function bootstrapAdmin(
  db: DataSource,
  config: AppConfig,
  logger: Logger,
): Promise<void> {
  const secret = config.BOOTSTRAP_ADMIN_TOKEN;
  if (!secret) return;
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('liftoff:bootstrap-admin'))`);
    if (await tx.getRepository(UserEntity).existsBy({ role: 'ADMIN' })) return;
    const admin = await insertUser(tx, {
      name: 'Bootstrap admin',
      email: 'admin@liftoff.local',
      role: 'ADMIN',
      teams: [],
    });
    await issueApiToken(tx, admin.id, 'bootstrap', secret);
    logger.info({ userId: admin.id }, 'bootstrap admin created from BOOTSTRAP_ADMIN_TOKEN');
  });
}
