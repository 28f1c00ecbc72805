import {
  goExpiresAt,
  signOffStatusAt,
  type ChecklistItemState,
  type LaunchState,
  type LaunchPlan,
  type Readiness,
  type Requirement,
  type SignOffState,
  type StageReadiness,
} from '#workflow';
import {
  ChecklistItemModel,
  SignOffModel,
  type LaunchPlanModel,
  type ReadinessModel,
  type RequirementModel,
  type StageReadinessModel,
} from './launch.model.js';

export function toChecklistItemModel(
  launchState: LaunchState,
  item: ChecklistItemState,
): ChecklistItemModel {
  return Object.assign(new ChecklistItemModel(), {
    ...item,
    completedAt: item.completedAt ? new Date(item.completedAt) : null,
    launchState,
  });
}

/** The sign-off as it stands at `now` (an ACTIVE GO past goValidDays reads EXPIRED). */
export function toSignOffModel(
  state: LaunchState,
  signOff: SignOffState,
  now: string,
): SignOffModel {
  const expiresAt = goExpiresAt(state, signOff);
  return Object.assign(new SignOffModel(), {
    ...signOff,
    status: signOffStatusAt(state, signOff, now),
    signedAt: new Date(signOff.signedAt),
    expiresAt: expiresAt ? new Date(expiresAt) : null,
  });
}

/** Requirements and stages with the items and sign-offs they name, as the launch stands at `now`. */
function attach(state: LaunchState, now: string) {
  const item = (id: string | null) => {
    const found = id ? state.items.find((i) => i.id === id) : undefined;
    return found ? toChecklistItemModel(state, found) : null;
  };
  const signOff = (id: string | null) => {
    const found = id ? state.signOffs.find((s) => s.id === id) : undefined;
    return found ? toSignOffModel(state, found, now) : null;
  };
  return {
    requirement: (m: Requirement): RequirementModel => ({ ...m, item: item(m.itemId) }),
    stage: (s: StageReadiness): StageReadinessModel => ({
      ...s,
      teams: s.teams.map((t) => ({
        ...t,
        signOff: signOff(t.signOffId),
        signOffs: t.signOffIds.flatMap((id) => signOff(id) ?? []),
      })),
    }),
  };
}

/**
 * Readiness with the items and sign-offs it names attached, so clients need no second query.
 * `missing` and `stages` are built when first read: a page asking for the score builds no
 * item or sign-off models.
 */
export function toReadinessModel(state: LaunchState, r: Readiness, now: string): ReadinessModel {
  const to = attach(state, now);
  let missing: ReadinessModel['missing'] | undefined;
  let stages: ReadinessModel['stages'] | undefined;
  return {
    stage: r.stage,
    nextStage: r.nextStage,
    canAdvance: r.canAdvance,
    blocked: r.blocked,
    score: r.score,
    get missing() {
      return (missing ??= r.missing.map(to.requirement));
    },
    get stages() {
      return (stages ??= r.stages.map(to.stage));
    },
  };
}

export function toLaunchPlanModel(state: LaunchState, p: LaunchPlan, now: string): LaunchPlanModel {
  const to = attach(state, now);
  return {
    gaBy: new Date(p.gaBy),
    feasible: p.feasible,
    earliestGaAt: new Date(p.earliestGaAt),
    earlyAccessBy: p.earlyAccessBy ? new Date(p.earlyAccessBy) : null,
    obstacles: p.obstacles.map(to.requirement),
    reconfirm: p.reconfirm.map(to.requirement),
    stages: p.stages.map(to.stage),
  };
}
