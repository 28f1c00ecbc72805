import DataLoader from 'dataloader';
import type { UserEntity } from '../users/user.entity.js';
import type { UsersService } from '../users/users.service.js';

/** Per-request batching: a page of launches loads all its people in one statement. */
export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
}

export function createLoaders(users: UsersService): Loaders {
  return {
    user: new DataLoader(async (ids: readonly string[]) => {
      const found = new Map((await users.findByIds(ids)).map((u) => [u.id, u]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
