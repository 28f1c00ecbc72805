import type { GatePolicy, Stage, Team } from '#checklists';
import type { ChecklistItemState } from './launch.types.js';

/** Break-glass recorded on an ADVANCED event: the windows passed and the admin's reason. */
export interface FreezeOverride {
  readonly windowIds: readonly string[];
  /** The windows' names as they were, in the order of windowIds, for the audit trail. */
  readonly windowNames: readonly string[];
  readonly reason: string;
}

export const LAUNCH_EVENT_TYPES = [
  'CREATED',
  'UPDATED',
  'ITEM_ADDED',
  'ITEM_COMPLETED',
  'ITEM_REOPENED',
  'ITEM_WAIVED',
  'SIGNED_GO',
  'SIGNED_NO_GO',
  'ADVANCED',
  'CANCELLED',
  'EARLY_ACCESS_GRANTED',
  'COMMENTED',
  'BLOCK_ESCALATED',
  'AT_RISK',
  'SUPPORT_HEADS_UP',
  'OUTCOME_MEASURED',
  'SIGN_OFF_EXPIRED',
] as const;
export type LaunchEventType = (typeof LAUNCH_EVENT_TYPES)[number];

/** An item as it is created: the item state minus everything that only changes later. */
export type NewItem = Pick<
  ChecklistItemState,
  'id' | 'stage' | 'team' | 'title' | 'description' | 'required' | 'position'
>;

/** The launch fields UPDATE may change; a key present means "set to this value". */
export interface LaunchChanges {
  name?: string;
  description?: string | null;
  targetGaDate?: string | null;
  supportLeadDays?: number;
  blockResponseHours?: number;
}

/**
 * A GO a checklist change superseded, with its team and signer, so a reader of that one
 * event (a webhook, a chat line) can say whose. Absent in logs written before it: the
 * state changes only by supersededSignOffIds, so replay is the same either way.
 */
export interface WithdrawnGo {
  signOffId: string;
  team: Team;
  signedById: string;
}

export interface EventDataMap {
  CREATED: {
    id: string;
    key: string;
    name: string;
    description: string | null;
    coordinatorId: string;
    targetGaDate: string | null;
    supportLeadDays: number;
    blockResponseHours: number;
    template: string;
    /** Absent in logs written before templates were versioned: version 1. */
    templateVersion?: number;
    /** Absent in logs written before gate policies: the default policy. */
    policy?: GatePolicy;
    items: NewItem[];
  };
  /** `previous` holds the changed fields' values before (absent in older logs). */
  UPDATED: { changes: LaunchChanges; previous?: LaunchChanges };
  ITEM_ADDED: { item: NewItem; supersededSignOffIds: string[]; withdrawn?: WithdrawnGo[] };
  ITEM_COMPLETED: { itemId: string; evidenceUrl: string | null; note: string | null };
  ITEM_REOPENED: {
    itemId: string;
    reason: string;
    supersededSignOffIds: string[];
    withdrawn?: WithdrawnGo[];
  };
  ITEM_WAIVED: { itemId: string; reason: string };
  SIGNED_GO: {
    signOffId: string;
    comment: string | null;
    override: boolean;
    supersededSignOffIds: string[];
  };
  SIGNED_NO_GO: { signOffId: string; comment: string; supersededSignOffIds: string[] };
  /** freezeOverride: an admin advanced through these windows (absent when none applied). */
  ADVANCED: { from: Stage; to: Stage; freezeOverride?: FreezeOverride };
  CANCELLED: { from: Stage; reason: string };
  EARLY_ACCESS_GRANTED: { url: string | null; notes: string | null };
  COMMENTED: { body: string; replyToEventId: string | null; respondsTo: string[] };
  BLOCK_ESCALATED: { signOffId: string; team: Team; level: number };
  AT_RISK: { targetGaDate: string; daysLeft: number };
  SUPPORT_HEADS_UP: { stage: Stage };
  OUTCOME_MEASURED: {
    windowDays: number;
    ticketsBefore: number;
    ticketsAfter: number;
    allTicketsBefore: number;
    allTicketsAfter: number;
  };
  SIGN_OFF_EXPIRED: { signOffId: string; team: Team; stage: Stage; signedAt: string };
}

/**
 * One entry of a launch's audit log. `stage` is the stage the launch was in when it
 * happened; `team` the team the event concerns (the item's or sign-off's team).
 */
export type DomainEvent<T extends LaunchEventType = LaunchEventType> = {
  [K in T]: {
    readonly type: K;
    readonly at: string;
    readonly actorId: string | null;
    readonly team: Team | null;
    readonly stage: Stage;
    readonly data: EventDataMap[K];
  };
}[T];

export type CreatedEvent = DomainEvent<'CREATED'>;
/** Every event after CREATED (CREATED is the machine's input, the rest are its events). */
export type LaunchMachineEvent = DomainEvent<Exclude<LaunchEventType, 'CREATED'>>;

/** Documentation of each event's `data`, for the API's schema descriptions. */
export const EVENT_DATA_DESCRIPTIONS: Record<LaunchEventType, string> = {
  CREATED:
    'The launch was created: data holds every launch field (id, key, name, description, coordinatorId, targetGaDate, supportLeadDays, blockResponseHours, template, templateVersion, policy) and items, the checklist copied from the template, each { id, stage, team, title, description, required, position }.',
  UPDATED:
    'Launch fields changed: data.changes maps each changed field (name, description, targetGaDate, supportLeadDays, blockResponseHours) to its new value, and data.previous maps each to its value before.',
  ITEM_ADDED:
    'A checklist item was added: data.item is { id, stage, team, title, description, required, position }; data.supersededSignOffIds lists the GOs it superseded (a required item added to the current stage), and data.withdrawn the same GOs as { signOffId, team, signedById } (absent in events written before it).',
  ITEM_COMPLETED: 'A checklist item was marked DONE: data is { itemId, evidenceUrl, note }.',
  ITEM_REOPENED:
    'A checklist item went back to OPEN: data is { itemId, reason, supersededSignOffIds, withdrawn }, supersededSignOffIds listing the GOs on its stage that reopening a required item superseded and withdrawn the same GOs as { signOffId, team, signedById } (absent in events written before it).',
  ITEM_WAIVED: 'A checklist item was WAIVED: data is { itemId, reason }.',
  SIGNED_GO:
    "A team signed GO on the current stage: data is { signOffId, comment, override, supersededSignOffIds }; override is true when an admin outside the team lifted the team's NO_GO, and supersededSignOffIds holds the team's previous sign-off on the stage.",
  SIGNED_NO_GO:
    "A team signed NO_GO on the current stage, blocking it: data is { signOffId, comment, supersededSignOffIds }, the last holding the team's previous sign-off on the stage.",
  ADVANCED:
    'The launch passed a gate: data is { from, to } (stages), and freezeOverride { windowIds, windowNames, reason } when an admin advanced through freeze windows of the next stage.',
  CANCELLED: 'The launch was cancelled: data is { from, reason }.',
  EARLY_ACCESS_GRANTED:
    'Support was given early access: data is { url, notes }; the event time is the grant time that counts toward supportLeadDays.',
  COMMENTED:
    "Someone commented: data is { body, replyToEventId, respondsTo }; respondsTo lists the standing NO_GO sign-offs of teams the commenter is not in (the first such comment is that block's first response, which stops its escalation).",
  BLOCK_ESCALATED:
    'A NO_GO went unanswered (no comment from outside the blocking team) for blockResponseHours: data is { signOffId, team, level }; level 1 at blockResponseHours, level 2 at twice that. No actor.',
  AT_RISK:
    "The target GA date is within the installation's AT_RISK_DAYS and the launch is not yet SUPPORT_TRAINED: data is { targetGaDate, daysLeft } (whole days left, rounded down, never negative). Raised once per stage. No actor.",
  SUPPORT_HEADS_UP:
    'Support is told what is coming, in the same change as the advance into BETA, DOCS_READY, SUPPORT_TRAINED or GA, or the early-access grant: data is { stage }, the stage the launch is now in. No actor; team SUPPORT.',
  OUTCOME_MEASURED:
    "The launch's first window after GA completed: data is { windowDays, ticketsBefore, ticketsAfter, allTicketsBefore, allTicketsAfter }, its support tickets in the windowDays before and after GA and the organization's in the same windows. Once per GA launch; no actor.",
  SIGN_OFF_EXPIRED:
    "A GO on the current stage passed the launch's goValidDays and no longer counts: data is { signOffId, team, stage, signedAt }. It changes no gate state (expiry is a function of time); the person signs GO again to re-confirm. No actor.",
};

/** What an event changed, so projections rewrite only those rows. */
export interface EventEffects {
  /** Launch-row fields (stage, name, early access, updatedAt...). Always true: updatedAt moves. */
  readonly launch: true;
  /** Items inserted or whose row changed. */
  readonly itemIds: readonly string[];
  /** Sign-offs inserted or whose status changed. */
  readonly signOffIds: readonly string[];
}

export function eventEffects(event: DomainEvent): EventEffects {
  switch (event.type) {
    case 'CREATED':
      return { launch: true, itemIds: event.data.items.map((i) => i.id), signOffIds: [] };
    case 'ITEM_ADDED':
      return {
        launch: true,
        itemIds: [event.data.item.id],
        signOffIds: [...event.data.supersededSignOffIds],
      };
    case 'ITEM_COMPLETED':
    case 'ITEM_WAIVED':
      return { launch: true, itemIds: [event.data.itemId], signOffIds: [] };
    case 'ITEM_REOPENED':
      return {
        launch: true,
        itemIds: [event.data.itemId],
        signOffIds: [...event.data.supersededSignOffIds],
      };
    case 'SIGNED_GO':
    case 'SIGNED_NO_GO':
      return {
        launch: true,
        itemIds: [],
        signOffIds: [event.data.signOffId, ...event.data.supersededSignOffIds],
      };
    case 'UPDATED':
    case 'ADVANCED':
    case 'CANCELLED':
    case 'EARLY_ACCESS_GRANTED':
    case 'COMMENTED':
    case 'BLOCK_ESCALATED':
    case 'AT_RISK':
    case 'SUPPORT_HEADS_UP':
    case 'OUTCOME_MEASURED':
    case 'SIGN_OFF_EXPIRED':
      return { launch: true, itemIds: [], signOffIds: [] };
  }
}
