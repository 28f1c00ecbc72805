import {
  goExpiresAt,
  signOffStatusAt,
  type ChecklistItemState,
  type LaunchState,
  type Readiness,
  type SignOffState,
} from '#workflow';
import { ChecklistItemModel, type ReadinessModel, SignOffModel } from './launch.model.js';

export function toChecklistItemModel(item: ChecklistItemState): ChecklistItemModel {
  return Object.assign(new ChecklistItemModel(), {
    ...item,
    completedAt: item.completedAt ? new Date(item.completedAt) : null,
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

/**
 * Readiness with the items and sign-offs it names attached, so clients need no second query.
 * `missing` and `stages` are built when first read: a page asking for the score builds no
 * item or sign-off models.
 */
export function toReadinessModel(state: LaunchState, r: Readiness, now: string): ReadinessModel {
  const item = (id: string | null) => {
    const found = id ? state.items.find((i) => i.id === id) : undefined;
    return found ? toChecklistItemModel(found) : null;
  };
  const signOff = (id: string | null) => {
    const found = id ? state.signOffs.find((s) => s.id === id) : undefined;
    return found ? toSignOffModel(state, found, now) : null;
  };
  let missing: ReadinessModel['missing'] | undefined;
  let stages: ReadinessModel['stages'] | undefined;
  return {
    stage: r.stage,
    nextStage: r.nextStage,
    canAdvance: r.canAdvance,
    blocked: r.blocked,
    score: r.score,
    get missing() {
      return (missing ??= r.missing.map((m) => ({ ...m, item: item(m.itemId) })));
    },
    get stages() {
      return (stages ??= r.stages.map((s) => ({
        ...s,
        teams: s.teams.map((t) => ({
          ...t,
          signOff: signOff(t.signOffId),
          signOffs: t.signOffIds.flatMap((id) => signOff(id) ?? []),
        })),
      })));
    },
  };
}
