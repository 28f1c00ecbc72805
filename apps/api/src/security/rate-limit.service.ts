import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from '../metrics/metrics.service.js';

type Scope = 'mutations_per_token' | 'anonymous_per_ip';

/**
 * Fixed one-minute windows kept in PostgreSQL (table rate_limit), so every API process
 * shares them. Over the limit: RATE_LIMITED with retryAfterSeconds and HTTP 429.
 */
@Injectable()
export class RateLimitService {
  private readonly limiters: Record<Scope, RateLimiterPostgres>;

  constructor(
    @InjectDataSource() db: DataSource,
    config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    // TypeORM's own pg pool: the limiter needs no connection of its own.
    const pool = (db.driver as unknown as { master: unknown }).master;
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limit',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration: 60,
      });
    this.limiters = {
      mutations_per_token: limiter('mutation', config.RATE_LIMIT_MUTATIONS_PER_MIN),
      anonymous_per_ip: limiter('anonymous', config.RATE_LIMIT_ANONYMOUS_PER_MIN),
    };
  }

  async consume(scope: Scope, key: string): Promise<void> {
    try {
      await this.limiters[scope].consume(key);
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
}
