import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { AppConfig } from '../config/app-config.js';

/** Prometheus metrics of one process (a registry per app, so tests can run several). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly requestDuration = new Histogram({
    name: 'liftoff_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'liftoff_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'liftoff_rate_limited_total',
    help: 'Requests refused with RATE_LIMITED, by scope (mutations per token, anonymous per IP).',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  readonly rateLimit = new Gauge({
    name: 'liftoff_rate_limit_per_minute',
    help: 'The configured rate limits, per minute, by scope.',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  constructor(config: AppConfig) {
    collectDefaultMetrics({ register: this.registry, prefix: 'liftoff_' });
    this.rateLimit.set({ scope: 'mutations_per_token' }, config.RATE_LIMIT_MUTATIONS_PER_MIN);
    this.rateLimit.set({ scope: 'anonymous_per_ip' }, config.RATE_LIMIT_ANONYMOUS_PER_MIN);
  }
}
