import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { hashApiToken } from './api-token.js';
import { USER_COLUMNS, type UserRow } from './user.repository.js';

/** A live session's holder, as authentication reads it in one statement. */
export interface SessionHolderRow extends UserRow {
  session_id: string;
  session_last_used_at: Date;
  session_created_at: Date;
}

/** When a session ends: unused since `idleSince`, or signed in before `signedInSince`. */
export interface SessionWindow {
  idleSince: Date;
  signedInSince: Date;
}

/** SQL for sign-in sessions (auth_session); the secret is stored only as a hash. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Opens a session; the secret (256 random bits) goes into the cookie only. */
  async open(
    userId: string,
    now: Date,
    tx: EntityManager = this.db.manager,
  ): Promise<{ id: string; secret: string }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await tx.query(
      `INSERT INTO auth_session (id, user_id, secret_hash, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $4)`,
      [id, userId, hashApiToken(secret), now],
    );
    return { id, secret };
  }

  /** The active holder of a session that has not ended, or null. */
  async findHolder(secret: string, window: SessionWindow): Promise<SessionHolderRow | null> {
    const rows: SessionHolderRow[] = await this.db.query(
      `SELECT s.id AS session_id, s.last_used_at AS session_last_used_at,
              s.created_at AS session_created_at, ${USER_COLUMNS}
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.secret_hash = $1 AND s.last_used_at > $2 AND s.created_at > $3 AND u.active`,
      [hashApiToken(secret), window.idleSince, window.signedInSince],
    );
    return rows[0] ?? null;
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE auth_session SET last_used_at = $2 WHERE id = $1`, [id, now]);
  }

  /** Ends the session holding this secret; answers its id, or null when there was none. */
  async close(secret: string): Promise<string | null> {
    const [rows] = (await this.db.query(
      `DELETE FROM auth_session WHERE secret_hash = $1 RETURNING id`,
      [hashApiToken(secret)],
    )) as [{ id: string }[], number];
    return rows[0]?.id ?? null;
  }

  /** Ends every session of a user (deactivation). */
  async closeAllOf(userId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM auth_session WHERE user_id = $1`, [userId]);
  }

  /** Forgets sessions that ended, so the table holds live ones only. */
  async deleteEnded(window: SessionWindow): Promise<void> {
    await this.db.query(`DELETE FROM auth_session WHERE last_used_at <= $1 OR created_at <= $2`, [
      window.idleSince,
      window.signedInSince,
    ]);
  }
}
