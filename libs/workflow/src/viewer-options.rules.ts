import { GATED_STAGES, TEAMS } from '#checklists';
import type { Stage, Team } from '#checklists';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import type { LaunchCommand } from './launch.commands.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import { authorize, commandAllowedNow, toState } from './permissions.js';
import type { LaunchState } from './launch.types.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * What a client may offer the viewer, and why not, so that it keeps no copy of a rule.
 * Every answer runs the enforcement path itself on the current state: authorize() and
 * commandAllowedNow() for "allowed apart from input and gates", decide() for the exact
 * refusal a command would get.
 */

export interface ItemOptions {
  readonly itemId: string;
  readonly complete: boolean;
  readonly waive: boolean;
  readonly reopen: boolean;
}

export interface SignOffOptions {
  readonly team: Team;
  /** A GO would be accepted now (given a comment where one is required). */
  readonly go: boolean;
  /** Why a GO would be refused (the team's open required items), null when `go`. */
  readonly goRefusal: string | null;
  /** A GO now lifts the team's NO_GO as an override: it needs a comment. */
  readonly commentRequiredForGo: boolean;
  readonly commentRequiredForNoGo: boolean;
}

// Stands in for what the viewer has yet to type, and for ids a dry run never keeps.
const SOME_TEXT = 'dry run';

/** The refusal decide() would throw for `command` now, or null when it would be accepted. */
function refusalOf(
  state: LaunchState,
  actor: Actor,
  command: LaunchCommand,
  now: string,
): WorkflowError | null {
  try {
    decide(state, actor, command, { now, newId: () => SOME_TEXT });
    return null;
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
}

/** Enforcement's role, team and state checks, without the input and the gates. */
function can(actor: Actor, command: LaunchCommand, state: LaunchState): boolean {
  return authorize(actor, command, state) === null && commandAllowedNow(command, state) === null;
}

function isMissingComment(refusal: WorkflowError | null): boolean {
  return refusal?.code === 'BAD_USER_INPUT' && refusal.field === 'comment';
}

/** Per item of the launch: which of complete, waive and reopen the actor may do now. */
export function itemOptions(actor: Actor, launch: LaunchSnapshot | LaunchState): ItemOptions[] {
  const state = toState(launch);
  return state.items.map((item) => ({
    itemId: item.id,
    complete: can(actor, { type: 'COMPLETE_ITEM', itemId: item.id }, state),
    waive: can(actor, { type: 'WAIVE_ITEM', itemId: item.id, reason: SOME_TEXT }, state),
    reopen: can(actor, { type: 'REOPEN_ITEM', itemId: item.id, reason: SOME_TEXT }, state),
  }));
}

/**
 * For each team the actor may sign for now (viewerCan.signFor): whether a GO would pass,
 * the refusal it would get otherwise, and which decisions need a comment.
 */
export function signOffOptions(
  actor: Actor,
  launch: LaunchSnapshot | LaunchState,
  now: string,
): SignOffOptions[] {
  const state = toState(launch);
  return TEAMS.filter((team) => can(actor, { type: 'SIGN_OFF', team, decision: 'GO' }, state)).map(
    (team) => {
      const refusal = (decision: 'GO' | 'NO_GO', comment: string | null) =>
        refusalOf(state, actor, { type: 'SIGN_OFF', team, decision, comment }, now);
      const goWithoutComment = refusal('GO', null);
      const commentRequiredForGo = isMissingComment(goWithoutComment);
      const go = commentRequiredForGo ? refusal('GO', SOME_TEXT) : goWithoutComment;
      return {
        team,
        go: go === null,
        goRefusal: go?.message ?? null,
        commentRequiredForGo,
        commentRequiredForNoGo: isMissingComment(refusal('NO_GO', null)),
      };
    },
  );
}

/**
 * The stages the actor may add a checklist item to now, for some team: the current and later
 * ones when their role and token allow it, none on a final launch.
 */
export function addItemStages(actor: Actor, launch: LaunchSnapshot | LaunchState): Stage[] {
  const state = toState(launch);
  return GATED_STAGES.filter((stage) =>
    TEAMS.some((team) => can(actor, { type: 'ADD_ITEM', stage, team, title: SOME_TEXT }, state)),
  );
}

/** Why the actor may not grant support early access now; null when they may. */
export function grantEarlyAccessRefusal(
  actor: Actor,
  launch: LaunchSnapshot | LaunchState,
  now: string,
): string | null {
  return refusalOf(toState(launch), actor, { type: 'GRANT_EARLY_ACCESS' }, now)?.message ?? null;
}
