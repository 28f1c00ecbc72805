import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MEASURED_WINDOW_DAYS, outcomeMeasuredEvent, outcomeWindow, stateOf } from '#workflow';
import { Clock } from '../common/clock.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { AppConfig } from '../config/app-config.js';
import { LaunchCommandService } from '../launches/launch-command.service.js';
import { OutcomeRepository } from './outcome.repository.js';

const BATCH = 50;

/**
 * Appends OUTCOME_MEASURED when a GA launch's first window completes. The timer is a row
 * (launch_outcome.measure_due_at), so it outlives any process; each due launch is taken
 * with SKIP LOCKED through the ordinary system path (version + 1, hash chain, outbox,
 * NOTIFY) and re-read under the lock, so it fires once however many processes scan.
 */
@Injectable()
export class OutcomeSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    config: AppConfig,
    private readonly outcomes: OutcomeRepository,
    private readonly commands: LaunchCommandService,
    private readonly clock: Clock,
  ) {
    this.job = new PeriodicJob('Outcome scan', config.OUTCOME_SCAN_INTERVAL_MS, () =>
      this.scan(this.clock.now()),
    );
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /**
   * One pass at `now` (the caller's clock: tests pass one they control): appends the
   * outcome of every launch whose window has completed; answers how many it appended.
   */
  async scan(now: Date): Promise<number> {
    let fired = 0;
    for (const launchId of await this.outcomes.due(now, BATCH)) {
      if (this.job.stopping) break;
      const result = await this.commands.runSystem(launchId, async (tx, snapshot, at) => {
        const owed = await this.outcomes.owed(tx, launchId, now);
        if (!owed) return [];
        await this.outcomes.measured(tx, launchId);
        const state = stateOf(snapshot);
        if (state.stage !== 'GA') return [];
        const window = outcomeWindow(owed.gaAt, MEASURED_WINDOW_DAYS);
        const counts = await this.outcomes.counts(tx, owed.key, window);
        const data = { windowDays: MEASURED_WINDOW_DAYS, ...counts };
        // Due at the scan's clock; recorded at the commit's own time, read after the lock.
        return [outcomeMeasuredEvent(state, owed.gaAt, data, now.toISOString(), at)];
      });
      fired += result?.events.length ?? 0;
    }
    return fired;
  }
}
