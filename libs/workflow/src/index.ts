/*
 * libs/workflow: every rule of GATES.md, as pure functions over plain data.
 *
 * How the API uses it, per command (inside its transaction, launch row locked):
 *   validateCommand(cmd, now)                  optional early BAD_USER_INPUT, before loading
 *   snap   = restoreSnapshot(row.snapshot)     or replay(events)
 *   events = decide(snap, actor, cmd, { now, newId })   throws WorkflowError on refusal
 *   for (e of events) snap = applyEvent(snap, e)        XState's pure transition()
 *   write persistSnapshot(snap), stateOf(snap) projections, one event row per event
 *   (version += events.length; [] only for an UPDATE that changes nothing: write nothing).
 *
 * Notifications: decide() appends SUPPORT_HEADS_UP itself; COMMENTED records the blocks it
 * answers (data.respondsTo). Timer-driven events come from dueSloNotifications(state,
 * sloHistory(events), policy, now), and nextSloDueAt() says when to look again; the API
 * appends them through the same path as commands. mayManageWebhooks / webhookEventTypes
 * are the webhook rules.
 *
 * Clients: viewerCan (role and stage), itemOptions, signOffOptions and
 * grantEarlyAccessRefusal (the exact answer a command would get now) and supportLeadTime
 * tell a UI what to offer and why not, so it keeps no copy of a rule.
 *
 * Projections: eventEffects(event) names the item and sign-off ids an event inserted or
 * changed, so the API rewrites just those rows from stateOf(snap); the launch row changes
 * with every event (updatedAt is the last event's `at`).
 */
export { ROLES } from './actor.js';
export type { Actor, Role } from './actor.js';
export { DECISIONS, REQUIREMENT_KINDS, SIGN_OFF_STATUSES } from './launch.types.js';
export type {
  ChecklistItemState,
  Decision,
  EarlyAccessState,
  LaunchPermissions,
  LaunchState,
  Readiness,
  Requirement,
  RequirementKind,
  SignOffState,
  SignOffStatus,
  StageReadiness,
  TeamReadiness,
} from './launch.types.js';
export {
  EVENT_DATA_DESCRIPTIONS,
  LAUNCH_EVENT_TYPES,
  NOTIFICATION_EVENT_TYPES,
  eventEffects,
  isLaunchEventType,
} from './launch.events.js';
export type {
  CreatedEvent,
  DomainEvent,
  EventDataMap,
  EventEffects,
  LaunchChanges,
  LaunchEventType,
  LaunchMachineEvent,
  NewItem,
  NotificationEventType,
} from './launch.events.js';
export {
  DEFAULT_BLOCK_RESPONSE_HOURS,
  DEFAULT_SUPPORT_LEAD_DAYS,
  LAUNCH_COMMAND_TYPES,
} from './launch.commands.js';
export type {
  AddItemCommand,
  AdvanceCommand,
  CancelCommand,
  CommentCommand,
  CompleteItemCommand,
  CreateLaunchCommand,
  GrantEarlyAccessCommand,
  LaunchCommand,
  LaunchCommandType,
  ReopenItemCommand,
  SignOffCommand,
  UpdateLaunchCommand,
  WaiveItemCommand,
} from './launch.commands.js';
export { KEY_PATTERN, LIMITS, isBlank, validateCommand } from './command.validation.js';
export { WorkflowError, WorkflowErrorCode } from './workflow.errors.js';
export { MACHINE_VERSION, launchMachine } from './launch.machine.js';
export {
  applyEvent,
  initialSnapshot,
  migrateSnapshot,
  persistSnapshot,
  replay,
  restoreSnapshot,
  stateOf,
} from './launch.snapshot.js';
export type { LaunchSnapshot, PersistedLaunchSnapshot, StoredSnapshot } from './launch.snapshot.js';
export { decide, notificationEvent } from './decide.js';
export type { DecideContext } from './decide.js';
export {
  actsForTeam,
  authorize,
  can,
  commandAllowedNow,
  mayAct,
  stageAllows,
  viewerCan,
} from './permissions.js';
export {
  activeSignOffOf,
  compareCodePoints,
  gateMissing,
  isBlocked,
  isGateSatisfied,
  leadDaysElapsed,
  readiness,
  supportLeadTime,
} from './readiness.js';
export type { SupportLeadTime } from './readiness.js';
export { grantEarlyAccessRefusal, itemOptions, signOffOptions } from './viewer-options.rules.js';
export type { ItemOptions, SignOffOptions } from './viewer-options.rules.js';
export { mayManageIdentity } from './identity.rules.js';
export {
  DEFAULT_AT_RISK_DAYS,
  EMPTY_SLO_HISTORY,
  ESCALATION_LEVELS,
  HEADS_UP_STAGES,
  blocksAnsweredBy,
  dueSloNotifications,
  nextSloDueAt,
  sloHistory,
  standingNoGos,
} from './slo.rules.js';
export type { SloHistory, SloHistoryEvent, SloPolicy } from './slo.rules.js';
export { mayManageWebhooks, webhookEventTypes } from './webhook.rules.js';
export { eventSummary } from './event-summary.js';
export type { WebhookCommand } from './webhook.rules.js';
export type { IdentityCommand } from './identity.rules.js';
// The shared vocabulary, so apps need only #workflow.
export {
  GATED_STAGES,
  ITEM_STATUSES,
  STAGES,
  TEAMS,
  TEMPLATE_NAMES,
  isFinalStage,
  nextStage,
  stageIndex,
} from '#checklists';
export type { ItemStatus, Stage, Team } from '#checklists';
export { describeHistory } from './event-sentence.js';
export type { NamedEvent } from './event-sentence.js';
export { WORK_KINDS, workFor } from './my-work.rules.js';
export type { LaunchAtStage, WorkItem, WorkKind } from './my-work.rules.js';
export { isAtRisk } from './launch-flags.rules.js';
