import { Injectable } from '@nestjs/common';
import type { FreezeWindow } from '#workflow';
import { Clock } from '../common/clock.js';

/**
 * The freeze windows that may be in effect at `at` or later: not over at `at` (effective
 * end after it), and with `startedBy`, started by then too. The rules decide which apply.
 */
export type FreezeWindowSource = (at: string, startedBy: boolean) => Promise<FreezeWindow[]>;

/** The windows one request judges launches against, and the moment it judges them at. */
export interface RequestWindows {
  readonly now: string;
  readonly windows: readonly FreezeWindow[];
}

/**
 * Where launches find freeze windows: the freeze-windows module registers its source, so
 * this module does not depend on it (none registered: no windows). Reads of one request share
 * one moment and one query, however many launches they judge.
 */
@Injectable()
export class LaunchFreezeWindows {
  private source: FreezeWindowSource | null = null;
  private readonly perRequest = new WeakMap<object, Promise<RequestWindows>>();

  constructor(private readonly clock: Clock) {}

  useSource(source: FreezeWindowSource): void {
    this.source = source;
  }

  /** Windows not over at `at` (those that can freeze a stage then or later). */
  notOverAt(at: string): Promise<FreezeWindow[]> {
    return this.source ? this.source(at, false) : Promise.resolve([]);
  }

  /** Windows that may be in effect at exactly `at` (readiness as of a moment). */
  atMoment(at: string): Promise<FreezeWindow[]> {
    return this.source ? this.source(at, true) : Promise.resolve([]);
  }

  /** The request's moment and the windows not over then, read once per request. */
  forRequest(request: object): Promise<RequestWindows> {
    let found = this.perRequest.get(request);
    if (!found) {
      const now = this.clock.now().toISOString();
      found = this.notOverAt(now).then((windows) => ({ now, windows }));
      this.perRequest.set(request, found);
    }
    return found;
  }
}
