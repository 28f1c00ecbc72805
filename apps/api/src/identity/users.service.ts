import { Injectable } from '@nestjs/common';
import { AuthService } from './auth.service.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository, type NewUser } from './user.repository.js';
import type { Viewer } from './viewer.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly auth: AuthService,
  ) {}

  async list(viewer: Viewer): Promise<UserEntity[]> {
    this.auth.authorize(viewer, { type: 'LIST_USERS' });
    return this.users.list();
  }

  async create(viewer: Viewer, input: NewUser): Promise<UserEntity> {
    this.auth.authorize(viewer, { type: 'CREATE_USER' });
    return this.users.insert(input);
  }
}
