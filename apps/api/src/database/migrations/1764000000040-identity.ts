import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity for an organization (IDENTITY.md): tokens that do one job (scopes, team and
 * launch limits, expiry; null columns mean "no limit"), and people over their lifetime
 * (deactivation; the identity provider's subject once a sign-in linked the user).
 */
export class Identity1764000000040 implements MigrationInterface {
  name = 'Identity1764000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_token
        ADD COLUMN scopes text[],
        ADD COLUMN teams text[],
        ADD COLUMN launch_ids uuid[],
        ADD COLUMN expires_at timestamptz`);
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN oidc_issuer text,
        ADD COLUMN oidc_subject text,
        ADD CONSTRAINT app_user_oidc_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX app_user_oidc_identity ON app_user (oidc_issuer, oidc_subject)
        WHERE oidc_subject IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app_user_oidc_identity`);
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_oidc_pair,
        DROP COLUMN oidc_subject,
        DROP COLUMN oidc_issuer,
        DROP COLUMN active`);
    await q.query(`
      ALTER TABLE api_token
        DROP COLUMN expires_at,
        DROP COLUMN launch_ids,
        DROP COLUMN teams,
        DROP COLUMN scopes`);
  }
}
