import { isFinalStage, stageIndex } from '#checklists';
import type { Stage } from '#checklists';
import type { Actor } from './actor.js';
import type { DomainEvent, EventDataMap } from './launch.events.js';
import type { LaunchState, SignOffState } from './launch.types.js';
import { activeSignOffsOn } from './readiness.js';
import { goExpiresAt } from './sign-off.rules.js';

/*
 * The internal-SLO rules (DOMAIN.md "The internal-SLO framework"): condition, time trigger,
 * action, as pure functions. The API keeps one durable timer per launch at nextSloDueAt()
 * and, when it is due, locks the launch and appends dueSloNotifications() through the
 * ordinary command path; the rules never read the clock themselves.
 *
 * - First response: a COMMENTED event records in data.respondsTo the standing NO_GOs of
 *   teams its author is not in; the first such comment answers the block.
 * - Escalation: a standing NO_GO with no response after blockResponseHours (the launch's
 *   current value) raises BLOCK_ESCALATED level 1, after twice that level 2. A new NO_GO is
 *   a new sign-off, so its clock starts afresh.
 * - Expiry: each ACTIVE GO on the current stage raises SIGN_OFF_EXPIRED once, at signedAt +
 *   goValidDays days (POLICIES.md); readiness computes expiry itself, the event only tells.
 * - At risk: a target GA date within atRiskDays while the launch is before SUPPORT_TRAINED
 *   (and not final) raises AT_RISK, once per stage.
 * - Support heads-up: decide() appends SUPPORT_HEADS_UP to ADVANCED into HEADS_UP_STAGES and
 *   to EARLY_ACCESS_GRANTED, in the same change.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Stages whose arrival support hears about in the same change as the advance. */
export const HEADS_UP_STAGES: readonly Stage[] = ['BETA', 'DOCS_READY', 'SUPPORT_TRAINED', 'GA'];
/** A block escalates at 1x and again at 2x blockResponseHours, then no more. */
const ESCALATION_LEVELS = 2;

export interface SloPolicy {
  /** AT_RISK when the target GA date is this many days away or closer. */
  readonly atRiskDays: number;
}

/** What earlier events say about the SLO rules of one launch. */
export interface SloHistory {
  /** NO_GO sign-off ids that have had their first response. */
  readonly answered: ReadonlySet<string>;
  /** NO_GO sign-off id -> the highest escalation level raised for it. */
  readonly escalated: ReadonlyMap<string, number>;
  /** Stages in which AT_RISK was raised. */
  readonly atRiskStages: ReadonlySet<Stage>;
  /** GO sign-off ids whose SIGN_OFF_EXPIRED was raised (absent: none). */
  readonly expired?: ReadonlySet<string>;
}

/** The slice of an event the SLO rules read (any event may be passed; others are ignored). */
export interface SloHistoryEvent {
  readonly type: string;
  readonly stage: Stage;
  readonly data: unknown;
}

export const EMPTY_SLO_HISTORY: SloHistory = {
  answered: new Set(),
  escalated: new Map(),
  atRiskStages: new Set(),
  expired: new Set(),
};

/**
 * Folds a launch's COMMENTED, BLOCK_ESCALATED and AT_RISK events into its SLO history, or,
 * given `from`, the history up to them, its later events.
 */
export function sloHistory(
  events: Iterable<SloHistoryEvent>,
  from: SloHistory = EMPTY_SLO_HISTORY,
): SloHistory {
  const answered = new Set(from.answered);
  const escalated = new Map(from.escalated);
  const atRiskStages = new Set(from.atRiskStages);
  const expired = new Set(from.expired);
  for (const event of events) {
    if (event.type === 'COMMENTED') {
      const data = event.data as Partial<EventDataMap['COMMENTED']>;
      for (const id of data.respondsTo ?? []) answered.add(id);
    } else if (event.type === 'BLOCK_ESCALATED') {
      const data = event.data as EventDataMap['BLOCK_ESCALATED'];
      escalated.set(data.signOffId, Math.max(escalated.get(data.signOffId) ?? 0, data.level));
    } else if (event.type === 'AT_RISK') {
      atRiskStages.add(event.stage);
    } else if (event.type === 'SIGN_OFF_EXPIRED') {
      expired.add((event.data as EventDataMap['SIGN_OFF_EXPIRED']).signOffId);
    }
  }
  return { answered, escalated, atRiskStages, expired };
}

/** The SLO history as JSON, kept with the launch so a change need not read its events. */
export interface PersistedSloHistory {
  readonly answered: readonly string[];
  readonly escalated: readonly (readonly [string, number])[];
  readonly atRiskStages: readonly Stage[];
  readonly expired: readonly string[];
}

/**
 * The part of the history the rules can still read: entries of sign-offs the launch still
 * holds (a superseded sign-off never stands again) and the at-risk stages. What owed()
 * answers is the same with it as with the whole history, and it does not grow with the log.
 */
export function persistSloHistory(history: SloHistory, state: LaunchState): PersistedSloHistory {
  const held = new Set(state.signOffs.map((s) => s.id));
  return {
    answered: [...history.answered].filter((id) => held.has(id)),
    escalated: [...history.escalated].filter(([id]) => held.has(id)),
    atRiskStages: [...history.atRiskStages],
    expired: [...(history.expired ?? [])].filter((id) => held.has(id)),
  };
}

export function restoreSloHistory(stored: PersistedSloHistory): SloHistory {
  return {
    answered: new Set(stored.answered),
    escalated: new Map(stored.escalated),
    atRiskStages: new Set(stored.atRiskStages),
    expired: new Set(stored.expired),
  };
}

/** NO_GOs standing on the current stage (none on a final launch). */
function standingNoGos(state: LaunchState): SignOffState[] {
  if (isFinalStage(state.stage)) return [];
  return activeSignOffsOn(state, state.stage).filter((s) => s.decision === 'NO_GO');
}

/**
 * The standing NO_GOs a comment by `actor` responds to: those of teams the actor is not in
 * (an admin in the blocking team speaks for it, so does not answer it).
 */
export function blocksAnsweredBy(state: LaunchState, actor: Actor): string[] {
  return standingNoGos(state)
    .filter((s) => !actor.teams.includes(s.team))
    .map((s) => s.id);
}

type Owed =
  | { dueAt: number; type: 'BLOCK_ESCALATED'; data: EventDataMap['BLOCK_ESCALATED'] }
  | { dueAt: number; type: 'AT_RISK'; data: Omit<EventDataMap['AT_RISK'], 'daysLeft'> }
  | { dueAt: number; type: 'SIGN_OFF_EXPIRED'; data: EventDataMap['SIGN_OFF_EXPIRED'] };

const OWED_ORDER: Record<Owed['type'], number> = {
  BLOCK_ESCALATED: 0,
  SIGN_OFF_EXPIRED: 1,
  AT_RISK: 2,
};

/** Every SLO notification the launch still owes as things stand, with when it falls due. */
function owed(state: LaunchState, history: SloHistory, policy: SloPolicy): Owed[] {
  if (isFinalStage(state.stage)) return [];
  const out: Owed[] = [];
  for (const noGo of standingNoGos(state)) {
    if (history.answered.has(noGo.id)) continue;
    const raised = history.escalated.get(noGo.id) ?? 0;
    for (let level = raised + 1; level <= ESCALATION_LEVELS; level += 1) {
      out.push({
        dueAt: Date.parse(noGo.signedAt) + level * state.blockResponseHours * HOUR_MS,
        type: 'BLOCK_ESCALATED',
        data: { signOffId: noGo.id, team: noGo.team, level },
      });
    }
  }
  for (const go of activeSignOffsOn(state, state.stage)) {
    const expiresAt = goExpiresAt(state, go);
    if (expiresAt === null || history.expired?.has(go.id)) continue;
    out.push({
      dueAt: Date.parse(expiresAt),
      type: 'SIGN_OFF_EXPIRED',
      data: { signOffId: go.id, team: go.team, stage: go.stage, signedAt: go.signedAt },
    });
  }
  if (
    state.targetGaDate &&
    stageIndex(state.stage) < stageIndex('SUPPORT_TRAINED') &&
    !history.atRiskStages.has(state.stage)
  ) {
    out.push({
      dueAt: Date.parse(state.targetGaDate) - policy.atRiskDays * DAY_MS,
      type: 'AT_RISK',
      data: { targetGaDate: state.targetGaDate },
    });
  }
  // Oldest due first; at one instant escalations (by level), then expiries, then AT_RISK.
  return out.sort((a, b) => a.dueAt - b.dueAt || OWED_ORDER[a.type] - OWED_ORDER[b.type]);
}

/** When the launch next owes an SLO notification (ISO), or null when it owes none. */
export function nextSloDueAt(
  state: LaunchState,
  history: SloHistory,
  policy: SloPolicy,
): string | null {
  const [first] = owed(state, history, policy);
  return first ? new Date(first.dueAt).toISOString() : null;
}

/** The notification events due at `now`, oldest due first, ready to append (no actor). */
export function dueSloNotifications(
  state: LaunchState,
  history: SloHistory,
  policy: SloPolicy,
  now: string,
): DomainEvent[] {
  const at = Date.parse(now);
  return owed(state, history, policy)
    .filter((o) => o.dueAt <= at)
    .map((o): DomainEvent => {
      const base = { at: now, actorId: null, stage: state.stage } as const;
      if (o.type === 'BLOCK_ESCALATED') {
        return { ...base, type: 'BLOCK_ESCALATED', team: o.data.team, data: o.data };
      }
      if (o.type === 'SIGN_OFF_EXPIRED') {
        return { ...base, type: 'SIGN_OFF_EXPIRED', team: o.data.team, data: o.data };
      }
      const daysLeft = Math.max(0, Math.floor((Date.parse(o.data.targetGaDate) - at) / DAY_MS));
      return { ...base, type: 'AT_RISK', team: null, data: { ...o.data, daysLeft } };
    });
}
