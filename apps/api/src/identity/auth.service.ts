import { Injectable, Logger } from '@nestjs/common';
import { mayManageIdentity, type IdentityCommand } from '#workflow';
import { AppError } from '../common/app-error.js';
import type { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { CredentialEvents } from './credential-events.service.js';
import type { UserEntity } from './user.entity.js';
import { userFromRow, UserRepository } from './user.repository.js';
import { actorOf, type Viewer } from './viewer.js';

/** lastUsedAt is informational: refreshing it at most once a minute keeps reads free of writes. */
const LAST_USED_PRECISION_MS = 60_000;

/** Who is calling (bearer tokens), and the tokens people hold. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly users: UserRepository,
    private readonly credentials: CredentialEvents,
  ) {}

  /** Resolves an `Authorization` header to its caller, or null for anonymous, unknown or revoked. */
  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const row = await this.tokens.findHolder(match[1]);
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
      this.tokens
        .touch(row.token_id)
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
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('User');
    this.authorize(viewer, { type: 'CREATE_API_TOKEN', userId });
    return { ...(await this.tokens.issue(user.id, name)), user };
  }

  async listTokens(viewer: Viewer, userId: string): Promise<ApiTokenEntity[]> {
    if (!(await this.users.findById(userId))) throw AppError.notFound('User');
    this.authorize(viewer, { type: 'LIST_API_TOKENS', userId });
    return this.tokens.listOfUser(userId);
  }

  /** Idempotent: revoking a revoked token answers true and keeps the first revocation time. */
  async revokeToken(viewer: Viewer, tokenId: string): Promise<boolean> {
    const token = await this.tokens.findById(tokenId);
    if (!token) throw AppError.notFound('API token');
    this.authorize(viewer, { type: 'REVOKE_API_TOKEN', ownerId: token.userId });
    await this.tokens.revoke(tokenId);
    // Sockets this token opened close on every process, not at their next operation only.
    await this.credentials.announce({ tokenId });
    return true;
  }
}
