import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import {
  EVENT_DATA_DESCRIPTIONS,
  LAUNCH_EVENT_TYPES,
  type LaunchEventType,
  type Stage,
  type Team,
} from '#workflow';
import { StageEnum, TeamEnum } from '../../common/graphql-enums.js';
import { PageInfoModel } from '../../common/page-info.model.js';

const DATA_DOCS = LAUNCH_EVENT_TYPES.map(
  (type) => `${type}: ${EVENT_DATA_DESCRIPTIONS[type]}`,
).join('\n');

@ObjectType('LaunchEvent', { description: 'One change to a launch, append-only and hash-chained.' })
export class LaunchEventModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field(() => ID, { description: 'The launch it belongs to.' }) launchId!: string;
  @Field(() => Int, {
    description: '1, 2, 3 ... per launch, no gaps; equals the launch version after it.',
  })
  sequence!: number;
  @Field(() => String, { description: `Exactly one of: ${LAUNCH_EVENT_TYPES.join(', ')}.` })
  type!: LaunchEventType;
  @Field(() => StageEnum, { description: 'The stage the launch was in when it happened.' })
  stage!: Stage;
  @Field(() => TeamEnum, { nullable: true, description: 'The team it concerns, if any.' })
  team!: Team | null;
  actorId!: string | null;
  @Field({ description: 'When it happened (commit order follows sequence).' }) at!: Date;
  @Field(() => GraphQLJSON, { nullable: true, description: `Per type:\n${DATA_DOCS}` })
  data!: unknown;
  @Field({ description: 'SHA-256 over the canonical JSON of this event and the previous hash.' })
  hash!: string;
}

@ObjectType('LaunchEventEdge', { description: 'An event and its cursor.' })
export class LaunchEventEdgeModel {
  @Field({ description: 'Opaque, signed position.' }) cursor!: string;
  @Field(() => LaunchEventModel, { description: 'The event.' }) node!: LaunchEventModel;
}

@ObjectType('LaunchEventConnection', { description: 'Events oldest first.' })
export class LaunchEventConnectionModel {
  @Field(() => [LaunchEventEdgeModel], { description: 'This page of events.' })
  edges!: LaunchEventEdgeModel[];
  @Field(() => PageInfoModel, { description: 'Where the next page starts.' })
  pageInfo!: PageInfoModel;
}
