import type { GatedStage, Team } from './stages.js';

export interface TemplateItem {
  /** Stable, unique within the template (e.g. "alpha.engineering.rollback-plan"). */
  readonly key: string;
  readonly stage: GatedStage;
  readonly team: Team;
  readonly title: string;
  readonly description?: string;
  readonly required: boolean;
}

export interface ChecklistTemplate {
  readonly name: string;
  readonly description: string;
  /** When true, validation also demands a required item for every team in every gated stage. */
  readonly everyTeamEveryStage: boolean;
  readonly items: readonly TemplateItem[];
}
