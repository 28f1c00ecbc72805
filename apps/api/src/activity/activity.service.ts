import { Injectable } from '@nestjs/common';
import { describeHistory, workFor, type NamedEvent } from '#workflow';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../identity/viewer.js';
import type { Loaders } from '../identity/user.loader.js';
import { launchFromRow } from '../launches/launch-query.service.js';
import { LaunchRepository } from '../launches/launch.repository.js';
import { toChecklistItemModel } from '../launches/models/launch.mappers.js';
import type { WorkItemModel } from './activity.models.js';
import { ActivityRepository } from './activity.repository.js';

@Injectable()
export class ActivityService {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly launches: LaunchRepository,
    private readonly clock: Clock,
  ) {}

  /** What the open gates wait on from this person, oldest first (rules: libs/workflow). */
  async myWork(viewer: Viewer): Promise<WorkItemModel[]> {
    const rows = await this.activity.activeLaunches();
    const models = new Map(rows.map((row) => [row.id, launchFromRow(row)]));
    const work = workFor(
      viewer.actor,
      rows.map((row) => ({ state: models.get(row.id)!.state, stageEnteredAt: row.stageEnteredAt })),
      this.clock.now().toISOString(),
    );
    return work.map((w) => {
      const launch = models.get(w.launchId)!;
      const item = w.itemId ? launch.state.items.find((i) => i.id === w.itemId) : undefined;
      return {
        kind: w.kind,
        launch,
        stage: w.stage,
        team: w.team,
        item: item ? toChecklistItemModel(launch.state, item) : null,
        message: w.message,
        waitingSince: new Date(w.waitingSince),
      };
    });
  }

  /**
   * Sentences of one launch's events up to `upTo` (the history is folded from CREATED on, so
   * titles and previous values are known), keyed by event id.
   */
  async sentences(launchId: string, upTo: number, loaders: Loaders): Promise<Map<string, string>> {
    const rows = await this.launches.eventRange(launchId, 1, upTo);
    const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
    const people = await loaders.user.loadMany(actorIds);
    const names = new Map<string, string>();
    people.forEach((person, index) => {
      if (person && !(person instanceof Error)) names.set(actorIds[index]!, person.name);
    });
    const events = rows.map(
      (r) =>
        ({
          id: r.id,
          type: r.type,
          at: new Date(r.at).toISOString(),
          actorId: r.actorId,
          team: r.team,
          stage: r.stage,
          data: r.data,
          actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
        }) as NamedEvent,
    );
    return describeHistory(events);
  }
}
