/**
 * The time the service acts at. Injected, so tests set it instead of sleeping; the
 * system clock everywhere else.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
