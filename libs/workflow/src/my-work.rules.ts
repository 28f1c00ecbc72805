import { nextStage, stageLabel, teamLabel, type Stage, type Team } from '#checklists';
import type { Actor } from './actor.js';
import { isCoordinatorOrAdmin } from './permissions.js';
import { gateMissing } from './readiness.js';
import type { LaunchState } from './launch.types.js';

/** What a person can do next for a launch: the gate rule it answers, in one sentence. */
export const WORK_KINDS = [
  'CHECKLIST_ITEM',
  'SIGN_OFF',
  'LIFT_BLOCK',
  'ADVANCE',
  'LAUNCH_FIELD',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export interface WorkItem {
  readonly kind: WorkKind;
  readonly launchId: string;
  /** The stage whose gate waits on it. */
  readonly stage: Stage;
  readonly team: Team | null;
  readonly itemId: string | null;
  readonly message: string;
  /** Since when it waits: the launch entered its current stage then. */
  readonly waitingSince: string;
}

export interface LaunchAtStage {
  readonly state: LaunchState;
  /** When the launch entered its current stage (its creation, or its last advance). */
  readonly stageEnteredAt: string;
}

/**
 * Everything the gates of these launches wait on from this person, oldest first: their
 * teams' open required items, missing sign-offs and standing NO_GOs (which only the team
 * can lift), and, for the launch's coordinator or an admin, a met gate to advance and
 * launch fields the gate needs. Viewers act on nothing, so nothing waits on them.
 */
export function workFor(actor: Actor, launches: readonly LaunchAtStage[], now: string): WorkItem[] {
  if (actor.role === 'VIEWER') return [];
  const work: WorkItem[] = [];
  for (const { state, stageEnteredAt } of launches) {
    const missing = gateMissing(state, now);
    const runsIt =
      actor.role === 'ADMIN' || (isCoordinatorOrAdmin(actor) && state.coordinatorId === actor.id);
    const base = {
      launchId: state.id,
      stage: state.stage,
      waitingSince: stageEnteredAt,
    };
    for (const requirement of missing) {
      const team = requirement.team;
      const ours = team !== null && actor.teams.includes(team);
      switch (requirement.kind) {
        case 'CHECKLIST_ITEM':
        case 'SIGN_OFF':
          if (ours)
            work.push({
              ...base,
              kind: requirement.kind,
              team,
              itemId: requirement.itemId,
              message: requirement.message,
            });
          break;
        case 'BLOCKED_BY_TEAM':
          if (ours)
            work.push({
              ...base,
              kind: 'LIFT_BLOCK',
              team,
              itemId: null,
              message: `${teamLabel(team)}'s NO_GO blocks ${stageLabel(state.stage)}: lift it when the problem is solved.`,
            });
          break;
        case 'LAUNCH_FIELD':
          if (runsIt)
            work.push({
              ...base,
              kind: 'LAUNCH_FIELD',
              team: null,
              itemId: null,
              message: requirement.message,
            });
          break;
        case 'SUPPORT_LEAD_TIME':
          // Time fixes it, not a person.
          break;
      }
    }
    const next = missing.length === 0 ? nextStage(state.stage) : null;
    if (runsIt && next)
      work.push({
        ...base,
        kind: 'ADVANCE',
        team: null,
        itemId: null,
        message: `The gate of ${stageLabel(state.stage)} is met: advance to ${stageLabel(next)}.`,
      });
  }
  // Stable: within a launch, the gate's own order (items, then sign-offs and blocks).
  return work.sort(
    (a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.launchId.localeCompare(b.launchId),
  );
}
