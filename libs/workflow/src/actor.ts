import type { Team } from '#checklists';

export const ROLES = ['ADMIN', 'COORDINATOR', 'MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** Whoever acts: a signed-in user with one role and the teams it belongs to. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly teams: readonly Team[];
}
