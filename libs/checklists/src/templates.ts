import { ChecklistError, ChecklistErrorCode } from './checklist.errors.js';
import { DEFAULT_GATE_POLICY } from './gate-policy.js';
import { LITE_TEMPLATE } from './lite.template.js';
import { STANDARD_TEMPLATE } from './standard.template.js';
import type { TemplateDefinition } from './template-definition.js';
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

/** A built-in template as version 1 of the template of its name, with the default policy. */
export function builtInDefinition(name: TemplateName): TemplateDefinition {
  const template = TEMPLATES[name];
  return {
    name: template.name,
    description: template.description,
    items: template.items.map((item) => ({
      stage: item.stage,
      team: item.team,
      title: item.title,
      description: item.description ?? null,
      required: item.required,
    })),
    policy: DEFAULT_GATE_POLICY,
  };
}
