import { STAGES, TEAMS } from '../../../libs/checklists/src/index.js';
import type { Decision, ItemStatus, Stage, Team } from './gql/graphql';

// The vocabulary and its human names come from the rules library, so the UI says what the API says.
export {
  STAGES as BOARD_COLUMNS,
  TEAMS,
  isFinalStage,
  stageLabel,
  teamLabel,
} from '../../../libs/checklists/src/index.js';

/** The stage timeline: every stage a launch can pass through, CANCELLED aside. */
export const STAGE_ORDER: readonly Stage[] = STAGES.filter((stage) => stage !== 'CANCELLED');

/** The stages a launch enters by advancing (every one after PLANNING): what a freeze may name. */
export const ENTERABLE_STAGES: readonly Stage[] = STAGE_ORDER.slice(1);

export function decisionLabel(decision: Decision): string {
  return decision === 'GO' ? 'GO' : 'NO-GO';
}

export function itemStatusLabel(status: ItemStatus): string {
  return status === 'OPEN' ? 'Open' : status === 'DONE' ? 'Done' : 'Waived';
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A target GA date is a day: sent as the end of that day (UTC), shown as that day. */
export function targetGaDateOf(day: string): string {
  return `${day}T23:59:59.000Z`;
}

/** The day (YYYY-MM-DD) a target GA date stands for, as a date input holds it. */
export function dayOfTargetGaDate(iso: string | null | undefined): string {
  return iso ? new Date(iso).toISOString().slice(0, 10) : '';
}

/** Names in a sentence: "Product, Engineering and Support", as the English text around it needs. */
export function listInWords(names: readonly string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names);
}

/** A calendar date (target GA dates are days, so shown in UTC to avoid an off-by-one). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function percent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

/** Teams in `missing`, once each and in the usual order: whose move it is. */
export function teamsToMove(missing: ReadonlyArray<{ team?: Team | null }>): Team[] {
  const teams = new Set(missing.map((m) => m.team).filter((t): t is Team => !!t));
  return TEAMS.filter((team) => teams.has(team));
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** How long ago, in words: "a moment ago", "5 minutes ago", "3 days ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (Math.abs(seconds) < 45) return 'a moment ago';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['minute', 60],
    ['hour', 3600],
    ['day', 86_400],
    ['week', 604_800],
  ];
  let unit: Intl.RelativeTimeFormatUnit = 'second';
  let size = 1;
  for (const [name, length] of units)
    if (Math.abs(seconds) >= length) [unit, size] = [name, length];
  return relativeFormat.format(Math.round(seconds / size), unit);
}

/** The person's time zone, as the browser reports it: every time on screen is in it. */
export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local input's value, in the person's time zone, to the minute. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (read in the person's time zone) as ISO 8601, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** The last millisecond of a date input's day (YYYY-MM-DD) in the person's time zone. */
export function endOfLocalDay(day: string): string | null {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  return new Date(year, month - 1, date, 23, 59, 59, 999).toISOString();
}
