import { ChecklistError, ChecklistErrorCode } from './checklist.errors.js';
import { GATED_STAGES, TEAMS, isGatedStage, isTeam } from './stages.js';
import type { ChecklistTemplate } from './template.types.js';

export interface TemplateValidationOptions {
  /** Demand a required item for every team in every gated stage; defaults to the template's own flag. */
  readonly everyTeamEveryStage?: boolean;
}

/**
 * Every defect of a template, as human sentences (empty when valid). Templates may come
 * from outside the type system (config, JSON), so values are checked, not trusted.
 */
export function templateProblems(
  template: ChecklistTemplate,
  options: TemplateValidationOptions = {},
): string[] {
  const problems: string[] = [];
  const name = typeof template.name === 'string' ? template.name.trim() : '';
  if (!name) problems.push('The template has no name.');
  const label = name ? `Template "${name}"` : 'The template';
  const items = Array.isArray(template.items) ? template.items : [];
  if (!Array.isArray(template.items)) problems.push(`${label} has no item list.`);

  const seen = new Set<string>();
  items.forEach((item, index) => {
    const where = `${label}, item ${index + 1}`;
    const key = typeof item.key === 'string' ? item.key.trim() : '';
    if (!key) problems.push(`${where} has no key.`);
    else if (seen.has(key)) problems.push(`${label} uses the key "${key}" more than once.`);
    else seen.add(key);
    if (!isGatedStage(item.stage)) {
      problems.push(
        `${where} ("${key}") has stage ${String(item.stage)}; it must be one of ${GATED_STAGES.join(', ')}.`,
      );
    }
    if (!isTeam(item.team)) {
      problems.push(
        `${where} ("${key}") has team ${String(item.team)}; it must be one of ${TEAMS.join(', ')}.`,
      );
    }
    if (typeof item.title !== 'string' || !item.title.trim()) {
      problems.push(`${where} ("${key}") has no title.`);
    } else if (item.title.length > 200) {
      problems.push(`${where} ("${key}") has a title longer than 200 characters.`);
    }
    if (typeof item.required !== 'boolean') {
      problems.push(`${where} ("${key}") must say whether it is required.`);
    }
  });

  const required = items.filter((i) => i.required === true);
  for (const stage of GATED_STAGES) {
    if (!required.some((i) => i.stage === stage)) {
      problems.push(`${label} has no required item in stage ${stage}.`);
    }
  }
  const everyTeam = options.everyTeamEveryStage ?? template.everyTeamEveryStage === true;
  if (everyTeam) {
    for (const stage of GATED_STAGES) {
      for (const team of TEAMS) {
        if (!required.some((i) => i.stage === stage && i.team === team)) {
          problems.push(`${label} has no required item for ${team} in stage ${stage}.`);
        }
      }
    }
  }
  return problems;
}

/** Returns the template when valid; throws a ChecklistError listing every problem otherwise. */
export function validateTemplate(
  template: ChecklistTemplate,
  options: TemplateValidationOptions = {},
): ChecklistTemplate {
  const problems = templateProblems(template, options);
  if (problems.length > 0) {
    throw new ChecklistError(
      ChecklistErrorCode.INVALID_TEMPLATE,
      `Invalid checklist template: ${problems.join(' ')}`,
      problems,
    );
  }
  return template;
}
