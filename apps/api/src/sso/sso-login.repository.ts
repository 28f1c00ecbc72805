import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashApiToken } from '../identity/api-token.js';

/** A sign-in in progress: what the provider's return must match. */
export interface SsoLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** SQL for sign-ins in progress (sso_login), keyed by the hash of the browser's login cookie. */
@Injectable()
export class SsoLoginRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records a sign-in, forgetting those begun before `staleBefore`. */
  async begin(id: string, login: SsoLogin, now: Date, staleBefore: Date): Promise<void> {
    await this.db.query(`DELETE FROM sso_login WHERE created_at < $1`, [staleBefore]);
    await this.db.query(
      `INSERT INTO sso_login (id_hash, state, nonce, code_verifier, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [hashApiToken(id), login.state, login.nonce, login.codeVerifier, now],
    );
  }

  /** Takes the sign-in once (a second return with the same cookie finds none). */
  async take(id: string, staleBefore: Date): Promise<SsoLogin | null> {
    const [rows] = (await this.db.query(
      `DELETE FROM sso_login WHERE id_hash = $1 RETURNING state, nonce, code_verifier, created_at`,
      [hashApiToken(id)],
    )) as [{ state: string; nonce: string; code_verifier: string; created_at: Date }[], number];
    const row = rows[0];
    if (!row || row.created_at < staleBefore) return null;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
  }
}
