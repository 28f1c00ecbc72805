/** The teams that work every gate, in canonical order (readiness sorts by it). */
export const TEAMS = ['PRODUCT', 'ENGINEERING', 'SUPPORT'] as const;
export type Team = (typeof TEAMS)[number];

/** Every stage of a launch in order; the last two are final. */
export const STAGES = [
  'PLANNING',
  'ALPHA',
  'BETA',
  'DOCS_READY',
  'SUPPORT_TRAINED',
  'GA',
  'CANCELLED',
] as const;
export type Stage = (typeof STAGES)[number];

/** The stages that have a gate out of them: every stage that is not final. */
export const GATED_STAGES = ['PLANNING', 'ALPHA', 'BETA', 'DOCS_READY', 'SUPPORT_TRAINED'] as const;
export type GatedStage = (typeof GATED_STAGES)[number];

export function isTeam(value: unknown): value is Team {
  return typeof value === 'string' && (TEAMS as readonly string[]).includes(value);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isGatedStage(value: unknown): value is GatedStage {
  return typeof value === 'string' && (GATED_STAGES as readonly string[]).includes(value);
}

export function isFinalStage(stage: Stage): boolean {
  return stage === 'GA' || stage === 'CANCELLED';
}

/** Position in STAGES; CANCELLED sorts last, which is fine: nothing is compared against it. */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function teamIndex(team: Team): number {
  return TEAMS.indexOf(team);
}

/** The stage a successful gate leads to; null from a final stage (CANCELLED is not "next"). */
export function nextStage(stage: Stage): Stage | null {
  switch (stage) {
    case 'PLANNING':
      return 'ALPHA';
    case 'ALPHA':
      return 'BETA';
    case 'BETA':
      return 'DOCS_READY';
    case 'DOCS_READY':
      return 'SUPPORT_TRAINED';
    case 'SUPPORT_TRAINED':
      return 'GA';
    case 'GA':
    case 'CANCELLED':
      return null;
  }
}

const TEAM_LABELS: Record<Team, string> = {
  PRODUCT: 'Product',
  ENGINEERING: 'Engineering',
  SUPPORT: 'Support',
};

const STAGE_LABELS: Record<Stage, string> = {
  PLANNING: 'Planning',
  ALPHA: 'Alpha',
  BETA: 'Beta',
  DOCS_READY: 'Docs ready',
  SUPPORT_TRAINED: 'Support trained',
  GA: 'GA',
  CANCELLED: 'Cancelled',
};

/** Human names for messages ("Engineering must complete ..."). */
export function teamLabel(team: Team): string {
  return TEAM_LABELS[team];
}

export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}
