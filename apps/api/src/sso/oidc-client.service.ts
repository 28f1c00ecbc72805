import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig, type OidcSettings } from '../config/app-config.js';
import type { SsoLogin } from './sso-login.repository.js';

/** Why a sign-in failed, with the HTTP status of the page that says so. */
export class SsoFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 409 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'SsoFailure';
  }
}

/** What the provider says about the person, from the verified ID token and userinfo. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The relying party, with openid-client (a certified library) doing every protocol check:
 * PKCE S256, state, nonce, and the ID token's issuer, audience, expiry and signature. The
 * provider is discovered when first needed, so the service starts while it is down.
 */
@Injectable()
export class OidcClientService {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(private readonly config: AppConfig) {}

  get settings(): OidcSettings | null {
    return this.config.oidc;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}/auth/callback`;
  }

  /** Where to send the browser, and what its return must match. */
  async begin(): Promise<{ url: string; login: SsoLogin }> {
    const configuration = await this.discovered();
    const login = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.settings!.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { url: url.href, login };
  }

  /** Exchanges the code of the provider's return for the person's verified identity. */
  async finish(query: URLSearchParams, login: SsoLogin): Promise<ProviderIdentity> {
    if (query.has('error')) {
      throw new SsoFailure(
        401,
        `The identity provider refused the sign-in: ${query.get('error_description') ?? query.get('error')}.`,
      );
    }
    if (query.get('state') !== login.state) {
      throw new SsoFailure(400, 'The sign-in does not match the one in progress (wrong state).');
    }
    const configuration = await this.discovered();
    const settings = this.settings!;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        configuration,
        new URL(`${this.redirectUri}?${query.toString()}`),
        {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        },
      );
      const idClaims = tokens.claims()!;
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      // The verified ID token decides; userinfo fills in what it leaves out.
      claims = { ...userinfo, ...idClaims };
      if (idClaims[settings.groupsClaim] === undefined) {
        claims[settings.groupsClaim] = userinfo[settings.groupsClaim];
      }
    } catch (error) {
      throw new SsoFailure(
        400,
        `The sign-in could not be completed with the identity provider: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    const groups = claims[settings.groupsClaim];
    return {
      issuer: configuration.serverMetadata().issuer,
      subject: String(claims.sub),
      email: typeof claims.email === 'string' && claims.email !== '' ? claims.email : null,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name : null,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    };
  }

  private discovered(): Promise<oidc.Configuration> {
    const settings = this.settings;
    if (!settings) throw new SsoFailure(503, 'Single sign-on is not configured.');
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuerUrl),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        // Plain HTTP only to a provider on this machine (development and tests).
        LOOPBACK.has(new URL(settings.issuerUrl).hostname)
          ? { execute: [oidc.allowInsecureRequests], timeout: 10 }
          : { timeout: 10 },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw new SsoFailure(
          503,
          `The identity provider cannot be reached: ${error instanceof Error ? error.message : String(error)}.`,
        );
      });
    return this.configuration;
  }
}
