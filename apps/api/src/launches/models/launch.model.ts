import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  isBlocked,
  type Decision,
  type ItemStatus,
  type LaunchState,
  type RequirementKind,
  type SignOffStatus,
  type Stage,
  type Team,
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
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field({ description: 'Unique, URL-safe slug chosen at creation: ^[a-z0-9][a-z0-9-]{1,62}$.' })
  key!: string;
  @Field({ description: 'Human name, 1..200 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Free text, up to 10,000 characters.' })
  description!: string | null;
  @Field(() => StageEnum, { description: 'Where the launch is now.' }) stage!: Stage;
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
  @Field({ description: 'When the launch was created.' }) createdAt!: Date;
  @Field({ description: 'Time of its latest event; lists sort by it.' }) updatedAt!: Date;
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
    blocked: isBlocked(state),
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
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field(() => StageEnum, { description: 'The stage whose gate the item belongs to.' })
  stage!: Stage;
  @Field(() => TeamEnum, { description: 'The team responsible for it.' }) team!: Team;
  @Field({ description: 'What has to be done.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Details.' }) description!: string | null;
  @Field({ description: 'Required items gate the stage and count toward the readiness score.' })
  required!: boolean;
  @Field(() => ItemStatusEnum, { description: 'OPEN, DONE or WAIVED.' }) status!: ItemStatus;
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
  @Field(() => Date, { nullable: true, description: 'When it was marked DONE or WAIVED.' })
  completedAt!: Date | null;
  /** The launch the item is on, as read; reopenWithdraws is judged on it. */
  launchState!: LaunchState;
}

@ObjectType('SignOff', { description: "A team's GO or NO_GO on one stage." })
export class SignOffModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field(() => StageEnum, { description: 'The stage signed off.' }) stage!: Stage;
  @Field(() => TeamEnum, { description: 'The team that signed.' }) team!: Team;
  @Field(() => DecisionEnum, { description: 'GO or NO_GO.' }) decision!: Decision;
  @Field(() => String, { nullable: true, description: "NO_GO's reason, or an override's reason." })
  comment!: string | null;
  signedById!: string;
  @Field({ description: 'When it was signed.' }) signedAt!: Date;
  @Field(() => SignOffStatusEnum, {
    description: 'ACTIVE, SUPERSEDED, or EXPIRED (an ACTIVE GO past goValidDays).',
  })
  status!: SignOffStatus;
  @Field(() => Date, {
    nullable: true,
    description: "When a GO stops counting under the launch's goValidDays; null: never.",
  })
  expiresAt!: Date | null;
  @Field({
    description: "True when an ADMIN outside the team lifted the team's NO_GO with this GO.",
  })
  override!: boolean;
}

@ObjectType('Requirement', {
  description: 'One unmet rule between the current stage and the next.',
})
export class RequirementModel {
  @Field(() => RequirementKindEnum, { description: 'What sort of rule is unmet.' })
  kind!: RequirementKind;
  @Field(() => TeamEnum, {
    nullable: true,
    description: 'Whose move it is (null for LAUNCH_FIELD, SUPPORT_LEAD_TIME and FREEZE_WINDOW).',
  })
  team!: Team | null;
  @Field({ description: 'One human sentence.' }) message!: string;
  @Field(() => ID, { nullable: true, description: 'The item, for CHECKLIST_ITEM.' }) itemId!:
    string | null;
  @Field(() => ChecklistItemModel, { nullable: true, description: 'The item, for CHECKLIST_ITEM.' })
  item!: ChecklistItemModel | null;
}

@ObjectType('TeamGate', { description: "One team's part of a stage's gate." })
export class TeamGateModel {
  @Field(() => TeamEnum, { description: 'The team.' }) team!: Team;
  @Field(() => Int, { description: 'Required items of the team on this stage.' })
  requiredItems!: number;
  @Field(() => Int, { description: 'DONE or WAIVED.' }) doneItems!: number;
  @Field(() => DecisionEnum, {
    nullable: true,
    description: "The team's ACTIVE sign-off on this stage, if any.",
  })
  decision!: Decision | null;
  signOffId!: string | null;
  @Field(() => SignOffModel, {
    nullable: true,
    description: "The team's latest standing sign-off on this stage, if any.",
  })
  signOff!: SignOffModel | null;
  @Field(() => Int, { description: 'Distinct people whose GO the team needs on this stage.' })
  approvalsNeeded!: number;
  @Field(() => Int, { description: 'ACTIVE (not expired) GOs from distinct people.' })
  approvals!: number;
  @Field(() => [SignOffModel], {
    description: 'Every standing (ACTIVE or EXPIRED) sign-off of the team on this stage.',
  })
  signOffs!: SignOffModel[];
}

@ObjectType('StageReadiness', { description: 'Progress of one gated stage.' })
export class StageReadinessModel {
  @Field(() => StageEnum, { description: 'A gated stage.' }) stage!: Stage;
  @Field(() => Int, { description: 'Required items of the stage.' }) requiredItems!: number;
  @Field(() => Int, { description: 'Required items DONE or WAIVED.' }) doneItems!: number;
  @Field(() => [TeamGateModel], { description: 'Each team’s part, PRODUCT, ENGINEERING, SUPPORT.' })
  teams!: TeamGateModel[];
}

@ObjectType('Readiness', {
  description: 'Is this launch ready, and if not, what exactly is missing and whose move is it?',
})
export class ReadinessModel {
  @Field(() => StageEnum, { description: 'The current stage.' }) stage!: Stage;
  @Field(() => StageEnum, { nullable: true, description: 'Null on GA and CANCELLED.' })
  nextStage!: Stage | null;
  @Field({ description: 'True when the gate out of the current stage is met.' })
  canAdvance!: boolean;
  @Field({ description: "True while a team's NO_GO stands." }) blocked!: boolean;
  @Field(() => Float, {
    description: '0..1: done required items over all required items, all stages (1 when none).',
  })
  score!: number;
  @Field(() => [RequirementModel], {
    description:
      'Everything between now and nextStage, ordered by kind, team (PRODUCT, ENGINEERING, SUPPORT), item title; empty when canAdvance. The same list an advance refusal carries in extensions.missing.',
  })
  missing!: RequirementModel[];
  @Field(() => [StageReadinessModel], { description: 'Progress of every gated stage, in order.' })
  stages!: StageReadinessModel[];
}

@ObjectType('LaunchPlan', {
  description:
    'What it takes to reach GA by gaBy, as if every open item and approval were done at once, now.',
})
export class LaunchPlanModel {
  @Field({ description: 'The GA date asked about.' }) gaBy!: Date;
  @Field({ description: 'earliestGaAt <= gaBy.' }) feasible!: boolean;
  @Field({
    description:
      'Each remaining stage entered as soon as no freeze window holds it, GA after the support lead time.',
  })
  earliestGaAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description:
      'The latest early-access grant that meets the lead time for gaBy; null once granted.',
  })
  earlyAccessBy!: Date | null;
  @Field(() => [RequirementModel], {
    description:
      'Empty when feasible; otherwise what delayed GA: SUPPORT_LEAD_TIME, one FREEZE_WINDOW per window.',
  })
  obstacles!: RequirementModel[];
  @Field(() => [RequirementModel], {
    description: 'SIGN_OFF_EXPIRED: GOs on SUPPORT_TRAINED that would be expired at gaBy.',
  })
  reconfirm!: RequirementModel[];
  @Field(() => [StageReadinessModel], {
    description: 'Open work per team, from the current stage to SUPPORT_TRAINED.',
  })
  stages!: StageReadinessModel[];
}

@ObjectType('ItemPermissions', {
  description:
    'What the caller may do with one checklist item now: its team, status and stage included.',
})
export class ItemPermissionsModel {
  @Field(() => ID, { description: 'The checklist item.' }) itemId!: string;
  @Field({ description: 'May complete it (an OPEN item of its team, not of a past stage).' })
  complete!: boolean;
  @Field({ description: 'May waive it (an OPEN item, not of a past stage).' }) waive!: boolean;
  @Field({ description: 'May reopen it (DONE or WAIVED, not of a past stage).' }) reopen!: boolean;
}

@ObjectType('SignOffOptions', {
  description:
    'For one team the caller may sign for now: what a signOff would be told, from the rules that decide it.',
})
export class SignOffOptionsModel {
  @Field(() => TeamEnum, { description: 'The team.' }) team!: Team;
  @Field({ description: 'A GO would be accepted now (with a comment where one is required).' })
  go!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "Why a GO would be refused now (the team's open required items); null when go.",
  })
  goRefusal!: string | null;
  @Field({ description: "A GO now lifts the team's NO_GO as an override and needs a comment." })
  commentRequiredForGo!: boolean;
  @Field({ description: 'A NO_GO needs a comment.' }) commentRequiredForNoGo!: boolean;
}

@ObjectType('LaunchPermissions', {
  description:
    "What the caller's role and teams allow on this launch in its current stage, from the same rules that enforce it. Whether the gate is met is readiness.canAdvance.",
})
export class LaunchPermissionsModel {
  @Field({ description: 'May advance (whether the gate is met: readiness.canAdvance).' })
  advance!: boolean;
  @Field({ description: 'May cancel.' }) cancel!: boolean;
  @Field({ description: 'May change launch fields.' }) update!: boolean;
  @Field({ description: 'May add checklist items.' }) addItem!: boolean;
  @Field(() => [StageEnum], {
    description:
      'The stages the caller may add an item to now: the current and later ones; [] without addItem.',
  })
  addItemStages!: Stage[];
  @Field({ description: 'False before BETA and once granted.' }) grantEarlyAccess!: boolean;
  @Field({ description: 'May comment.' }) comment!: boolean;
  @Field(() => [TeamEnum], { description: 'Teams the caller may sign for on the current stage.' })
  signFor!: Team[];
  @Field(() => [TeamEnum], {
    description:
      'Teams whose GO the caller is permitted to give now (who may act, separation of duties); not whether items allow it.',
  })
  approveFor!: Team[];
  @Field(() => [TeamEnum], { description: 'Teams whose items the caller may complete.' })
  completeFor!: Team[];
  @Field(() => [TeamEnum], { description: 'Teams whose items the caller may reopen.' })
  reopenFor!: Team[];
  @Field({ description: 'May waive items.' }) waive!: boolean;
  @Field({
    description:
      'May advance through the freeze windows of the next stage with freezeOverrideReason (ADMIN who may advance).',
  })
  overrideFreeze!: boolean;
  @Field(() => [ItemPermissionsModel], {
    description: 'Per checklist item, in checklist order: what the caller may do with it now.',
  })
  items!: ItemPermissionsModel[];
  @Field(() => [SignOffOptionsModel], {
    description:
      'Per team in signFor: whether a GO would pass now and which decisions need a comment.',
  })
  signOffs!: SignOffOptionsModel[];
  @Field(() => String, {
    nullable: true,
    description: 'Why the caller may not grant early access now; null when grantEarlyAccess.',
  })
  grantEarlyAccessRefusal!: string | null;
}

@ObjectType('EarlyAccess', { description: 'Support early access, granted from BETA on.' })
export class EarlyAccessModel {
  @Field({ description: 'When support got access; counts toward supportLeadDays.' })
  grantedAt!: Date;
  grantedById!: string;
  @Field(() => String, { nullable: true, description: 'Staging environment or preview build.' })
  url!: string | null;
  @Field(() => String, { nullable: true, description: 'What support should know.' }) notes!:
    string | null;
  @Field(() => Int, {
    description: 'Whole days since the grant (elapsed ms / 86,400,000, rounded down).',
  })
  leadDaysElapsed!: number;
  @Field({ description: 'leadDaysElapsed has reached the launch’s supportLeadDays.' })
  leadTimeMet!: boolean;
  @Field({ description: 'When leadDaysElapsed reaches supportLeadDays.' }) leadTimeMetAt!: Date;
}

@ObjectType('NumberRange', { description: 'The values a number input accepts.' })
export class NumberRangeModel {
  @Field(() => Float, { description: 'Smallest accepted value.' }) min!: number;
  @Field(() => Float, { description: 'Largest accepted value.' }) max!: number;
  @Field({ description: 'Only whole numbers are accepted.' }) wholeNumbers!: boolean;
  @Field(() => Float, { description: 'The value used when the input leaves it out.' })
  defaultValue!: number;
}

@ObjectType('LaunchInputLimits', {
  description:
    'The bounds the API checks on launch input, for forms to show before sending; every request is checked again.',
})
export class LaunchInputLimitsModel {
  @Field({ description: 'ECMAScript regular expression a launch key must match.' })
  keyPattern!: string;
  @Field(() => Int, { description: 'Longest launch name.' }) nameMaxLength!: number;
  @Field(() => Int, { description: 'Longest checklist item title.' }) titleMaxLength!: number;
  @Field(() => Int, { description: 'Longest launch or item description.' })
  descriptionMaxLength!: number;
  @Field(() => Int, { description: 'Longest comment, reason, note or notes.' })
  textMaxLength!: number;
  @Field(() => Int, { description: 'Longest evidence or early access URL.' }) urlMaxLength!: number;
  @Field(() => NumberRangeModel, { description: 'supportLeadDays, in whole days.' })
  supportLeadDays!: NumberRangeModel;
  @Field(() => NumberRangeModel, { description: 'blockResponseHours, in hours.' })
  blockResponseHours!: NumberRangeModel;
}

@ObjectType('LaunchEdge', { description: 'A launch and its cursor.' })
export class LaunchEdgeModel {
  @Field({ description: 'Opaque, signed keyset position.' }) cursor!: string;
  @Field(() => LaunchModel, { description: 'The launch.' }) node!: LaunchModel;
}

@ObjectType('LaunchConnection', { description: 'Launches, most recently updated first.' })
export class LaunchConnectionModel {
  @Field(() => [LaunchEdgeModel], { description: 'This page of launches.' })
  edges!: LaunchEdgeModel[];
  @Field(() => PageInfoModel, { description: 'Where the next page starts.' })
  pageInfo!: PageInfoModel;
  @Field(() => Int, { description: 'Launches matching the filter, all pages.' })
  totalCount!: number;
}
