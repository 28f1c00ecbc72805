import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  Decision,
  ItemStatus,
  LaunchState,
  RequirementKind,
  SignOffStatus,
  Stage,
  Team,
} from '#workflow';
import {
  DecisionEnum,
  ItemStatusEnum,
  RequirementKindEnum,
  SignOffStatusEnum,
  StageEnum,
  TeamEnum,
} from '../../common/graphql-enums.js';
import { PageInfoModel } from '../../common/page-info.model.js';

@ObjectType('Launch', { description: 'A feature launch moving through gated stages.' })
export class LaunchModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Unique, URL-safe slug chosen at creation: ^[a-z0-9][a-z0-9-]{1,62}$.' })
  key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => StageEnum) stage!: Stage;
  @Field({
    description:
      "True while any team's NO_GO stands on the current stage; false on GA and CANCELLED.",
  })
  blocked!: boolean;
  @Field(() => Date, { nullable: true, description: 'Needed to leave PLANNING.' })
  targetGaDate!: Date | null;
  @Field(() => Int, {
    description: 'Minimum whole days of support early access before GA (0..90).',
  })
  supportLeadDays!: number;
  @Field(() => Float, { description: 'A NO_GO unanswered this long escalates (0.001..720 hours).' })
  blockResponseHours!: number;
  @Field({ description: 'Checklist template the launch was created from (its items are a copy).' })
  template!: string;
  @Field(() => Int, { description: "The last event's sequence; pass it as expectedVersion." })
  version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  /** The workflow state every rule reads; field resolvers derive the rest from it. */
  state!: LaunchState;
}

export function toLaunchModel(state: LaunchState, version: number): LaunchModel {
  return Object.assign(new LaunchModel(), {
    id: state.id,
    key: state.key,
    name: state.name,
    description: state.description,
    stage: state.stage,
    blocked: false,
    targetGaDate: state.targetGaDate ? new Date(state.targetGaDate) : null,
    supportLeadDays: state.supportLeadDays,
    blockResponseHours: state.blockResponseHours,
    template: state.template,
    version,
    createdAt: new Date(state.createdAt),
    updatedAt: new Date(state.updatedAt),
    state,
  });
}

@ObjectType('ChecklistItem', {
  description: 'One thing a team must do (or may do, when not required) in one stage.',
})
export class ChecklistItemModel {
  @Field(() => ID) id!: string;
  @Field(() => StageEnum) stage!: Stage;
  @Field(() => TeamEnum, { description: 'The team responsible for it.' }) team!: Team;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: 'Required items gate the stage and count toward the readiness score.' })
  required!: boolean;
  @Field(() => ItemStatusEnum) status!: ItemStatus;
  @Field(() => String, {
    nullable: true,
    description: 'http(s) link to proof, given on completion.',
  })
  evidenceUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The completion note, or a waiver's reason.",
  })
  note!: string | null;
  completedById!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
}

@ObjectType('SignOff', { description: "A team's GO or NO_GO on one stage." })
export class SignOffModel {
  @Field(() => ID) id!: string;
  @Field(() => StageEnum) stage!: Stage;
  @Field(() => TeamEnum) team!: Team;
  @Field(() => DecisionEnum) decision!: Decision;
  @Field(() => String, { nullable: true, description: "NO_GO's reason, or an override's reason." })
  comment!: string | null;
  signedById!: string;
  @Field() signedAt!: Date;
  @Field(() => SignOffStatusEnum) status!: SignOffStatus;
  @Field({
    description: "True when an ADMIN outside the team lifted the team's NO_GO with this GO.",
  })
  override!: boolean;
}

@ObjectType('Requirement', {
  description: 'One unmet rule between the current stage and the next.',
})
export class RequirementModel {
  @Field(() => RequirementKindEnum) kind!: RequirementKind;
  @Field(() => TeamEnum, {
    nullable: true,
    description: 'Whose move it is (null for LAUNCH_FIELD and SUPPORT_LEAD_TIME).',
  })
  team!: Team | null;
  @Field({ description: 'One human sentence.' }) message!: string;
  @Field(() => ID, { nullable: true }) itemId!: string | null;
  @Field(() => ChecklistItemModel, { nullable: true, description: 'The item, for CHECKLIST_ITEM.' })
  item!: ChecklistItemModel | null;
}

@ObjectType('TeamGate', { description: "One team's part of a stage's gate." })
export class TeamGateModel {
  @Field(() => TeamEnum) team!: Team;
  @Field(() => Int) requiredItems!: number;
  @Field(() => Int, { description: 'DONE or WAIVED.' }) doneItems!: number;
  @Field(() => DecisionEnum, {
    nullable: true,
    description: "The team's ACTIVE sign-off on this stage, if any.",
  })
  decision!: Decision | null;
  signOffId!: string | null;
  @Field(() => SignOffModel, { nullable: true }) signOff!: SignOffModel | null;
}

@ObjectType('StageReadiness', { description: 'Progress of one gated stage.' })
export class StageReadinessModel {
  @Field(() => StageEnum) stage!: Stage;
  @Field(() => Int) requiredItems!: number;
  @Field(() => Int) doneItems!: number;
  @Field(() => [TeamGateModel]) teams!: TeamGateModel[];
}

@ObjectType('Readiness', {
  description: 'Is this launch ready, and if not, what exactly is missing and whose move is it?',
})
export class ReadinessModel {
  @Field(() => StageEnum) stage!: Stage;
  @Field(() => StageEnum, { nullable: true, description: 'Null on GA and CANCELLED.' })
  nextStage!: Stage | null;
  @Field() canAdvance!: boolean;
  @Field() blocked!: boolean;
  @Field(() => Float, {
    description: '0..1: done required items over all required items, all stages (1 when none).',
  })
  score!: number;
  @Field(() => [RequirementModel], {
    description:
      'Everything between now and nextStage, ordered by kind, team (PRODUCT, ENGINEERING, SUPPORT), item title; empty when canAdvance. The same list an advance refusal carries in extensions.missing.',
  })
  missing!: RequirementModel[];
  @Field(() => [StageReadinessModel]) stages!: StageReadinessModel[];
}

@ObjectType('LaunchPermissions', {
  description:
    "What the caller's role and teams allow on this launch in its current stage, from the same rules that enforce it. Whether the gate is met is readiness.canAdvance.",
})
export class LaunchPermissionsModel {
  @Field() advance!: boolean;
  @Field() cancel!: boolean;
  @Field() update!: boolean;
  @Field() addItem!: boolean;
  @Field({ description: 'False before BETA and once granted.' }) grantEarlyAccess!: boolean;
  @Field() comment!: boolean;
  @Field(() => [TeamEnum], { description: 'Teams the caller may sign for on the current stage.' })
  signFor!: Team[];
  @Field(() => [TeamEnum], { description: 'Teams whose items the caller may complete.' })
  completeFor!: Team[];
  @Field(() => [TeamEnum], { description: 'Teams whose items the caller may reopen.' })
  reopenFor!: Team[];
  @Field() waive!: boolean;
}

@ObjectType('EarlyAccess', { description: 'Support early access, granted from BETA on.' })
export class EarlyAccessModel {
  @Field() grantedAt!: Date;
  grantedById!: string;
  @Field(() => String, { nullable: true, description: 'Staging environment or preview build.' })
  url!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Int, {
    description: 'Whole days since the grant (elapsed ms / 86,400,000, rounded down).',
  })
  leadDaysElapsed!: number;
}

@ObjectType('LaunchEdge')
export class LaunchEdgeModel {
  @Field({ description: 'Opaque, signed keyset position.' }) cursor!: string;
  @Field(() => LaunchModel) node!: LaunchModel;
}

@ObjectType('LaunchConnection', { description: 'Launches, most recently updated first.' })
export class LaunchConnectionModel {
  @Field(() => [LaunchEdgeModel]) edges!: LaunchEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int, { description: 'Launches matching the filter, all pages.' })
  totalCount!: number;
}
