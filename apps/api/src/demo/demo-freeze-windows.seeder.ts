import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { FreezeWindowService } from '../freeze-windows/freeze-window.service.js';
import { demoViewer, type DemoUser } from './demo-user.js';

const DAY_MS = 86_400_000;

/** One upcoming freeze, declared by the demo admin, so the calendar is not empty on first start. */
@Injectable()
export class DemoFreezeWindowsSeeder {
  constructor(
    private readonly windows: FreezeWindowService,
    private readonly clock: Clock,
  ) {}

  async seed(users: readonly DemoUser[]): Promise<void> {
    // Three weeks from now, at midnight UTC, for four days.
    const day = Math.floor(this.clock.now().getTime() / DAY_MS) * DAY_MS + 21 * DAY_MS;
    await this.windows.create(demoViewer(users, 'ADMIN'), {
      name: 'Year-end freeze',
      reason: 'Support is short-staffed over the holidays: nothing goes GA.',
      startsAt: new Date(day).toISOString(),
      endsAt: new Date(day + 4 * DAY_MS).toISOString(),
      stages: ['GA'],
    });
  }
}
