import { MEASURED_WINDOW_DAYS } from '#workflow';
import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchModel } from '../launches/models/launch.model.js';
import {
  BaselineLaunchInput,
  BaselineLaunchModel,
  DailyTicketsModel,
  LaunchOutcomeModel,
  OutcomeReportModel,
  SupportTicketInput,
  TicketIngestResultModel,
} from './outcome.models.js';
import { OutcomesService } from './outcomes.service.js';

const WINDOW_DAYS = {
  type: () => Int,
  nullable: true,
  defaultValue: MEASURED_WINDOW_DAYS,
  description: 'Days on each side of GA, 1..90.',
} as const;

/** Thin: parse, call the outcomes service. Who may is libs/workflow's outcomeRefusal. */
@Resolver()
export class OutcomesResolver {
  constructor(private readonly service: OutcomesService) {}

  @Mutation(() => TicketIngestResultModel, {
    description:
      'Records 1..1,000 support tickets, all or nothing (COORDINATOR, ADMIN). A known (source, externalId) is replaced, never counted twice; within a call the last copy wins. An unknown launchKey refuses the batch (BAD_USER_INPUT listing the keys).',
  })
  recordSupportTickets(
    @CurrentViewer() viewer: Viewer,
    @Args('tickets', { type: () => [SupportTicketInput] }) tickets: SupportTicketInput[],
  ): Promise<TicketIngestResultModel> {
    return this.service.recordTickets(
      viewer,
      tickets.map((t) => ({ ...t, openedAt: t.openedAt.toISOString() })),
    );
  }

  @Mutation(() => [BaselineLaunchModel], {
    description:
      'Records 1..1,000 launches that shipped before this tool, all or nothing (COORDINATOR, ADMIN). A key taken by a launch, or by a baseline launch with another name or gaAt: CONFLICT; the same again changes nothing.',
  })
  recordBaselineLaunches(
    @CurrentViewer() viewer: Viewer,
    @Args('launches', { type: () => [BaselineLaunchInput] }) launches: BaselineLaunchInput[],
  ): Promise<BaselineLaunchModel[]> {
    return this.service.recordBaselines(
      viewer,
      launches.map((l) => ({ ...l, gaAt: l.gaAt.toISOString() })),
    );
  }

  @Query(() => [BaselineLaunchModel], { description: 'Baseline launches by gaAt, then key.' })
  baselineLaunches(@CurrentViewer() viewer: Viewer): Promise<BaselineLaunchModel[]> {
    return this.service.baselines(viewer);
  }

  @Query(() => OutcomeReportModel, {
    description:
      'Launches and baseline launches whose GA falls in [from, to) (no from: the beginning; no to: now), by cohort: each template name, then "baseline".',
  })
  outcomeReport(
    @CurrentViewer() viewer: Viewer,
    @Args('windowDays', WINDOW_DAYS) windowDays: number | null,
    @Args('from', { type: () => Date, nullable: true, description: 'GA at or after this.' })
    from?: Date | null,
    @Args('to', { type: () => Date, nullable: true, description: 'GA before this (default now).' })
    to?: Date | null,
  ): Promise<OutcomeReportModel> {
    return this.service.report(viewer, windowDays ?? MEASURED_WINDOW_DAYS, from, to);
  }
}

/** Launch.outcome, beside the launch's own fields. */
@Resolver(() => LaunchModel)
export class LaunchOutcomeResolver {
  constructor(private readonly service: OutcomesService) {}

  @ResolveField(() => LaunchOutcomeModel, {
    description:
      "Support tickets in the windowDays before and after GA, this launch's and everyone's; zeros and no days before GA.",
  })
  outcome(
    @Parent() launch: LaunchModel,
    @Args('windowDays', WINDOW_DAYS) windowDays: number | null,
  ): Promise<LaunchOutcomeModel> {
    return this.service.launchOutcome(launch, windowDays ?? MEASURED_WINDOW_DAYS);
  }
}

/** LaunchOutcome.daily: one grouped count, run only for clients that ask for the days. */
@Resolver(() => LaunchOutcomeModel)
export class LaunchOutcomeDailyResolver {
  constructor(private readonly service: OutcomesService) {}

  @ResolveField(() => [DailyTicketsModel], {
    description:
      "This launch's tickets per UTC day from the day of gaAt - windowDays through the day of gaAt + windowDays (2 x windowDays + 1 entries; the first and last days count whole); empty before GA.",
  })
  daily(@Parent() outcome: LaunchOutcomeModel): Promise<DailyTicketsModel[]> {
    return this.service.daily(outcome);
  }
}
