import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { dueSloNotifications, stateOf } from '#workflow';
import { Clock } from '../common/clock.js';
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
  private readonly logger = new Logger(SloSchedulerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly timers: SloTimerRepository,
    private readonly commands: LaunchCommandService,
    private readonly clock: Clock,
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
      this.running = this.scan()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`SLO scan failed: ${String(error)}`))
        .finally(() => this.schedule(this.config.SLO_SCAN_INTERVAL_MS));
    }, delay);
  }

  /** One pass: fires what is due now; answers how many events it appended. */
  async scan(): Promise<number> {
    let fired = 0;
    for (const launchId of await this.timers.due(this.clock.now(), BATCH)) {
      if (this.stopping) break;
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
