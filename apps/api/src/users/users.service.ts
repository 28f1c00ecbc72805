import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { AuthService } from '../auth/auth.service.js';
import { UserEntity } from './user.entity.js';
import { insertUser, type NewUser } from './user.store.js';

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

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }
}
