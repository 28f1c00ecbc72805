import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { ActivityRepository } from './activity.repository.js';
import {
  ActivityResolver,
  EventSummaryResolver,
  LaunchFlagsResolver,
} from './activity.resolver.js';
import { ActivityService } from './activity.service.js';

/** What people read to follow their work: my work, viewer-level permissions, event sentences. */
@Module({
  imports: [LaunchesModule],
  providers: [
    ActivityRepository,
    ActivityService,
    ActivityResolver,
    EventSummaryResolver,
    LaunchFlagsResolver,
  ],
})
export class ActivityModule {}
