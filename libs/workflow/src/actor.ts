import type { Team } from '#checklists';

export const ROLES = ['ADMIN', 'COORDINATOR', 'MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a token may do (IDENTITY.md "Tokens that do one job"). READ names a token that only
 * reads; every other scope names the mutations it allows.
 */
export const TOKEN_SCOPES = ['READ', 'COMMENT', 'ITEMS', 'SIGN_OFF', 'MANAGE', 'TICKETS'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The limits of the token a caller authenticated with; a session has none. */
export interface TokenLimits {
  readonly tokenId: string;
  /** Null: every scope, present and future. */
  readonly scopes: readonly TokenScope[] | null;
  /** Null: no team limit. */
  readonly teams: readonly Team[] | null;
  /** Null: no launch limit. */
  readonly launchIds: readonly string[] | null;
  /** Null: never expires. */
  readonly expiresAt: Date | null;
}

/** Whoever acts: a signed-in user with one role and the teams it belongs to. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly teams: readonly Team[];
  /** Present when the caller holds a token: it never does more than its user, maybe less. */
  readonly limits?: TokenLimits;
}
