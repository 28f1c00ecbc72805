import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { MEASURED_WINDOW_DAYS, outcomeMeasuredEvent, outcomeWindow, stateOf } from '#workflow';
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
  private readonly logger = new Logger(OutcomeSchedulerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly outcomes: OutcomeRepository,
    private readonly commands: LaunchCommandService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.scan(new Date())
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`Outcome scan failed: ${String(error)}`))
        .finally(() => this.schedule(this.config.OUTCOME_SCAN_INTERVAL_MS));
    }, delay);
  }

  /**
   * One pass at `now` (the caller's clock: tests pass one they control): appends the
   * outcome of every launch whose window has completed; answers how many it appended.
   */
  async scan(now: Date): Promise<number> {
    let fired = 0;
    for (const launchId of await this.outcomes.due(now, BATCH)) {
      if (this.stopping) break;
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
