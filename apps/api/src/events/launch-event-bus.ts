import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { LaunchEventEntity } from '../launches/launch-event.entity.js';
import { LaunchRepository } from '../launches/launch.repository.js';
import { PgListener } from '../database/pg-listener.repository.js';
import { EVENTS_CHANNEL, type CommittedRange } from './event-notification.repository.js';

/** How far back a reconnect looks for changes whose NOTIFY it may have missed. */
const CATCH_UP_MARGIN_MS = 60_000;
/** A subscriber this far behind is cut off rather than holding memory without bound. */
const MAX_QUEUE = 10_000;

/** One subscriber: events of one launch (or all), once each, in sequence order per launch. */
export class EventStream implements AsyncIterableIterator<LaunchEventEntity> {
  private readonly queue: LaunchEventEntity[] = [];
  private readonly last = new Map<string, number>();
  private waiting: ((r: IteratorResult<LaunchEventEntity>) => void) | null = null;
  private closed = false;

  constructor(
    readonly launchId: string | null,
    private readonly onClose: (stream: EventStream) => void,
  ) {}

  /** Events of this launch up to `version` were committed before the subscription began. */
  startAfter(launchId: string, version: number): void {
    this.last.set(launchId, Math.max(this.last.get(launchId) ?? 0, version));
  }

  wants(launchId: string): boolean {
    return !this.closed && (this.launchId === null || this.launchId === launchId);
  }

  push(event: LaunchEventEntity): void {
    if (!this.wants(event.launchId)) return;
    if (this.queue.length >= MAX_QUEUE) {
      void this.return();
      return;
    }
    this.queue.push(event);
    this.drain();
  }

  private drain(): void {
    while (this.waiting && this.queue.length > 0) {
      const event = this.queue.shift()!;
      // Once, and in order: anything at or below what this stream has passed on is a repeat.
      if (event.sequence <= (this.last.get(event.launchId) ?? 0)) continue;
      this.last.set(event.launchId, event.sequence);
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: event, done: false });
    }
  }

  next(): Promise<IteratorResult<LaunchEventEntity>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.drain();
    });
  }

  return(): Promise<IteratorResult<LaunchEventEntity>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      this.onClose(this);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<LaunchEventEntity>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * Fans committed events out to subscribers of this process, and tells local listeners
 * (the webhook dispatcher) that something was committed.
 *
 * With a PostgreSQL server, every change NOTIFYs inside its transaction, so the
 * notification exists only once the change has committed, and reaches every API process
 * in commit order; one dedicated connection per process LISTENs (reconnecting with
 * back-off and catching up what it may have missed), loads the rows by launch and
 * sequence, and hands them on. The embedded PGlite database is one process whose
 * node-postgres adapter delivers no notifications (and its pool is one session), so there
 * the command path hands committed rows over in-process after commit.
 */
@Injectable()
export class LaunchEventBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LaunchEventBus.name);
  private readonly streams = new Set<EventStream>();
  private readonly committedListeners: (() => void)[] = [];
  /** Highest sequence passed on per launch, to spot gaps and repeats. */
  private readonly seen = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();
  private listener: PgListener | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly launches: LaunchRepository,
  ) {}

  get usesListen(): boolean {
    return !this.config.embedded;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.usesListen) return;
    this.listener = new PgListener(this.config.DATABASE_URL!, [EVENTS_CHANNEL], {
      notified: (_channel, payload) => {
        let range: CommittedRange;
        try {
          range = JSON.parse(payload) as CommittedRange;
        } catch {
          return;
        }
        this.enqueue(() => this.handle(range));
      },
      resumed: (since) => this.enqueue(() => this.catchUp(since)),
    });
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const stream of [...this.streams]) await stream.return();
    await this.listener?.stop();
    await this.chain;
  }

  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }

  /** A new stream; the caller sets its starting point (startAfter) before reading it. */
  open(launchId: string | null): EventStream {
    const stream = new EventStream(launchId, (s) => this.streams.delete(s));
    this.streams.add(stream);
    return stream;
  }

  /** Embedded mode: the committed rows themselves, handed over after commit. */
  publishCommitted(events: readonly LaunchEventEntity[]): void {
    this.enqueue(async () => {
      this.deliver(events);
      this.kickListeners();
    });
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((error: unknown) => {
      this.logger.error(`event fan-out failed: ${String(error)}`);
    });
  }

  private deliver(events: readonly LaunchEventEntity[]): void {
    for (const event of events) {
      const seen = this.seen.get(event.launchId) ?? 0;
      if (event.sequence > seen) this.seen.set(event.launchId, event.sequence);
      for (const stream of this.streams) stream.push(event);
    }
  }

  private kickListeners(): void {
    for (const listener of this.committedListeners) listener();
  }

  private interested(launchId: string): boolean {
    for (const stream of this.streams) if (stream.wants(launchId)) return true;
    return false;
  }

  /** Loads and passes on the events of one committed range (and any gap before it). */
  private async handle(range: CommittedRange): Promise<void> {
    this.kickListeners();
    const seen = this.seen.get(range.l);
    if (seen !== undefined && seen >= range.to) return;
    if (!this.interested(range.l)) {
      this.seen.set(range.l, range.to);
      return;
    }
    const from = seen !== undefined ? Math.min(seen + 1, range.from) : range.from;
    this.deliver(await this.launches.eventRange(range.l, from, range.to));
  }

  /** After a reconnect: changes committed while no LISTEN was in place. */
  private async catchUp(since: number): Promise<void> {
    for (const row of await this.launches.changedSince(new Date(since - CATCH_UP_MARGIN_MS))) {
      const seen = this.seen.get(row.id);
      if (seen !== undefined && row.version > seen) {
        await this.handle({ l: row.id, from: seen + 1, to: row.version });
      }
    }
    this.kickListeners();
  }
}
