import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { withAdvisoryLock } from '../database/advisory-lock.repository.js';
import { ApiTokenRepository, UNLIMITED } from './api-token.repository.js';
import { UserRepository } from './user.repository.js';

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
  const users = new UserRepository(db);
  const tokens = new ApiTokenRepository(db);
  await withAdvisoryLock(db, 'liftoff:bootstrap-admin', async (tx) => {
    if (await users.adminExists(tx)) return;
    const admin = await users.insert(
      { name: 'Bootstrap admin', email: 'admin@liftoff.local', role: 'ADMIN', teams: [] },
      tx,
    );
    await tokens.issue(admin.id, 'bootstrap', UNLIMITED, secret, tx);
    logger.info({ userId: admin.id }, 'bootstrap admin created from BOOTSTRAP_ADMIN_TOKEN');
  });
}
