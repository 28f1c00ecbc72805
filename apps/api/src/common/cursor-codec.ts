import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppSecretRepository } from '../database/app-secret.repository.js';
import { AppError } from './app-error.js';

/**
 * Opaque pagination cursors: base64url(JSON) plus an HMAC, so a cursor the API did not
 * issue is refused, and one it did issue stays valid across restarts and processes.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(position: Record<string, string | number>): string {
    const body = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode<T extends Record<string, string | number>>(
    cursor: string,
    field: string,
    isValid: (p: unknown) => p is T,
  ): T {
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined)
      throw AppError.badInput(field, `${field} is not a cursor issued by this API`);
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw AppError.badInput(field, `${field} is not a cursor issued by this API`);
    }
    let position: unknown;
    try {
      position = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      position = null;
    }
    if (!isValid(position)) throw AppError.badInput(field, `${field} is not a cursor of this list`);
    return position;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  /** The configured secret, or one generated once per installation and kept in the database. */
  static async create(
    secrets: AppSecretRepository,
    configured: string | undefined,
  ): Promise<CursorCodec> {
    return new CursorCodec(
      configured ?? (await secrets.getOrCreate('cursor', randomBytes(32).toString('base64url'))),
    );
  }
}
