import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DECISIONS, LIMITS, STAGES, TEAMS, type Decision, type Stage, type Team } from '#workflow';
import { DecisionEnum, StageEnum, TeamEnum } from '../../common/graphql-enums.js';

// Shapes only (types): every rule about the values themselves (key pattern, lengths, ranges,
// blank text, NO_GO needs a comment, dates in the past, http(s) URLs) is libs/workflow's
// validateCommand, checked next, so the API and the rules cannot disagree.

const ExpectedVersion = () =>
  Field(() => Int, {
    nullable: true,
    description: 'The version you read; a stale one gives CONFLICT.',
  });

@InputType({ description: 'A new launch; the creator becomes its coordinator.' })
export class CreateLaunchInput {
  @Field({ description: 'Unique slug: ^[a-z0-9][a-z0-9-]{1,62}$.' })
  @IsString()
  key!: string;
  @Field({ description: '1..200 characters.' }) @IsString() name!: string;
  @Field(() => String, { nullable: true, description: 'Up to 10,000 characters.' })
  @IsOptional()
  @IsString()
  description?: string | null;
  @Field(() => Date, { nullable: true, description: 'Not in the past; needed to leave PLANNING.' })
  @IsOptional()
  targetGaDate?: Date | null;
  @Field(() => Int, { nullable: true, description: '0..90, default 5.' })
  @IsOptional()
  @IsInt()
  supportLeadDays?: number | null;
  @Field(() => Float, { nullable: true, description: '0.001..720, default 24.' })
  @IsOptional()
  @IsNumber()
  blockResponseHours?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Checklist template name: "standard" (default), "lite", or one an admin made.',
  })
  @IsOptional()
  @IsString()
  template?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "The template's version; default the latest, an older one is for ADMINs.",
  })
  @IsOptional()
  @IsInt()
  templateVersion?: number | null;
}

@InputType({ description: 'Changes to a launch; omitted fields stay as they are.' })
export class UpdateLaunchInput {
  @Field(() => String, { nullable: true, description: '1..200 characters.' })
  @IsOptional()
  @IsString()
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'Up to 10,000 characters; null clears it.' })
  @IsOptional()
  @IsString()
  description?: string | null;
  @Field(() => Date, { nullable: true, description: 'Not in the past; null clears it.' })
  @IsOptional()
  targetGaDate?: Date | null;
  @Field(() => Int, { nullable: true, description: '0..90.' })
  @IsOptional()
  @IsInt()
  supportLeadDays?: number | null;
  @Field(() => Float, { nullable: true, description: '0.001..720.' })
  @IsOptional()
  @IsNumber()
  blockResponseHours?: number | null;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({ description: 'Marks an item DONE, optionally with evidence.' })
export class CompleteItemInput {
  @Field(() => ID, { description: 'The OPEN item to mark DONE.' }) @IsString() itemId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'http or https URL, up to 2,000 characters.',
  })
  @IsOptional()
  @IsString()
  evidenceUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters.' })
  @IsOptional()
  @IsString()
  note?: string | null;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({ description: 'Reopen or waive an item; the reason is required.' })
export class ReasonedItemInput {
  @Field(() => ID, { description: 'The item to reopen or waive.' }) @IsString() itemId!: string;
  @Field({ description: 'Why, 1..5,000 characters.' })
  @IsString()
  reason!: string;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({
  description: 'A new checklist item on a launch (its own copy; templates are unchanged).',
})
export class AddItemInput {
  @Field(() => ID, { description: 'The launch to add to.' }) @IsString() launchId!: string;
  @Field(() => StageEnum, { description: 'The current or a later stage (never a past one).' })
  @IsIn(STAGES)
  stage!: Stage;
  @Field(() => TeamEnum, { description: 'The team responsible for the item.' })
  @IsIn(TEAMS)
  team!: Team;
  @Field({ description: '1..200 characters.' }) @IsString() title!: string;
  @Field(() => String, { nullable: true, description: 'Up to 10,000 characters.' })
  @IsOptional()
  @IsString()
  description?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description:
      'Required items gate the stage (default true); adding one to the current stage supersedes its GOs.',
  })
  @IsOptional()
  @IsBoolean()
  required?: boolean | null;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({ description: 'GO, or NO_GO with a comment.' })
export class SignOffInput {
  @Field(() => ID, { description: 'The launch; the sign-off is on its current stage.' })
  @IsString()
  launchId!: string;
  @Field(() => TeamEnum, { description: 'The team signing.' }) @IsIn(TEAMS) team!: Team;
  @Field(() => DecisionEnum, { description: 'GO, or NO_GO to block the gate.' })
  @IsIn(DECISIONS)
  decision!: Decision;
  @Field(() => String, {
    nullable: true,
    description: 'Required for NO_GO and for an admin override.',
  })
  @IsOptional()
  @IsString()
  comment?: string | null;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({ description: 'Advance a launch through its current gate.' })
export class AdvanceInput {
  @Field(() => ID, { description: 'The launch to move to its next stage.' })
  @IsString()
  launchId!: string;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'ADMIN only: advance through every freeze window of the next stage, for this reason (recorded on the ADVANCED event).',
  })
  @IsOptional()
  @IsString()
  freezeOverrideReason?: string | null;
}

@InputType({ description: 'Cancel a launch that is not final.' })
export class CancelInput {
  @Field(() => ID, { description: 'The launch to cancel.' }) @IsString() launchId!: string;
  @Field({ description: 'Why, 1..5,000 characters.' })
  @IsString()
  reason!: string;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({ description: 'Give support early access to the feature.' })
export class EarlyAccessInput {
  @Field(() => ID, { description: 'A launch in BETA or later.' }) @IsString() launchId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Staging environment or preview build (http or https).',
  })
  @IsOptional()
  @IsString()
  url?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What support should know, up to 5,000 characters.',
  })
  @IsOptional()
  @IsString()
  notes?: string | null;
  @ExpectedVersion() @IsOptional() @IsInt() expectedVersion?: number | null;
}

@InputType({ description: 'Narrows the launches list; all given conditions must hold.' })
export class LaunchFilter {
  @Field(() => StageEnum, { nullable: true, description: 'Only launches in this stage.' })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only blocked (true) or unblocked (false) launches.',
  })
  @IsOptional()
  @IsBoolean()
  blocked?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: `Case-insensitive substring of key or name, 1..${LIMITS.search} characters.`,
  })
  @IsOptional()
  @IsString()
  @Length(1, LIMITS.search, {
    message: `filter.search must be 1 to ${LIMITS.search} characters long`,
  })
  search?: string | null;
}

@ArgsType()
export class LaunchesArgs {
  @Field(() => LaunchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LaunchFilter)
  filter?: LaunchFilter | null;
  @Field(() => Int, { nullable: true, defaultValue: 50, description: '1..100 (null: 50).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor this API issued.' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class LaunchLookupArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() id?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() key?: string | null;
}
