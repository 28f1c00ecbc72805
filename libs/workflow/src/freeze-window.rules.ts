import { isFinalStage, nextStage, stageLabel } from '#checklists';
import type { Stage } from '#checklists';
import type { Actor } from './actor.js';
import { isBlank } from './command.validation.js';
import { humanMoment } from './human-time.js';
import type { LaunchState, Requirement } from './launch.types.js';
import { compareCodePoints } from './text-order.js';
import { MANAGE_TARGET, tokenRefusal } from './token-limits.rules.js';
import { WorkflowError } from './workflow.errors.js';

/*
 * Freeze windows (POLICIES.md): spans of time in which some stages may not be entered.
 * The rules take the windows as data; the API loads the ones that matter.
 */

const DAY_MS = 86_400_000;

/** A stored freeze window; times are ISO strings. */
export interface FreezeWindow {
  readonly id: string;
  readonly name: string;
  readonly reason: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The stages that may not be entered inside the window, in stage order. */
  readonly stages: readonly Stage[];
  readonly createdById: string;
  readonly createdAt: string;
  readonly endedAt: string | null;
  readonly endedById: string | null;
}

/** The stages a window may freeze (every stage a launch can be advanced into). */
export const FREEZABLE_STAGES = [
  'ALPHA',
  'BETA',
  'DOCS_READY',
  'SUPPORT_TRAINED',
  'GA',
] as const satisfies readonly Stage[];

export const FREEZE_WINDOW_LIMITS = { name: 200, reason: 2_000, maxDays: 90 } as const;

/** When the window stops freezing: endsAt, or endedAt when it was ended earlier. */
export function effectiveEnd(window: FreezeWindow): string {
  return window.endedAt !== null && Date.parse(window.endedAt) < Date.parse(window.endsAt)
    ? window.endedAt
    : window.endsAt;
}

/** createdAt <= t, startsAt <= t, t < endsAt and t < endedAt (when set). */
export function windowInEffect(window: FreezeWindow, at: string): boolean {
  const t = Date.parse(at);
  return (
    Date.parse(window.createdAt) <= t &&
    Date.parse(window.startsAt) <= t &&
    t < Date.parse(effectiveEnd(window))
  );
}

/** Requirement order of windows: effective end, then name (then id, for a total order). */
export function compareWindows(a: FreezeWindow, b: FreezeWindow): number {
  return (
    Date.parse(effectiveEnd(a)) - Date.parse(effectiveEnd(b)) ||
    compareCodePoints(a.name, b.name) ||
    compareCodePoints(a.id, b.id)
  );
}

/** The windows in effect at `at` that freeze `stage`, by effective end, then name. */
export function windowsFreezing(
  windows: readonly FreezeWindow[],
  stage: Stage,
  at: string,
): FreezeWindow[] {
  return windows
    .filter((w) => w.stages.includes(stage) && windowInEffect(w, at))
    .sort(compareWindows);
}

export function freezeRequirement(window: FreezeWindow, stage: Stage): Requirement {
  return {
    kind: 'FREEZE_WINDOW',
    team: null,
    message: `The freeze “${window.name}” stops launches entering ${stageLabel(stage)} until ${humanMoment(effectiveEnd(window))}.`,
    itemId: null,
  };
}

/** One FREEZE_WINDOW per window in effect at `at` that freezes the launch's next stage. */
export function freezeRequirements(
  state: LaunchState,
  at: string,
  windows: readonly FreezeWindow[],
): Requirement[] {
  const to = isFinalStage(state.stage) ? null : nextStage(state.stage);
  if (!to) return [];
  return windowsFreezing(windows, to, at).map((w) => freezeRequirement(w, to));
}

/** What an admin sends to create a window (GraphQL FreezeWindowInput, times as ISO). */
export interface FreezeWindowInput {
  readonly name: unknown;
  readonly reason?: unknown;
  readonly startsAt: unknown;
  readonly endsAt: unknown;
  readonly stages?: readonly unknown[] | null;
}

/** A checked window, ready to store. */
export interface FreezeWindowDefinition {
  readonly name: string;
  readonly reason: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly stages: readonly Stage[];
}

function bad(field: string, message: string): never {
  throw WorkflowError.badInput(field, message);
}

function instant(field: string, value: unknown, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) bad(field, `${what} must be an ISO 8601 date-time.`);
  return ms;
}

function checkedStages(stages: readonly unknown[] | null | undefined): Stage[] {
  if (stages === null || stages === undefined) return ['GA'];
  if (!Array.isArray(stages) || stages.length === 0) {
    bad('stages', 'A freeze window must freeze at least one stage.');
  }
  for (const stage of stages) {
    if (!(FREEZABLE_STAGES as readonly unknown[]).includes(stage)) {
      bad(
        'stages',
        `A freeze window freezes stages from ALPHA to GA; ${String(stage)} cannot be frozen.`,
      );
    }
  }
  return FREEZABLE_STAGES.filter((s) => stages.includes(s));
}

/**
 * The checks of POLICIES.md, in order (BAD_USER_INPUT naming the field): name 1..200 after
 * trimming, reason up to 2,000, startsAt < endsAt, endsAt after `now`, at most 90 days,
 * stages from ALPHA to GA (default [GA], each once, in stage order).
 */
export function checkFreezeWindowInput(
  input: FreezeWindowInput,
  now: string,
): FreezeWindowDefinition {
  const { name: rawName, reason: rawReason } = input;
  if (typeof rawName !== 'string' || isBlank(rawName)) {
    bad('name', 'The name of a freeze window must not be empty.');
  }
  const name = rawName.trim();
  if (name.length > FREEZE_WINDOW_LIMITS.name) {
    bad('name', `The name must be at most ${FREEZE_WINDOW_LIMITS.name} characters long.`);
  }
  if (rawReason !== null && rawReason !== undefined && typeof rawReason !== 'string') {
    bad('reason', 'The reason must be text.');
  }
  const reason = isBlank(rawReason as string | null | undefined)
    ? null
    : (rawReason as string).trim();
  if (reason !== null && reason.length > FREEZE_WINDOW_LIMITS.reason) {
    bad('reason', `The reason must be at most ${FREEZE_WINDOW_LIMITS.reason} characters long.`);
  }
  const startsAt = instant('startsAt', input.startsAt, 'startsAt');
  const endsAt = instant('endsAt', input.endsAt, 'endsAt');
  if (endsAt <= startsAt) bad('endsAt', 'A freeze window must end after it starts.');
  if (endsAt <= Date.parse(now)) bad('endsAt', 'A freeze window must end in the future.');
  if (endsAt - startsAt > FREEZE_WINDOW_LIMITS.maxDays * DAY_MS) {
    bad('endsAt', `A freeze window lasts at most ${FREEZE_WINDOW_LIMITS.maxDays} days.`);
  }
  return {
    name,
    reason,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    stages: checkedStages(input.stages),
  };
}

/** Only an admin (with a token that may MANAGE) creates and ends freeze windows. */
export function freezeWindowCommandRefusal(actor: Actor): WorkflowError | null {
  if (actor.role !== 'ADMIN') {
    return WorkflowError.forbidden('Only an admin may create or end freeze windows.');
  }
  const token = tokenRefusal(actor, MANAGE_TARGET);
  return token ? WorkflowError.forbidden(token) : null;
}

/** Ending a window already over (ended, or past its endsAt) is CONFLICT. */
export function endFreezeWindowRefusal(window: FreezeWindow, now: string): WorkflowError | null {
  if (window.endedAt !== null) {
    return WorkflowError.conflict(`The freeze “${window.name}” has already been ended.`);
  }
  if (Date.parse(now) >= Date.parse(window.endsAt)) {
    return WorkflowError.conflict(`The freeze “${window.name}” is already over.`);
  }
  return null;
}

/** freezeWindows(from, to): from defaults to now, to to no end; from must be before to. */
export function freezeWindowRange(
  from: string | null | undefined,
  to: string | null | undefined,
  now: string,
): { from: string; to: string | null } {
  const start = from ?? now;
  if (to !== null && to !== undefined && Date.parse(start) >= Date.parse(to)) {
    bad('to', 'The end of the range must be after its start.');
  }
  return { from: start, to: to ?? null };
}
