import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsArray, IsDate, IsOptional, IsString } from 'class-validator';
import type { Stage } from '#workflow';
import { StageEnum } from '../../common/graphql-enums.js';

// Shapes only: the rules about the values (lengths, times, stages) are libs/workflow's
// checkFreezeWindowInput, so the API and the rules agree.

@InputType({ description: 'A new freeze window (ADMIN).' })
export class FreezeWindowInput {
  @Field({ description: '1..200 characters after trimming.' }) @IsString() name!: string;
  @Field(() => String, { nullable: true, description: 'Why, up to 2,000 characters.' })
  @IsOptional()
  @IsString()
  reason?: string | null;
  @Field({ description: 'From this instant (it may have passed).' }) @IsDate() startsAt!: Date;
  @Field({ description: 'Until this instant (exclusive): in the future, at most 90 days on.' })
  @IsDate()
  endsAt!: Date;
  @Field(() => [StageEnum], {
    nullable: true,
    defaultValue: ['GA'],
    description: 'The stages that may not be entered: ALPHA..GA, default [GA]; null: [GA].',
  })
  @IsOptional()
  @IsArray()
  stages?: Stage[] | null;
}

@ArgsType()
export class FreezeWindowsArgs {
  @Field(() => Date, { nullable: true, description: 'Default now.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Default: no end.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}
