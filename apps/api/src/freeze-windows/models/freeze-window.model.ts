import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { FreezeWindow, Stage } from '#workflow';
import { StageEnum } from '../../common/graphql-enums.js';

@ObjectType('FreezeWindow', {
  description: 'A span of time in which some stages may not be entered (ADMIN break-glass aside).',
})
export class FreezeWindowModel {
  @Field(() => ID, { description: 'Stable identifier (UUID).' }) id!: string;
  @Field({ description: '1..200 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Why, up to 2,000 characters.' })
  reason!: string | null;
  @Field({ description: 'In effect from this instant (inclusive).' }) startsAt!: Date;
  @Field({ description: 'Until this instant (exclusive), unless ended earlier.' }) endsAt!: Date;
  @Field(() => [StageEnum], {
    description: 'The stages that may not be entered inside the window.',
  })
  stages!: Stage[];
  @Field({ description: 'When it was declared; it freezes nothing before.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Set by endFreezeWindow.' })
  endedAt!: Date | null;
  createdById!: string;
  endedById!: string | null;
}

export function toFreezeWindowModel(window: FreezeWindow): FreezeWindowModel {
  return Object.assign(new FreezeWindowModel(), {
    ...window,
    stages: [...window.stages],
    startsAt: new Date(window.startsAt),
    endsAt: new Date(window.endsAt),
    createdAt: new Date(window.createdAt),
    endedAt: window.endedAt ? new Date(window.endedAt) : null,
  });
}
