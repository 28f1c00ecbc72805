import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { withdrawnBy } from '#workflow';
import { Clock } from '../common/clock.js';
import { toSignOffModel } from './models/launch.mappers.js';
import { ChecklistItemModel, SignOffModel } from './models/launch.model.js';

@Resolver(() => ChecklistItemModel)
export class ChecklistItemResolver {
  constructor(private readonly clock: Clock) {}

  @ResolveField(() => [SignOffModel], {
    description:
      'The GOs reopening this item would supersede now (GATES.md: every ACTIVE GO on its stage, for a required item; never a NO_GO), so a client can say before the reopen whose GOs it withdraws. [] for an optional item or a reopen not possible now (an OPEN item, a past stage, a final launch).',
  })
  reopenWithdraws(@Parent() item: ChecklistItemModel): SignOffModel[] {
    const now = this.clock.now().toISOString();
    return withdrawnBy(item.launchState, { type: 'REOPEN_ITEM', itemId: item.id }).map((s) =>
      toSignOffModel(item.launchState, s, now),
    );
  }
}
