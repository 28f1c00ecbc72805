import type { Actor } from './actor.js';
import { KEY_PATTERN, LIMITS, isBlank } from './command.validation.js';
import type { DomainEvent, EventDataMap } from './launch.events.js';
import type { LaunchState } from './launch.types.js';
import { isCoordinatorOrAdmin } from './permissions.js';
import { tokenRefusal, type MutationScope } from './token-limits.rules.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * Outcomes (OUTCOMES.md): support tickets after GA against the weeks before, against the
 * organization's volume and against launches from before the gates. The API counts in SQL;
 * these functions say who may, what a window is, what input is acceptable and what the
 * OUTCOME_MEASURED event holds. None reads the clock: `now` is always passed in.
 */

const DAY_MS = 86_400_000;

export const OUTCOME_LIMITS = {
  /** Tickets or baseline launches per call. */
  batch: 1_000,
  windowDays: { min: 1, max: 90, defaultValue: 14 },
  source: /^[a-z0-9_-]{1,50}$/,
  externalId: 200,
  priority: 50,
  name: LIMITS.name,
} as const;

/** The cohort of launches from before the gates; listed after every template's cohort. */
export const BASELINE_COHORT = 'baseline';

// ---------------------------------------------------------------------------------------
// Who may

export type OutcomeCommand =
  | { type: 'RECORD_SUPPORT_TICKETS' }
  | { type: 'RECORD_BASELINE_LAUNCHES' }
  | { type: 'READ_OUTCOMES' };

/** The token scope each command needs (null: reading needs none). */
export const OUTCOME_COMMAND_SCOPES: Record<OutcomeCommand['type'], MutationScope | null> = {
  RECORD_SUPPORT_TICKETS: 'TICKETS',
  RECORD_BASELINE_LAUNCHES: 'MANAGE',
  READ_OUTCOMES: null,
};

/** Why `actor` (with its token's limits) may not run `command`, or null when it may. */
export function outcomeRefusal(actor: Actor, command: OutcomeCommand): string | null {
  const scope = OUTCOME_COMMAND_SCOPES[command.type];
  if (scope === null) return null;
  const what =
    command.type === 'RECORD_SUPPORT_TICKETS'
      ? 'record support tickets'
      : 'record baseline launches';
  if (!isCoordinatorOrAdmin(actor)) return `Only a coordinator or an admin may ${what}.`;
  // The mutation names no launch: a token limited to launches cannot reach it.
  return tokenRefusal(actor, { scope, launchId: null, team: null });
}

// ---------------------------------------------------------------------------------------
// Windows

/** BAD_USER_INPUT unless `windowDays` is a whole number of days in 1..90. */
export function checkWindowDays(windowDays: number): void {
  const { min, max } = OUTCOME_LIMITS.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < min || windowDays > max) {
    throw WorkflowError.badInput(
      'windowDays',
      `windowDays must be a whole number of days from ${min} to ${max}.`,
    );
  }
}

/** The instants one launch's outcome is counted between (ISO strings). */
export interface OutcomeWindow {
  readonly windowDays: number;
  readonly gaAt: string;
  /** Start of "before": [beforeFrom, gaAt) is early access and beta. */
  readonly beforeFrom: string;
  /** End of "after": [gaAt, afterTo) is the first windowDays after GA. */
  readonly afterTo: string;
  /** The UTC days the daily series covers, YYYY-MM-DD, 2 x windowDays + 1 of them. */
  readonly days: readonly string[];
  /** [dailyFrom, dailyTo) spans those days whole (midnight UTC to midnight UTC). */
  readonly dailyFrom: string;
  readonly dailyTo: string;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midnight = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

export function outcomeWindow(gaAt: string, windowDays: number): OutcomeWindow {
  checkWindowDays(windowDays);
  const ga = Date.parse(gaAt);
  const span = windowDays * DAY_MS;
  const first = midnight(ga - span);
  const days = Array.from({ length: 2 * windowDays + 1 }, (_, i) => dayOf(first + i * DAY_MS));
  return {
    windowDays,
    gaAt: new Date(ga).toISOString(),
    beforeFrom: new Date(ga - span).toISOString(),
    afterTo: new Date(ga + span).toISOString(),
    days,
    dailyFrom: new Date(first).toISOString(),
    dailyTo: new Date(first + days.length * DAY_MS).toISOString(),
  };
}

/** The window is complete once now >= gaAt + windowDays. */
export function isOutcomeComplete(gaAt: string, windowDays: number, now: string): boolean {
  return Date.parse(now) >= Date.parse(gaAt) + windowDays * DAY_MS;
}

/** One entry per day of the window, 0 where `counts` (day -> count) has none. */
export function dailySeries(
  window: OutcomeWindow,
  counts: ReadonlyMap<string, number>,
): { day: string; count: number }[] {
  return window.days.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** [from, to) of a report: no from is the beginning, no to is now; from must be before to. */
export function reportRange(
  from: string | null | undefined,
  to: string | null | undefined,
  now: string,
): { from: string | null; to: string } {
  const end = to ?? now;
  if (from && Date.parse(from) >= Date.parse(end)) {
    throw WorkflowError.badInput('from', '"from" must be before "to" (or before now).');
  }
  return { from: from ?? null, to: end };
}

/** Cohorts in report order: template names by code point, then the baseline. */
export function compareCohorts(
  a: { name: string; baseline: boolean },
  b: { name: string; baseline: boolean },
): number {
  if (a.baseline !== b.baseline) return a.baseline ? 1 : -1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// The OUTCOME_MEASURED event

/** The window after which OUTCOME_MEASURED is appended (the default window). */
export const MEASURED_WINDOW_DAYS = OUTCOME_LIMITS.windowDays.defaultValue;

/** When a launch that reached GA at `gaAt` owes its OUTCOME_MEASURED event. */
export function outcomeMeasureDueAt(gaAt: string): string {
  return new Date(Date.parse(gaAt) + MEASURED_WINDOW_DAYS * DAY_MS).toISOString();
}

/** The GA instant an event records, or null: ADVANCED into GA. */
export function gaReachedAt(event: Pick<DomainEvent, 'type' | 'at' | 'data'>): string | null {
  return event.type === 'ADVANCED' && (event.data as EventDataMap['ADVANCED']).to === 'GA'
    ? event.at
    : null;
}

/**
 * OUTCOME_MEASURED for a GA launch whose window has completed by `now` (no actor), recorded
 * at `at` (the commit's own time; the same instant outside tests). Refused for any other
 * launch and before the window completes: the timer is early, not the rule.
 */
export function outcomeMeasuredEvent(
  state: LaunchState,
  gaAt: string,
  data: EventDataMap['OUTCOME_MEASURED'],
  now: string,
  at: string = now,
): DomainEvent<'OUTCOME_MEASURED'> {
  if (state.stage !== 'GA') {
    throw WorkflowError.invalidTransition(`A ${state.stage} launch has no outcome to measure.`);
  }
  if (!isOutcomeComplete(gaAt, data.windowDays, now)) {
    throw WorkflowError.invalidTransition('The outcome window has not completed yet.');
  }
  return { type: 'OUTCOME_MEASURED', at, actorId: null, team: null, stage: 'GA', data };
}

// ---------------------------------------------------------------------------------------
// Input

export interface TicketInput {
  readonly source: string;
  readonly externalId: string;
  readonly openedAt: string;
  readonly launchKey?: string | null;
  readonly priority?: string | null;
  readonly url?: string | null;
}

/** A ticket as stored: blanks are null, the instant normalised. */
export interface Ticket {
  readonly source: string;
  readonly externalId: string;
  readonly openedAt: string;
  readonly launchKey: string | null;
  readonly priority: string | null;
  readonly url: string | null;
}

function bad(field: string, message: string): never {
  throw WorkflowError.badInput(field, message);
}

function batchSize(field: string, n: number, what: string): void {
  if (n < 1 || n > OUTCOME_LIMITS.batch) {
    bad(field, `Send 1 to ${OUTCOME_LIMITS.batch} ${what} per call (got ${n}).`);
  }
}

/** ISO 8601 with a time and a zone, seconds optional (Zendesk's created_at_with_timestamp). */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds of an ISO 8601 instant, NaN for anything else (Date.parse alone takes "Mar 1"). */
export function parseInstant(value: string): number {
  return ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
}

function instant(field: string, value: string, now: string, what: string): string {
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) bad(field, `${what} must be an ISO 8601 date-time.`);
  if (ms > Date.parse(now)) bad(field, `${what} must not be in the future.`);
  return new Date(ms).toISOString();
}

const orNull = (value: string | null | undefined) => (isBlank(value) ? null : value!.trim());

/** One ticket checked and normalised; `field` prefixes the error's field (e.g. tickets.3). */
export function normalizeTicket(input: TicketInput, now: string, field = 'ticket'): Ticket {
  if (!OUTCOME_LIMITS.source.test(input.source)) {
    bad(`${field}.source`, 'source must be 1 to 50 of a-z, 0-9, "_" and "-".');
  }
  if (input.externalId.length < 1 || input.externalId.length > OUTCOME_LIMITS.externalId) {
    bad(
      `${field}.externalId`,
      `externalId must be 1 to ${OUTCOME_LIMITS.externalId} characters long.`,
    );
  }
  const openedAt = instant(`${field}.openedAt`, input.openedAt, now, 'openedAt');
  const priority = orNull(input.priority);
  if (priority && priority.length > OUTCOME_LIMITS.priority) {
    bad(
      `${field}.priority`,
      `priority must be at most ${OUTCOME_LIMITS.priority} characters long.`,
    );
  }
  const url = orNull(input.url);
  if (url) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      bad(`${field}.url`, 'url must be an absolute http or https URL.');
    }
    if (protocol !== 'http:' && protocol !== 'https:')
      bad(`${field}.url`, 'url must use http or https.');
    if (url.length > LIMITS.url)
      bad(`${field}.url`, `url must be at most ${LIMITS.url} characters long.`);
  }
  return {
    source: input.source,
    externalId: input.externalId,
    openedAt,
    launchKey: orNull(input.launchKey),
    priority,
    url,
  };
}

/**
 * A recordSupportTickets batch: 1..1,000, every ticket valid, one per (source, externalId)
 * with the last copy winning, in identity order (so concurrent batches lock rows alike).
 */
export function normalizeTicketBatch(tickets: readonly TicketInput[], now: string): Ticket[] {
  batchSize('tickets', tickets.length, 'tickets');
  const byId = new Map<string, Ticket>();
  tickets.forEach((t, i) => {
    const ticket = normalizeTicket(t, now, `tickets.${i}`);
    const id = JSON.stringify([ticket.source, ticket.externalId]);
    byId.delete(id); // the last copy wins, and takes its place in the call's order
    byId.set(id, ticket);
  });
  return [...byId.values()].sort((a, b) =>
    a.source === b.source
      ? a.externalId < b.externalId
        ? -1
        : a.externalId > b.externalId
          ? 1
          : 0
      : a.source < b.source
        ? -1
        : 1,
  );
}

/** The launch keys a batch names, each once. */
export function launchKeysOf(tickets: readonly Ticket[]): string[] {
  return [...new Set(tickets.flatMap((t) => (t.launchKey ? [t.launchKey] : [])))];
}

/** BAD_USER_INPUT listing the launch keys that name neither a launch nor a baseline launch. */
export function unknownLaunchKeys(named: readonly string[], known: ReadonlySet<string>): void {
  const unknown = named.filter((k) => !known.has(k));
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, 20).map((k) => `"${k}"`);
  bad(
    'launchKey',
    `No launch or baseline launch has the key${unknown.length === 1 ? '' : 's'} ${shown.join(', ')}${
      unknown.length > shown.length ? ` and ${unknown.length - shown.length} more` : ''
    }; nothing was recorded.`,
  );
}

export interface BaselineLaunchInput {
  readonly key: string;
  readonly name: string;
  readonly gaAt: string;
}

/**
 * A recordBaselineLaunches batch: 1..1,000, keys of the launch key pattern, names 1..200,
 * gaAt not in the future; a key repeated with other values is a CONFLICT, an exact repeat
 * counts once.
 */
export function normalizeBaselineBatch(
  launches: readonly BaselineLaunchInput[],
  now: string,
): BaselineLaunchInput[] {
  batchSize('launches', launches.length, 'baseline launches');
  const byKey = new Map<string, BaselineLaunchInput>();
  launches.forEach((l, i) => {
    const field = `launches.${i}`;
    if (!KEY_PATTERN.test(l.key)) {
      bad(`${field}.key`, `key must match ${KEY_PATTERN.source}.`);
    }
    if (isBlank(l.name) || l.name.length > OUTCOME_LIMITS.name) {
      bad(`${field}.name`, `name must be 1 to ${OUTCOME_LIMITS.name} characters long.`);
    }
    const launch = {
      key: l.key,
      name: l.name,
      gaAt: instant(`${field}.gaAt`, l.gaAt, now, 'gaAt'),
    };
    const seen = byKey.get(l.key);
    if (seen && !sameBaseline(seen, launch)) {
      throw WorkflowError.conflict(`The key "${l.key}" is given twice with different values.`);
    }
    byKey.set(l.key, launch);
  });
  return [...byKey.values()];
}

/** Same key, name and GA instant. */
export function sameBaseline(a: BaselineLaunchInput, b: BaselineLaunchInput): boolean {
  return a.key === b.key && a.name === b.name && Date.parse(a.gaAt) === Date.parse(b.gaAt);
}
