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
  @Field(() => ID) id!: string;
  @Field(() => ID) launchId!: string;
  @Field(() => Int, {
    description: '1, 2, 3 ... per launch, no gaps; equals the launch version after it.',
  })
  sequence!: number;
  @Field(() => String, { description: `Exactly one of: ${LAUNCH_EVENT_TYPES.join(', ')}.` })
  type!: LaunchEventType;
  @Field(() => StageEnum, { description: 'The stage the launch was in when it happened.' })
  stage!: Stage;
  @Field(() => TeamEnum, { nullable: true }) team!: Team | null;
  actorId!: string | null;
  @Field() at!: Date;
  @Field(() => GraphQLJSON, { nullable: true, description: `Per type:\n${DATA_DOCS}` })
  data!: unknown;
  @Field({ description: 'SHA-256 over the canonical JSON of this event and the previous hash.' })
  hash!: string;
}

@ObjectType('LaunchEventEdge')
export class LaunchEventEdgeModel {
  @Field() cursor!: string;
  @Field(() => LaunchEventModel) node!: LaunchEventModel;
}

@ObjectType('LaunchEventConnection', { description: 'Events oldest first.' })
export class LaunchEventConnectionModel {
  @Field(() => [LaunchEventEdgeModel]) edges!: LaunchEventEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
}
