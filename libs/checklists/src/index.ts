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
export type { GatedStage, Stage, Team } from './stages.js';
export { ITEM_STATUSES, canTransitionItem, isItemClosed } from './item-status.js';
export type { ItemAction, ItemStatus } from './item-status.js';
export { ChecklistError } from './checklist.errors.js';
export type { ChecklistErrorCode } from './checklist.errors.js';
export {
  DEFAULT_TEMPLATE_NAME,
  TEMPLATE_NAMES,
  builtInDefinition,
  getTemplate,
  isTemplateName,
} from './templates.js';
export type { TemplateName } from './templates.js';
export { DEFAULT_GATE_POLICY, POLICY_LIMITS, approvalsNeeded } from './gate-policy.js';
export type { GatePolicy, TeamApprovals } from './gate-policy.js';
export {
  RESERVED_TEMPLATE_NAMES,
  TEMPLATE_LIMITS,
  TEMPLATE_NAME_PATTERN,
  checkTemplateInput,
} from './template-definition.js';
export type {
  GatePolicyInput,
  TemplateCheck,
  TemplateDefinition,
  TemplateInput,
  TemplateItemDefinition,
  TemplateProblem,
  TemplateVersion,
} from './template-definition.js';
