/*
 * libs/workflow: every rule of GATES.md, as pure functions over plain data.
 *
 * How the API uses it, per command (inside its transaction, launch row locked):
 *   snap = restoreSnapshot(row)                 (null when no launch has the id)
 *   { events, snapshot, answer } = runCommand({ actor, command, launch: { snapshot: snap,
 *       version }, expectedVersion, now, newId })   one call: throws WorkflowError on refusal
 *   write persistSnapshot(snapshot), stateOf(snapshot) projections, one event row per event
 *   (version += events.length; [] only for an UPDATE that changes nothing: write nothing),
 *   and answer the client with `answer` (the launch, the item, the sign-off...).
 *
 * Notifications: runCommand appends SUPPORT_HEADS_UP itself; COMMENTED records the blocks it
 * answers (data.respondsTo). Timer-driven events come from dueSloNotifications(state,
 * sloHistory(events), policy, now), and nextSloDueAt() says when to look again; the API
 * appends them through the same path as commands. mayManageWebhooks / webhookEventTypes
 * are the webhook rules. Outcomes (outcome.rules.ts, zendesk.rules.ts): who may record
 * tickets, windows around GA, ticket input, and OUTCOME_MEASURED, the timer event a GA
 * launch still gets.
 *
 * Clients: viewerCan (role and stage), itemOptions, signOffOptions and
 * grantEarlyAccessRefusal (the exact answer a command would get now), addItemStages and
 * supportLeadTime tell a UI what to offer and why not, and withdrawnBy whose GOs a reopen or
 * an added item would withdraw (the same function decide records it with), so it keeps no
 * copy of a rule.
 *
 * Projections: eventEffects(event) names the item and sign-off ids an event inserted or
 * changed, so the API rewrites just those rows from stateOf(snap); the launch row changes
 * with every event (updatedAt is the last event's `at`).
 */
export { ROLES, TOKEN_SCOPES } from './actor.js';
export type { Actor, Role, TokenLimits, TokenScope } from './actor.js';
export { DECISIONS, REQUIREMENT_KINDS, SIGN_OFF_STATUSES } from './launch.types.js';
export type {
  ChecklistItemState,
  Decision,
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
export { EVENT_DATA_DESCRIPTIONS, LAUNCH_EVENT_TYPES, eventEffects } from './launch.events.js';
export type { DomainEvent, FreezeOverride, LaunchEventType, WithdrawnGo } from './launch.events.js';
export type { CreateLaunchCommand, LaunchCommandType } from './launch.commands.js';
export { checkTemplateInput } from '#checklists';
export type { TemplateDefinition, TemplateInput } from '#checklists';
export { KEY_PATTERN, LIMITS, isBlank } from './command.validation.js';
export { DEFAULT_BLOCK_RESPONSE_HOURS, DEFAULT_SUPPORT_LEAD_DAYS } from './launch.commands.js';
export { WorkflowError } from './workflow.errors.js';
export type { WorkflowErrorCode } from './workflow.errors.js';
export {
  applyEvent,
  migrateSnapshot,
  persistSnapshot,
  replay,
  restoreSnapshot,
  signOffHistory,
  stateOf,
} from './launch.snapshot.js';
export type { LaunchSnapshot } from './launch.snapshot.js';
export { runCommand } from './command.runner.js';
export type { CommandAnswers, CommandOf } from './command.runner.js';
export { viewerCan } from './permissions.js';
export { viewerPermissions } from './viewer-permissions.rules.js';
export type { ViewerPermissions } from './viewer-permissions.rules.js';
export { isBlocked, readiness, supportLeadTime } from './readiness.js';
export {
  FREEZABLE_STAGES,
  FREEZE_WINDOW_LIMITS,
  checkFreezeWindowInput,
  endFreezeWindowRefusal,
  freezeWindowCommandRefusal,
  freezeWindowRange,
  windowInEffect,
} from './freeze-window.rules.js';
export type {
  FreezeWindow,
  FreezeWindowDefinition,
  FreezeWindowInput,
} from './freeze-window.rules.js';
export { checkAsOf, readinessAsOf } from './readiness-as-of.rules.js';
export type { ReadinessAsOf } from './readiness-as-of.rules.js';
export { plan } from './launch-plan.rules.js';
export type { LaunchPlan } from './launch-plan.rules.js';
export type { SupportLeadTime } from './readiness.js';
export {
  addItemStages,
  grantEarlyAccessRefusal,
  itemOptions,
  signOffOptions,
} from './viewer-options.rules.js';
export type { ItemOptions, SignOffOptions } from './viewer-options.rules.js';
export { approveFor } from './approval.rules.js';
export { goExpiresAt, signOffStatusAt } from './sign-off.rules.js';
export { withdrawnBy } from './withdrawal.rules.js';
export type { WithdrawingChange } from './withdrawal.rules.js';
export { templateCommandRefusal } from './template.rules.js';
export type { TemplateCommand } from './template.rules.js';
export {
  BASELINE_COHORT,
  MEASURED_WINDOW_DAYS,
  OUTCOME_COMMAND_SCOPES,
  OUTCOME_LIMITS,
  checkWindowDays,
  compareCohorts,
  dailySeries,
  gaReachedAt,
  isOutcomeComplete,
  launchKeysOf,
  normalizeBaselineBatch,
  normalizeTicket,
  normalizeTicketBatch,
  outcomeMeasureDueAt,
  outcomeMeasuredEvent,
  outcomeRefusal,
  outcomeWindow,
  parseInstant,
  reportRange,
  sameBaseline,
  unknownLaunchKeys,
} from './outcome.rules.js';
export type {
  BaselineLaunchInput,
  OutcomeCommand,
  OutcomeWindow,
  Ticket,
  TicketInput,
} from './outcome.rules.js';
export {
  DEFAULT_ZENDESK_LAUNCH_TAG_PREFIX,
  ZENDESK_REPLAY_WINDOW_MS,
  ZENDESK_SOURCE,
  zendeskLaunchKey,
  zendeskTicket,
  zendeskTimestampRefusal,
} from './zendesk.rules.js';
export type { ZendeskTicket } from './zendesk.rules.js';
export {
  deactivationRefusal,
  identityRefusal,
  mayManageIdentity,
  userUpdate,
} from './identity.rules.js';
export type { IdentityCommand, UserChanges, UserFacts, UserUpdateInput } from './identity.rules.js';
export {
  MANAGE_TARGET,
  tokenGrant,
  tokenGrantRefusal,
  tokenRefusal,
  tokenScopes,
} from './token-limits.rules.js';
export type { MutationTarget, TokenGrant, TokenGrantInput } from './token-limits.rules.js';
export { mappedAccess, signInRole } from './sso.rules.js';
export type { GroupMapping } from './sso.rules.js';
export {
  EMPTY_SLO_HISTORY,
  dueSloNotifications,
  nextSloDueAt,
  persistSloHistory,
  restoreSloHistory,
  sloHistory,
} from './slo.rules.js';
export type { PersistedSloHistory, SloHistory, SloPolicy } from './slo.rules.js';
export { mayManageWebhooks, webhookEventTypes, webhookRefusal } from './webhook.rules.js';
export type { WebhookCommand } from './webhook.rules.js';
export { eventSummary } from './event-summary.js';
// The shared vocabulary, so apps need only #workflow.
export { ChecklistError, ITEM_STATUSES, STAGES, TEAMS } from '#checklists';
export type {
  ChecklistErrorCode,
  GatePolicy,
  ItemStatus,
  Stage,
  Team,
  TemplateVersion,
} from '#checklists';
export { describeHistory } from './event-sentence.js';
export type { NamedEvent } from './event-sentence.js';
export { WORK_KINDS, workFor } from './my-work.rules.js';
export type { LaunchAtStage, WorkItem, WorkKind } from './my-work.rules.js';
export { isAtRisk } from './launch-flags.rules.js';
