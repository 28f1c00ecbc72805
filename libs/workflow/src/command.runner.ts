import type { TemplateVersion } from '#checklists';
import type { Actor } from './actor.js';
import { decide } from './decide.js';
import type { FreezeWindow } from './freeze-window.rules.js';
import type { LaunchCommand, LaunchCommandType } from './launch.commands.js';
import type { DomainEvent } from './launch.events.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import { applyEvent, replay, stateOf } from './launch.snapshot.js';
import type { ChecklistItemState, LaunchState, SignOffState } from './launch.types.js';
import { WorkflowError } from './workflow.errors.js';

type CommandMap = { [K in LaunchCommandType]: Extract<LaunchCommand, { type: K }> };
/** The command of type K (written so that `command.type` is K inside generic code). */
export type CommandOf<K extends LaunchCommandType> = CommandMap[K] & { readonly type: K };

/** What each command answers with, read from the launch after its events. */
export interface CommandAnswers {
  CREATE: LaunchState;
  UPDATE: LaunchState;
  ADVANCE: LaunchState;
  CANCEL: LaunchState;
  GRANT_EARLY_ACCESS: LaunchState;
  /** The new item. */
  ADD_ITEM: ChecklistItemState;
  /** The item as it now is. */
  COMPLETE_ITEM: ChecklistItemState;
  REOPEN_ITEM: ChecklistItemState;
  WAIVE_ITEM: ChecklistItemState;
  /** The new sign-off. */
  SIGN_OFF: SignOffState;
  COMMENT: DomainEvent<'COMMENTED'>;
}

export interface CommandRequest<K extends LaunchCommandType> {
  readonly actor: Actor;
  readonly command: CommandOf<K>;
  /**
   * The launch as read under its lock, with its version; null for CREATE, and for any other
   * command when nothing has that id (NOT_FOUND, once the input has been checked).
   */
  readonly launch: { readonly snapshot: LaunchSnapshot; readonly version: number } | null;
  /** The version the caller read; a different one is CONFLICT. Null or absent: not checked. */
  readonly expectedVersion?: number | null;
  /** CREATE: whether another launch holds the key (looked up by the API). */
  readonly keyTaken?: boolean;
  /** COMMENT: whether the event replied to is missing from this launch. */
  readonly replyTargetMissing?: boolean;
  /** CREATE: every stored version of the named template ([] when there is none). */
  readonly templateVersions?: readonly TemplateVersion[];
  /** ADVANCE: the freeze windows that may freeze the next stage (the API loads them). */
  readonly freezeWindows?: readonly FreezeWindow[];
  /** The moment of the command (ISO). */
  readonly now: string;
  /** Fresh ids for the launch's new items and sign-offs. */
  readonly newId: () => string;
}

export interface CommandOutcome<K extends LaunchCommandType> {
  /** What to append, the command's own event first; [] only for an UPDATE that changes nothing. */
  readonly events: readonly DomainEvent[];
  /** The launch after the events. */
  readonly snapshot: LaunchSnapshot;
  readonly answer: CommandAnswers[K];
}

function itemIn(state: LaunchState, itemId: string): ChecklistItemState {
  const item = state.items.find((i) => i.id === itemId);
  if (!item) throw WorkflowError.internal(`The launch has no item ${itemId} after the command.`);
  return item;
}

function ownEvent(events: readonly DomainEvent[]): DomainEvent {
  const [first] = events;
  if (!first) throw WorkflowError.internal('The command produced no event.');
  return first;
}

const ANSWERS: {
  [K in LaunchCommandType]: (
    after: LaunchState,
    events: readonly DomainEvent[],
    command: CommandMap[K],
  ) => CommandAnswers[K];
} = {
  CREATE: (after) => after,
  UPDATE: (after) => after,
  ADVANCE: (after) => after,
  CANCEL: (after) => after,
  GRANT_EARLY_ACCESS: (after) => after,
  ADD_ITEM: (after, events) => {
    const own = ownEvent(events);
    if (own.type !== 'ITEM_ADDED') throw WorkflowError.internal(`ADD_ITEM produced ${own.type}.`);
    return itemIn(after, own.data.item.id);
  },
  COMPLETE_ITEM: (after, _events, command) => itemIn(after, command.itemId),
  REOPEN_ITEM: (after, _events, command) => itemIn(after, command.itemId),
  WAIVE_ITEM: (after, _events, command) => itemIn(after, command.itemId),
  SIGN_OFF: (after, events) => {
    const own = ownEvent(events);
    if (own.type !== 'SIGNED_GO' && own.type !== 'SIGNED_NO_GO') {
      throw WorkflowError.internal(`SIGN_OFF produced ${own.type}.`);
    }
    const signOff = after.signOffs.find((s) => s.id === own.data.signOffId);
    if (!signOff) throw WorkflowError.internal('The new sign-off is not on the launch.');
    return signOff;
  },
  COMMENT: (_after, events) => {
    const own = ownEvent(events);
    if (own.type !== 'COMMENTED') throw WorkflowError.internal(`COMMENT produced ${own.type}.`);
    return own;
  },
};

/**
 * The one call the API makes per command: validates the input, authorizes the actor,
 * checks expectedVersion and what only the store knows, and decides, refusing in GATES.md
 * order (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, INVALID_TRANSITION,
 * GATE_NOT_SATISFIED) with a WorkflowError. Accepted, it returns the events to append,
 * the launch after them and the command's answer (the launch, the item, the sign-off...).
 */
export function runCommand<K extends LaunchCommandType>(
  request: CommandRequest<K>,
): CommandOutcome<K> {
  const { actor, command, launch, now, newId } = request;
  const events = decide(launch?.snapshot ?? null, actor, command, {
    now,
    newId,
    version: launch?.version,
    expectedVersion: request.expectedVersion,
    keyTaken: request.keyTaken,
    replyTargetMissing: request.replyTargetMissing,
    templateVersions: request.templateVersions,
    freezeWindows: request.freezeWindows,
  });
  const snapshot = launch ? events.reduce(applyEvent, launch.snapshot) : replay(events);
  const type: K = command.type;
  return { events, snapshot, answer: ANSWERS[type](stateOf(snapshot), events, command) };
}
