import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { OutcomeCommitHook } from './outcome-commit.hook.js';
import { OutcomeRepository } from './outcome.repository.js';
import { OutcomeSchedulerService } from './outcome-scheduler.service.js';
import {
  LaunchOutcomeDailyResolver,
  LaunchOutcomeResolver,
  OutcomesResolver,
} from './outcomes.resolver.js';
import { OutcomesService } from './outcomes.service.js';
import { ZendeskController } from './zendesk.controller.js';

/**
 * Outcomes: support tickets (GraphQL, the Zendesk receiver, the CSV import), baseline
 * launches, counts around GA and the cohort report, and the OUTCOME_MEASURED timer.
 */
@Module({
  imports: [LaunchesModule],
  controllers: [ZendeskController],
  providers: [
    OutcomeRepository,
    OutcomesService,
    OutcomesResolver,
    LaunchOutcomeResolver,
    LaunchOutcomeDailyResolver,
    OutcomeCommitHook,
    OutcomeSchedulerService,
  ],
  exports: [OutcomesService, OutcomeRepository],
})
export class OutcomesModule {}
