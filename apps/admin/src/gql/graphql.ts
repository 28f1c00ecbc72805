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
  /** Checklist template: "standard" (default) or "lite". */
  template?: string | null | undefined;
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
  /** Case-insensitive substring of key or name. */
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
  | 'LAUNCH_FIELD'
  | 'SIGN_OFF'
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


export type BoardQuery = { launches: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, key: string, name: string, stage: Stage, blocked: boolean, targetGaDate: string | null, updatedAt: string, readiness: { score: number, canAdvance: boolean, nextStage: Stage | null, missing: Array<{ kind: RequirementKind, team: Team | null, message: string }> } } }> } };

export type TeamGatePartsFragment = { team: Team, requiredItems: number, doneItems: number, signOff: { id: string, decision: Decision, comment: string | null, signedAt: string, signedBy: { id: string, name: string } } | null };

export type LaunchPageQueryVariables = Exact<{
  key: string;
}>;


export type LaunchPageQuery = { launch: { id: string, key: string, name: string, description: string | null, stage: Stage, blocked: boolean, version: number, targetGaDate: string | null, supportLeadDays: number, blockResponseHours: number, createdAt: string, updatedAt: string, coordinator: { id: string, name: string }, viewerCan: { advance: boolean, cancel: boolean, grantEarlyAccess: boolean, grantEarlyAccessRefusal: string | null, signOffs: Array<{ team: Team, go: boolean, goRefusal: string | null, commentRequiredForGo: boolean, commentRequiredForNoGo: boolean }>, items: Array<{ itemId: string, complete: boolean, waive: boolean, reopen: boolean }> }, earlyAccess: { grantedAt: string, url: string | null, notes: string | null, leadDaysElapsed: number, leadTimeMet: boolean, leadTimeMetAt: string, grantedBy: { id: string, name: string } } | null, checklist: Array<{ id: string, stage: Stage, team: Team, title: string, description: string | null, required: boolean, status: ItemStatus, evidenceUrl: string | null, note: string | null, completedAt: string | null, completedBy: { id: string, name: string } | null }>, readiness: { stage: Stage, nextStage: Stage | null, canAdvance: boolean, blocked: boolean, score: number, missing: Array<{ kind: RequirementKind, team: Team | null, message: string, itemId: string | null }>, stages: Array<{ stage: Stage, requiredItems: number, doneItems: number, teams: Array<{ team: Team, requiredItems: number, doneItems: number, signOff: { id: string, decision: Decision, comment: string | null, signedAt: string, signedBy: { id: string, name: string } } | null }> }> } } | null };

export type LaunchEventsQueryVariables = Exact<{
  key: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LaunchEventsQuery = { launch: { id: string, events: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sequence: number, type: string, stage: Stage, team: Team | null, at: string, data: unknown, actor: { id: string, name: string, role: Role } | null } }> } } | null };

export type GoNoGoQueryVariables = Exact<{
  key: string;
}>;


export type GoNoGoQuery = { launch: { id: string, key: string, name: string, stage: Stage, blocked: boolean, version: number, targetGaDate: string | null, supportLeadDays: number, viewerCan: { advance: boolean }, earlyAccess: { grantedAt: string, leadDaysElapsed: number, leadTimeMet: boolean, leadTimeMetAt: string } | null, readiness: { stage: Stage, nextStage: Stage | null, canAdvance: boolean, blocked: boolean, missing: Array<{ kind: RequirementKind, team: Team | null, message: string, itemId: string | null, item: { id: string, title: string } | null }>, stages: Array<{ stage: Stage, teams: Array<{ team: Team, requiredItems: number, doneItems: number, signOff: { id: string, decision: Decision, comment: string | null, signedAt: string, signedBy: { id: string, name: string } } | null }> }> } } | null };

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
}
    `, {"fragmentName":"TeamGateParts"}) as unknown as TypedDocumentString<TeamGatePartsFragment, unknown>;
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
        targetGaDate
        updatedAt
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
    coordinator {
      id
      name
    }
    viewerCan {
      advance
      cancel
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