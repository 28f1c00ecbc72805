/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Advance a launch through its current gate. */
export type AdvanceInput = {
  /** The version you read; a stale one gives CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** ADMIN only: advance through every freeze window of the next stage, for this reason (recorded on the ADVANCED event). */
  freezeOverrideReason?: string | null | undefined;
  /** The launch to move to its next stage. */
  launchId: string | number;
};

/** Cancel a launch that is not final. */
export type CancelInput = {
  /** The version you read; a stale one gives CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The launch to cancel. */
  launchId: string | number;
  /** Why, 1..5,000 characters. */
  reason: string;
};

/** A comment on a launch (any signed-in user but VIEWER). */
export type CommentInput = {
  /** 1..5,000 characters, not only whitespace. */
  body: string;
  /** The launch to comment on (final launches included). */
  launchId: string | number;
  /** An event of the same launch this answers; another launch’s event is NOT_FOUND. */
  replyToEventId?: string | number | null | undefined;
};

/** Marks an item DONE, optionally with evidence. */
export type CompleteItemInput = {
  /** http or https URL, up to 2,000 characters. */
  evidenceUrl?: string | null | undefined;
  /** The version you read; a stale one gives CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The OPEN item to mark DONE. */
  itemId: string | number;
  /** Up to 5,000 characters. */
  note?: string | null | undefined;
};

/** A new launch; the creator becomes its coordinator. */
export type CreateLaunchInput = {
  /** 0.001..720, default 24. */
  blockResponseHours?: number | null | undefined;
  /** Up to 10,000 characters. */
  description?: string | null | undefined;
  /** Unique slug: ^[a-z0-9][a-z0-9-]{1,62}$. */
  key: string;
  /** 1..200 characters. */
  name: string;
  /** 0..90, default 5. */
  supportLeadDays?: number | null | undefined;
  /** Not in the past; needed to leave PLANNING. */
  targetGaDate?: string | null | undefined;
  /** Checklist template name: "standard" (default), "lite", or one an admin made. */
  template?: string | null | undefined;
  /** The template's version; default the latest, an older one is for ADMINs. */
  templateVersion?: number | null | undefined;
};

/** A new user; email must be unique. */
export type CreateUserInput = {
  /** Unique (case-insensitive), up to 320 characters. */
  email: string;
  /** 1..200 characters, not only whitespace. */
  name: string;
  /** ADMIN, COORDINATOR, MEMBER or VIEWER. */
  role: Role;
  /** Teams the user acts for. */
  teams?: Array<Team> | null | undefined;
};

/** A new webhook endpoint. */
export type CreateWebhookInput = {
  /** Event types to send (see LaunchEvent.type); leave out for all. Empty: refused. */
  eventTypes?: Array<string> | null | undefined;
  /** JSON (default) or SLACK. */
  format?: WebhookFormat | null | undefined;
  /** http or https URL, up to 2,048 characters, without credentials (user:password@). Private, loopback and reserved addresses (IPv4-embedding IPv6 forms included) are refused unless WEBHOOK_ALLOWED_HOSTS names them. */
  url: string;
};

/** A team sign-off: GO, or NO_GO (blocks the gate). */
export type Decision =
  | 'GO'
  | 'NO_GO';

/** Give support early access to the feature. */
export type EarlyAccessInput = {
  /** The version you read; a stale one gives CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** A launch in BETA or later. */
  launchId: string | number;
  /** What support should know, up to 5,000 characters. */
  notes?: string | null | undefined;
  /** Staging environment or preview build (http or https). */
  url?: string | null | undefined;
};

/** A gate policy; fields left out take their defaults. */
export type GatePolicyInput = {
  /** Default []. */
  approvals?: Array<TeamApprovalsInput> | null | undefined;
  /** 0.001..720. */
  blockResponseHours?: number | null | undefined;
  /** Default true. */
  coordinatorMayApprove?: boolean | null | undefined;
  /** Default false. */
  distinctApprovers?: boolean | null | undefined;
  /** 1..365; null: a GO never expires. */
  goValidDays?: number | null | undefined;
  /** 0..supportLeadDays. */
  minSupportLeadDays?: number | null | undefined;
  /** 0..90, default 5. */
  supportLeadDays?: number | null | undefined;
};

/** Where a user comes from: LOCAL (created here) or OIDC (created or linked by a single sign-on). */
export type IdentitySource =
  | 'LOCAL'
  | 'OIDC';

/** OPEN until DONE (by its team) or WAIVED (by a coordinator). */
export type ItemStatus =
  | 'DONE'
  | 'OPEN'
  | 'WAIVED';

/** Narrows the launches list; all given conditions must hold. */
export type LaunchFilter = {
  /** Only blocked (true) or unblocked (false) launches. */
  blocked?: boolean | null | undefined;
  /** Case-insensitive substring of key or name, 1..200 characters. */
  search?: string | null | undefined;
  /** Only launches in this stage. */
  stage?: Stage | null | undefined;
};

/** Reopen or waive an item; the reason is required. */
export type ReasonedItemInput = {
  /** The version you read; a stale one gives CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The item to reopen or waive. */
  itemId: string | number;
  /** Why, 1..5,000 characters. */
  reason: string;
};

/** CHECKLIST_ITEM: a required item is OPEN; SIGN_OFF: a team has no ACTIVE sign-off; BLOCKED_BY_TEAM: a NO_GO stands; SUPPORT_LEAD_TIME: support early access too recent or missing; LAUNCH_FIELD: the launch lacks a field the gate needs. */
export type RequirementKind =
  | 'BLOCKED_BY_TEAM'
  | 'CHECKLIST_ITEM'
  | 'FREEZE_WINDOW'
  | 'LAUNCH_FIELD'
  | 'SIGN_OFF'
  | 'SIGN_OFF_EXPIRED'
  | 'SUPPORT_LEAD_TIME';

/** ADMIN manages users and may override; COORDINATOR runs launches; MEMBER acts for its teams; VIEWER only reads. */
export type Role =
  | 'ADMIN'
  | 'COORDINATOR'
  | 'MEMBER'
  | 'VIEWER';

/** GO, or NO_GO with a comment. */
export type SignOffInput = {
  /** Required for NO_GO and for an admin override. */
  comment?: string | null | undefined;
  /** GO, or NO_GO to block the gate. */
  decision: Decision;
  /** The version you read; a stale one gives CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** The launch; the sign-off is on its current stage. */
  launchId: string | number;
  /** The team signing. */
  team: Team;
};

/** ACTIVE counts for the gate; SUPERSEDED was replaced by the team's later sign-off or (GO only) by a reopened or added required item. */
export type SignOffStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'SUPERSEDED';

/** PLANNING -> ALPHA -> BETA -> DOCS_READY -> SUPPORT_TRAINED -> GA; any non-final stage -> CANCELLED. GA and CANCELLED are final. */
export type Stage =
  | 'ALPHA'
  | 'BETA'
  | 'CANCELLED'
  | 'DOCS_READY'
  | 'GA'
  | 'PLANNING'
  | 'SUPPORT_TRAINED';

/** The three teams that work a gate and sign it off. */
export type Team =
  | 'ENGINEERING'
  | 'PRODUCT'
  | 'SUPPORT';

/** Distinct people of a team whose GO a stage needs. */
export type TeamApprovalsInput = {
  /** 1..10. */
  approvals: number;
  /** Null: every stage. */
  stage?: Stage | null | undefined;
  /** The team. */
  team: Team;
};

/** A template version; on publish an omitted policy or description is inherited. */
export type TemplateInput = {
  /** Up to 2,000 characters. */
  description?: string | null | undefined;
  /** The items in full, at most 500. */
  items: Array<TemplateItemInput>;
  /** ^[a-z0-9][a-z0-9-]{1,62}$; "baseline" is reserved. */
  name: string;
  /** Omitted on publish: inherited. */
  policy?: GatePolicyInput | null | undefined;
};

/** One item of a new template version. */
export type TemplateItemInput = {
  /** Up to 2,000 characters. */
  description?: string | null | undefined;
  /** Default true. */
  required?: boolean;
  /** PLANNING..SUPPORT_TRAINED. */
  stage: Stage;
  /** The team responsible. */
  team: Team;
  /** 1..200 characters after trimming. */
  title: string;
};

/** What a token may change: COMMENT (addComment), ITEMS (complete and reopen items), SIGN_OFF (signOff), TICKETS (recordSupportTickets), MANAGE (every other mutation). Reading needs no scope; READ names a token that only reads. */
export type TokenScope =
  | 'COMMENT'
  | 'ITEMS'
  | 'MANAGE'
  | 'READ'
  | 'SIGN_OFF'
  | 'TICKETS';

/** Changes to a user; a field left out, or sent with its current value, does not change. */
export type UpdateUserInput = {
  /** 1..200 characters, not only whitespace. */
  name?: string | null | undefined;
  /** ADMIN only. */
  role?: Role | null | undefined;
  /** ADMIN only. */
  teams?: Array<Team> | null | undefined;
};

/** JSON: Standard Webhooks body { type, timestamp, data } with data the event as the API shows it. SLACK: a Slack incoming-webhook body { text } with a one-line summary and a link to the launch page. */
export type WebhookFormat =
  | 'JSON'
  | 'SLACK';

/** CHECKLIST_ITEM: your team's required item is open; SIGN_OFF: your team has not signed; LIFT_BLOCK: your team's NO_GO stands; ADVANCE: the gate of a launch you run is met; LAUNCH_FIELD: a launch you run lacks a field its gate needs. */
export type WorkKind =
  | 'ADVANCE'
  | 'CHECKLIST_ITEM'
  | 'LAUNCH_FIELD'
  | 'LIFT_BLOCK'
  | 'SIGN_OFF';

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, name: string, email: string, role: Role, teams: Array<Team>, active: boolean, managedBy: IdentitySource }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, role: Role, teams: Array<Team> } };

export type DeactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateUserMutation = { deactivateUser: { id: string, active: boolean } };

export type ReactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateUserMutation = { reactivateUser: { id: string, active: boolean } };

export type ApiTokensQueryVariables = Exact<{
  userId: string | number;
}>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, scopes: Array<TokenScope>, teams: Array<Team> | null, launchIds: Array<string> | null, expiresAt: string | null }> };

export type CreateApiTokenMutationVariables = Exact<{
  userId: string | number;
  name: string;
  scopes?: Array<TokenScope> | TokenScope | null | undefined;
  teams?: Array<Team> | Team | null | undefined;
  launchIds?: Array<string | number> | string | number | null | undefined;
  expiresAt?: string | null | undefined;
}>;


export type CreateApiTokenMutation = { createApiToken: { id: string, token: string } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string, role: Role, teams: Array<Team> } };

export type BoardQueryVariables = Exact<{
  filter?: LaunchFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BoardQuery = { launches: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, key: string, name: string, stage: Stage, blocked: boolean, atRisk: boolean, targetGaDate: string | null, updatedAt: string, coordinator: { id: string, name: string }, earlyAccess: { grantedAt: string } | null, signOffs: Array<{ stage: Stage, team: Team, decision: Decision, comment: string | null, signedAt: string }>, readiness: { score: number, canAdvance: boolean, nextStage: Stage | null, missing: Array<{ kind: RequirementKind, team: Team | null, message: string }> } } }> } };

export type TeamGatePartsFragment = { team: Team, requiredItems: number, doneItems: number, approvalsNeeded: number, approvals: number, signOff: { id: string, decision: Decision, comment: string | null, signedAt: string, signedBy: { id: string, name: string } } | null, signOffs: Array<{ id: string, decision: Decision, status: SignOffStatus, signedAt: string, expiresAt: string | null, signedBy: { id: string, name: string } }> };

export type LaunchPageQueryVariables = Exact<{
  key: string;
}>;


export type LaunchPageQuery = { launch: { id: string, key: string, name: string, description: string | null, stage: Stage, blocked: boolean, version: number, targetGaDate: string | null, supportLeadDays: number, blockResponseHours: number, createdAt: string, updatedAt: string, checklistTemplate: { name: string, version: number }, coordinator: { id: string, name: string }, viewerCan: { advance: boolean, cancel: boolean, comment: boolean, grantEarlyAccess: boolean, grantEarlyAccessRefusal: string | null, signOffs: Array<{ team: Team, go: boolean, goRefusal: string | null, commentRequiredForGo: boolean, commentRequiredForNoGo: boolean }>, items: Array<{ itemId: string, complete: boolean, waive: boolean, reopen: boolean }> }, earlyAccess: { grantedAt: string, url: string | null, notes: string | null, leadDaysElapsed: number, leadTimeMet: boolean, leadTimeMetAt: string, grantedBy: { id: string, name: string } } | null, checklist: Array<{ id: string, stage: Stage, team: Team, title: string, description: string | null, required: boolean, status: ItemStatus, evidenceUrl: string | null, note: string | null, completedAt: string | null, completedBy: { id: string, name: string } | null }>, readiness: { stage: Stage, nextStage: Stage | null, canAdvance: boolean, blocked: boolean, score: number, missing: Array<{ kind: RequirementKind, team: Team | null, message: string, itemId: string | null }>, stages: Array<{ stage: Stage, requiredItems: number, doneItems: number, teams: Array<{ team: Team, requiredItems: number, doneItems: number, approvalsNeeded: number, approvals: number, signOff: { id: string, decision: Decision, comment: string | null, signedAt: string, signedBy: { id: string, name: string } } | null, signOffs: Array<{ id: string, decision: Decision, status: SignOffStatus, signedAt: string, expiresAt: string | null, signedBy: { id: string, name: string } }> }> }> } } | null };

export type LaunchEventsQueryVariables = Exact<{
  key: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LaunchEventsQuery = { launch: { id: string, events: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sequence: number, type: string, stage: Stage, team: Team | null, at: string, data: unknown, summary: string, actor: { id: string, name: string, role: Role } | null } }> } } | null };

export type GoNoGoQueryVariables = Exact<{
  key: string;
}>;


export type GoNoGoQuery = { launch: { id: string, key: string, name: string, stage: Stage, blocked: boolean, version: number, targetGaDate: string | null, supportLeadDays: number, viewerCan: { advance: boolean }, earlyAccess: { grantedAt: string, leadDaysElapsed: number, leadTimeMet: boolean, leadTimeMetAt: string } | null, readiness: { stage: Stage, nextStage: Stage | null, canAdvance: boolean, blocked: boolean, missing: Array<{ kind: RequirementKind, team: Team | null, message: string, itemId: string | null, item: { id: string, title: string } | null }>, stages: Array<{ stage: Stage, teams: Array<{ team: Team, requiredItems: number, doneItems: number, approvalsNeeded: number, approvals: number, signOff: { id: string, decision: Decision, comment: string | null, signedAt: string, signedBy: { id: string, name: string } } | null, signOffs: Array<{ id: string, decision: Decision, status: SignOffStatus, signedAt: string, expiresAt: string | null, signedBy: { id: string, name: string } }> }> }> } } | null };

export type LaunchInputLimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type LaunchInputLimitsQuery = { launchInputLimits: { nameMaxLength: number, descriptionMaxLength: number, supportLeadDays: { min: number, max: number, wholeNumbers: boolean, defaultValue: number }, blockResponseHours: { min: number, max: number, wholeNumbers: boolean, defaultValue: number } } };

export type CreateLaunchMutationVariables = Exact<{
  input: CreateLaunchInput;
}>;


export type CreateLaunchMutation = { createLaunch: { id: string, key: string } };

export type CompleteItemMutationVariables = Exact<{
  input: CompleteItemInput;
}>;


export type CompleteItemMutation = { completeChecklistItem: { id: string, status: ItemStatus } };

export type ReopenItemMutationVariables = Exact<{
  input: ReasonedItemInput;
}>;


export type ReopenItemMutation = { reopenChecklistItem: { id: string, status: ItemStatus } };

export type WaiveItemMutationVariables = Exact<{
  input: ReasonedItemInput;
}>;


export type WaiveItemMutation = { waiveChecklistItem: { id: string, status: ItemStatus } };

export type SignOffMutationVariables = Exact<{
  input: SignOffInput;
}>;


export type SignOffMutation = { signOff: { id: string, decision: Decision, status: SignOffStatus } };

export type AdvanceMutationVariables = Exact<{
  input: AdvanceInput;
}>;


export type AdvanceMutation = { advanceLaunch: { id: string, stage: Stage, version: number } };

export type CancelMutationVariables = Exact<{
  input: CancelInput;
}>;


export type CancelMutation = { cancelLaunch: { id: string, stage: Stage, version: number } };

export type GrantEarlyAccessMutationVariables = Exact<{
  input: EarlyAccessInput;
}>;


export type GrantEarlyAccessMutation = { grantEarlyAccess: { id: string, version: number } };

export type LiveEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveEventsSubscription = { launchEvents: { id: string, launchId: string, sequence: number, type: string, team: Team | null, at: string, summary: string, actor: { id: string, name: string } | null } };

export type HeaderQueryVariables = Exact<{ [key: string]: never; }>;


export type HeaderQuery = { viewerCan: { createLaunch: boolean, manageUsers: boolean, manageWebhooks: boolean, manageTemplates: boolean }, myWork: Array<{ kind: WorkKind }> };

export type MyWorkQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWorkQuery = { myWork: Array<{ kind: WorkKind, stage: Stage, team: Team | null, message: string, waitingSince: string, item: { id: string } | null, launch: { id: string, key: string, name: string, stage: Stage, blocked: boolean, targetGaDate: string | null } }> };

export type AddCommentMutationVariables = Exact<{
  input: CommentInput;
}>;


export type AddCommentMutation = { addComment: { id: string, sequence: number } };

export type ViewerCanQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerCanQuery = { viewerCan: { createLaunch: boolean, manageTemplates: boolean } };

export type OutcomeReportPageQueryVariables = Exact<{
  windowDays?: number | null | undefined;
}>;


export type OutcomeReportPageQuery = { outcomeReport: { windowDays: number, cohorts: Array<{ name: string, launches: number, medianTicketsAfter: number | null, meanTicketsAfter: number | null }> }, baselineLaunches: Array<{ key: string, name: string, gaAt: string }> };

export type LaunchOutcomeQueryVariables = Exact<{
  key: string;
  windowDays?: number | null | undefined;
}>;


export type LaunchOutcomeQuery = { launch: { id: string, earlyAccess: { grantedAt: string } | null, outcome: { windowDays: number, gaAt: string | null, complete: boolean, ticketsBefore: number, ticketsAfter: number, allTicketsBefore: number, allTicketsAfter: number, daily: Array<{ day: string, count: number }> } } | null };

export type BoardOutcomesQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardOutcomesQuery = { launches: { edges: Array<{ node: { key: string, template: string, outcome: { complete: boolean, ticketsAfter: number } } }> }, outcomeReport: { cohorts: Array<{ name: string, medianTicketsAfter: number | null }> } };

export type TemplatePartsFragment = { name: string, version: number, description: string | null, archived: boolean, createdAt: string, createdBy: { id: string, name: string } | null, items: Array<{ stage: Stage, team: Team, title: string, description: string | null, required: boolean }>, policy: { goValidDays: number | null, distinctApprovers: boolean, coordinatorMayApprove: boolean, supportLeadDays: number, minSupportLeadDays: number, blockResponseHours: number, approvals: Array<{ team: Team, stage: Stage | null, approvals: number }> } };

export type TemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type TemplatesQuery = { templates: Array<{ name: string, version: number, description: string | null, archived: boolean, createdAt: string, createdBy: { id: string, name: string } | null, items: Array<{ stage: Stage, team: Team, title: string, description: string | null, required: boolean }>, policy: { goValidDays: number | null, distinctApprovers: boolean, coordinatorMayApprove: boolean, supportLeadDays: number, minSupportLeadDays: number, blockResponseHours: number, approvals: Array<{ team: Team, stage: Stage | null, approvals: number }> } }> };

export type TemplateQueryVariables = Exact<{
  name: string;
  version?: number | null | undefined;
}>;


export type TemplateQuery = { template: { name: string, version: number, description: string | null, archived: boolean, createdAt: string, createdBy: { id: string, name: string } | null, items: Array<{ stage: Stage, team: Team, title: string, description: string | null, required: boolean }>, policy: { goValidDays: number | null, distinctApprovers: boolean, coordinatorMayApprove: boolean, supportLeadDays: number, minSupportLeadDays: number, blockResponseHours: number, approvals: Array<{ team: Team, stage: Stage | null, approvals: number }> } } | null };

export type CreateTemplateMutationVariables = Exact<{
  input: TemplateInput;
}>;


export type CreateTemplateMutation = { createTemplate: { name: string, version: number } };

export type PublishTemplateVersionMutationVariables = Exact<{
  input: TemplateInput;
}>;


export type PublishTemplateVersionMutation = { publishTemplateVersion: { name: string, version: number } };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { webhooks: Array<{ id: string, url: string, format: WebhookFormat, eventTypes: Array<string>, enabled: boolean, disabledReason: string | null, consecutiveFailures: number, createdAt: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  webhookId: string | number;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { edges: Array<{ node: { id: string, eventId: string, at: string, attempt: number, status: string, responseCode: number | null, durationMs: number, error: string | null } }> } };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { createWebhook: { secret: string, webhook: { id: string } } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string } };

export type EnableWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableWebhookMutation = { enableWebhook: { id: string, enabled: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TeamGatePartsFragmentDoc = new TypedDocumentString(`
    fragment TeamGateParts on TeamGate {
  team
  requiredItems
  doneItems
  signOff {
    id
    decision
    comment
    signedAt
    signedBy {
      id
      name
    }
  }
  approvalsNeeded
  approvals
  signOffs {
    id
    decision
    status
    signedAt
    expiresAt
    signedBy {
      id
      name
    }
  }
}
    `, {"fragmentName":"TeamGateParts"}) as unknown as TypedDocumentString<TeamGatePartsFragment, unknown>;
export const TemplatePartsFragmentDoc = new TypedDocumentString(`
    fragment TemplateParts on ChecklistTemplate {
  name
  version
  description
  archived
  createdAt
  createdBy {
    id
    name
  }
  items {
    stage
    team
    title
    description
    required
  }
  policy {
    approvals {
      team
      stage
      approvals
    }
    goValidDays
    distinctApprovers
    coordinatorMayApprove
    supportLeadDays
    minSupportLeadDays
    blockResponseHours
  }
}
    `, {"fragmentName":"TemplateParts"}) as unknown as TypedDocumentString<TemplatePartsFragment, unknown>;
export const UsersDocument = new TypedDocumentString(`
    query Users {
  users {
    id
    name
    email
    role
    teams
    active
    managedBy
  }
}
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    id
    role
    teams
  }
}
    `) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($id: ID!) {
  deactivateUser(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($id: ID!) {
  reactivateUser(id: $id) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens($userId: ID!) {
  apiTokens(userId: $userId) {
    id
    name
    createdAt
    lastUsedAt
    revokedAt
    scopes
    teams
    launchIds
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($userId: ID!, $name: String!, $scopes: [TokenScope!], $teams: [Team!], $launchIds: [ID!], $expiresAt: DateTime) {
  createApiToken(
    userId: $userId
    name: $name
    scopes: $scopes
    teams: $teams
    launchIds: $launchIds
    expiresAt: $expiresAt
  ) {
    id
    token
  }
}
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    email
    role
    teams
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const BoardDocument = new TypedDocumentString(`
    query Board($filter: LaunchFilter, $first: Int, $after: String) {
  launches(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        key
        name
        stage
        blocked
        atRisk
        targetGaDate
        updatedAt
        coordinator {
          id
          name
        }
        earlyAccess {
          grantedAt
        }
        signOffs {
          stage
          team
          decision
          comment
          signedAt
        }
        readiness {
          score
          canAdvance
          nextStage
          missing {
            kind
            team
            message
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BoardQuery, BoardQueryVariables>;
export const LaunchPageDocument = new TypedDocumentString(`
    query LaunchPage($key: String!) {
  launch(key: $key) {
    id
    key
    name
    description
    stage
    blocked
    version
    targetGaDate
    supportLeadDays
    blockResponseHours
    createdAt
    updatedAt
    checklistTemplate {
      name
      version
    }
    coordinator {
      id
      name
    }
    viewerCan {
      advance
      cancel
      comment
      grantEarlyAccess
      grantEarlyAccessRefusal
      signOffs {
        team
        go
        goRefusal
        commentRequiredForGo
        commentRequiredForNoGo
      }
      items {
        itemId
        complete
        waive
        reopen
      }
    }
    earlyAccess {
      grantedAt
      grantedBy {
        id
        name
      }
      url
      notes
      leadDaysElapsed
      leadTimeMet
      leadTimeMetAt
    }
    checklist {
      id
      stage
      team
      title
      description
      required
      status
      evidenceUrl
      note
      completedBy {
        id
        name
      }
      completedAt
    }
    readiness {
      stage
      nextStage
      canAdvance
      blocked
      score
      missing {
        kind
        team
        message
        itemId
      }
      stages {
        stage
        requiredItems
        doneItems
        teams {
          ...TeamGateParts
        }
      }
    }
  }
}
    fragment TeamGateParts on TeamGate {
  team
  requiredItems
  doneItems
  signOff {
    id
    decision
    comment
    signedAt
    signedBy {
      id
      name
    }
  }
  approvalsNeeded
  approvals
  signOffs {
    id
    decision
    status
    signedAt
    expiresAt
    signedBy {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<LaunchPageQuery, LaunchPageQueryVariables>;
export const LaunchEventsDocument = new TypedDocumentString(`
    query LaunchEvents($key: String!, $first: Int, $after: String) {
  launch(key: $key) {
    id
    events(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          sequence
          type
          stage
          team
          at
          data
          summary
          actor {
            id
            name
            role
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LaunchEventsQuery, LaunchEventsQueryVariables>;
export const GoNoGoDocument = new TypedDocumentString(`
    query GoNoGo($key: String!) {
  launch(key: $key) {
    id
    key
    name
    stage
    blocked
    version
    targetGaDate
    supportLeadDays
    viewerCan {
      advance
    }
    earlyAccess {
      grantedAt
      leadDaysElapsed
      leadTimeMet
      leadTimeMetAt
    }
    readiness {
      stage
      nextStage
      canAdvance
      blocked
      missing {
        kind
        team
        message
        itemId
        item {
          id
          title
        }
      }
      stages {
        stage
        teams {
          ...TeamGateParts
        }
      }
    }
  }
}
    fragment TeamGateParts on TeamGate {
  team
  requiredItems
  doneItems
  signOff {
    id
    decision
    comment
    signedAt
    signedBy {
      id
      name
    }
  }
  approvalsNeeded
  approvals
  signOffs {
    id
    decision
    status
    signedAt
    expiresAt
    signedBy {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<GoNoGoQuery, GoNoGoQueryVariables>;
export const LaunchInputLimitsDocument = new TypedDocumentString(`
    query LaunchInputLimits {
  launchInputLimits {
    nameMaxLength
    descriptionMaxLength
    supportLeadDays {
      min
      max
      wholeNumbers
      defaultValue
    }
    blockResponseHours {
      min
      max
      wholeNumbers
      defaultValue
    }
  }
}
    `) as unknown as TypedDocumentString<LaunchInputLimitsQuery, LaunchInputLimitsQueryVariables>;
export const CreateLaunchDocument = new TypedDocumentString(`
    mutation CreateLaunch($input: CreateLaunchInput!) {
  createLaunch(input: $input) {
    id
    key
  }
}
    `) as unknown as TypedDocumentString<CreateLaunchMutation, CreateLaunchMutationVariables>;
export const CompleteItemDocument = new TypedDocumentString(`
    mutation CompleteItem($input: CompleteItemInput!) {
  completeChecklistItem(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CompleteItemMutation, CompleteItemMutationVariables>;
export const ReopenItemDocument = new TypedDocumentString(`
    mutation ReopenItem($input: ReasonedItemInput!) {
  reopenChecklistItem(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReopenItemMutation, ReopenItemMutationVariables>;
export const WaiveItemDocument = new TypedDocumentString(`
    mutation WaiveItem($input: ReasonedItemInput!) {
  waiveChecklistItem(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<WaiveItemMutation, WaiveItemMutationVariables>;
export const SignOffDocument = new TypedDocumentString(`
    mutation SignOff($input: SignOffInput!) {
  signOff(input: $input) {
    id
    decision
    status
  }
}
    `) as unknown as TypedDocumentString<SignOffMutation, SignOffMutationVariables>;
export const AdvanceDocument = new TypedDocumentString(`
    mutation Advance($input: AdvanceInput!) {
  advanceLaunch(input: $input) {
    id
    stage
    version
  }
}
    `) as unknown as TypedDocumentString<AdvanceMutation, AdvanceMutationVariables>;
export const CancelDocument = new TypedDocumentString(`
    mutation Cancel($input: CancelInput!) {
  cancelLaunch(input: $input) {
    id
    stage
    version
  }
}
    `) as unknown as TypedDocumentString<CancelMutation, CancelMutationVariables>;
export const GrantEarlyAccessDocument = new TypedDocumentString(`
    mutation GrantEarlyAccess($input: EarlyAccessInput!) {
  grantEarlyAccess(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<GrantEarlyAccessMutation, GrantEarlyAccessMutationVariables>;
export const LiveEventsDocument = new TypedDocumentString(`
    subscription LiveEvents {
  launchEvents {
    id
    launchId
    sequence
    type
    team
    at
    summary
    actor {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<LiveEventsSubscription, LiveEventsSubscriptionVariables>;
export const HeaderDocument = new TypedDocumentString(`
    query Header {
  viewerCan {
    createLaunch
    manageUsers
    manageWebhooks
    manageTemplates
  }
  myWork {
    kind
  }
}
    `) as unknown as TypedDocumentString<HeaderQuery, HeaderQueryVariables>;
export const MyWorkDocument = new TypedDocumentString(`
    query MyWork {
  myWork {
    kind
    stage
    team
    message
    waitingSince
    item {
      id
    }
    launch {
      id
      key
      name
      stage
      blocked
      targetGaDate
    }
  }
}
    `) as unknown as TypedDocumentString<MyWorkQuery, MyWorkQueryVariables>;
export const AddCommentDocument = new TypedDocumentString(`
    mutation AddComment($input: CommentInput!) {
  addComment(input: $input) {
    id
    sequence
  }
}
    `) as unknown as TypedDocumentString<AddCommentMutation, AddCommentMutationVariables>;
export const ViewerCanDocument = new TypedDocumentString(`
    query ViewerCan {
  viewerCan {
    createLaunch
    manageTemplates
  }
}
    `) as unknown as TypedDocumentString<ViewerCanQuery, ViewerCanQueryVariables>;
export const OutcomeReportPageDocument = new TypedDocumentString(`
    query OutcomeReportPage($windowDays: Int) {
  outcomeReport(windowDays: $windowDays) {
    windowDays
    cohorts {
      name
      launches
      medianTicketsAfter
      meanTicketsAfter
    }
  }
  baselineLaunches {
    key
    name
    gaAt
  }
}
    `) as unknown as TypedDocumentString<OutcomeReportPageQuery, OutcomeReportPageQueryVariables>;
export const LaunchOutcomeDocument = new TypedDocumentString(`
    query LaunchOutcome($key: String!, $windowDays: Int) {
  launch(key: $key) {
    id
    earlyAccess {
      grantedAt
    }
    outcome(windowDays: $windowDays) {
      windowDays
      gaAt
      complete
      ticketsBefore
      ticketsAfter
      allTicketsBefore
      allTicketsAfter
      daily {
        day
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LaunchOutcomeQuery, LaunchOutcomeQueryVariables>;
export const BoardOutcomesDocument = new TypedDocumentString(`
    query BoardOutcomes {
  launches(filter: {stage: GA}, first: 100) {
    edges {
      node {
        key
        template
        outcome {
          complete
          ticketsAfter
        }
      }
    }
  }
  outcomeReport {
    cohorts {
      name
      medianTicketsAfter
    }
  }
}
    `) as unknown as TypedDocumentString<BoardOutcomesQuery, BoardOutcomesQueryVariables>;
export const TemplatesDocument = new TypedDocumentString(`
    query Templates {
  templates {
    ...TemplateParts
  }
}
    fragment TemplateParts on ChecklistTemplate {
  name
  version
  description
  archived
  createdAt
  createdBy {
    id
    name
  }
  items {
    stage
    team
    title
    description
    required
  }
  policy {
    approvals {
      team
      stage
      approvals
    }
    goValidDays
    distinctApprovers
    coordinatorMayApprove
    supportLeadDays
    minSupportLeadDays
    blockResponseHours
  }
}`) as unknown as TypedDocumentString<TemplatesQuery, TemplatesQueryVariables>;
export const TemplateDocument = new TypedDocumentString(`
    query Template($name: String!, $version: Int) {
  template(name: $name, version: $version) {
    ...TemplateParts
  }
}
    fragment TemplateParts on ChecklistTemplate {
  name
  version
  description
  archived
  createdAt
  createdBy {
    id
    name
  }
  items {
    stage
    team
    title
    description
    required
  }
  policy {
    approvals {
      team
      stage
      approvals
    }
    goValidDays
    distinctApprovers
    coordinatorMayApprove
    supportLeadDays
    minSupportLeadDays
    blockResponseHours
  }
}`) as unknown as TypedDocumentString<TemplateQuery, TemplateQueryVariables>;
export const CreateTemplateDocument = new TypedDocumentString(`
    mutation CreateTemplate($input: TemplateInput!) {
  createTemplate(input: $input) {
    name
    version
  }
}
    `) as unknown as TypedDocumentString<CreateTemplateMutation, CreateTemplateMutationVariables>;
export const PublishTemplateVersionDocument = new TypedDocumentString(`
    mutation PublishTemplateVersion($input: TemplateInput!) {
  publishTemplateVersion(input: $input) {
    name
    version
  }
}
    `) as unknown as TypedDocumentString<PublishTemplateVersionMutation, PublishTemplateVersionMutationVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks {
  webhooks {
    id
    url
    format
    eventTypes
    enabled
    disabledReason
    consecutiveFailures
    createdAt
  }
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($webhookId: ID!) {
  webhookDeliveries(webhookId: $webhookId, first: 20) {
    edges {
      node {
        id
        eventId
        at
        attempt
        status
        responseCode
        durationMs
        error
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation CreateWebhook($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    secret
    webhook {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    secret
  }
}
    `) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const EnableWebhookDocument = new TypedDocumentString(`
    mutation EnableWebhook($id: ID!) {
  enableWebhook(id: $id) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<EnableWebhookMutation, EnableWebhookMutationVariables>;