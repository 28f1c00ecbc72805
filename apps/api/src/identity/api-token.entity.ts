import type { Team, TokenScope } from '#workflow';

/** A personal API token as the api_token table holds it: the secret itself is never stored. */
export interface ApiTokenEntity {
  id: string;
  userId: string;
  name: string;
  /** SHA-256 of the secret, hex. */
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Null: every scope. */
  scopes: TokenScope[] | null;
  /** Null: no team limit. */
  teams: Team[] | null;
  /** Null: no launch limit. */
  launchIds: string[] | null;
  expiresAt: Date | null;
}
