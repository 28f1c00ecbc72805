import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { GatePolicy, Stage, Team, TemplateVersion } from '#workflow';
import { StageEnum, TeamEnum } from '../../common/graphql-enums.js';

@ObjectType('TemplateItem', { description: 'One checklist item of a template version.' })
export class TemplateItemModel {
  @Field(() => StageEnum, { description: 'PLANNING..SUPPORT_TRAINED.' }) stage!: Stage;
  @Field(() => TeamEnum, { description: 'The team responsible for it.' }) team!: Team;
  @Field({ description: '1..200 characters, unique within its stage and team.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  description!: string | null;
  @Field({ description: 'Required items gate their stage.' }) required!: boolean;
}

@ObjectType('TeamApprovals', {
  description: 'How many distinct people of a team must say GO on a stage (null: every stage).',
})
export class TeamApprovalsModel {
  @Field(() => TeamEnum, { description: 'The team.' }) team!: Team;
  @Field(() => StageEnum, { nullable: true, description: 'Null: every stage.' })
  stage!: Stage | null;
  @Field(() => Int, { description: '1..10.' }) approvals!: number;
}

@ObjectType('GatePolicy', {
  description: "A template's gate policy, copied into each launch created from it.",
})
export class GatePolicyModel {
  @Field(() => [TeamApprovalsModel], {
    description: 'Listed exactly as given; [] means 1 for every team and stage.',
  })
  approvals!: TeamApprovalsModel[];
  @Field(() => Int, { nullable: true, description: 'Days a GO counts for; null: never expires.' })
  goValidDays!: number | null;
  @Field({ description: 'One person approves for at most one team per stage.' })
  distinctApprovers!: boolean;
  @Field({ description: "False: the launch's coordinator may not sign GO." })
  coordinatorMayApprove!: boolean;
  @Field(() => Int, { description: 'Default supportLeadDays of launches (0..90).' })
  supportLeadDays!: number;
  @Field(() => Int, { description: 'The floor of supportLeadDays only an admin goes below.' })
  minSupportLeadDays!: number;
  @Field(() => Float, { description: 'Default blockResponseHours of launches.' })
  blockResponseHours!: number;
}

@ObjectType('ChecklistTemplate', {
  description: 'One version of a checklist template: items and gate policy, never changed.',
})
export class ChecklistTemplateModel {
  @Field({ description: 'Unique name: ^[a-z0-9][a-z0-9-]{1,62}$.' }) name!: string;
  @Field(() => Int, { description: '1, 2, ... per name.' }) version!: number;
  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  description!: string | null;
  @Field(() => [TemplateItemModel], { description: 'The checklist, in order.' })
  items!: TemplateItemModel[];
  @Field(() => GatePolicyModel, { description: 'The gate policy launches copy.' })
  policy!: GatePolicyModel;
  @Field({ description: 'Archived templates start no new launches.' }) archived!: boolean;
  @Field({ description: 'When this version was published.' }) createdAt!: Date;
  createdById!: string | null;
}

export function toGatePolicyModel(policy: GatePolicy): GatePolicyModel {
  return { ...policy, approvals: policy.approvals.map((a) => ({ ...a })) };
}

export function toTemplateModel(t: TemplateVersion): ChecklistTemplateModel {
  return Object.assign(new ChecklistTemplateModel(), {
    name: t.name,
    version: t.version,
    description: t.description,
    items: t.items.map((i) => ({ ...i })),
    policy: toGatePolicyModel(t.policy),
    archived: t.archived,
    createdAt: new Date(t.createdAt),
    createdById: t.createdById,
  });
}
