import { Module } from '@nestjs/common';
import { LaunchesModule } from '../launches/launches.module.js';
import { EventsCommitHook } from './events-commit.hook.js';
import { LaunchEventBus } from './launch-event-bus.js';
import { LaunchEventsResolver } from './launch-events.resolver.js';

/**
 * Committed events, live: the bus that fans them out to this process's subscribers (through
 * LISTEN/NOTIFY across processes) and the launchEvents subscription.
 */
@Module({
  imports: [LaunchesModule],
  providers: [LaunchEventBus, EventsCommitHook, LaunchEventsResolver],
  exports: [LaunchEventBus],
})
export class EventsModule {}
