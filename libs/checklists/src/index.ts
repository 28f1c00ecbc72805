export {
  GATED_STAGES,
  STAGES,
  TEAMS,
  isFinalStage,
  isGatedStage,
  isStage,
  isTeam,
  nextStage,
  stageIndex,
  stageLabel,
  teamIndex,
  teamLabel,
} from './stages.js';
export type { Stage, Team } from './stages.js';
export { ITEM_STATUSES, canTransitionItem, isItemClosed } from './item-status.js';
export type { ItemAction, ItemStatus } from './item-status.js';
export { ChecklistError } from './checklist.errors.js';
export type { ChecklistErrorCode } from './checklist.errors.js';
export { DEFAULT_TEMPLATE_NAME, TEMPLATE_NAMES, getTemplate, isTemplateName } from './templates.js';
