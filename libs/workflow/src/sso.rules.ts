import type { Team } from '#checklists';
import type { Role } from './actor.js';

/*
 * Single sign-on (IDENTITY.md): when group mappings are configured, the identity provider
 * is the source of truth for the role and teams of the users it signs in.
 */

export interface GroupMapping {
  readonly roleGroups: readonly { readonly group: string; readonly key: Role }[];
  readonly teamGroups: readonly { readonly group: string; readonly key: Team }[];
}

const RANK: readonly Role[] = ['ADMIN', 'COORDINATOR', 'MEMBER', 'VIEWER'];

/**
 * The role and teams a person's groups give, or null when no mapping is configured (admins
 * manage roles then). The highest mapped role wins; in a team group and no role group:
 * MEMBER; in neither: VIEWER.
 */
export function mappedAccess(
  groups: readonly string[],
  mapping: GroupMapping,
): { role: Role; teams: Team[] } | null {
  if (mapping.roleGroups.length === 0 && mapping.teamGroups.length === 0) return null;
  const teams = [
    ...new Set(mapping.teamGroups.filter((m) => groups.includes(m.group)).map((m) => m.key)),
  ];
  const roles = mapping.roleGroups.filter((m) => groups.includes(m.group)).map((m) => m.key);
  const role = RANK.find((r) => roles.includes(r)) ?? (teams.length > 0 ? 'MEMBER' : 'VIEWER');
  return { role, teams };
}

/**
 * The role a sign-in gives a user: the mapped one, except that it never demotes the last
 * active admin (`keptAdmin` tells the caller to log a warning).
 */
export function signInRole(
  user: { readonly role: Role; readonly active: boolean },
  mapped: Role,
  activeAdmins: number,
): { role: Role; keptAdmin: boolean } {
  const keptAdmin = user.role === 'ADMIN' && mapped !== 'ADMIN' && user.active && activeAdmins <= 1;
  return { role: keptAdmin ? 'ADMIN' : mapped, keptAdmin };
}
