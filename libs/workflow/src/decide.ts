import {
  DEFAULT_TEMPLATE_NAME,
  getTemplate,
  isFinalStage,
  nextStage,
  stageLabel,
  teamLabel,
} from '#checklists';
import type { Team } from '#checklists';
import type { Actor } from './actor.js';
import { isBlank, validateCommand } from './command.validation.js';
import type {
  CreateLaunchCommand,
  LaunchCommand,
  SignOffCommand,
  UpdateLaunchCommand,
} from './launch.commands.js';
import { DEFAULT_BLOCK_RESPONSE_HOURS, DEFAULT_SUPPORT_LEAD_DAYS } from './launch.commands.js';
import type { DomainEvent, EventDataMap, LaunchChanges, LaunchEventType } from './launch.events.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import type { LaunchState } from './launch.types.js';
import { authorize, commandAllowedNow, findItem, toState } from './permissions.js';
import {
  activeSignOffOf,
  activeSignOffsOn,
  gateMissing,
  teamItemRequirements,
} from './readiness.js';
import { HEADS_UP_STAGES, blocksAnsweredBy } from './slo.rules.js';
import { WorkflowError } from './workflow.errors.js';

export interface DecideContext {
  /** The moment of the command (ISO); rules never read the clock themselves. */
  readonly now: string;
  /** Fresh ids for new items and sign-offs. */
  readonly newId: () => string;
  /** The launch's version as locked; with expectedVersion (null: not checked), CONFLICT on a mismatch. */
  readonly version?: number;
  readonly expectedVersion?: number | null;
  /** CREATE: another launch holds the key (CONFLICT). The API looks it up; the rules order it. */
  readonly keyTaken?: boolean;
  /** COMMENT: the event replied to is not on this launch (NOT_FOUND). */
  readonly replyTargetMissing?: boolean;
}

function blankToNull(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string);
}

function isoOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}

function event<T extends LaunchEventType>(
  type: T,
  state: Pick<LaunchState, 'stage'>,
  actor: Actor | null,
  team: Team | null,
  at: string,
  data: EventDataMap[T],
): DomainEvent<T> {
  return { type, at, actorId: actor?.id ?? null, team, stage: state.stage, data } as DomainEvent<T>;
}

function createEvents(
  actor: Actor,
  command: CreateLaunchCommand,
  ctx: DecideContext,
): DomainEvent[] {
  const templateName = command.template ?? DEFAULT_TEMPLATE_NAME;
  const template = getTemplate(templateName);
  return [
    event('CREATED', { stage: 'PLANNING' }, actor, null, ctx.now, {
      id: command.id,
      key: command.key,
      name: command.name,
      description: blankToNull(command.description),
      coordinatorId: actor.id,
      targetGaDate: isoOrNull(command.targetGaDate),
      supportLeadDays: command.supportLeadDays ?? DEFAULT_SUPPORT_LEAD_DAYS,
      blockResponseHours: command.blockResponseHours ?? DEFAULT_BLOCK_RESPONSE_HOURS,
      template: template.name,
      items: template.items.map((item, position) => ({
        id: ctx.newId(),
        stage: item.stage,
        team: item.team,
        title: item.title,
        description: item.description ?? null,
        required: item.required,
        position,
      })),
    }),
  ];
}

/** Only the fields that really change; an update that changes nothing yields no event. */
function changesOf(state: LaunchState, command: UpdateLaunchCommand): LaunchChanges {
  const c = command.changes;
  const changes: LaunchChanges = {};
  if (c.name !== undefined && c.name !== null && c.name !== state.name) changes.name = c.name;
  if (c.description !== undefined) {
    const description = blankToNull(c.description);
    if (description !== state.description) changes.description = description;
  }
  if (c.targetGaDate !== undefined) {
    const date = isoOrNull(c.targetGaDate);
    if (date !== state.targetGaDate) changes.targetGaDate = date;
  }
  if (
    c.supportLeadDays !== undefined &&
    c.supportLeadDays !== null &&
    c.supportLeadDays !== state.supportLeadDays
  ) {
    changes.supportLeadDays = c.supportLeadDays;
  }
  if (
    c.blockResponseHours !== undefined &&
    c.blockResponseHours !== null &&
    c.blockResponseHours !== state.blockResponseHours
  ) {
    changes.blockResponseHours = c.blockResponseHours;
  }
  return changes;
}

/** An ADMIN outside the team signing GO over the team's standing NO_GO. */
function isOverride(actor: Actor, command: SignOffCommand, state: LaunchState): boolean {
  return (
    command.decision === 'GO' &&
    actor.role === 'ADMIN' &&
    !actor.teams.includes(command.team) &&
    activeSignOffOf(state, state.stage, command.team)?.decision === 'NO_GO'
  );
}

/** Ids of the ACTIVE GOs on the item's stage (only the current stage has any). */
function goesToSupersede(state: LaunchState): string[] {
  return activeSignOffsOn(state, state.stage)
    .filter((s) => s.decision === 'GO')
    .map((s) => s.id);
}

/**
 * Turns one command into the events that record it, or throws the WorkflowError that
 * refuses it, checking in GATES.md order: BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT,
 * INVALID_TRANSITION, GATE_NOT_SATISFIED. `snapshot` is null for CREATE, and for any other
 * command when there is no such launch (NOT_FOUND, after the input checks). What only the
 * store knows (version, key taken, reply target) comes in `ctx`. Returns an empty
 * list only for an UPDATE that changes nothing. ADVANCE into BETA, DOCS_READY,
 * SUPPORT_TRAINED or GA and GRANT_EARLY_ACCESS also yield a SUPPORT_HEADS_UP after their
 * own event; the first event is always the command's own.
 */
export function decide(
  snapshot: LaunchSnapshot | LaunchState | null,
  actor: Actor,
  command: LaunchCommand,
  ctx: DecideContext,
): DomainEvent[] {
  validateCommand(command, ctx.now);
  const state = snapshot ? toState(snapshot) : null;

  // Whether a GO is an override depends on the launch, but a missing reason is still bad input.
  if (
    command.type === 'SIGN_OFF' &&
    state &&
    !isFinalStage(state.stage) &&
    isOverride(actor, command, state) &&
    isBlank(command.comment)
  ) {
    throw WorkflowError.badInput(
      'comment',
      `Lifting ${teamLabel(command.team)}'s NO_GO as an admin outside the team needs a comment giving the reason.`,
    );
  }

  if (command.type === 'COMMENT' && ctx.replyTargetMissing) {
    throw WorkflowError.notFound('The event replied to is not on this launch.');
  }
  const denied = authorize(actor, command, state);
  if (denied) throw denied;
  const { version, expectedVersion } = ctx;
  if (
    expectedVersion !== null &&
    expectedVersion !== undefined &&
    version !== undefined &&
    expectedVersion !== version
  ) {
    throw WorkflowError.conflict(
      `The launch is at version ${version}, not ${expectedVersion}: reload it and try again.`,
    );
  }
  if (command.type === 'CREATE') {
    if (state) throw WorkflowError.conflict('This launch already exists.');
    if (ctx.keyTaken) {
      throw WorkflowError.conflict(`The key "${command.key}" is taken by another launch.`, 'key');
    }
    return createEvents(actor, command, ctx);
  }
  if (!state) throw WorkflowError.notFound('No such launch.');
  const refused = commandAllowedNow(command, state);
  if (refused) throw refused;

  const at = ctx.now;
  switch (command.type) {
    case 'UPDATE': {
      const changes = changesOf(state, command);
      return Object.keys(changes).length === 0
        ? []
        : [event('UPDATED', state, actor, null, at, { changes })];
    }
    case 'ADD_ITEM': {
      const required = command.required ?? true;
      const position = state.items.reduce((max, i) => Math.max(max, i.position), -1) + 1;
      return [
        event('ITEM_ADDED', state, actor, command.team, at, {
          item: {
            id: ctx.newId(),
            stage: command.stage,
            team: command.team,
            title: command.title,
            description: blankToNull(command.description),
            required,
            position,
          },
          supersededSignOffIds:
            required && command.stage === state.stage ? goesToSupersede(state) : [],
        }),
      ];
    }
    case 'COMPLETE_ITEM': {
      const item = mustFind(state, command.itemId);
      return [
        event('ITEM_COMPLETED', state, actor, item.team, at, {
          itemId: item.id,
          evidenceUrl: blankToNull(command.evidenceUrl)?.trim() ?? null,
          note: blankToNull(command.note),
        }),
      ];
    }
    case 'WAIVE_ITEM': {
      const item = mustFind(state, command.itemId);
      return [
        event('ITEM_WAIVED', state, actor, item.team, at, {
          itemId: item.id,
          reason: command.reason,
        }),
      ];
    }
    case 'REOPEN_ITEM': {
      const item = mustFind(state, command.itemId);
      return [
        event('ITEM_REOPENED', state, actor, item.team, at, {
          itemId: item.id,
          reason: command.reason,
          supersededSignOffIds:
            item.required && item.stage === state.stage ? goesToSupersede(state) : [],
        }),
      ];
    }
    case 'SIGN_OFF': {
      const previous = activeSignOffOf(state, state.stage, command.team);
      const supersededSignOffIds = previous ? [previous.id] : [];
      if (command.decision === 'NO_GO') {
        return [
          event('SIGNED_NO_GO', state, actor, command.team, at, {
            signOffId: ctx.newId(),
            comment: command.comment ?? '',
            supersededSignOffIds,
          }),
        ];
      }
      const open = teamItemRequirements(state, state.stage, command.team);
      if (open.length > 0) {
        throw WorkflowError.gateNotSatisfied(
          `${teamLabel(command.team)} cannot sign GO on ${stageLabel(state.stage)} until its required items are done.`,
          open,
        );
      }
      return [
        event('SIGNED_GO', state, actor, command.team, at, {
          signOffId: ctx.newId(),
          comment: blankToNull(command.comment),
          override: isOverride(actor, command, state),
          supersededSignOffIds,
        }),
      ];
    }
    case 'ADVANCE': {
      const missing = gateMissing(state, at);
      const to = nextStage(state.stage);
      if (missing.length > 0 || !to) {
        throw WorkflowError.gateNotSatisfied(
          `The launch cannot leave ${stageLabel(state.stage)} yet: ${missing.length} requirement${missing.length === 1 ? ' is' : 's are'} unmet.`,
          missing,
        );
      }
      const advanced = event('ADVANCED', state, actor, null, at, { from: state.stage, to });
      return HEADS_UP_STAGES.includes(to) ? [advanced, headsUp(to, at)] : [advanced];
    }
    case 'CANCEL':
      return [
        event('CANCELLED', state, actor, null, at, { from: state.stage, reason: command.reason }),
      ];
    case 'GRANT_EARLY_ACCESS':
      return [
        event('EARLY_ACCESS_GRANTED', state, actor, 'SUPPORT', at, {
          url: blankToNull(command.url)?.trim() ?? null,
          notes: blankToNull(command.notes),
        }),
        headsUp(state.stage, at),
      ];
    case 'COMMENT':
      return [
        event('COMMENTED', state, actor, null, at, {
          body: command.body,
          replyToEventId: blankToNull(command.replyToEventId),
          respondsTo: blocksAnsweredBy(state, actor),
        }),
      ];
  }
}

/** Support hears, in the same change, that the launch reached `stage` (no actor). */
function headsUp(stage: LaunchState['stage'], at: string): DomainEvent<'SUPPORT_HEADS_UP'> {
  return event('SUPPORT_HEADS_UP', { stage }, null, 'SUPPORT', at, { stage });
}

function mustFind(state: LaunchState, itemId: string) {
  const item = findItem(state, itemId);
  if (!item) throw WorkflowError.notFound(`No checklist item "${itemId}" on this launch.`);
  return item;
}
