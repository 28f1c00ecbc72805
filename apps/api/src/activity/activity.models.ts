import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WORK_KINDS, type Stage, type Team, type WorkKind } from '#workflow';
import { StageEnum, TeamEnum } from '../common/graphql-enums.js';
import { ChecklistItemModel, LaunchModel } from '../launches/models/launch.model.js';

export const WorkKindEnum = Object.fromEntries(WORK_KINDS.map((k) => [k, k])) as {
  [K in WorkKind]: K;
};
registerEnumType(WorkKindEnum, {
  name: 'WorkKind',
  description:
    "CHECKLIST_ITEM: your team's required item is open; SIGN_OFF: your team has not signed; LIFT_BLOCK: your team's NO_GO stands; ADVANCE: the gate of a launch you run is met; LAUNCH_FIELD: a launch you run lacks a field its gate needs.",
});

@ObjectType('WorkItem', { description: 'One thing a gate waits on from the signed-in person.' })
export class WorkItemModel {
  @Field(() => WorkKindEnum, { description: 'What kind of move it is.' }) kind!: WorkKind;
  @Field(() => LaunchModel, { description: 'The launch whose gate waits.' }) launch!: LaunchModel;
  @Field(() => StageEnum, { description: 'The stage whose gate waits on it.' }) stage!: Stage;
  @Field(() => TeamEnum, { nullable: true, description: 'The team it waits on, if a team.' })
  team!: Team | null;
  @Field(() => ChecklistItemModel, {
    nullable: true,
    description: 'The open item, for CHECKLIST_ITEM.',
  })
  item!: ChecklistItemModel | null;
  @Field({ description: 'What to do, in one sentence.' }) message!: string;
  @Field({ description: 'Since when it waits (the launch entered its stage then).' })
  waitingSince!: Date;
}

@ObjectType('ViewerPermissions', {
  description:
    "What the caller's role allows outside any one launch, from the rules that enforce it.",
})
export class ViewerPermissionsModel {
  @Field({ description: 'May create launches (COORDINATOR, ADMIN; a token needs MANAGE).' })
  createLaunch!: boolean;
  @Field({ description: 'May list and manage people (ADMIN).' }) manageUsers!: boolean;
  @Field({ description: 'May list and manage webhooks (COORDINATOR, ADMIN).' })
  manageWebhooks!: boolean;
  @Field({
    description: 'May create, publish and archive templates (ADMIN; a token needs MANAGE).',
  })
  manageTemplates!: boolean;
  @Field({ description: 'May create and end freeze windows (ADMIN; a token needs MANAGE).' })
  manageFreezeWindows!: boolean;
}
