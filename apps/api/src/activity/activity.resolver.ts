import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { isAtRisk, viewerPermissions } from '#workflow';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { CurrentViewer } from '../identity/current-viewer.decorator.js';
import type { RequestContext } from '../identity/request-context.js';
import type { Viewer } from '../identity/viewer.js';
import { LaunchEventModel } from '../launches/models/launch-event.model.js';
import { LaunchModel } from '../launches/models/launch.model.js';
import { ViewerPermissionsModel, WorkItemModel } from './activity.models.js';
import { ActivityService } from './activity.service.js';

type SummaryKey = { launchId: string; id: string; sequence: number };

@Resolver()
export class ActivityResolver {
  constructor(private readonly activity: ActivityService) {}

  @Query(() => [WorkItemModel], {
    description:
      "What the open gates wait on from you, oldest first: your teams' open required items, missing sign-offs and standing NO_GOs, and met gates of launches you run.",
  })
  myWork(@CurrentViewer() viewer: Viewer): Promise<WorkItemModel[]> {
    return this.activity.myWork(viewer);
  }

  @Query(() => ViewerPermissionsModel, {
    description:
      "What your role allows outside any one launch (a launch's own is Launch.viewerCan).",
  })
  viewerCan(@CurrentViewer() viewer: Viewer): ViewerPermissionsModel {
    return viewerPermissions(viewer.actor);
  }
}

/** Per request (or socket operation): one history read per launch for a page of events. */
const summaryLoaders = new WeakMap<object, DataLoader<SummaryKey, string>>();

@Resolver(() => LaunchEventModel)
export class EventSummaryResolver {
  constructor(private readonly activity: ActivityService) {}

  @ResolveField(() => String, {
    description:
      'What happened, as a sentence for people: names, item titles, old and new values, the GOs a change withdrew.',
  })
  summary(@Parent() event: LaunchEventModel, @Context() ctx: RequestContext): Promise<string> {
    let loader = summaryLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader<SummaryKey, string>(
        async (keys) => {
          const byLaunch = new Map<string, Map<string, string>>();
          for (const launchId of new Set(keys.map((k) => k.launchId))) {
            const upTo = Math.max(
              ...keys.filter((k) => k.launchId === launchId).map((k) => k.sequence),
            );
            byLaunch.set(launchId, await this.activity.sentences(launchId, upTo, ctx.loaders));
          }
          return keys.map((k) => byLaunch.get(k.launchId)?.get(k.id) ?? '');
        },
        // A socket's context lives as long as its subscriptions: keep nothing between events.
        { cache: false },
      );
      summaryLoaders.set(ctx, loader);
    }
    return loader.load({ launchId: event.launchId, id: event.id, sequence: event.sequence });
  }
}

@Resolver(() => LaunchModel)
export class LaunchFlagsResolver {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => Boolean, {
    description:
      "True while the target GA date is within the installation's AT_RISK_DAYS and the launch has not reached SUPPORT_TRAINED (the condition that raises AT_RISK).",
  })
  atRisk(@Parent() launch: LaunchModel): boolean {
    return isAtRisk(launch.state, this.config.AT_RISK_DAYS, this.clock.now().toISOString());
  }
}
