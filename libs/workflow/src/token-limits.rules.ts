import { TEAMS, type Team } from '#checklists';
import { TOKEN_SCOPES, type Actor, type TokenLimits, type TokenScope } from './actor.js';
import type { LaunchCommandType } from './launch.commands.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * Tokens that do one job (IDENTITY.md). A token never does more than its user: these rules
 * only ever narrow what the role-and-team rules (permissions.ts, identity.rules.ts,
 * webhook.rules.ts) allow. Reading needs no scope.
 */

/** The scopes that allow a mutation (READ allows none). */
export type MutationScope = Exclude<TokenScope, 'READ'>;

const COMMAND_SCOPES: Record<LaunchCommandType, MutationScope> = {
  CREATE: 'MANAGE',
  UPDATE: 'MANAGE',
  ADD_ITEM: 'MANAGE',
  WAIVE_ITEM: 'MANAGE',
  ADVANCE: 'MANAGE',
  CANCEL: 'MANAGE',
  GRANT_EARLY_ACCESS: 'MANAGE',
  COMPLETE_ITEM: 'ITEMS',
  REOPEN_ITEM: 'ITEMS',
  SIGN_OFF: 'SIGN_OFF',
  COMMENT: 'COMMENT',
};

/** Only these commands are held to a token's teams; other mutations are not team-limited. */
const TEAM_LIMITED: ReadonlySet<LaunchCommandType> = new Set([
  'COMPLETE_ITEM',
  'REOPEN_ITEM',
  'WAIVE_ITEM',
  'SIGN_OFF',
]);

/** What a mutation needs of a token: its scope, the launch it names, the team it acts for. */
export interface MutationTarget {
  readonly scope: MutationScope;
  /** Null for mutations that name no launch (createLaunch, createWebhook, createUser...). */
  readonly launchId: string | null;
  /** Null unless the mutation is team-limited. */
  readonly team: Team | null;
}

export function launchCommandTarget(
  type: LaunchCommandType,
  launchId: string | null,
  team: Team | null,
): MutationTarget {
  return { scope: COMMAND_SCOPES[type], launchId, team: TEAM_LIMITED.has(type) ? team : null };
}

/** A mutation on no launch that needs MANAGE (users, tokens, webhooks, templates...). */
export const MANAGE_TARGET: MutationTarget = { scope: 'MANAGE', launchId: null, team: null };

/** Why the caller's token may not run this mutation (a FORBIDDEN message), or null. */
export function tokenRefusal(actor: Actor, target: MutationTarget): string | null {
  const limits = actor.limits;
  if (!limits) return null;
  if (limits.scopes && !limits.scopes.includes(target.scope)) {
    return `This token lacks the ${target.scope} scope.`;
  }
  if (limits.launchIds) {
    if (target.launchId === null) {
      return 'This token is limited to some launches; this mutation names none.';
    }
    if (!limits.launchIds.includes(target.launchId)) {
      return 'This token is limited to other launches.';
    }
  }
  if (limits.teams && target.team !== null && !limits.teams.includes(target.team)) {
    return `This token acts only for ${limits.teams.join(', ')}, not for ${target.team}.`;
  }
  return null;
}

/** Every scope a token has (null: all of them, present and future). */
export function tokenScopes(scopes: readonly TokenScope[] | null): TokenScope[] {
  return scopes ? TOKEN_SCOPES.filter((s) => scopes.includes(s)) : [...TOKEN_SCOPES];
}

/** createApiToken's optional limits as given. */
export interface TokenGrantInput {
  readonly scopes?: readonly string[] | null;
  readonly teams?: readonly string[] | null;
  readonly launchIds?: readonly string[] | null;
  readonly expiresAt?: Date | null;
}

export type TokenGrant = Omit<TokenLimits, 'tokenId'>;

function nonEmpty<T extends string>(
  field: string,
  values: readonly string[] | null | undefined,
  known: readonly T[] | null,
): T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0) {
    throw WorkflowError.badInput(
      field,
      `${field} must name at least one; leave it out for no limit.`,
    );
  }
  const unknown = known ? values.filter((v) => !(known as readonly string[]).includes(v)) : [];
  if (unknown.length > 0) {
    throw WorkflowError.badInput(
      field,
      `${field} has unknown value${unknown.length === 1 ? '' : 's'} ${unknown.map((v) => JSON.stringify(v)).join(', ')}; known: ${known!.join(', ')}.`,
    );
  }
  return [...new Set(values)] as T[];
}

/**
 * The limits of a new token, or BAD_USER_INPUT: an empty list, an unknown scope or team, a
 * launch id that names no launch (`unknownLaunchIds`, as the API found them), an expiry
 * that is not after `now`.
 */
export function tokenGrant(
  input: TokenGrantInput,
  context: { readonly now: Date; readonly unknownLaunchIds: readonly string[] },
): TokenGrant {
  const scopes = nonEmpty('scopes', input.scopes, TOKEN_SCOPES);
  const teams = nonEmpty('teams', input.teams, TEAMS);
  const launchIds = nonEmpty('launchIds', input.launchIds, null);
  if (context.unknownLaunchIds.length > 0) {
    throw WorkflowError.badInput(
      'launchIds',
      `launchIds names no launch: ${context.unknownLaunchIds.join(', ')}.`,
    );
  }
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt.getTime() <= context.now.getTime()) {
    throw WorkflowError.badInput('expiresAt', 'expiresAt must be in the future.');
  }
  return { scopes: scopes && tokenScopes(scopes), teams, launchIds, expiresAt };
}

/** A list limit is within another when the other is absent (no limit) or holds all of it. */
function within<T>(given: readonly T[] | null, own: readonly T[] | null): boolean {
  if (own === null) return true;
  return given !== null && given.every((v) => own.includes(v));
}

/**
 * Why the caller's token may not mint a token with these limits (FORBIDDEN), or null: a
 * token gives only a subset of its own scopes, teams and launches, and an expiry no later
 * than its own; an omitted limit is wider than any. Every token reads, so READ is free.
 */
export function tokenGrantRefusal(actor: Actor, grant: TokenGrant): string | null {
  const own = actor.limits;
  if (!own) return null;
  const ownScopes = own.scopes && [...own.scopes, 'READ' as const];
  if (!within(grant.scopes, ownScopes)) {
    return `This token may only give its own scopes: ${(own.scopes ?? []).join(', ')}.`;
  }
  if (!within(grant.teams, own.teams)) {
    return `This token may only give its own teams: ${(own.teams ?? []).join(', ')}.`;
  }
  if (!within(grant.launchIds, own.launchIds)) {
    return 'This token may only give launchIds among its own.';
  }
  if (
    own.expiresAt &&
    (grant.expiresAt === null || grant.expiresAt.getTime() > own.expiresAt.getTime())
  ) {
    return `This token may only give an expiry no later than its own (${own.expiresAt.toISOString()}).`;
  }
  return null;
}
