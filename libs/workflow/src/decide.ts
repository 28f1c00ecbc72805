import {
  DEFAULT_TEMPLATE_NAME,
  builtInDefinition,
  isFinalStage,
  isTemplateName,
  nextStage,
  stageLabel,
  teamLabel,
} from '#checklists';
import type { Team, TemplateVersion } from '#checklists';
import type { Actor } from './actor.js';
import { approvalRefusal, leadDaysFloorRefusal } from './approval.rules.js';
import { isBlank, validateCommand } from './command.validation.js';
import { freezeRequirement, windowsFreezing, type FreezeWindow } from './freeze-window.rules.js';
import type {
  AdvanceCommand,
  CreateLaunchCommand,
  LaunchCommand,
  SignOffCommand,
  UpdateLaunchCommand,
} from './launch.commands.js';
import type {
  DomainEvent,
  EventDataMap,
  FreezeOverride,
  LaunchChanges,
  LaunchEventType,
} from './launch.events.js';
import type { LaunchSnapshot } from './launch.snapshot.js';
import type { LaunchState } from './launch.types.js';
import { authorize, commandAllowedNow, findItem, toState } from './permissions.js';
import { activeSignOffOf, gateMissing, teamItemRequirements } from './readiness.js';
import { supersededBySignOff } from './sign-off.rules.js';
import { HEADS_UP_STAGES, blocksAnsweredBy } from './slo.rules.js';
import { WorkflowError } from './workflow.errors.js';
import { isRequiredAddition, withdrawnBy, type WithdrawingChange } from './withdrawal.rules.js';

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
  /**
   * CREATE: every stored version of the named template (none: no such template). Absent,
   * the built-in templates stand as version 1 with the default policy.
   */
  readonly templateVersions?: readonly TemplateVersion[];
  /** ADVANCE: the freeze windows that may freeze the next stage now (absent: none). */
  readonly freezeWindows?: readonly FreezeWindow[];
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

function versionsOf(name: string, ctx: DecideContext): readonly TemplateVersion[] {
  if (ctx.templateVersions) return ctx.templateVersions;
  if (!isTemplateName(name)) return [];
  const builtIn = builtInDefinition(name);
  return [{ ...builtIn, version: 1, archived: false, createdById: null, createdAt: ctx.now }];
}

/**
 * The template version a new launch copies: BAD_USER_INPUT for a name or version that does
 * not exist or an archived template, before anything else is judged.
 */
function templateFor(command: CreateLaunchCommand, ctx: DecideContext): TemplateVersion {
  const name = command.template ?? DEFAULT_TEMPLATE_NAME;
  const versions = versionsOf(name, ctx);
  const latest = versions.reduce<TemplateVersion | null>(
    (best, v) => (best === null || v.version > best.version ? v : best),
    null,
  );
  if (!latest) {
    throw WorkflowError.badInput('template', `There is no checklist template named "${name}".`);
  }
  if (latest.archived) {
    throw WorkflowError.badInput(
      'template',
      `The template "${name}" is archived; new launches cannot use it.`,
    );
  }
  const wanted = command.templateVersion ?? latest.version;
  const found = versions.find((v) => v.version === wanted);
  if (!found) {
    throw WorkflowError.badInput(
      'templateVersion',
      `The template "${name}" has no version ${wanted}; its latest is ${latest.version}.`,
    );
  }
  return found;
}

/** Naming an older version is for admins, so a policy cannot be escaped by picking one. */
function templateRefusal(
  actor: Actor,
  command: CreateLaunchCommand,
  template: TemplateVersion,
  ctx: DecideContext,
): WorkflowError | null {
  const latest = Math.max(...versionsOf(template.name, ctx).map((v) => v.version));
  if (template.version < latest && actor.role !== 'ADMIN') {
    return WorkflowError.forbidden(
      `Only an admin may create a launch from an older version of "${template.name}" (the latest is ${latest}).`,
    );
  }
  return leadDaysFloorRefusal(
    actor,
    command.supportLeadDays,
    template.policy.supportLeadDays,
    template.policy.minSupportLeadDays,
  );
}

function createEvents(
  actor: Actor,
  command: CreateLaunchCommand,
  template: TemplateVersion,
  ctx: DecideContext,
): DomainEvent[] {
  const { policy } = template;
  return [
    event('CREATED', { stage: 'PLANNING' }, actor, null, ctx.now, {
      id: command.id,
      key: command.key,
      name: command.name,
      description: blankToNull(command.description),
      coordinatorId: actor.id,
      targetGaDate: isoOrNull(command.targetGaDate),
      supportLeadDays: command.supportLeadDays ?? policy.supportLeadDays,
      blockResponseHours: command.blockResponseHours ?? policy.blockResponseHours,
      template: template.name,
      templateVersion: template.version,
      policy,
      items: template.items.map((item, position) => ({
        id: ctx.newId(),
        stage: item.stage,
        team: item.team,
        title: item.title,
        description: item.description,
        required: item.required,
        position,
      })),
    }),
  ];
}

/** The values before of the fields `changes` sets. */
function previousOf(state: LaunchState, changes: LaunchChanges): LaunchChanges {
  const previous: LaunchChanges = {};
  if ('name' in changes) previous.name = state.name;
  if ('description' in changes) previous.description = state.description;
  if ('targetGaDate' in changes) previous.targetGaDate = state.targetGaDate;
  if ('supportLeadDays' in changes) previous.supportLeadDays = state.supportLeadDays;
  if ('blockResponseHours' in changes) previous.blockResponseHours = state.blockResponseHours;
  return previous;
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

/** What a reopened or added item withdraws, in both forms its event records. */
function withdrawal(state: LaunchState, change: WithdrawingChange) {
  const goes = withdrawnBy(state, change);
  return {
    supersededSignOffIds: goes.map((s) => s.id),
    withdrawn: goes.map((s) => ({ signOffId: s.id, team: s.team, signedById: s.signedById })),
  };
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
  const template = command.type === 'CREATE' ? templateFor(command, ctx) : null;

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
  const denied =
    authorize(actor, command, state) ??
    (command.type === 'CREATE' && template
      ? templateRefusal(actor, command, template, ctx)
      : null) ??
    (state ? policyRefusal(actor, command, state, ctx.now) : null);
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
    if (!template) throw WorkflowError.internal('CREATE without its template.');
    return createEvents(actor, command, template, ctx);
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
        : [
            event('UPDATED', state, actor, null, at, {
              changes,
              previous: previousOf(state, changes),
            }),
          ];
    }
    case 'ADD_ITEM': {
      const required = isRequiredAddition(command);
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
          ...withdrawal(state, command),
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
          ...withdrawal(state, command),
        }),
      ];
    }
    case 'SIGN_OFF': {
      const supersededSignOffIds = supersededBySignOff(
        state,
        actor,
        command.team,
        command.decision,
      );
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
      const to = nextStage(state.stage);
      const frozen = to ? windowsFreezing(ctx.freezeWindows ?? [], to, at) : [];
      const override = freezeOverrideOf(actor, command, frozen);
      const missing = [
        ...gateMissing(state, at),
        ...(override || !to ? [] : frozen.map((w) => freezeRequirement(w, to))),
      ];
      if (missing.length > 0 || !to) {
        throw WorkflowError.gateNotSatisfied(
          `The launch cannot leave ${stageLabel(state.stage)} yet: ${missing.length} requirement${missing.length === 1 ? ' is' : 's are'} unmet.`,
          missing,
        );
      }
      const advanced = event('ADVANCED', state, actor, null, at, {
        from: state.stage,
        to,
        ...(override ? { freezeOverride: override } : {}),
      });
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

/**
 * Break-glass (POLICIES.md): an admin's reason passes every window freezing the next stage;
 * with no window applying it is ignored and recorded nowhere.
 */
function freezeOverrideOf(
  actor: Actor,
  command: AdvanceCommand,
  frozen: readonly FreezeWindow[],
): FreezeOverride | null {
  const reason = command.freezeOverrideReason;
  if (actor.role !== 'ADMIN' || isBlank(reason) || frozen.length === 0) return null;
  return {
    windowIds: frozen.map((w) => w.id),
    windowNames: frozen.map((w) => w.name),
    reason: (reason as string).trim(),
  };
}

/**
 * The launch's own policy: who may not approve, the floor of supportLeadDays, and who may
 * advance through a freeze (a reason from anyone but an admin: FORBIDDEN, window or not).
 */
function policyRefusal(
  actor: Actor,
  command: LaunchCommand,
  state: LaunchState,
  now: string,
): WorkflowError | null {
  if (command.type === 'ADVANCE') {
    return command.freezeOverrideReason !== null &&
      command.freezeOverrideReason !== undefined &&
      actor.role !== 'ADMIN'
      ? WorkflowError.forbidden('Only an admin may advance a launch through a freeze window.')
      : null;
  }
  if (command.type === 'UPDATE') {
    return leadDaysFloorRefusal(
      actor,
      command.changes.supportLeadDays,
      state.supportLeadDays,
      state.policy.minSupportLeadDays,
    );
  }
  return approvalRefusal(actor, command, state, now);
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
