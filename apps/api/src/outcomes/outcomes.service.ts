import { Injectable } from '@nestjs/common';
import {
  checkWindowDays,
  compareCohorts,
  dailySeries,
  isOutcomeComplete,
  launchKeysOf,
  normalizeBaselineBatch,
  normalizeTicketBatch,
  outcomeRefusal,
  outcomeWindow,
  reportRange,
  sameBaseline,
  unknownLaunchKeys,
  type BaselineLaunchInput,
  type OutcomeCommand,
  type TicketInput,
} from '#workflow';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../identity/viewer.js';
import type {
  BaselineLaunchModel,
  DailyTicketsModel,
  LaunchOutcomeModel,
  OutcomeReportModel,
  TicketIngestResultModel,
} from './outcome.models.js';
import { OutcomeRepository, type BaselineRow } from './outcome.repository.js';

const toBaselineModel = (row: BaselineRow): BaselineLaunchModel => ({
  key: row.key,
  name: row.name,
  gaAt: new Date(row.gaAt),
});

/** The outcomes use cases: record tickets and baseline launches, count around GA, report. */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly repo: OutcomeRepository,
    private readonly clock: Clock,
  ) {}

  private authorize(viewer: Viewer, command: OutcomeCommand): void {
    // Tokens carry no scopes yet (IDENTITY.md): the credential joins here when they do.
    const refusal = outcomeRefusal(viewer.actor, command);
    if (refusal) throw AppError.forbidden(refusal);
  }

  /** All or nothing: every ticket valid and every launch key known, or nothing is stored. */
  async recordTickets(
    viewer: Viewer,
    input: readonly TicketInput[],
  ): Promise<TicketIngestResultModel> {
    this.authorize(viewer, { type: 'RECORD_SUPPORT_TICKETS' });
    const tickets = normalizeTicketBatch(input, this.clock.now().toISOString());
    return this.store(tickets);
  }

  /** Stores checked tickets (the receiver and the CSV import come here too). */
  async store(tickets: ReturnType<typeof normalizeTicketBatch>): Promise<TicketIngestResultModel> {
    return this.repo.db.transaction(async (tx) => {
      const keys = launchKeysOf(tickets);
      unknownLaunchKeys(keys, await this.repo.knownKeys(tx, keys));
      const { created, updated } = await this.repo.upsertTickets(tx, tickets);
      return { created, updated, unchanged: tickets.length - created - updated };
    });
  }

  async recordBaselines(
    viewer: Viewer,
    input: readonly BaselineLaunchInput[],
  ): Promise<BaselineLaunchModel[]> {
    this.authorize(viewer, { type: 'RECORD_BASELINE_LAUNCHES' });
    const launches = normalizeBaselineBatch(input, this.clock.now().toISOString());
    const rows = await this.repo.db.transaction(async (tx) => {
      const taken = await this.repo.launchKeysTaken(
        tx,
        launches.map((l) => l.key),
      );
      if (taken.length > 0) {
        throw new AppError('CONFLICT', `The key "${taken[0]}" is taken by a launch.`, {
          field: 'key',
        });
      }
      const stored = await this.repo.insertBaselines(tx, launches);
      const byKey = new Map(stored.map((r) => [r.key, r]));
      for (const launch of launches) {
        const row = byKey.get(launch.key)!;
        const have = { key: row.key, name: row.name, gaAt: new Date(row.gaAt).toISOString() };
        if (!sameBaseline(have, launch)) {
          throw new AppError(
            'CONFLICT',
            `The baseline launch "${launch.key}" exists with another name or gaAt.`,
            { field: 'key' },
          );
        }
      }
      return launches.map((l) => byKey.get(l.key)!);
    });
    return rows.map(toBaselineModel);
  }

  async baselines(viewer: Viewer): Promise<BaselineLaunchModel[]> {
    this.authorize(viewer, { type: 'READ_OUTCOMES' });
    return (await this.repo.listBaselines()).map(toBaselineModel);
  }

  async launchOutcome(
    launch: { id: string; key: string },
    windowDays: number,
  ): Promise<LaunchOutcomeModel> {
    checkWindowDays(windowDays);
    const gaAt = await this.repo.gaAt(launch.id);
    if (!gaAt) {
      return {
        windowDays,
        gaAt: null,
        complete: false,
        ticketsBefore: 0,
        ticketsAfter: 0,
        allTicketsBefore: 0,
        allTicketsAfter: 0,
        source: null,
      };
    }
    const window = outcomeWindow(gaAt, windowDays);
    return {
      windowDays,
      gaAt: new Date(gaAt),
      complete: isOutcomeComplete(gaAt, windowDays, this.clock.now().toISOString()),
      ...(await this.repo.counts(this.repo.db, launch.key, window)),
      source: { key: launch.key, window },
    };
  }

  /** The launch's tickets per UTC day around GA; none before GA. */
  async daily(outcome: LaunchOutcomeModel): Promise<DailyTicketsModel[]> {
    if (!outcome.source) return [];
    const { key, window } = outcome.source;
    return dailySeries(window, await this.repo.daily(key, window));
  }

  async report(
    viewer: Viewer,
    windowDays: number,
    from: Date | null | undefined,
    to: Date | null | undefined,
  ): Promise<OutcomeReportModel> {
    this.authorize(viewer, { type: 'READ_OUTCOMES' });
    checkWindowDays(windowDays);
    const now = this.clock.now().toISOString();
    const range = reportRange(from?.toISOString(), to?.toISOString(), now);
    const rows = await this.repo.report(windowDays, range.from, range.to, now);
    return {
      windowDays,
      cohorts: [...rows].sort(compareCohorts).map((r) => ({
        name: r.name,
        launches: r.launches,
        medianTicketsAfter: r.median,
        meanTicketsAfter: r.mean,
      })),
    };
  }
}
