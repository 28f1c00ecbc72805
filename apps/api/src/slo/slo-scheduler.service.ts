import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { dueSloNotifications, stateOf } from '#workflow';
import { Clock } from '../common/clock.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { AppConfig } from '../config/app-config.js';
import { LaunchCommandService } from '../launches/launch-command.service.js';
import { SloTimerRepository } from './slo-timer.repository.js';

const BATCH = 50;

/**
 * Fires the durable internal-SLO timers. Every API process scans for due timers; each due
 * launch is then locked with SKIP LOCKED and its rules re-read under the lock, so an event
 * fires once however many processes scan, and a timer outlives any process (it is a row).
 * The events go through the ordinary command path: version + 1, hash chain, outbox, NOTIFY.
 */
@Injectable()
export class SloSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    config: AppConfig,
    private readonly timers: SloTimerRepository,
    private readonly commands: LaunchCommandService,
    private readonly clock: Clock,
  ) {
    this.job = new PeriodicJob('SLO scan', config.SLO_SCAN_INTERVAL_MS, () => this.scan());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One pass: fires what is due now; answers how many events it appended. */
  async scan(): Promise<number> {
    let fired = 0;
    for (const launchId of await this.timers.due(this.clock.now(), BATCH)) {
      if (this.job.stopping) break;
      const result = await this.commands.runSystem(launchId, async (tx, snapshot, now) => {
        const state = stateOf(snapshot);
        const history = await this.timers.history(tx, launchId);
        const events = dueSloNotifications(state, history, this.timers.policy, now);
        // Nothing due after all (a clock a little behind the timer's): set it right.
        if (events.length === 0) await this.timers.reschedule(tx, state, history);
        return events;
      });
      fired += result?.events.length ?? 0;
    }
    return fired;
  }
}
