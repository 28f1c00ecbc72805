import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  deactivationRefusal,
  identityRefusal,
  userUpdate,
  type UserFacts,
  type UserUpdateInput,
} from '#workflow';
import { AppError } from '../common/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { AuthService } from './auth.service.js';
import { CredentialEvents } from './credential-events.service.js';
import { SessionRepository } from './session.repository.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository, type NewUser } from './user.repository.js';
import type { Viewer } from './viewer.js';

/** People over their lifetime: created, changed, deactivated, reactivated (rules: libs/workflow). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly auth: AuthService,
    private readonly credentials: CredentialEvents,
    private readonly config: AppConfig,
  ) {}

  async list(viewer: Viewer): Promise<UserEntity[]> {
    this.auth.authorize(viewer, { type: 'LIST_USERS' });
    return this.users.list();
  }

  async create(viewer: Viewer, input: NewUser): Promise<UserEntity> {
    this.auth.authorize(viewer, { type: 'CREATE_USER' });
    return this.users.insert(input);
  }

  /** Every process's cached credentials of the user are dropped once it is changed. */
  async update(viewer: Viewer, id: string, input: UserUpdateInput): Promise<UserEntity> {
    const { user, changed } = await this.db.transaction(async (tx) => {
      const activeAdmins = await this.users.lockActiveAdmins(tx);
      const found = await this.users.findForUpdate(id, tx);
      if (!found) throw AppError.notFound('User');
      const changes = userUpdate(viewer.actor, this.facts(found), input, activeAdmins);
      return Object.keys(changes).length === 0
        ? { user: found, changed: false }
        : { user: await this.users.update(id, changes, tx), changed: true };
    });
    if (changed) await this.credentials.announce({ changedUserId: id });
    return user;
  }

  /**
   * From the moment this answers, on every process: the user's tokens are revoked and
   * sessions ended (and
   * requests get UNAUTHENTICATED, since authentication reads only active users) and the
   * sockets its credentials opened close.
   */
  async deactivate(viewer: Viewer, id: string): Promise<UserEntity> {
    const user = await this.db.transaction(async (tx) => {
      const activeAdmins = await this.users.lockActiveAdmins(tx);
      const found = await this.users.findForUpdate(id, tx);
      if (!found) throw AppError.notFound('User');
      const refusal = deactivationRefusal(viewer.actor, this.facts(found), activeAdmins);
      if (refusal) throw refusal;
      await this.tokens.revokeAllOf(id, tx);
      await this.sessions.closeAllOf(id, tx);
      return this.users.setActive(id, false, tx);
    });
    await this.credentials.announce({ userId: id });
    return user;
  }

  /** Lets the user sign in again; revoked tokens stay revoked. */
  async reactivate(viewer: Viewer, id: string): Promise<UserEntity> {
    return this.db.transaction(async (tx) => {
      const found = await this.users.findForUpdate(id, tx);
      if (!found) throw AppError.notFound('User');
      const refusal = identityRefusal(viewer.actor, { type: 'REACTIVATE_USER' });
      if (refusal) throw AppError.forbidden(refusal);
      return found.active ? found : this.users.setActive(id, true, tx);
    });
  }

  private facts(user: UserEntity): UserFacts {
    return {
      ...user,
      providerManaged: user.managedBy === 'OIDC' && this.config.providerManagesRoles,
    };
  }
}
