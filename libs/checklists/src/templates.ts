import { ChecklistError, ChecklistErrorCode } from './checklist.errors.js';
import { LITE_TEMPLATE } from './lite.template.js';
import { STANDARD_TEMPLATE } from './standard.template.js';
import type { ChecklistTemplate } from './template.types.js';
import { validateTemplate } from './template.validation.js';

export const TEMPLATE_NAMES = ['standard', 'lite'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export const DEFAULT_TEMPLATE_NAME: TemplateName = 'standard';

// Validated once at load: a broken built-in template should fail start-up, not a launch.
const TEMPLATES: Record<TemplateName, ChecklistTemplate> = {
  standard: validateTemplate(STANDARD_TEMPLATE),
  lite: validateTemplate(LITE_TEMPLATE),
};

export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(name);
}

export function getTemplate(name: string): ChecklistTemplate {
  if (!isTemplateName(name)) {
    throw new ChecklistError(
      ChecklistErrorCode.UNKNOWN_TEMPLATE,
      `There is no checklist template named "${name}"; known templates: ${TEMPLATE_NAMES.join(', ')}.`,
    );
  }
  return TEMPLATES[name];
}
