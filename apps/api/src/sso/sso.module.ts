import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { OidcClientService } from './oidc-client.service.js';
import { SsoLoginRepository } from './sso-login.repository.js';
import { SsoController } from './sso.controller.js';
import { SsoService } from './sso.service.js';

/** Single sign-on with OpenID Connect: /auth/login, /auth/callback, /auth/logout. */
@Module({
  imports: [IdentityModule],
  controllers: [SsoController],
  providers: [OidcClientService, SsoLoginRepository, SsoService],
})
export class SsoModule {}
