import { Clock } from '../../apps/api/src/common/clock.js';

/** The app reads this clock; tests move it, nothing sleeps. */
export class TestClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
