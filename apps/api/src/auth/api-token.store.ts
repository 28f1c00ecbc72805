import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity.js';
import { generateApiToken, hashApiToken } from './api-token.js';

/** Stores a new token's hash; the secret is returned to be shown exactly once. */
export async function issueApiToken(
  db: EntityManager,
  userId: string,
  name: string,
  secret = generateApiToken(),
): Promise<{ token: ApiTokenEntity; secret: string }> {
  const token = await db.getRepository(ApiTokenEntity).save(
    Object.assign(new ApiTokenEntity(), {
      id: randomUUID(),
      userId,
      name,
      tokenHash: hashApiToken(secret),
      lastUsedAt: null,
      revokedAt: null,
    }),
  );
  return { token, secret };
}
