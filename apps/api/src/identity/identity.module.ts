import { Module } from '@nestjs/common';
import { ApiTokenRepository } from './api-token.repository.js';
import { AuthService } from './auth.service.js';
import { CredentialEvents } from './credential-events.service.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

/** Who is calling and what they hold: users, API tokens, sessions, authentication. */
@Module({
  providers: [
    UserRepository,
    ApiTokenRepository,
    SessionRepository,
    CredentialEvents,
    AuthService,
    UsersService,
    UsersResolver,
  ],
  exports: [AuthService, CredentialEvents, UserRepository, ApiTokenRepository, SessionRepository],
})
export class IdentityModule {}
