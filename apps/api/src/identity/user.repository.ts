import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role, Team, UserChanges } from '#workflow';
import { AppError } from '../common/app-error.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import type { UserEntity } from './user.entity.js';

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  teams: readonly Team[];
}

/** An app_user row as plain SQL returns it (snake_case). */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  created_at: Date;
  active: boolean;
  oidc_subject: string | null;
}

/** The user columns, for statements that join app_user as `u`. */
export const USER_COLUMNS =
  'u.id, u.name, u.email, u.role, u.teams, u.created_at, u.active, u.oidc_subject';

export function userFromRow(row: UserRow): UserEntity {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teams: row.teams,
    createdAt: row.created_at,
    active: row.active,
    managedBy: row.oidc_subject === null ? 'LOCAL' : 'OIDC',
  };
}

/** SQL for people (app_user); authorization is the caller's job. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a user; a taken email is CONFLICT. */
  async insert(input: NewUser, tx: EntityManager = this.db.manager): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    try {
      const rows: UserRow[] = await tx.query(
        `INSERT INTO app_user (id, name, email, role, teams) VALUES ($1, $2, $3, $4, $5::text[])
         RETURNING ${USER_COLUMNS.replaceAll('u.', '')}`,
        [randomUUID(), input.name.trim(), email, input.role, [...new Set(input.teams)]],
      );
      return userFromRow(rows[0]!);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', `A user with email ${email} already exists.`, {
          field: 'email',
        });
      }
      throw error;
    }
  }

  async findById(id: string): Promise<UserEntity | null> {
    const [user] = await this.findByIds([id]);
    return user ?? null;
  }

  /** The people of a page, in one statement (the request's user loader batches into it). */
  async findByIds(
    ids: readonly string[],
    tx: EntityManager = this.db.manager,
  ): Promise<UserEntity[]> {
    const rows: UserRow[] = await tx.query(
      `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map(userFromRow);
  }

  async list(): Promise<UserEntity[]> {
    const rows: UserRow[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM app_user u ORDER BY u.created_at, u.email`,
    );
    return rows.map(userFromRow);
  }

  /** The user, its row locked until the transaction ends. */
  async findForUpdate(id: string, tx: EntityManager): Promise<UserEntity | null> {
    const rows: UserRow[] = await tx.query(
      `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  /**
   * How many active admins there are, their rows locked: two admins demoting or
   * deactivating each other at once take turns, so one always remains.
   */
  async lockActiveAdmins(tx: EntityManager): Promise<number> {
    const rows: unknown[] = await tx.query(
      `SELECT id FROM app_user WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`,
    );
    return rows.length;
  }

  async update(id: string, changes: UserChanges, tx: EntityManager): Promise<UserEntity> {
    // UPDATE ... RETURNING answers [rows, count].
    const [rows] = (await tx.query(
      `UPDATE app_user u SET name = COALESCE($2, u.name), role = COALESCE($3, u.role),
              teams = COALESCE($4::text[], u.teams)
        WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
      [id, changes.name ?? null, changes.role ?? null, changes.teams ?? null],
    )) as [UserRow[], number];
    return userFromRow(rows[0]!);
  }

  async setActive(id: string, active: boolean, tx: EntityManager): Promise<UserEntity> {
    const [rows] = (await tx.query(
      `UPDATE app_user u SET active = $2 WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
      [id, active],
    )) as [UserRow[], number];
    return userFromRow(rows[0]!);
  }

  /** The user a single sign-on linked to this (issuer, subject), its row locked. */
  async findByOidc(issuer: string, subject: string, tx: EntityManager): Promise<UserEntity | null> {
    const rows: UserRow[] = await tx.query(
      `SELECT ${USER_COLUMNS} FROM app_user u
        WHERE u.oidc_issuer = $1 AND u.oidc_subject = $2 FOR UPDATE`,
      [issuer, subject],
    );
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  /** The user holding this email (case-insensitive), its row locked, and whom it is linked to. */
  async findByEmail(
    email: string,
    tx: EntityManager,
  ): Promise<(UserEntity & { linkedTo: string | null }) | null> {
    const rows: UserRow[] = await tx.query(
      `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.email = $1 FOR UPDATE`,
      [email.trim().toLowerCase()],
    );
    return rows[0] ? { ...userFromRow(rows[0]), linkedTo: rows[0].oidc_subject } : null;
  }

  /**
   * What a sign-in writes: the provider's subject, name and email, and (when the provider
   * manages them) role and teams. An email another user holds is CONFLICT.
   */
  async signedIn(
    id: string,
    fields: {
      issuer: string;
      subject: string;
      name: string;
      email: string;
      role: Role | null;
      teams: readonly Team[] | null;
    },
    tx: EntityManager,
  ): Promise<UserEntity> {
    try {
      const [rows] = (await tx.query(
        `UPDATE app_user u SET oidc_issuer = $2, oidc_subject = $3, name = $4, email = $5,
                role = COALESCE($6, u.role), teams = COALESCE($7::text[], u.teams)
          WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
        [
          id,
          fields.issuer,
          fields.subject,
          fields.name,
          fields.email.trim().toLowerCase(),
          fields.role,
          fields.teams,
        ],
      )) as [UserRow[], number];
      return userFromRow(rows[0]!);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', 'Another user holds this email.', { field: 'email' });
      }
      throw error;
    }
  }

  async adminExists(tx: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM app_user WHERE role = 'ADMIN' LIMIT 1`);
    return rows.length > 0;
  }
}
