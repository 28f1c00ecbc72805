export {
  FINAL_STAGES,
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
export type { GatedStage, Stage, Team } from './stages.js';
export {
  ITEM_ACTIONS,
  ITEM_STATUSES,
  ITEM_TRANSITIONS,
  canTransitionItem,
  isItemClosed,
  itemActionNeedsReason,
  itemTransition,
} from './item-status.js';
export type { ItemAction, ItemStatus, ItemTransitionRule } from './item-status.js';
export { ChecklistError, ChecklistErrorCode } from './checklist.errors.js';
export type { ChecklistTemplate, TemplateItem } from './template.types.js';
export { templateProblems, validateTemplate } from './template.validation.js';
export type { TemplateValidationOptions } from './template.validation.js';
export { DEFAULT_TEMPLATE_NAME, TEMPLATE_NAMES, getTemplate, isTemplateName } from './templates.js';
export type { TemplateName } from './templates.js';
export { LITE_TEMPLATE } from './lite.template.js';
export { STANDARD_TEMPLATE } from './standard.template.js';
