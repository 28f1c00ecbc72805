import { DEFAULT_GATE_POLICY, POLICY_LIMITS } from './gate-policy.js';
import type { GatePolicy, TeamApprovals } from './gate-policy.js';
import { GATED_STAGES, TEAMS, isGatedStage, isTeam } from './stages.js';
import type { GatedStage, Team } from './stages.js';

/*
 * Templates as data (POLICIES.md, Templates): what an admin sends, checked and normalised
 * into what is stored. Input may come from anywhere, so values are checked, not trusted.
 */

export const TEMPLATE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const RESERVED_TEMPLATE_NAMES = ['baseline'] as const;
export const TEMPLATE_LIMITS = {
  items: 500,
  title: 200,
  description: 2_000,
} as const;

export interface TemplateItemDefinition {
  readonly stage: GatedStage;
  readonly team: Team;
  readonly title: string;
  readonly description: string | null;
  readonly required: boolean;
}

/** A valid template version's content, as stored and as copied into a launch. */
export interface TemplateDefinition {
  readonly name: string;
  readonly description: string | null;
  readonly items: readonly TemplateItemDefinition[];
  readonly policy: GatePolicy;
}

/** A stored version of a template. */
export interface TemplateVersion extends TemplateDefinition {
  readonly version: number;
  readonly archived: boolean;
  /** Null for the built-ins. */
  readonly createdById: string | null;
  readonly createdAt: string;
}

export interface TemplateItemInput {
  readonly stage: unknown;
  readonly team: unknown;
  readonly title: unknown;
  readonly description?: unknown;
  readonly required?: unknown;
}

export interface TeamApprovalsInput {
  readonly team: unknown;
  readonly stage?: unknown;
  readonly approvals: unknown;
}

/** Fields left undefined take the default; goValidDays null means "never expires". */
export interface GatePolicyInput {
  readonly approvals?: readonly TeamApprovalsInput[] | null;
  readonly goValidDays?: unknown;
  readonly distinctApprovers?: unknown;
  readonly coordinatorMayApprove?: unknown;
  readonly supportLeadDays?: unknown;
  readonly minSupportLeadDays?: unknown;
  readonly blockResponseHours?: unknown;
}

export interface TemplateInput {
  readonly name: unknown;
  readonly description?: unknown;
  readonly items: unknown;
  readonly policy?: GatePolicyInput | null;
}

/** The first broken rule: the input field it is about (a path) and a sentence. */
export interface TemplateProblem {
  readonly field: string;
  readonly message: string;
}

export type TemplateCheck =
  | { readonly definition: TemplateDefinition; readonly problem?: undefined }
  | { readonly problem: TemplateProblem; readonly definition?: undefined };

class Broken extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(problem.message);
  }
}

function fail(field: string, message: string): never {
  throw new Broken({ field, message });
}

function optionalText(field: string, value: unknown, what: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') fail(field, `${what} must be text.`);
  if (value.length > TEMPLATE_LIMITS.description) {
    fail(field, `${what} must be at most ${TEMPLATE_LIMITS.description} characters long.`);
  }
  return value.trim() === '' ? null : value;
}

function wholeNumber(field: string, value: unknown, min: number, max: number, what: string) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `${what} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function bool(field: string, value: unknown, fallback: boolean, what: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') fail(field, `${what} must be true or false.`);
  return value;
}

function checkName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!TEMPLATE_NAME_PATTERN.test(name)) {
    fail(
      'name',
      'The template name must be 2 to 63 characters of lowercase letters, digits and hyphens, starting with a letter or digit.',
    );
  }
  if ((RESERVED_TEMPLATE_NAMES as readonly string[]).includes(name)) {
    fail('name', `The template name "${name}" is reserved.`);
  }
  return name;
}

function checkItem(item: TemplateItemInput, index: number): TemplateItemDefinition {
  const at = `items.${index}`;
  if (!item || typeof item !== 'object') fail(at, `Item ${index + 1} is not an item.`);
  if (!isGatedStage(item.stage)) {
    fail(
      `${at}.stage`,
      `Item ${index + 1} has stage ${String(item.stage)}; templates hold only the stages ${GATED_STAGES.join(', ')}.`,
    );
  }
  if (!isTeam(item.team)) {
    fail(
      `${at}.team`,
      `Item ${index + 1} has the unknown team ${String(item.team)}; use one of ${TEAMS.join(', ')}.`,
    );
  }
  const title = typeof item.title === 'string' ? item.title.trim() : '';
  if (title.length < 1 || title.length > TEMPLATE_LIMITS.title) {
    fail(
      `${at}.title`,
      `Item ${index + 1}'s title must be 1 to ${TEMPLATE_LIMITS.title} characters after trimming.`,
    );
  }
  return {
    stage: item.stage,
    team: item.team,
    title,
    description: optionalText(
      `${at}.description`,
      item.description,
      `Item ${index + 1}'s description`,
    ),
    required: bool(`${at}.required`, item.required, true, `Item ${index + 1}'s required flag`),
  };
}

function checkItems(value: unknown, standard: boolean): TemplateItemDefinition[] {
  if (!Array.isArray(value)) fail('items', 'The template needs a list of items.');
  if (value.length > TEMPLATE_LIMITS.items) {
    fail(
      'items',
      `A template holds at most ${TEMPLATE_LIMITS.items} items; this one has ${value.length}.`,
    );
  }
  const items = (value as TemplateItemInput[]).map(checkItem);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = `${item.stage}\u0000${item.team}\u0000${item.title}`;
    if (seen.has(key)) {
      fail(
        `items.${index}.title`,
        `The title "${item.title}" appears twice for ${item.team} in ${item.stage}; titles are unique within a stage and team.`,
      );
    }
    seen.add(key);
  });
  for (const stage of GATED_STAGES) {
    if (!items.some((i) => i.stage === stage && i.required)) {
      fail('items', `Every stage before GA needs at least one required item; ${stage} has none.`);
    }
  }
  if (standard) {
    for (const stage of GATED_STAGES) {
      for (const team of TEAMS) {
        if (!items.some((i) => i.stage === stage && i.team === team && i.required)) {
          fail(
            'items',
            `"standard" needs a required item for every team in every stage before GA; ${team} has none in ${stage}.`,
          );
        }
      }
    }
  }
  return items;
}

function checkApprovals(value: readonly TeamApprovalsInput[] | null | undefined): TeamApprovals[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) fail('policy.approvals', 'Approvals must be a list.');
  const { min, max } = POLICY_LIMITS.approvals;
  const seen = new Set<string>();
  return value.map((entry, index) => {
    const at = `policy.approvals.${index}`;
    if (!isTeam(entry.team)) {
      fail(
        `${at}.team`,
        `Approvals entry ${index + 1} names the unknown team ${String(entry.team)}.`,
      );
    }
    const stage = entry.stage ?? null;
    if (stage !== null && !isGatedStage(stage)) {
      fail(
        `${at}.stage`,
        `Approvals entry ${index + 1} names stage ${String(stage)}; use one of ${GATED_STAGES.join(', ')}, or none for every stage.`,
      );
    }
    const approvals = wholeNumber(
      `${at}.approvals`,
      entry.approvals,
      min,
      max,
      `Approvals entry ${index + 1}'s approvals`,
    );
    const key = `${entry.team}/${String(stage)}`;
    if (seen.has(key)) {
      fail(
        at,
        `Approvals for ${entry.team} on ${stage ?? 'every stage'} are given twice; give one entry per team and stage.`,
      );
    }
    seen.add(key);
    return { team: entry.team, stage, approvals };
  });
}

/** The policy from its input; fields left out take the defaults of POLICIES.md. */
function checkPolicy(input: GatePolicyInput): GatePolicy {
  const d = DEFAULT_GATE_POLICY;
  const approvals = checkApprovals(input.approvals);
  const goValidDays =
    input.goValidDays === null || input.goValidDays === undefined
      ? null
      : wholeNumber(
          'policy.goValidDays',
          input.goValidDays,
          POLICY_LIMITS.goValidDays.min,
          POLICY_LIMITS.goValidDays.max,
          'goValidDays',
        );
  const supportLeadDays =
    input.supportLeadDays === null || input.supportLeadDays === undefined
      ? d.supportLeadDays
      : wholeNumber(
          'policy.supportLeadDays',
          input.supportLeadDays,
          POLICY_LIMITS.supportLeadDays.min,
          POLICY_LIMITS.supportLeadDays.max,
          'supportLeadDays',
        );
  const minSupportLeadDays =
    input.minSupportLeadDays === null || input.minSupportLeadDays === undefined
      ? d.minSupportLeadDays
      : wholeNumber(
          'policy.minSupportLeadDays',
          input.minSupportLeadDays,
          0,
          supportLeadDays,
          'minSupportLeadDays (at most supportLeadDays)',
        );
  let blockResponseHours = d.blockResponseHours;
  if (input.blockResponseHours !== null && input.blockResponseHours !== undefined) {
    const { min, max } = POLICY_LIMITS.blockResponseHours;
    const hours = input.blockResponseHours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < min || hours > max) {
      fail(
        'policy.blockResponseHours',
        `blockResponseHours must be a number from ${min} to ${max}.`,
      );
    }
    blockResponseHours = hours;
  }
  return {
    approvals,
    goValidDays,
    distinctApprovers: bool(
      'policy.distinctApprovers',
      input.distinctApprovers,
      d.distinctApprovers,
      'distinctApprovers',
    ),
    coordinatorMayApprove: bool(
      'policy.coordinatorMayApprove',
      input.coordinatorMayApprove,
      d.coordinatorMayApprove,
      'coordinatorMayApprove',
    ),
    supportLeadDays,
    minSupportLeadDays,
    blockResponseHours,
  };
}

/**
 * Checks a template version in POLICIES.md's order (name, description, items, policy) and
 * returns it normalised (names and titles trimmed, defaults filled), or the first broken
 * rule. `previous` is the version it follows: a policy or description left out (or null)
 * is inherited from it.
 */
export function checkTemplateInput(
  input: TemplateInput,
  previous: Pick<TemplateDefinition, 'description' | 'policy'> | null = null,
): TemplateCheck {
  try {
    const name = checkName(input.name);
    const description =
      (input.description === null || input.description === undefined) && previous
        ? previous.description
        : optionalText('description', input.description, 'The description');
    const items = checkItems(input.items, name === 'standard');
    const policy =
      (input.policy === null || input.policy === undefined) && previous
        ? previous.policy
        : checkPolicy(input.policy ?? {});
    return { definition: { name, description, items, policy } };
  } catch (error) {
    if (error instanceof Broken) return { problem: error.problem };
    throw error;
  }
}
