import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { AuthService } from '../auth/auth.service.js';
import { UserEntity } from './user.entity.js';
import { insertUser, USER_COLUMNS, userFromRow, type NewUser, type UserRow } from './user.store.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {}

  async list(viewer: Viewer): Promise<UserEntity[]> {
    this.auth.authorize(viewer, { type: 'LIST_USERS' });
    return this.db.getRepository(UserEntity).find({ order: { createdAt: 'ASC', email: 'ASC' } });
  }

  async create(viewer: Viewer, input: NewUser): Promise<UserEntity> {
    this.auth.authorize(viewer, { type: 'CREATE_USER' });
    return insertUser(this.db.manager, input);
  }

  /** The people of a page, in one statement (the request's user loader batches into it). */
  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    const rows: UserRow[] = await this.db.query(
      `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map(userFromRow);
  }
}
