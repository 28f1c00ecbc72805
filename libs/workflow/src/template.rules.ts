import { MANAGE_TARGET, tokenRefusal } from './token-limits.rules.js';
import type { Actor } from './actor.js';
import { WorkflowError } from './workflow.errors.js';

/** Writes to templates (POLICIES.md: templates are governance). Reading them is for everyone. */
export type TemplateCommand =
  | { type: 'CREATE_TEMPLATE' }
  | { type: 'PUBLISH_TEMPLATE_VERSION' }
  | { type: 'ARCHIVE_TEMPLATE'; name: string };

/**
 * Only an admin writes templates: a coordinator picks one and cannot escape a policy by
 * publishing a looser version. "standard", the default, is never archived.
 */
export function templateCommandRefusal(
  actor: Actor,
  command: TemplateCommand,
): WorkflowError | null {
  if (actor.role !== 'ADMIN') {
    return WorkflowError.forbidden('Only an admin may create, publish or archive templates.');
  }
  const token = tokenRefusal(actor, MANAGE_TARGET);
  if (token) return WorkflowError.forbidden(token);
  if (command.type === 'ARCHIVE_TEMPLATE' && command.name === 'standard') {
    return WorkflowError.badInput(
      'name',
      'The template "standard" is the default; it cannot be archived.',
    );
  }
  return null;
}
