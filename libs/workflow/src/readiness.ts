import { humanMoment } from './human-time.js';
import { compareCodePoints } from './text-order.js';
import { freezeRequirements, type FreezeWindow } from './freeze-window.rules.js';
import {
  GATED_STAGES,
  TEAMS,
  isFinalStage,
  isItemClosed,
  nextStage,
  stageLabel,
  teamIndex,
  teamLabel,
} from '#checklists';
import type { Stage, Team } from '#checklists';
import type {
  ChecklistItemState,
  EarlyAccessState,
  LaunchState,
  Readiness,
  Requirement,
  RequirementKind,
  SignOffState,
  StageReadiness,
} from './launch.types.js';
import { REQUIREMENT_KINDS } from './launch.types.js';
import {
  approvalsNeededOf,
  approversOf,
  goExpiresAt,
  isExpired,
  standingSignOffs,
} from './sign-off.rules.js';

export { compareCodePoints } from './text-order.js';

const DAY_MS = 86_400_000;

/** Whole days support has had early access at `now` (elapsed ms / 86,400,000, rounded down). */
export function leadDaysElapsed(earlyAccess: EarlyAccessState, now: string): number {
  const elapsed = Date.parse(now) - Date.parse(earlyAccess.grantedAt);
  return elapsed > 0 ? Math.floor(elapsed / DAY_MS) : 0;
}

export function activeSignOffOf(
  state: LaunchState,
  stage: Stage,
  team: Team,
): SignOffState | undefined {
  return state.signOffs.find((s) => s.stage === stage && s.team === team && s.status === 'ACTIVE');
}

export function activeSignOffsOn(state: LaunchState, stage: Stage): SignOffState[] {
  return state.signOffs.filter((s) => s.stage === stage && s.status === 'ACTIVE');
}

/** Required items of `stage` still OPEN, optionally of one team only. */
export function openRequiredItems(
  state: LaunchState,
  stage: Stage,
  team?: Team,
): ChecklistItemState[] {
  return state.items.filter(
    (i) =>
      i.stage === stage &&
      i.required &&
      i.status === 'OPEN' &&
      (team === undefined || i.team === team),
  );
}

/** True while a NO_GO stands on the current (non-final) stage. */
export function isBlocked(state: LaunchState): boolean {
  if (isFinalStage(state.stage)) return false;
  return activeSignOffsOn(state, state.stage).some((s) => s.decision === 'NO_GO');
}

function itemRequirement(item: ChecklistItemState): Requirement {
  return {
    kind: 'CHECKLIST_ITEM',
    team: item.team,
    message: `${teamLabel(item.team)} must complete "${item.title}".`,
    itemId: item.id,
  };
}

interface Ranked {
  readonly requirement: Requirement;
  readonly title: string;
  readonly position: number;
}

function kindRank(kind: RequirementKind): number {
  return REQUIREMENT_KINDS.indexOf(kind);
}

function teamRank(team: Team | null): number {
  return team === null ? TEAMS.length : teamIndex(team);
}

/** GATES.md order: kind (enum order), team (canonical, null last), item title (code points). */
function sortRanked(ranked: Ranked[]): Requirement[] {
  return [...ranked]
    .sort(
      (a, b) =>
        kindRank(a.requirement.kind) - kindRank(b.requirement.kind) ||
        teamRank(a.requirement.team) - teamRank(b.requirement.team) ||
        compareCodePoints(a.title, b.title) ||
        a.position - b.position,
    )
    .map((r) => r.requirement);
}

/** The team's own open required items of `stage`, as requirements (GO is refused while any remain). */
export function teamItemRequirements(state: LaunchState, stage: Stage, team: Team): Requirement[] {
  return sortRanked(
    openRequiredItems(state, stage, team).map((item) => ({
      requirement: itemRequirement(item),
      title: item.title,
      position: item.position,
    })),
  );
}

export interface SupportLeadTime {
  readonly elapsedDays: number;
  /** Early access is old enough for GA (the SUPPORT_LEAD_TIME rule, whatever the stage). */
  readonly met: boolean;
  /** The moment elapsedDays reaches the launch's supportLeadDays. */
  readonly metAt: string;
}

/** How support's early access stands against supportLeadDays at `now`; null until granted. */
export function supportLeadTime(state: LaunchState, now: string): SupportLeadTime | null {
  if (!state.earlyAccess) return null;
  const elapsedDays = leadDaysElapsed(state.earlyAccess, now);
  return {
    elapsedDays,
    met: elapsedDays >= state.supportLeadDays,
    metAt: new Date(
      Date.parse(state.earlyAccess.grantedAt) + state.supportLeadDays * DAY_MS,
    ).toISOString(),
  };
}

function leadTimeRequirement(state: LaunchState, now: string): Requirement | null {
  const days = state.supportLeadDays;
  const unit = days === 1 ? 'day' : 'days';
  const lead = supportLeadTime(state, now);
  if (!lead) {
    const message =
      days === 0
        ? 'Support needs early access before GA; it has not been granted yet.'
        : `Support needs early access at least ${days} ${unit} before GA; it has not been granted yet.`;
    return { kind: 'SUPPORT_LEAD_TIME', team: null, message, itemId: null };
  }
  if (lead.met) return null;
  return {
    kind: 'SUPPORT_LEAD_TIME',
    team: null,
    message: `Support has had early access for ${lead.elapsedDays} of the ${days} ${unit} required before GA (enough from ${humanMoment(lead.metAt)}).`,
    itemId: null,
  };
}

/**
 * Every unmet rule of the gate out of the current stage at `now`, in GATES.md order.
 * Empty on final stages (there is no gate). The machine's `gateSatisfied` guard, the
 * advance refusal and readiness all use this one function.
 */
export function gateMissing(state: LaunchState, now: string): Requirement[] {
  const stage = state.stage;
  if (isFinalStage(stage)) return [];
  const ranked: Ranked[] = [];
  for (const item of openRequiredItems(state, stage)) {
    ranked.push({ requirement: itemRequirement(item), title: item.title, position: item.position });
  }
  for (const team of TEAMS) {
    const standing = standingSignOffs(state, stage, team);
    const noGo = standing.find((s) => s.decision === 'NO_GO');
    if (noGo) {
      ranked.push({
        requirement: {
          kind: 'BLOCKED_BY_TEAM',
          team,
          message: `${teamLabel(team)} blocked this launch: ${noGo.comment ?? ''}`,
          itemId: null,
        },
        title: '',
        position: 0,
      });
      continue;
    }
    const need = approvalsNeededOf(state, stage, team);
    const have = approversOf(state, stage, team, now).length;
    if (have < need) {
      ranked.push({
        requirement: signOffRequirement(team, stage, have, need),
        title: '',
        position: 0,
      });
    }
    for (const go of standing.filter((s) => isExpired(state, s, now))) {
      ranked.push({
        requirement: {
          kind: 'SIGN_OFF_EXPIRED',
          team,
          message: `${teamLabel(team)}'s GO of ${longDate(go.signedAt)} expired on ${longDate(goExpiresAt(state, go) ?? now)}; sign again.`,
          itemId: null,
        },
        // ISO times sort as text in time order.
        title: go.signedAt,
        position: 0,
      });
    }
  }
  if (stage === 'SUPPORT_TRAINED') {
    const lead = leadTimeRequirement(state, now);
    if (lead) ranked.push({ requirement: lead, title: '', position: 0 });
  }
  if (stage === 'PLANNING' && state.targetGaDate === null) {
    ranked.push({
      requirement: {
        kind: 'LAUNCH_FIELD',
        team: null,
        message: 'The launch needs a target GA date before it can leave Planning.',
        itemId: null,
      },
      title: '',
      position: 0,
    });
  }
  return sortRanked(ranked);
}

/** With approvals 1 the sentence of GATES.md; otherwise the count the team has and needs. */
function signOffRequirement(team: Team, stage: Stage, have: number, need: number): Requirement {
  const message =
    need === 1
      ? `${teamLabel(team)} has not signed off on ${stageLabel(stage)}.`
      : `${teamLabel(team)} needs ${need} approvals from different people on ${stageLabel(stage)}; it has ${have}.`;
  return { kind: 'SIGN_OFF', team, message, itemId: null };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "1 March 2026", in UTC, the same on every machine. */
function longDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function isGateSatisfied(state: LaunchState, now: string): boolean {
  return !isFinalStage(state.stage) && gateMissing(state, now).length === 0;
}

export function stageReadiness(state: LaunchState, stage: Stage, now: string): StageReadiness {
  const required = state.items.filter((i) => i.stage === stage && i.required);
  return {
    stage,
    requiredItems: required.length,
    doneItems: required.filter((i) => isItemClosed(i.status)).length,
    teams: TEAMS.map((team) => {
      const own = required.filter((i) => i.team === team);
      const standing = standingSignOffs(state, stage, team);
      const latest = standing.at(-1);
      return {
        team,
        requiredItems: own.length,
        doneItems: own.filter((i) => isItemClosed(i.status)).length,
        decision: latest?.decision ?? null,
        signOffId: latest?.id ?? null,
        approvalsNeeded: approvalsNeededOf(state, stage, team),
        approvals: approversOf(state, stage, team, now).length,
        signOffIds: standing.map((s) => s.id),
      };
    }),
  };
}

/**
 * Is this launch ready, and if not, what exactly is missing and whose move is it? With the
 * freeze windows given, one FREEZE_WINDOW per window in effect at `now` that freezes the
 * next stage (last in the kind order, so they follow the gate's own requirements). `stages`
 * (every gated stage's progress, the larger part) is worked out when first read.
 */
export function readiness(
  state: LaunchState,
  now: string,
  windows: readonly FreezeWindow[] = [],
): Readiness {
  const required = state.items.filter((i) => i.required);
  const done = required.filter((i) => isItemClosed(i.status)).length;
  const missing = [...gateMissing(state, now), ...freezeRequirements(state, now, windows)];
  const final = isFinalStage(state.stage);
  let stages: StageReadiness[] | undefined;
  return {
    stage: state.stage,
    nextStage: nextStage(state.stage),
    canAdvance: !final && missing.length === 0,
    blocked: isBlocked(state),
    score: required.length === 0 ? 1 : done / required.length,
    missing,
    get stages() {
      return (stages ??= GATED_STAGES.map((stage) => stageReadiness(state, stage, now)));
    },
  };
}
