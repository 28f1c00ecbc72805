import type { Actor } from '#workflow';
import type { UserEntity } from './user.entity.js';

/** The authenticated caller of one request. */
export interface Viewer {
  user: UserEntity;
  tokenId: string;
  actor: Actor;
}

export function actorOf(user: UserEntity): Actor {
  return { id: user.id, role: user.role, teams: user.teams };
}
