import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from '../metrics/metrics.service.js';

export type Scope = 'mutations_per_user' | 'read_cost_per_user' | 'anonymous_per_ip';

/**
 * The read budget is spent in PostgreSQL ahead of time, a share of it at once, so that most
 * reads cost no statement. Shares are taken only while the user's window is less than half
 * spent, so near the limit every read is counted exactly, as every refusal is; at most one
 * share per process is left unspent when a window ends.
 */
const RESERVED_SCOPES: ReadonlySet<Scope> = new Set(['read_cost_per_user']);
const SHARE_OF_LIMIT = 0.02;

/** Points this process has already spent in PostgreSQL for one key, not yet used. */
interface Reserve {
  points: number;
  /** When the PostgreSQL window they belong to ends (ms). */
  until: number;
  /** The window's consumption as PostgreSQL last reported it. */
  consumed: number;
}

/**
 * Fixed one-minute windows kept in PostgreSQL (table rate_limit), so every API process
 * shares them. Over the limit: RATE_LIMITED with retryAfterSeconds and HTTP 429.
 */
@Injectable()
export class RateLimitService {
  private readonly limiters = new Map<Scope, RateLimiterPostgres>();
  private readonly reserves = new Map<string, Reserve>();
  private lastSweep = 0;

  constructor(
    @InjectDataSource() db: DataSource,
    config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    // TypeORM's own pg pool: the limiter needs no connection of its own.
    const pool = (db.driver as unknown as { master: unknown }).master;
    const perMinute: [Scope, number][] = [
      ['mutations_per_user', config.RATE_LIMIT_MUTATIONS_PER_MIN],
      ['read_cost_per_user', config.RATE_LIMIT_READ_COST_PER_MIN],
      ['anonymous_per_ip', config.RATE_LIMIT_ANONYMOUS_PER_MIN],
    ];
    for (const [scope, points] of perMinute) {
      metrics.rateLimit.set({ scope }, points);
      if (points === 0) continue;
      this.limiters.set(
        scope,
        new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          tableName: 'rate_limit',
          tableCreated: true,
          clearExpiredByTimeout: false,
          keyPrefix: scope,
          points,
          duration: 60,
          // Once over, this process refuses the key from memory until the window ends: a
          // flood costs no database writes, and the integer column cannot overflow.
          inMemoryBlockOnConsumed: points + 1,
        }),
      );
    }
  }

  /** Spends `points` of `key`'s window in `scope` (a scope configured as 0 is off). */
  async consume(scope: Scope, key: string, points = 1): Promise<void> {
    const limiter = this.limiters.get(scope);
    if (!limiter || points <= 0) return;
    const reserved = RESERVED_SCOPES.has(scope);
    const id = `${scope}:${key}`;
    const now = Date.now();
    const reserve = reserved ? this.reserves.get(id) : undefined;
    if (reserve && reserve.until > now && reserve.points >= points) {
      reserve.points -= points;
      return;
    }
    // A share more only while the window is far from its limit (as last reported).
    const share = Math.ceil(limiter.points * SHARE_OF_LIMIT);
    const extra =
      reserve && reserve.until > now && reserve.consumed + points + share <= limiter.points / 2
        ? share
        : 0;
    try {
      const spent = await limiter.consume(key, points + extra);
      if (reserved) {
        this.reserves.set(id, {
          points: extra,
          until: now + spent.msBeforeNext,
          consumed: spent.consumedPoints,
        });
        this.forgetEnded(now);
      }
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.metrics.rateLimited.inc({ scope });
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(`Too many requests: retry in ${retryAfterSeconds} s.`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds,
          http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
        },
      });
    }
  }

  /** Keeps the reserves map to live windows (swept at most once a minute). */
  private forgetEnded(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, reserve] of this.reserves) if (reserve.until <= now) this.reserves.delete(id);
  }
}
