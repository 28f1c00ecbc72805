import { randomBytes } from 'node:crypto';
import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { parse } from 'cookie';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { SESSION_COOKIE, sessionCookieOptions, sessionSecret } from '../identity/session-cookie.js';
import { SsoFailure } from './oidc-client.service.js';
import { SsoService } from './sso.service.js';

/** The browser's handle on its sign-in in progress (state, nonce, verifier stay server-side). */
const LOGIN_COOKIE = 'liftoff_login';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /auth/login, GET /auth/callback, POST /auth/logout (IDENTITY.md), GET /auth/sso. */
@Controller('auth')
export class SsoController {
  constructor(
    private readonly signIns: SsoService,
    private readonly config: AppConfig,
  ) {}

  /** What the admin UI's sign-in page offers: "Sign in with <provider>" when SSO is on. */
  @Get('sso')
  sso(): { enabled: boolean; provider: string | null } {
    const oidc = this.config.oidc;
    return { enabled: oidc !== null, provider: oidc ? new URL(oidc.issuerUrl).host : null };
  }

  @Get('login')
  async login(@Res() res: Response): Promise<void> {
    if (!this.config.oidc) return this.page(res, 404, 'Single sign-on is not configured.');
    const loginId = randomBytes(32).toString('base64url');
    try {
      const url = await this.signIns.begin(loginId);
      res.cookie(LOGIN_COOKIE, loginId, {
        ...sessionCookieOptions(this.config.publicUrl),
        path: '/auth',
        maxAge: 10 * 60_000,
      });
      res.redirect(302, url);
    } catch (error) {
      this.fail(res, error);
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const options = sessionCookieOptions(this.config.publicUrl);
    res.clearCookie(LOGIN_COOKIE, { ...options, path: '/auth' });
    if (!this.config.oidc) return this.page(res, 404, 'Single sign-on is not configured.');
    const loginId = parse(req.headers.cookie ?? '')[LOGIN_COOKIE];
    const query = new URL(req.originalUrl, 'http://x').searchParams;
    try {
      const secret = await this.signIns.finish(loginId, query);
      res.cookie(SESSION_COOKIE, secret, {
        ...options,
        maxAge: this.config.SESSION_MAX_HOURS * 3_600_000,
      });
      res.redirect(302, '/admin');
    } catch (error) {
      this.fail(res, error);
    }
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.signIns.logout(sessionSecret(req.headers.cookie));
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.publicUrl));
  }

  private fail(res: Response, error: unknown): void {
    if (!(error instanceof SsoFailure)) throw error;
    this.page(res, error.status, error.message);
  }

  /** A page that says what happened, and a way back. */
  private page(res: Response, status: number, message: string): void {
    res
      .status(status)
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in</title></head>` +
          `<body><h1>Sign-in failed</h1><p>${escapeHtml(message)}</p>` +
          `<p><a href="/auth/login">Try again</a></p></body></html>`,
      );
  }
}
