import { Injectable, Logger } from '@nestjs/common';
import { identityRefusal, tokenGrant, type IdentityCommand, type TokenGrantInput } from '#workflow';
import { AppError } from '../common/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/ids.js';
import type { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { CredentialEvents } from './credential-events.service.js';
import { SessionRepository, type SessionWindow } from './session.repository.js';
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
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Resolves an `Authorization` header to its caller, or null for anonymous, unknown,
   * revoked or expired tokens and deactivated users.
   */
  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    const match = /^(Bearer|Session)\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[2]) return null;
    if (match[1]!.toLowerCase() === 'session') return this.authenticateSession(match[2]);
    const row = await this.tokens.findHolder(match[2], this.clock.now());
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) {
      this.tokens
        .touch(row.token_id)
        .catch((error: unknown) => this.logger.warn(`lastUsedAt not recorded: ${String(error)}`));
    }
    const user = userFromRow(row);
    const limits = {
      tokenId: row.token_id,
      scopes: row.token_scopes,
      teams: row.token_teams,
      launchIds: row.token_launch_ids,
      expiresAt: row.token_expires_at,
    };
    return { user, tokenId: row.token_id, actor: actorOf(user, limits) };
  }

  /** A session acts with every scope of its user; each use keeps it from idling out. */
  private async authenticateSession(secret: string): Promise<Viewer | null> {
    const now = this.clock.now();
    const row = await this.sessions.findHolder(secret, this.sessionWindow(now));
    if (!row) return null;
    if (now.getTime() - row.session_last_used_at.getTime() > LAST_USED_PRECISION_MS) {
      await this.sessions.touch(row.session_id, now);
    }
    const user = userFromRow(row);
    return { user, tokenId: row.session_id, actor: actorOf(user) };
  }

  /** Sessions unused for SESSION_IDLE_MINUTES, or older than SESSION_MAX_HOURS, have ended. */
  sessionWindow(now: Date): SessionWindow {
    return {
      idleSince: new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000),
      signedInSince: new Date(now.getTime() - this.config.SESSION_MAX_HOURS * 3_600_000),
    };
  }

  authorize(viewer: Viewer, command: IdentityCommand): void {
    const refusal = identityRefusal(viewer.actor, command);
    if (refusal) throw AppError.forbidden(refusal);
  }

  /** Input (BAD_USER_INPUT), the user (NOT_FOUND), who may (FORBIDDEN), a deactivated user (CONFLICT). */
  async createToken(
    viewer: Viewer,
    userId: string,
    name: string,
    limits: TokenGrantInput,
  ): Promise<{ token: ApiTokenEntity; secret: string; user: UserEntity }> {
    const grant = tokenGrant(limits, {
      now: this.clock.now(),
      unknownLaunchIds: await this.unknownLaunchIds(limits.launchIds ?? []),
    });
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('User');
    this.authorize(viewer, { type: 'CREATE_API_TOKEN', userId, grant });
    if (!user.active) {
      throw new AppError('CONFLICT', 'This user is deactivated; reactivate it first.');
    }
    return { ...(await this.tokens.issue(user.id, name, grant)), user };
  }

  private async unknownLaunchIds(ids: readonly string[]): Promise<string[]> {
    const malformed = ids.filter((id) => !isUuid(id));
    const wellFormed = ids.filter(isUuid).map((id) => id.toLowerCase());
    return wellFormed.length === 0
      ? malformed
      : [...malformed, ...(await this.tokens.unknownLaunchIds(wellFormed))];
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
    this.authorize(viewer, { type: 'REVOKE_API_TOKEN', ownerId: token.userId, tokenId });
    await this.tokens.revoke(tokenId);
    // Sockets this token opened close on every process, not at their next operation only.
    await this.credentials.announce({ tokenId });
    return true;
  }
}
