import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role, Team } from '#workflow';
import { AppError } from '../common/app-error.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  teams: readonly Team[];
}

/** Inserts a user; a taken email is CONFLICT. Authorization is the caller's job. */
export async function insertUser(db: EntityManager, input: NewUser): Promise<UserEntity> {
  const user = Object.assign(new UserEntity(), {
    id: randomUUID(),
    name: input.name.trim(),
    email: input.email.trim().toLowerCase(),
    role: input.role,
    teams: [...new Set(input.teams)],
  });
  try {
    return await db.getRepository(UserEntity).save(user);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `A user with email ${user.email} already exists.`, {
        field: 'email',
      });
    }
    throw error;
  }
}

/** An app_user row as plain SQL returns it (snake_case). */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  teams: Team[];
  created_at: Date;
}

export const USER_COLUMNS = 'u.id, u.name, u.email, u.role, u.teams, u.created_at';

export function userFromRow(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teams: row.teams,
    createdAt: row.created_at,
  });
}
