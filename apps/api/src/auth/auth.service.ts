import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { mayManageIdentity, type IdentityCommand } from '#workflow';
import { AppError } from '../common/app-error.js';
import { UserEntity } from '../users/user.entity.js';
import { USER_COLUMNS, userFromRow, type UserRow } from '../users/user.store.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { hashApiToken } from './api-token.js';
import { issueApiToken } from './api-token.store.js';
import { actorOf, type Viewer } from './viewer.js';

/** lastUsedAt is informational: refreshing it at most once a minute keeps reads free of writes. */
const LAST_USED_PRECISION_MS = 60_000;

interface TokenRow extends UserRow {
  token_id: string;
  last_used_at: Date | null;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Resolves an `Authorization` header to its caller, or null for anonymous, unknown or revoked. */
  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const rows: TokenRow[] = await this.db.query(
      `SELECT t.id AS token_id, t.last_used_at, ${USER_COLUMNS}
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashApiToken(match[1])],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
      this.db
        .query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [row.token_id])
        .catch((error: unknown) => this.logger.warn(`lastUsedAt not recorded: ${String(error)}`));
    }
    const user = userFromRow(row);
    return { user, tokenId: row.token_id, actor: actorOf(user) };
  }

  authorize(viewer: Viewer, command: IdentityCommand): void {
    if (!mayManageIdentity(viewer.actor, command)) throw AppError.forbidden();
  }

  async createToken(
    viewer: Viewer,
    userId: string,
    name: string,
  ): Promise<{ token: ApiTokenEntity; secret: string; user: UserEntity }> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw AppError.notFound('User');
    this.authorize(viewer, { type: 'CREATE_API_TOKEN', userId });
    return { ...(await issueApiToken(this.db.manager, user.id, name)), user };
  }

  async listTokens(viewer: Viewer, userId: string): Promise<ApiTokenEntity[]> {
    const exists = await this.db.getRepository(UserEntity).existsBy({ id: userId });
    if (!exists) throw AppError.notFound('User');
    this.authorize(viewer, { type: 'LIST_API_TOKENS', userId });
    return this.db
      .getRepository(ApiTokenEntity)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  /** Idempotent: revoking a revoked token answers true and keeps the first revocation time. */
  async revokeToken(viewer: Viewer, tokenId: string): Promise<boolean> {
    const repo = this.db.getRepository(ApiTokenEntity);
    const token = await repo.findOneBy({ id: tokenId });
    if (!token) throw AppError.notFound('API token');
    this.authorize(viewer, { type: 'REVOKE_API_TOKEN', ownerId: token.userId });
    await repo.update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return true;
  }
}
