import type { Decision, ItemStatus, Stage, Team } from './gql/graphql';

export const STAGE_ORDER: readonly Stage[] = [
  'PLANNING',
  'ALPHA',
  'BETA',
  'DOCS_READY',
  'SUPPORT_TRAINED',
  'GA',
];

export const BOARD_COLUMNS: readonly Stage[] = [...STAGE_ORDER, 'CANCELLED'];

export const TEAMS: readonly Team[] = ['PRODUCT', 'ENGINEERING', 'SUPPORT'];

const STAGE_LABELS: Record<Stage, string> = {
  PLANNING: 'Planning',
  ALPHA: 'Alpha',
  BETA: 'Beta',
  DOCS_READY: 'Docs ready',
  SUPPORT_TRAINED: 'Support trained',
  GA: 'GA',
  CANCELLED: 'Cancelled',
};

const TEAM_LABELS: Record<Team, string> = {
  PRODUCT: 'Product',
  ENGINEERING: 'Engineering',
  SUPPORT: 'Support',
};

export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage] ?? stage;
}

export function teamLabel(team: Team): string {
  return TEAM_LABELS[team] ?? team;
}

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
