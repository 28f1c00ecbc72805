import type { Actor, TokenLimits } from '#workflow';
import type { UserEntity } from './user.entity.js';

/** The authenticated caller of one request. */
export interface Viewer {
  user: UserEntity;
  /** The credential's id: the API token's, or the sign-in session's. */
  tokenId: string;
  actor: Actor;
}

/** The user as an actor; with a token's limits, the actor can do no more than the token. */
export function actorOf(user: UserEntity, limits?: TokenLimits): Actor {
  return { id: user.id, role: user.role, teams: user.teams, ...(limits ? { limits } : {}) };
}
