import { Inject, Injectable } from '@nestjs/common';
import {
  checkAsOf,
  migrateSnapshot,
  plan,
  readiness,
  readinessAsOf,
  type SignOffState,
} from '#workflow';
import { AppError } from '../common/app-error.js';
import { CursorCodec } from '../common/cursor-codec.js';
import { isUuid } from '../common/ids.js';
import type { LaunchesArgs, LaunchLookupArgs } from './dto/launch.inputs.js';
import { Clock } from '../common/clock.js';
import { LaunchFreezeWindows } from './launch-freeze-windows.js';
import { LaunchRepository, type LaunchRow } from './launch.repository.js';
import type { LaunchEventConnectionModel, LaunchEventModel } from './models/launch-event.model.js';
import { toLaunchPlanModel, toReadinessModel } from './models/launch.mappers.js';
import {
  toLaunchModel,
  type LaunchConnectionModel,
  type LaunchModel,
  type LaunchPlanModel,
  type ReadinessModel,
} from './models/launch.model.js';

interface LaunchPosition extends Record<string, string> {
  u: string;
  i: string;
}
interface EventPosition extends Record<string, string | number> {
  l: string;
  s: number;
}
const isLaunchPosition = (p: unknown): p is LaunchPosition =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as LaunchPosition).u === 'string' &&
  !Number.isNaN(Date.parse((p as LaunchPosition).u)) &&
  isUuid(String((p as LaunchPosition).i));
const isEventPosition = (p: unknown): p is EventPosition =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as EventPosition).l === 'string' &&
  Number.isInteger((p as EventPosition).s);

/** Reads need the state only, not a live machine snapshot: the stored context, migrated if old. */
export function launchFromRow(row: LaunchRow): LaunchModel {
  return toLaunchModel(migrateSnapshot(row).snapshot.context, row.version);
}

/** Reads: every launch is served from its snapshot, so a page costs one statement for launches. */
@Injectable()
export class LaunchQueryService {
  constructor(
    private readonly repo: LaunchRepository,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    private readonly freezeWindows: LaunchFreezeWindows,
    private readonly clock: Clock,
  ) {}

  /**
   * Readiness now (the windows read once for the whole request), or as it stood at asOf:
   * the events up to then folded by the rules, with the windows in effect then.
   */
  async readiness(
    launch: LaunchModel,
    asOf: Date | null | undefined,
    request: object,
  ): Promise<ReadinessModel> {
    if (asOf === null || asOf === undefined) {
      const { now, windows } = await this.freezeWindows.forRequest(request);
      return toReadinessModel(launch.state, readiness(launch.state, now, windows), now);
    }
    const at = asOf.toISOString();
    checkAsOf(at, launch.state.createdAt, this.clock.now().toISOString());
    const [events, windows] = await Promise.all([
      this.repo.eventsUpTo(launch.id, at),
      this.freezeWindows.atMoment(at),
    ]);
    const then = readinessAsOf(events, at, windows);
    return toReadinessModel(then.state, then.readiness, at);
  }

  /** Launch.plan(gaBy), against the windows known now. */
  async plan(launch: LaunchModel, gaBy: Date, request: object): Promise<LaunchPlanModel> {
    const { now, windows } = await this.freezeWindows.forRequest(request);
    return toLaunchPlanModel(
      launch.state,
      plan(launch.state, gaBy.toISOString(), now, windows),
      now,
    );
  }

  async findOne(args: LaunchLookupArgs): Promise<LaunchModel> {
    const hasId = args.id !== null && args.id !== undefined;
    const hasKey = args.key !== null && args.key !== undefined;
    if (hasId === hasKey) throw AppError.badInput('id', 'give exactly one of id and key');
    if (hasId && !isUuid(args.id!)) throw AppError.notFound('Launch');
    const row = await this.repo.findByIdOrKey(
      hasId ? { id: args.id!.toLowerCase() } : { key: args.key! },
    );
    if (!row) throw AppError.notFound('Launch');
    return launchFromRow(row);
  }

  async page(args: LaunchesArgs): Promise<LaunchConnectionModel> {
    const first = args.first ?? 50;
    const after = args.after ? this.cursors.decode(args.after, 'after', isLaunchPosition) : null;
    const query = {
      stage: args.filter?.stage,
      blocked: args.filter?.blocked,
      search: args.filter?.search?.trim() || null,
    };
    const rows = await this.repo.page({
      ...query,
      after: after && { updatedAt: after.u, id: after.i },
      limit: first + 1,
    });
    const totalCount = await this.repo.count(query);
    const pageRows = rows.slice(0, first);
    const edges = pageRows.map((row) => ({
      cursor: this.cursors.encode({ u: row.updatedAt, i: row.id }),
      node: launchFromRow(row),
    }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  async earlyAccess(): Promise<LaunchModel[]> {
    return (await this.repo.earlyAccess()).map(launchFromRow);
  }

  /** The launch's sign-offs, oldest first: the standing ones, or every one ever made. */
  async signOffs(
    launch: LaunchModel,
    includeSuperseded: boolean,
  ): Promise<readonly SignOffState[]> {
    return includeSuperseded ? this.repo.signOffHistory(launch.id) : launch.state.signOffs;
  }

  async events(
    launchId: string,
    requested: number | null,
    after: string | null | undefined,
  ): Promise<LaunchEventConnectionModel> {
    const first = requested ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw AppError.badInput('first', 'first must be between 1 and 100');
    const position = after ? this.cursors.decode(after, 'after', isEventPosition) : null;
    if (position && position.l !== launchId)
      throw AppError.badInput('after', 'after is a cursor of another launch');
    const rows = await this.repo.events(launchId, position?.s ?? 0, first + 1);
    const edges = rows.slice(0, first).map((node) => ({
      cursor: this.cursors.encode({ l: launchId, s: node.sequence }),
      node: node as LaunchEventModel,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
