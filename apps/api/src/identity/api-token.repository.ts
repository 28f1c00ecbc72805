import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
}

const TOKEN_COLUMNS = 'id, user_id, name, token_hash, created_at, last_used_at, revoked_at';

const tokenFromRow = (row: TokenRow): ApiTokenEntity => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** A live token's holder, as authentication reads it in one statement. */
export interface TokenHolderRow extends UserRow {
  token_id: string;
  last_used_at: Date | null;
}

/** SQL for API tokens (api_token). */
@Injectable()
export class ApiTokenRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a new token's hash; the secret is returned to be shown exactly once. */
  async issue(
    userId: string,
    name: string,
    secret = generateApiToken(),
    tx: EntityManager = this.db.manager,
  ): Promise<{ token: ApiTokenEntity; secret: string }> {
    const rows: TokenRow[] = await tx.query(
      `INSERT INTO api_token (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)
       RETURNING ${TOKEN_COLUMNS}`,
      [randomUUID(), userId, name, hashApiToken(secret)],
    );
    return { token: tokenFromRow(rows[0]!), secret };
  }

  /** The holder of a token that is not revoked, or null. */
  async findHolder(secret: string): Promise<TokenHolderRow | null> {
    const rows: TokenHolderRow[] = await this.db.query(
      `SELECT t.id AS token_id, t.last_used_at, ${USER_COLUMNS}
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashApiToken(secret)],
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
