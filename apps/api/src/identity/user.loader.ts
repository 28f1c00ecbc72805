import DataLoader from 'dataloader';
import type { UserEntity } from './user.entity.js';
import type { UserRepository } from './user.repository.js';

/** Per-request batching: a page of launches loads all its people in one statement. */
export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
}

export function createLoaders(users: UserRepository): Loaders {
  return {
    user: new DataLoader(async (ids: readonly string[]) => {
      const found = new Map((await users.findByIds(ids)).map((u) => [u.id, u]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
