import { isFinalStage, stageIndex } from '#checklists';
import type { LaunchState } from './launch.types.js';

const DAY_MS = 86_400_000;

/**
 * At risk now: the target GA date is within `atRiskDays` and the launch has not reached
 * SUPPORT_TRAINED (nor ended), the same condition that raises AT_RISK (slo.rules.ts).
 */
export function isAtRisk(state: LaunchState, atRiskDays: number, now: string): boolean {
  if (!state.targetGaDate || isFinalStage(state.stage)) return false;
  if (stageIndex(state.stage) >= stageIndex('SUPPORT_TRAINED')) return false;
  return Date.parse(state.targetGaDate) - Date.parse(now) <= atRiskDays * DAY_MS;
}
