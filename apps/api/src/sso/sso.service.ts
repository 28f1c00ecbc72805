import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { mappedAccess, signInRole } from '#workflow';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AuthService } from '../identity/auth.service.js';
import { CredentialEvents } from '../identity/credential-events.service.js';
import { SessionRepository } from '../identity/session.repository.js';
import type { UserEntity } from '../identity/user.entity.js';
import { UserRepository } from '../identity/user.repository.js';
import { OidcClientService, SsoFailure, type ProviderIdentity } from './oidc-client.service.js';
import { SsoLoginRepository } from './sso-login.repository.js';

/** A sign-in not finished within this is forgotten. */
const LOGIN_TTL_MS = 10 * 60_000;

/** Single sign-on: sign-ins, the users they resolve, the sessions they open and end. */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly oidc: OidcClientService,
    private readonly logins: SsoLoginRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly auth: AuthService,
    private readonly credentials: CredentialEvents,
    private readonly clock: Clock,
  ) {}

  /** Starts a sign-in for the browser holding `loginId`; answers the provider's URL. */
  async begin(loginId: string): Promise<string> {
    const { url, login } = await this.oidc.begin();
    const now = this.clock.now();
    await this.logins.begin(loginId, login, now, new Date(now.getTime() - LOGIN_TTL_MS));
    return url;
  }

  /** Finishes the sign-in of `loginId`; answers the new session's secret. */
  async finish(loginId: string | undefined, query: URLSearchParams): Promise<string> {
    const now = this.clock.now();
    const login = loginId
      ? await this.logins.take(loginId, new Date(now.getTime() - LOGIN_TTL_MS))
      : null;
    if (!login) throw new SsoFailure(400, 'No sign-in is in progress in this browser.');
    const identity = await this.oidc.finish(query, login);
    const { secret, userId } = await this.db.transaction(async (tx) => {
      const user = await this.resolve(identity, tx);
      if (!user.active) throw new SsoFailure(403, 'This account is deactivated.');
      return { ...(await this.sessions.open(user.id, now, tx)), userId: user.id };
    });
    // The provider may have changed the user's role, teams or name: cached credentials go.
    await this.credentials.announce({ changedUserId: userId });
    await this.sessions.deleteEnded(this.auth.sessionWindow(now));
    return secret;
  }

  /** Ends the session holding this secret, and closes the sockets it opened. */
  async logout(secret: string | undefined): Promise<void> {
    const id = secret ? await this.sessions.close(secret) : null;
    if (id) await this.credentials.announce({ tokenId: id });
  }

  /**
   * By (issuer, subject); else by a verified email, linking that user; else a new user.
   * A sign-in never moves an email from one user to another, and never relinks a user
   * linked to another subject.
   */
  private async resolve(identity: ProviderIdentity, tx: EntityManager): Promise<UserEntity> {
    const settings = this.oidc.settings!;
    const access = mappedAccess(identity.groups, settings);
    let user = await this.users.findByOidc(identity.issuer, identity.subject, tx);
    if (!user) {
      if (!identity.email) {
        throw new SsoFailure(400, 'The identity provider sent no email for this person.');
      }
      const holder = await this.users.findByEmail(identity.email, tx);
      if (holder && !identity.emailVerified) {
        throw new SsoFailure(
          409,
          'The identity provider has not verified this email, which another user holds.',
        );
      }
      if (holder?.linkedTo) {
        throw new SsoFailure(409, 'The user with this email signs in as another person.');
      }
      user =
        holder ??
        (await this.users.insert(
          {
            name: identity.name ?? identity.email,
            email: identity.email,
            role: 'VIEWER',
            teams: [],
          },
          tx,
        ));
    }
    if (!user.active) return user;
    let role = access?.role ?? null;
    if (role !== null) {
      const kept = signInRole(user, role, await this.users.lockActiveAdmins(tx));
      if (kept.keptAdmin) {
        this.logger.warn(
          `Sign-in of ${user.email} would demote the last active admin; it keeps ADMIN.`,
        );
      }
      role = kept.role;
    }
    try {
      return await this.users.signedIn(
        user.id,
        {
          issuer: identity.issuer,
          subject: identity.subject,
          name: identity.name ?? user.name,
          email: identity.email ?? user.email,
          role,
          teams: access?.teams ?? null,
        },
        tx,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') {
        throw new SsoFailure(409, 'Another user holds the email the identity provider sent.');
      }
      throw error;
    }
  }
}
