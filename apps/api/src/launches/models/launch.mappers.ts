import type { ChecklistItemState, LaunchState, Readiness, SignOffState } from '#workflow';
import { ChecklistItemModel, type ReadinessModel, SignOffModel } from './launch.model.js';

export function toChecklistItemModel(item: ChecklistItemState): ChecklistItemModel {
  return Object.assign(new ChecklistItemModel(), {
    ...item,
    completedAt: item.completedAt ? new Date(item.completedAt) : null,
  });
}

export function toSignOffModel(signOff: SignOffState): SignOffModel {
  return Object.assign(new SignOffModel(), { ...signOff, signedAt: new Date(signOff.signedAt) });
}

/** Readiness with the items and sign-offs it names attached, so clients need no second query. */
export function toReadinessModel(state: LaunchState, r: Readiness): ReadinessModel {
  const item = (id: string | null) => {
    const found = id ? state.items.find((i) => i.id === id) : undefined;
    return found ? toChecklistItemModel(found) : null;
  };
  const signOff = (id: string | null) => {
    const found = id ? state.signOffs.find((s) => s.id === id) : undefined;
    return found ? toSignOffModel(found) : null;
  };
  return {
    ...r,
    missing: r.missing.map((m) => ({ ...m, item: item(m.itemId) })),
    stages: r.stages.map((s) => ({
      ...s,
      teams: s.teams.map((t) => ({ ...t, signOff: signOff(t.signOffId) })),
    })),
  };
}
