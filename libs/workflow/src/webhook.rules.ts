import type { Actor } from './actor.js';
import { LAUNCH_EVENT_TYPES, type LaunchEventType } from './launch.events.js';
import { MANAGE_TARGET, tokenRefusal } from './token-limits.rules.js';
import { WorkflowError } from './workflow.errors.js';

/** Commands on webhook endpoints. Webhooks belong to the installation, not to a person. */
export type WebhookCommand =
  | { type: 'LIST_WEBHOOKS' }
  | { type: 'CREATE_WEBHOOK' }
  | { type: 'DELETE_WEBHOOK' }
  | { type: 'ENABLE_WEBHOOK' }
  | { type: 'ROTATE_WEBHOOK_SECRET' }
  | { type: 'LIST_WEBHOOK_DELIVERIES' };

/**
 * Why the actor may not run this command (a FORBIDDEN message), or null. Any coordinator or
 * admin manages any webhook, members and viewers none; a token needs MANAGE to change one.
 */
export function webhookRefusal(actor: Actor, command: WebhookCommand): string | null {
  if (actor.role !== 'COORDINATOR' && actor.role !== 'ADMIN') {
    return 'Only a coordinator or an admin may manage webhooks.';
  }
  if (command.type === 'LIST_WEBHOOKS' || command.type === 'LIST_WEBHOOK_DELIVERIES') return null;
  return tokenRefusal(actor, MANAGE_TARGET);
}

export function mayManageWebhooks(actor: Actor, command: WebhookCommand): boolean {
  return webhookRefusal(actor, command) === null;
}

/**
 * The event types a webhook subscribes to: null or undefined means all of them; a given
 * list must be non-empty and name only audit event types. Returns the list de-duplicated
 * in the audit's order, or null for "all".
 */
export function webhookEventTypes(
  types: readonly string[] | null | undefined,
): LaunchEventType[] | null {
  if (types === null || types === undefined) return null;
  if (types.length === 0) {
    throw WorkflowError.badInput(
      'eventTypes',
      'eventTypes must name at least one event type; leave it out to receive all.',
    );
  }
  const unknown = types.filter((t) => !(LAUNCH_EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw WorkflowError.badInput(
      'eventTypes',
      `eventTypes has unknown event type${unknown.length === 1 ? '' : 's'} ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known: ${LAUNCH_EVENT_TYPES.join(', ')}.`,
    );
  }
  return LAUNCH_EVENT_TYPES.filter((t) => types.includes(t));
}
