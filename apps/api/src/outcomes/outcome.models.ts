import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import type { OutcomeWindow } from '#workflow';

// Shapes only: the rules about values (source pattern, lengths, instants not in the future,
// http(s) URLs, batch sizes) are libs/workflow's, checked by the service.

@InputType({ description: 'One support ticket; (source, externalId) is its identity.' })
export class SupportTicketInput {
  @Field({ description: 'Where it comes from: ^[a-z0-9_-]{1,50}$ (e.g. "zendesk").' })
  @IsString()
  source!: string;
  @Field({ description: "The ticket's id in its source, 1..200 characters." })
  @IsString()
  externalId!: string;
  @Field(() => Date, { description: 'When it was opened; not in the future.' })
  openedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'The launch or baseline launch it is about (its key); omitted or blank: a control ticket.',
  })
  @IsOptional()
  @IsString()
  launchKey?: string | null;
  @Field(() => String, { nullable: true, description: 'Up to 50 characters.' })
  @IsOptional()
  @IsString()
  priority?: string | null;
  @Field(() => String, { nullable: true, description: 'An http or https URL.' })
  @IsOptional()
  @IsString()
  url?: string | null;
}

@ObjectType('TicketIngestResult', {
  description: 'What one recordSupportTickets call did, per distinct ticket.',
})
export class TicketIngestResultModel {
  @Field(() => Int, { description: 'Tickets not known before.' }) created!: number;
  @Field(() => Int, { description: 'Known tickets with a field changed.' }) updated!: number;
  @Field(() => Int, { description: 'Known tickets sent again as they were.' }) unchanged!: number;
}

@InputType({ description: 'A launch that shipped before this tool, to compare with.' })
export class BaselineLaunchInput {
  @Field({ description: 'Launch key pattern; one namespace with launches.' })
  @IsString()
  key!: string;
  @Field({ description: '1..200 characters.' }) @IsString() name!: string;
  @Field(() => Date, { description: 'When it reached GA; not in the future.' }) gaAt!: Date;
}

@ObjectType('BaselineLaunch', {
  description: 'A launch from before the gates: a key, a name and its GA.',
})
export class BaselineLaunchModel {
  @Field({ description: 'Unique key, shared namespace with launches.' }) key!: string;
  @Field({ description: 'Human name.' }) name!: string;
  @Field(() => Date, { description: 'When it reached GA.' }) gaAt!: Date;
}

@ObjectType('DailyTickets', { description: "One UTC day's tickets of a launch." })
export class DailyTicketsModel {
  @Field({ description: 'The UTC day, YYYY-MM-DD.' }) day!: string;
  @Field(() => Int, { description: 'Tickets of the launch opened that day (the whole day).' })
  count!: number;
}

@ObjectType('LaunchOutcome', {
  description: "Support tickets around a launch's GA, against the organization's volume.",
})
export class LaunchOutcomeModel {
  @Field(() => Int, { description: 'The window, in days, on each side of GA.' })
  windowDays!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the launch entered GA; null before GA and for cancelled launches.',
  })
  gaAt!: Date | null;
  @Field({ description: 'True once now >= gaAt + windowDays.' }) complete!: boolean;
  @Field(() => Int, { description: "This launch's tickets in [gaAt - windowDays, gaAt)." })
  ticketsBefore!: number;
  @Field(() => Int, { description: "This launch's tickets in [gaAt, gaAt + windowDays)." })
  ticketsAfter!: number;
  @Field(() => Int, { description: 'Every ticket in [gaAt - windowDays, gaAt): the control.' })
  allTicketsBefore!: number;
  @Field(() => Int, { description: 'Every ticket in [gaAt, gaAt + windowDays): the control.' })
  allTicketsAfter!: number;
  // `daily` is a field of its own (OutcomesResolver), counted only when asked for.
  /** The launch and window `daily` counts over; null before GA. */
  source!: { key: string; window: OutcomeWindow } | null;
}

@ObjectType('OutcomeCohort', {
  description: 'Launches of one template (or the baseline) and their tickets after GA.',
})
export class OutcomeCohortModel {
  @Field({ description: 'The template name, or "baseline".' }) name!: string;
  @Field(() => Int, { description: 'Launches of the cohort whose GA falls in the range.' })
  launches!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Median tickets in the first windowDays after GA over launches with a complete window; null when none is.',
  })
  medianTicketsAfter!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mean tickets in the first windowDays after GA over launches with a complete window; null when none is.',
  })
  meanTicketsAfter!: number | null;
}

@ObjectType('OutcomeReport', { description: 'Cohorts by template name, then "baseline".' })
export class OutcomeReportModel {
  @Field(() => Int, { description: 'The window after GA, in days.' }) windowDays!: number;
  @Field(() => [OutcomeCohortModel], {
    description: 'One per template name, by name, then "baseline"; empty cohorts are left out.',
  })
  cohorts!: OutcomeCohortModel[];
}
