import type { Team } from '#checklists';
import type { Actor, Role } from './actor.js';
import {
  MANAGE_TARGET,
  tokenGrantRefusal,
  tokenRefusal,
  type TokenGrant,
} from './token-limits.rules.js';
import { WorkflowError } from './workflow.errors.js';

/** Commands on users and their tokens (GATES.md "Who may act" covers launches; this covers people). */
export type IdentityCommand =
  | { type: 'LIST_USERS' }
  | { type: 'CREATE_USER' }
  | { type: 'LIST_API_TOKENS'; userId: string }
  | { type: 'CREATE_API_TOKEN'; userId: string; grant: TokenGrant }
  | { type: 'REVOKE_API_TOKEN'; ownerId: string; tokenId: string }
  | { type: 'DEACTIVATE_USER' }
  | { type: 'REACTIVATE_USER' };

const ADMIN_ONLY: Record<IdentityCommand['type'], string> = {
  LIST_USERS: 'Only an admin may list users.',
  CREATE_USER: 'Only an admin may create users.',
  LIST_API_TOKENS: "Only an admin may see another user's tokens.",
  CREATE_API_TOKEN: 'Only an admin may create tokens for another user.',
  REVOKE_API_TOKEN: "Only an admin may revoke another user's tokens.",
  DEACTIVATE_USER: 'Only an admin may deactivate users.',
  REACTIVATE_USER: 'Only an admin may reactivate users.',
};

/** Admins manage everyone; every user manages their own tokens. */
function roleAllows(actor: Actor, command: IdentityCommand): boolean {
  if (actor.role === 'ADMIN') return true;
  switch (command.type) {
    case 'LIST_API_TOKENS':
    case 'CREATE_API_TOKEN':
      return command.userId === actor.id;
    case 'REVOKE_API_TOKEN':
      return command.ownerId === actor.id;
    default:
      return false;
  }
}

/** Reading needs no scope; any token may revoke itself; every other command needs MANAGE. */
function tokenAllows(actor: Actor, command: IdentityCommand): string | null {
  switch (command.type) {
    case 'LIST_USERS':
    case 'LIST_API_TOKENS':
      return null;
    case 'REVOKE_API_TOKEN':
      return actor.limits?.tokenId === command.tokenId ? null : tokenRefusal(actor, MANAGE_TARGET);
    case 'CREATE_API_TOKEN':
      return tokenRefusal(actor, MANAGE_TARGET) ?? tokenGrantRefusal(actor, command.grant);
    default:
      return tokenRefusal(actor, MANAGE_TARGET);
  }
}

/** Why the actor may not run this command (a FORBIDDEN message), or null. */
export function identityRefusal(actor: Actor, command: IdentityCommand): string | null {
  const selfRevoke =
    command.type === 'REVOKE_API_TOKEN' && actor.limits?.tokenId === command.tokenId;
  if (!selfRevoke && !roleAllows(actor, command)) return ADMIN_ONLY[command.type];
  return tokenAllows(actor, command);
}

export function mayManageIdentity(actor: Actor, command: IdentityCommand): boolean {
  return identityRefusal(actor, command) === null;
}

/** A user as the identity rules see it. */
export interface UserFacts {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly teams: readonly Team[];
  readonly active: boolean;
  /** Its role and teams come from the identity provider's groups at every sign-in. */
  readonly providerManaged: boolean;
}

export interface UserUpdateInput {
  readonly name?: string | null;
  readonly role?: Role | null;
  readonly teams?: readonly Team[] | null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  teams?: Team[];
}

const sameTeams = (a: readonly Team[], b: readonly Team[]) =>
  a.length === b.length && a.every((t) => b.includes(t));

/**
 * The fields updateUser changes (a field's current value is no change), refused in GATES.md
 * order: BAD_USER_INPUT (role or teams of a provider-managed user), FORBIDDEN (a non-admin
 * may change its own name only; token limits), CONFLICT (demoting the last active admin).
 * `activeAdmins` counts the active admins, the user included.
 */
export function userUpdate(
  actor: Actor,
  user: UserFacts,
  input: UserUpdateInput,
  activeAdmins: number,
): UserChanges {
  const changes: UserChanges = {};
  const name = input.name?.trim();
  if (name !== undefined && name !== user.name) changes.name = name;
  if (input.role && input.role !== user.role) changes.role = input.role;
  if (input.teams && !sameTeams([...new Set(input.teams)], user.teams)) {
    changes.teams = [...new Set(input.teams)];
  }
  if (user.providerManaged && (changes.role || changes.teams)) {
    throw WorkflowError.badInput(
      changes.role ? 'role' : 'teams',
      `${changes.role ? 'role' : 'teams'} of this user is managed by the identity provider.`,
    );
  }
  if (actor.role !== 'ADMIN' && (actor.id !== user.id || changes.role || changes.teams)) {
    throw WorkflowError.forbidden(
      actor.id === user.id
        ? 'You may change your own name only.'
        : 'Only an admin may change another user.',
    );
  }
  const refusal = tokenRefusal(actor, MANAGE_TARGET);
  if (refusal) throw WorkflowError.forbidden(refusal);
  if (changes.role && user.role === 'ADMIN' && user.active && activeAdmins <= 1) {
    throw WorkflowError.conflict('The last active admin cannot be demoted.', 'role');
  }
  return changes;
}

/** deactivateUser: ADMIN (and MANAGE), and never the last active admin (CONFLICT). */
export function deactivationRefusal(
  actor: Actor,
  user: UserFacts,
  activeAdmins: number,
): WorkflowError | null {
  const refusal = identityRefusal(actor, { type: 'DEACTIVATE_USER' });
  if (refusal) return WorkflowError.forbidden(refusal);
  if (user.role === 'ADMIN' && user.active && activeAdmins <= 1) {
    return WorkflowError.conflict('The last active admin cannot be deactivated.');
  }
  return null;
}
