import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AppError } from '../common/app-error.js';
import { parseId } from '../common/ids.js';
import type { LaunchEventEntity } from '../launches/launch-event.entity.js';
import { LaunchRepository } from '../launches/launch.repository.js';
import { LaunchEventModel } from '../launches/models/launch-event.model.js';
import { LaunchEventBus } from './launch-event-bus.js';

@Resolver(() => LaunchEventModel)
export class LaunchEventsResolver {
  constructor(
    private readonly bus: LaunchEventBus,
    private readonly launches: LaunchRepository,
  ) {}

  @Subscription(() => LaunchEventModel, {
    description:
      'Every event committed from now on, of one launch or (no launchId) of all: each once, never before its commit, in sequence order per launch, whichever API process committed it. Authenticate in the connection_init payload: { "authorization": "Bearer <token>" }.',
    resolve: (event: LaunchEventEntity) => event,
  })
  async launchEvents(
    @Args('launchId', { type: () => ID, nullable: true }) launchId?: string | null,
  ): Promise<AsyncIterableIterator<LaunchEventEntity>> {
    if (launchId === null || launchId === undefined) return this.bus.open(null);
    const id = parseId(launchId, 'Launch');
    // Open first, then read the version: nothing committed in between can be missed, and
    // anything at or below the version read is not sent again.
    const stream = this.bus.open(id);
    const version = await this.launches.versionOf(id);
    if (version === null) {
      await stream.return();
      throw AppError.notFound('Launch');
    }
    stream.startAfter(id, version);
    return stream;
  }
}
