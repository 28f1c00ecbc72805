import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { SloCommitHook } from './slo-commit.hook.js';
import { SloSchedulerService } from './slo-scheduler.service.js';
import { SloTimerRepository } from './slo-timer.repository.js';

/** Internal SLOs: durable timers for block escalation and at-risk launches, and their scanner. */
@Module({
  imports: [LaunchesModule],
  providers: [SloTimerRepository, SloCommitHook, SloSchedulerService],
})
export class SloModule {}
