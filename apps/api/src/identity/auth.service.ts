import { Injectable, Logger } from '@nestjs/common';
import { identityRefusal, tokenGrant, type IdentityCommand, type TokenGrantInput } from '#workflow';
import { AppError } from '../common/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/ids.js';
import type { ApiTokenEntity } from './api-token.entity.js';
import { hashApiToken } from './api-token.js';
import { ApiTokenRepository, type TokenHolderRow } from './api-token.repository.js';
import { CredentialCache, type CachedCredential } from './credential-cache.js';
import { CredentialEvents } from './credential-events.service.js';
import { SessionRepository, type SessionWindow } from './session.repository.js';
import type { UserEntity } from './user.entity.js';
import { userFromRow, UserRepository } from './user.repository.js';
import { actorOf, type Viewer } from './viewer.js';

/** lastUsedAt is informational: refreshing it at most once a minute keeps reads free of writes. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Who is calling (bearer tokens and sessions), and the tokens people hold. Live credentials
 * are cached by the hash of their secret while this process hears every credential event
 * (CredentialEvents.listening): a revocation, deactivation or user change drops them on every
 * process at once; with the LISTEN connection down, every request reads the database.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly cache = new CredentialCache();

  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly users: UserRepository,
    private readonly credentials: CredentialEvents,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
  ) {
    credentials.onEvent((event) =>
      this.cache.drop(event && 'changedUserId' in event ? { userId: event.changedUserId } : event),
    );
  }

  /**
   * Resolves an `Authorization` header to its caller, or null for anonymous, unknown,
   * revoked or expired tokens and deactivated users.
   */
  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    const match = /^(Bearer|Session)\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[2]) return null;
    const session = match[1]!.toLowerCase() === 'session';
    const key = `${session ? 'S' : 'B'}${hashApiToken(match[2])}`;
    const now = this.clock.now();
    const cached = this.credentials.listening ? this.cache.get(key, Date.now()) : null;
    if (cached && this.stillLive(cached, session, now)) {
      await this.touch(cached, session, now);
      return cached.viewer;
    }
    const generation = this.cache.generation;
    const found = session
      ? await this.sessionHolder(match[2], now)
      : await this.tokenHolder(match[2], now);
    if (!found) return null;
    await this.touch(found, session, now);
    if (this.credentials.listening) this.cache.set(key, found, generation);
    return found.viewer;
  }

  /** What the database would still say of a cached credential now (expiry, session window). */
  private stillLive(entry: CachedCredential, session: boolean, now: Date): boolean {
    if (!session) return entry.expiresAt === null || entry.expiresAt > now.getTime();
    const window = this.sessionWindow(now);
    return (
      entry.lastUsedAt > window.idleSince.getTime() &&
      entry.signedInAt! > window.signedInSince.getTime()
    );
  }

  /**
   * lastUsedAt, at most once a minute: a token's in the background (informational), a
   * session's before answering (each use keeps it from idling out).
   */
  private async touch(entry: CachedCredential, session: boolean, now: Date): Promise<void> {
    const at = session ? now.getTime() : Date.now();
    if (at - entry.lastUsedAt <= LAST_USED_PRECISION_MS) return;
    entry.lastUsedAt = at;
    if (session) {
      await this.sessions.touch(entry.viewer.tokenId, now);
      return;
    }
    this.tokens
      .touch(entry.viewer.tokenId)
      .catch((error: unknown) => this.logger.warn(`lastUsedAt not recorded: ${String(error)}`));
  }

  private async tokenHolder(secret: string, now: Date): Promise<CachedCredential | null> {
    const row: TokenHolderRow | null = await this.tokens.findHolder(secret, now);
    if (!row) return null;
    const user = userFromRow(row);
    const limits = {
      tokenId: row.token_id,
      scopes: row.token_scopes,
      teams: row.token_teams,
      launchIds: row.token_launch_ids,
      expiresAt: row.token_expires_at,
    };
    return {
      viewer: { user, tokenId: row.token_id, actor: actorOf(user, limits) },
      readAt: Date.now(),
      // Never used: the first use records it.
      lastUsedAt: row.last_used_at?.getTime() ?? -Infinity,
      expiresAt: row.token_expires_at?.getTime() ?? null,
      signedInAt: null,
    };
  }

  /** A session acts with every scope of its user. */
  private async sessionHolder(secret: string, now: Date): Promise<CachedCredential | null> {
    const row = await this.sessions.findHolder(secret, this.sessionWindow(now));
    if (!row) return null;
    const user = userFromRow(row);
    return {
      viewer: { user, tokenId: row.session_id, actor: actorOf(user) },
      readAt: Date.now(),
      lastUsedAt: row.session_last_used_at.getTime(),
      expiresAt: null,
      signedInAt: row.session_created_at.getTime(),
    };
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
