import {
  GATED_STAGES,
  isFinalStage,
  nextStage,
  stageIndex,
  teamIndex,
  teamLabel,
} from '#checklists';
import type { Stage } from '#checklists';
import { humanDay, humanMoment } from './human-time.js';
import {
  compareWindows,
  effectiveEnd,
  freezeRequirement,
  windowsFreezing,
  type FreezeWindow,
} from './freeze-window.rules.js';
import type { LaunchState, Requirement, StageReadiness } from './launch.types.js';
import { stageReadiness } from './readiness.js';
import { goExpiresAt, isExpired } from './sign-off.rules.js';
import { WorkflowError } from './workflow.errors.js';

const DAY_MS = 86_400_000;

/** What it takes to reach GA by gaBy (POLICIES.md "Time"); times are ISO strings. */
export interface LaunchPlan {
  readonly gaBy: string;
  readonly feasible: boolean;
  readonly earliestGaAt: string;
  /** The latest early-access grant that still meets the lead time for gaBy; null once granted. */
  readonly earlyAccessBy: string | null;
  /** Empty when feasible: what delayed GA (SUPPORT_LEAD_TIME, one FREEZE_WINDOW per window). */
  readonly obstacles: readonly Requirement[];
  /** SUPPORT_TRAINED only: GOs ACTIVE now that would be expired at gaBy. */
  readonly reconfirm: readonly Requirement[];
  /** From the current stage to SUPPORT_TRAINED. */
  readonly stages: readonly StageReadiness[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The earliest moment at or after `from` that no window freezes `stage`; the windows that
 * pushed it later are added to `delaying`. Adjacent and overlapping windows are crossed one
 * after another (each step moves past the latest end of the windows in effect).
 */
function firstUnfrozen(
  windows: readonly FreezeWindow[],
  stage: Stage,
  from: number,
  delaying: Map<FreezeWindow, Stage>,
): number {
  let t = from;
  for (;;) {
    const frozen = windowsFreezing(windows, stage, iso(t));
    if (frozen.length === 0) return t;
    for (const w of frozen) if (!delaying.has(w)) delaying.set(w, stage);
    t = Math.max(...frozen.map((w) => Date.parse(effectiveEnd(w))));
  }
}

function leadTimeObstacle(state: LaunchState, earlyAccessAt: number, gaAt: number): Requirement {
  const days = state.supportLeadDays;
  return {
    kind: 'SUPPORT_LEAD_TIME',
    team: null,
    message: `Support needs early access ${days} ${days === 1 ? 'day' : 'days'} before GA; with early access at ${humanMoment(iso(earlyAccessAt))}, GA can come no earlier than ${humanMoment(iso(gaAt))}.`,
    itemId: null,
  };
}

/** GOs on SUPPORT_TRAINED, ACTIVE now, that would be expired at gaBy: sign again before GA. */
function reconfirmations(state: LaunchState, gaBy: string, now: string): Requirement[] {
  if (state.stage !== 'SUPPORT_TRAINED') return [];
  // isExpired holds only for ACTIVE GOs of the current stage.
  return state.signOffs
    .filter((s) => !isExpired(state, s, now) && isExpired(state, s, gaBy))
    .sort((a, b) => teamIndex(a.team) - teamIndex(b.team) || a.signedAt.localeCompare(b.signedAt))
    .map((s) => ({
      kind: 'SIGN_OFF_EXPIRED',
      team: s.team,
      message: `${teamLabel(s.team)}'s GO of ${humanDay(s.signedAt)} expires on ${humanDay(goExpiresAt(state, s) ?? gaBy)}, before ${humanDay(gaBy)}; sign again before GA.`,
      itemId: null,
    }));
}

/**
 * Launch.plan(gaBy): as if every open item and approval were done at once, now. Each
 * remaining stage is entered at the earliest moment no window known now freezes it; early
 * access is granted on entering BETA (or was granted; or now, past BETA without a grant);
 * GA comes at or after SUPPORT_TRAINED and early access + supportLeadDays days, outside
 * every window freezing GA. gaBy not after now: BAD_USER_INPUT; a final launch:
 * INVALID_TRANSITION.
 */
export function plan(
  state: LaunchState,
  gaBy: string,
  now: string,
  windows: readonly FreezeWindow[] = [],
): LaunchPlan {
  const deadline = Date.parse(gaBy);
  if (Number.isNaN(deadline)) {
    throw WorkflowError.badInput('gaBy', 'gaBy must be an ISO 8601 date-time.');
  }
  if (deadline <= Date.parse(now)) {
    throw WorkflowError.badInput('gaBy', 'gaBy must be in the future.');
  }
  if (isFinalStage(state.stage)) {
    throw WorkflowError.invalidTransition(
      `The launch is ${state.stage === 'GA' ? 'at GA' : 'cancelled'}; there is nothing to plan.`,
    );
  }
  const delaying = new Map<FreezeWindow, Stage>();
  let t = Date.parse(now);
  let earlyAccessAt = state.earlyAccess ? Date.parse(state.earlyAccess.grantedAt) : null;
  for (let stage = nextStage(state.stage); stage && stage !== 'GA'; stage = nextStage(stage)) {
    t = firstUnfrozen(windows, stage, t, delaying);
    if (stage === 'BETA') earlyAccessAt ??= t;
  }
  // Still none: the launch is past BETA without a grant, which could be given now.
  earlyAccessAt ??= Date.parse(now);
  const leadMetAt = earlyAccessAt + state.supportLeadDays * DAY_MS;
  const leadBounded = leadMetAt > t;
  const earliestGaAt = firstUnfrozen(windows, 'GA', Math.max(t, leadMetAt), delaying);
  const feasible = earliestGaAt <= deadline;
  const obstacles: Requirement[] = feasible
    ? []
    : [
        ...(leadBounded ? [leadTimeObstacle(state, earlyAccessAt, leadMetAt)] : []),
        ...[...delaying]
          .sort(([a], [b]) => compareWindows(a, b))
          .map(([w, stage]) => freezeRequirement(w, stage)),
      ];
  return {
    gaBy: iso(deadline),
    feasible,
    earliestGaAt: iso(earliestGaAt),
    earlyAccessBy: state.earlyAccess ? null : iso(deadline - state.supportLeadDays * DAY_MS),
    obstacles,
    reconfirm: reconfirmations(state, iso(deadline), now),
    stages: GATED_STAGES.filter((s) => stageIndex(s) >= stageIndex(state.stage)).map((s) =>
      stageReadiness(state, s, now),
    ),
  };
}
