import type { Actor } from './actor.js';

/** Commands on users and their tokens (GATES.md "Who may act" covers launches; this covers people). */
export type IdentityCommand =
  | { type: 'LIST_USERS' }
  | { type: 'CREATE_USER' }
  | { type: 'LIST_API_TOKENS'; userId: string }
  | { type: 'CREATE_API_TOKEN'; userId: string }
  | { type: 'REVOKE_API_TOKEN'; ownerId: string };

/** Admins manage everyone; every user manages their own tokens. */
export function mayManageIdentity(actor: Actor, command: IdentityCommand): boolean {
  if (actor.role === 'ADMIN') return true;
  switch (command.type) {
    case 'LIST_USERS':
    case 'CREATE_USER':
      return false;
    case 'LIST_API_TOKENS':
    case 'CREATE_API_TOKEN':
      return command.userId === actor.id;
    case 'REVOKE_API_TOKEN':
      return command.ownerId === actor.id;
  }
}
