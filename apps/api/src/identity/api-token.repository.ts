import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Team, TokenGrant, TokenScope } from '#workflow';
import type { ApiTokenEntity } from './api-token.entity.js';
import { generateApiToken, hashApiToken } from './api-token.js';
import { USER_COLUMNS, type UserRow } from './user.repository.js';

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  scopes: TokenScope[] | null;
  teams: Team[] | null;
  launch_ids: string[] | null;
  expires_at: Date | null;
}

const TOKEN_COLUMNS =
  'id, user_id, name, token_hash, created_at, last_used_at, revoked_at, scopes, teams, launch_ids, expires_at';

/** A token without limits: what round-1 calls and the bootstrap admin get. */
export const UNLIMITED: TokenGrant = {
  scopes: null,
  teams: null,
  launchIds: null,
  expiresAt: null,
};

const tokenFromRow = (row: TokenRow): ApiTokenEntity => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  scopes: row.scopes,
  teams: row.teams,
  launchIds: row.launch_ids,
  expiresAt: row.expires_at,
});

/** A live token's holder, as authentication reads it in one statement. */
export interface TokenHolderRow extends UserRow {
  token_id: string;
  last_used_at: Date | null;
  token_scopes: TokenScope[] | null;
  token_teams: Team[] | null;
  token_launch_ids: string[] | null;
  token_expires_at: Date | null;
}

/** SQL for API tokens (api_token). */
@Injectable()
export class ApiTokenRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a new token's hash; the secret is returned to be shown exactly once. */
  async issue(
    userId: string,
    name: string,
    grant: TokenGrant = UNLIMITED,
    secret = generateApiToken(),
    tx: EntityManager = this.db.manager,
  ): Promise<{ token: ApiTokenEntity; secret: string }> {
    const rows: TokenRow[] = await tx.query(
      `INSERT INTO api_token (id, user_id, name, token_hash, scopes, teams, launch_ids, expires_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7::uuid[], $8)
       RETURNING ${TOKEN_COLUMNS}`,
      [
        randomUUID(),
        userId,
        name,
        hashApiToken(secret),
        grant.scopes,
        grant.teams,
        grant.launchIds,
        grant.expiresAt,
      ],
    );
    return { token: tokenFromRow(rows[0]!), secret };
  }

  /** The active holder of a token that is neither revoked nor expired at `now`, or null. */
  async findHolder(secret: string, now: Date): Promise<TokenHolderRow | null> {
    const rows: TokenHolderRow[] = await this.db.query(
      `SELECT t.id AS token_id, t.last_used_at, t.scopes AS token_scopes, t.teams AS token_teams,
              t.launch_ids AS token_launch_ids, t.expires_at AS token_expires_at, ${USER_COLUMNS}
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.active`,
      [hashApiToken(secret), now],
    );
    return rows[0] ?? null;
  }

  async touch(tokenId: string): Promise<void> {
    await this.db.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [tokenId]);
  }

  async findById(id: string): Promise<ApiTokenEntity | null> {
    const rows: TokenRow[] = await this.db.query(
      `SELECT ${TOKEN_COLUMNS} FROM api_token WHERE id = $1`,
      [id],
    );
    return rows[0] ? tokenFromRow(rows[0]) : null;
  }

  async listOfUser(userId: string): Promise<ApiTokenEntity[]> {
    const rows: TokenRow[] = await this.db.query(
      `SELECT ${TOKEN_COLUMNS} FROM api_token WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map(tokenFromRow);
  }

  /** Which of these ids name no launch (createApiToken's launchIds limit). */
  async unknownLaunchIds(ids: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT given.id FROM unnest($1::uuid[]) AS given(id)
        WHERE NOT EXISTS (SELECT 1 FROM launch l WHERE l.id = given.id)`,
      [[...ids]],
    );
    return rows.map((r) => r.id);
  }

  /** Revokes every live token of a user (deactivation); revoked ones keep their time. */
  async revokeAllOf(userId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }

  /** Keeps the first revocation time when the token was already revoked. */
  async revoke(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
  }

  /** NOTIFY on `channel` (delivered to every listening process). */
  async notify(channel: string, payload: string): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }
}
