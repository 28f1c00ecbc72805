import { TEAMS, canTransitionItem, isFinalStage, stageIndex, stageLabel } from '#checklists';
import type { ItemAction, Team } from '#checklists';
import type { Actor } from './actor.js';
import type { LaunchCommand, LaunchCommandType } from './launch.commands.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import type { ChecklistItemState, LaunchPermissions, LaunchState } from './launch.types.js';
import { launchCommandTarget, tokenRefusal } from './token-limits.rules.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * Who may act (GATES.md). One chain of functions answers both "may this actor run this
 * command?" (enforcement, in decide) and "what may the viewer do here?" (viewerCan); the
 * role-and-team rule itself is mayAct alone:
 *   mayAct(actor, type, team)       role and team membership only
 *   authorize(actor, command, s)    NOT_FOUND for unknown items, then FORBIDDEN via mayAct
 *                                   and the caller's token limits (tokenRefusal)
 *   stageAllows(type, s)            CONFLICT / INVALID_TRANSITION from the launch's stage
 *   commandAllowedNow(command, s)   stageAllows plus item-level state (past stage, status)
 */

export function isCoordinatorOrAdmin(actor: Actor): boolean {
  return actor.role === 'COORDINATOR' || actor.role === 'ADMIN';
}

/** Acting for a team: a MEMBER or COORDINATOR in it, or any ADMIN. */
function actsForTeam(actor: Actor, team: Team): boolean {
  if (actor.role === 'ADMIN') return true;
  return (actor.role === 'MEMBER' || actor.role === 'COORDINATOR') && actor.teams.includes(team);
}

/** Role and membership alone. `team` is the item's team (items) or the signing team. */
export function mayAct(actor: Actor, type: LaunchCommandType, team: Team | null): boolean {
  if (actor.role === 'VIEWER') return false;
  switch (type) {
    case 'CREATE':
    case 'UPDATE':
    case 'ADD_ITEM':
    case 'WAIVE_ITEM':
    case 'ADVANCE':
    case 'CANCEL':
    case 'GRANT_EARLY_ACCESS':
      return isCoordinatorOrAdmin(actor);
    case 'COMPLETE_ITEM':
    case 'SIGN_OFF':
      return team !== null && actsForTeam(actor, team);
    case 'REOPEN_ITEM':
      return isCoordinatorOrAdmin(actor) || (team !== null && actor.teams.includes(team));
    case 'COMMENT':
      return true;
  }
}

const FORBIDDEN_MESSAGES: Record<LaunchCommandType, string> = {
  CREATE: 'Only a coordinator or an admin may create a launch.',
  UPDATE: 'Only a coordinator or an admin may change a launch.',
  ADD_ITEM: 'Only a coordinator or an admin may add checklist items.',
  WAIVE_ITEM: 'Only a coordinator or an admin may waive a checklist item.',
  ADVANCE: 'Only a coordinator or an admin may advance a launch.',
  CANCEL: 'Only a coordinator or an admin may cancel a launch.',
  GRANT_EARLY_ACCESS: 'Only a coordinator or an admin may grant early access.',
  COMPLETE_ITEM: "Only a member of the item's team or an admin may complete it.",
  SIGN_OFF: 'Only a member of that team or an admin may sign off for it.',
  REOPEN_ITEM: "Only a member of the item's team, a coordinator or an admin may reopen it.",
  COMMENT: 'Viewers may not comment.',
};

export function toState(launch: LaunchSnapshot | LaunchState): LaunchState {
  return 'context' in launch ? launch.context : launch;
}

export function findItem(state: LaunchState, itemId: string): ChecklistItemState | undefined {
  return state.items.find((i) => i.id === itemId);
}

function commandTeam(
  command: LaunchCommand,
  state: LaunchState | null,
): Team | null | WorkflowError {
  switch (command.type) {
    case 'COMPLETE_ITEM':
    case 'REOPEN_ITEM':
    case 'WAIVE_ITEM': {
      const item = state ? findItem(state, command.itemId) : undefined;
      return item
        ? item.team
        : WorkflowError.notFound(`No checklist item "${command.itemId}" on this launch.`);
    }
    case 'SIGN_OFF':
    case 'ADD_ITEM':
      return command.team;
    default:
      return null;
  }
}

/**
 * NOT_FOUND (the command names an item the launch does not have) or FORBIDDEN (role or
 * team does not allow it), or null. `launch` is null only for CREATE.
 */
export function authorize(
  actor: Actor,
  command: LaunchCommand,
  launch: LaunchSnapshot | LaunchState | null,
): WorkflowError | null {
  const state = launch ? toState(launch) : null;
  if (!state && command.type !== 'CREATE') {
    return WorkflowError.notFound(
      'itemId' in command ? `No checklist item "${command.itemId}".` : 'No such launch.',
    );
  }
  const team = commandTeam(command, state);
  if (team instanceof WorkflowError) return team;
  if (!mayAct(actor, command.type, team)) {
    return WorkflowError.forbidden(
      actor.role === 'VIEWER'
        ? 'Viewers may only read launches.'
        : FORBIDDEN_MESSAGES[command.type],
    );
  }
  const refusal = tokenRefusal(actor, launchCommandTarget(command.type, state?.id ?? null, team));
  return refusal ? WorkflowError.forbidden(refusal) : null;
}

/** Launch-level state checks: CONFLICT before INVALID_TRANSITION (GATES.md precedence). */
function stageAllows(type: LaunchCommandType, state: LaunchState): WorkflowError | null {
  if (type === 'CREATE') return WorkflowError.conflict('This launch already exists.');
  if (type === 'COMMENT') return null;
  if (type === 'GRANT_EARLY_ACCESS' && state.earlyAccess) {
    return WorkflowError.conflict('Support already has early access to this launch.');
  }
  if (isFinalStage(state.stage)) {
    return WorkflowError.invalidTransition(
      `The launch is ${state.stage === 'GA' ? 'at GA' : 'cancelled'}; it can no longer change.`,
    );
  }
  if (type === 'GRANT_EARLY_ACCESS' && stageIndex(state.stage) < stageIndex('BETA')) {
    return WorkflowError.invalidTransition(
      `Early access can be granted from Beta on; the launch is in ${stageLabel(state.stage)}.`,
    );
  }
  return null;
}

const COMMAND_ITEM_ACTION = {
  COMPLETE_ITEM: 'COMPLETE',
  WAIVE_ITEM: 'WAIVE',
  REOPEN_ITEM: 'REOPEN',
} as const satisfies Partial<Record<LaunchCommandType, ItemAction>>;
const ITEM_VERBS: Record<ItemAction, string> = {
  COMPLETE: 'completed',
  WAIVE: 'waived',
  REOPEN: 'reopened',
};

/** stageAllows, then what the command's own target allows (past stages, item status). */
export function commandAllowedNow(
  command: LaunchCommand,
  state: LaunchState,
): WorkflowError | null {
  const stageError = stageAllows(command.type, state);
  if (stageError) return stageError;
  if (command.type === 'ADD_ITEM' && stageIndex(command.stage) < stageIndex(state.stage)) {
    return WorkflowError.invalidTransition(
      `Items cannot be added to ${stageLabel(command.stage)}: the launch has moved past it.`,
    );
  }
  if (
    command.type !== 'COMPLETE_ITEM' &&
    command.type !== 'WAIVE_ITEM' &&
    command.type !== 'REOPEN_ITEM'
  ) {
    return null;
  }
  const item = findItem(state, command.itemId);
  if (!item) return WorkflowError.notFound(`No checklist item "${command.itemId}" on this launch.`);
  if (stageIndex(item.stage) < stageIndex(state.stage)) {
    return WorkflowError.invalidTransition(
      `"${item.title}" belongs to ${stageLabel(item.stage)}, a past stage; its items never change.`,
    );
  }
  const action = COMMAND_ITEM_ACTION[command.type];
  if (!canTransitionItem(item.status, action)) {
    return WorkflowError.invalidTransition(
      action === 'REOPEN'
        ? `"${item.title}" is already OPEN; only DONE or WAIVED items can be reopened.`
        : `"${item.title}" is ${item.status}; only OPEN items can be ${ITEM_VERBS[action]}.`,
    );
  }
  return null;
}

/** What the actor's role, teams and token limits allow on this launch in its current stage. */
export function viewerCan(actor: Actor, launch: LaunchSnapshot | LaunchState): LaunchPermissions {
  const state = toState(launch);
  const allowed = (type: LaunchCommandType, team: Team | null = null) =>
    mayAct(actor, type, team) &&
    tokenRefusal(actor, launchCommandTarget(type, state.id, team)) === null &&
    stageAllows(type, state) === null;
  const teams = (type: LaunchCommandType) => TEAMS.filter((team) => allowed(type, team));
  return {
    advance: allowed('ADVANCE'),
    cancel: allowed('CANCEL'),
    update: allowed('UPDATE'),
    addItem: allowed('ADD_ITEM'),
    grantEarlyAccess: allowed('GRANT_EARLY_ACCESS'),
    comment: allowed('COMMENT'),
    signFor: teams('SIGN_OFF'),
    completeFor: teams('COMPLETE_ITEM'),
    reopenFor: teams('REOPEN_ITEM'),
    waive: allowed('WAIVE_ITEM'),
    overrideFreeze: actor.role === 'ADMIN' && allowed('ADVANCE'),
  };
}
