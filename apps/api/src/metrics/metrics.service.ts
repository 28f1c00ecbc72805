import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CredentialEvents } from '../identity/credential-events.service.js';
import { LaunchRepository } from '../launches/launch.repository.js';

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

  readonly operations = new Histogram({
    name: 'liftoff_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type, root field (bounded by the schema) and outcome.',
    labelNames: ['type', 'field', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly transitions = new Counter({
    name: 'liftoff_launch_transitions_total',
    help: 'Launches entering a stage (ADVANCED or CANCELLED), by that stage.',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'liftoff_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (DELIVERED, FAILED, GAVE_UP).',
    labelNames: ['outcome'] as const,
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
    help: 'Requests refused with RATE_LIMITED, by scope (mutation fields and read cost per user, anonymous per IP).',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  readonly rateLimit = new Gauge({
    name: 'liftoff_rate_limit_per_minute',
    help: 'The configured rate limits, per minute, by scope (0: off); RateLimitService sets them.',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  constructor(launches: LaunchRepository, credentials: CredentialEvents) {
    collectDefaultMetrics({ register: this.registry, prefix: 'liftoff_' });
    new Gauge({
      name: 'liftoff_credential_cache_enabled',
      help: 'Whether this process caches credentials (1): only while it hears every credential event.',
      registers: [this.registry],
      collect() {
        this.set(credentials.listening ? 1 : 0);
      },
    });
    // Read at scrape time from the database, so every process reports the same truth.
    new Gauge({
      name: 'liftoff_active_blocks',
      help: "Launches a team's NO_GO currently blocks.",
      registers: [this.registry],
      async collect() {
        this.set(await launches.countBlocked());
      },
    });
  }
}
