import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import type { Stage, Team } from '#workflow';
import { StageEnum, TeamEnum } from '../../common/graphql-enums.js';

// Shapes only: every rule about the values (names, titles, limits, ranges, required items
// per stage) is libs/checklists' checkTemplateInput, so the API and the rules agree.

@InputType({ description: 'One item of a new template version.' })
export class TemplateItemInput {
  @Field(() => StageEnum, { description: 'PLANNING..SUPPORT_TRAINED.' }) stage!: Stage;
  @Field(() => TeamEnum, { description: 'The team responsible.' }) team!: Team;
  @Field({ description: '1..200 characters after trimming.' }) @IsString() title!: string;
  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  @IsOptional()
  @IsString()
  description?: string | null;
  @Field(() => Boolean, { defaultValue: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  required?: boolean | null;
}

@InputType({ description: 'Distinct people of a team whose GO a stage needs.' })
export class TeamApprovalsInput {
  @Field(() => TeamEnum, { description: 'The team.' }) team!: Team;
  @Field(() => StageEnum, { nullable: true, description: 'Null: every stage.' })
  @IsOptional()
  stage?: Stage | null;
  @Field(() => Int, { description: '1..10.' }) @IsInt() approvals!: number;
}

@InputType({ description: 'A gate policy; fields left out take their defaults.' })
export class GatePolicyInput {
  @Field(() => [TeamApprovalsInput], {
    nullable: true,
    defaultValue: [],
    description: 'Default [].',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TeamApprovalsInput)
  approvals?: TeamApprovalsInput[] | null;
  @Field(() => Int, { nullable: true, description: '1..365; null: a GO never expires.' })
  @IsOptional()
  @IsInt()
  goValidDays?: number | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Default false.' })
  @IsOptional()
  @IsBoolean()
  distinctApprovers?: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  coordinatorMayApprove?: boolean | null;
  @Field(() => Int, { nullable: true, defaultValue: 5, description: '0..90, default 5.' })
  @IsOptional()
  @IsInt()
  supportLeadDays?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: 0, description: '0..supportLeadDays.' })
  @IsOptional()
  @IsInt()
  minSupportLeadDays?: number | null;
  @Field(() => Float, { nullable: true, defaultValue: 24, description: '0.001..720.' })
  @IsOptional()
  @IsNumber()
  blockResponseHours?: number | null;
}

@InputType({
  description: 'A template version; on publish an omitted policy or description is inherited.',
})
export class TemplateInput {
  @Field({ description: '^[a-z0-9][a-z0-9-]{1,62}$; "baseline" is reserved.' })
  @IsString()
  name!: string;
  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  @IsOptional()
  @IsString()
  description?: string | null;
  @Field(() => [TemplateItemInput], { description: 'The items in full, at most 500.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TemplateItemInput)
  items!: TemplateItemInput[];
  @Field(() => GatePolicyInput, { nullable: true, description: 'Omitted on publish: inherited.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GatePolicyInput)
  policy?: GatePolicyInput | null;
}

@ArgsType()
export class TemplateLookupArgs {
  @Field({ description: 'The template name.' }) @IsString() name!: string;
  @Field(() => Int, { nullable: true, description: 'Null: the latest version.' })
  @IsOptional()
  @IsInt()
  version?: number | null;
}
