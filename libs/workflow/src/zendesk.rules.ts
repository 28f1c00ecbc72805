import { normalizeTicket, parseInstant, type Ticket } from './outcome.rules.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * The Zendesk receiver's rules (OUTCOMES.md "Tickets in"): which requests are replays, and
 * how the trigger's JSON body becomes a ticket. The signature itself (HMAC over the raw
 * bytes) is checked by the API before any of this runs.
 */

/** A signature timestamp further than this from now, either way, is a replay. */
export const ZENDESK_REPLAY_WINDOW_MS = 5 * 60_000;
export const ZENDESK_SOURCE = 'zendesk';
export const DEFAULT_ZENDESK_LAUNCH_TAG_PREFIX = 'launch-';

/** Why a signature timestamp is refused (missing, unreadable, too old or ahead), or null. */
export function zendeskTimestampRefusal(header: string | undefined, now: string): string | null {
  if (!header) return 'The X-Zendesk-Webhook-Signature-Timestamp header is missing.';
  const at = parseInstant(header.trim());
  if (Number.isNaN(at)) return 'The signature timestamp is not an ISO 8601 date-time.';
  if (Math.abs(Date.parse(now) - at) > ZENDESK_REPLAY_WINDOW_MS) {
    return 'The signature timestamp is more than 5 minutes from now: a replay.';
  }
  return null;
}

/** What the trigger body says: the ticket, and the launch keys its tags could name, in tag order. */
export interface ZendeskTicket {
  readonly ticket: Ticket;
  readonly candidateKeys: readonly string[];
}

function bad(message: string): never {
  throw WorkflowError.badInput('body', message);
}

function text(body: Record<string, unknown>, name: string, required: boolean): string | null {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) bad(`The body lacks "${name}".`);
    return null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') bad(`"${name}" must be a string.`);
  if (required && value.trim() === '') bad(`"${name}" must not be empty.`);
  return value;
}

/**
 * The ticket of a trigger body `{"ticket_id", "created_at", "tags", "priority", "url"}`
 * (BAD_USER_INPUT when it is not that JSON or breaks a ticket rule). A created_at up to the
 * replay window ahead of `now` (clocks differ) is stored as now. Without a launch: the
 * caller picks the first candidate key that names one.
 */
export function zendeskTicket(raw: string, now: string, tagPrefix: string): ZendeskTicket {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    bad('The body is not JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    bad('The body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const externalId = text(fields, 'ticket_id', true)!.trim();
  const createdAt = text(fields, 'created_at', true)!.trim();
  const at = parseInstant(createdAt);
  if (Number.isNaN(at)) bad('"created_at" is not an ISO 8601 date-time.');
  const nowMs = Date.parse(now);
  const openedAt =
    at > nowMs && at - nowMs <= ZENDESK_REPLAY_WINDOW_MS ? now : new Date(at).toISOString();
  const tags = (text(fields, 'tags', false) ?? '').split(/\s+/).filter(Boolean);
  const ticket = normalizeTicket(
    {
      source: ZENDESK_SOURCE,
      externalId,
      openedAt,
      priority: text(fields, 'priority', false),
      url: text(fields, 'url', false),
    },
    now,
    'body',
  );
  const candidateKeys = tags
    .filter((tag) => tag.startsWith(tagPrefix) && tag.length > tagPrefix.length)
    .map((tag) => tag.slice(tagPrefix.length));
  return { ticket, candidateKeys: [...new Set(candidateKeys)] };
}

/** The first candidate that names a launch or a baseline launch; none: a control ticket. */
export function zendeskLaunchKey(
  candidateKeys: readonly string[],
  known: ReadonlySet<string>,
): string | null {
  return candidateKeys.find((k) => known.has(k)) ?? null;
}
