import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (IDENTITY.md): the sign-ins in progress (state, nonce and PKCE verifier,
 * kept server-side and used once) and the sessions they open. Secrets are stored only as
 * SHA-256 hashes, in PostgreSQL, so every API process honours them.
 */
export class Sessions1764000000041 implements MigrationInterface {
  name = 'Sessions1764000000041';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_login (
        id_hash text PRIMARY KEY,
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX auth_session_user ON auth_session (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_session`);
    await q.query(`DROP TABLE sso_login`);
  }
}
