import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { LaunchesModule } from '../launches/launches.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { WebhookDispatcherService } from './webhook-dispatcher.service.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookRepository } from './webhook.repository.js';
import { WebhooksResolver } from './webhooks.resolver.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Outgoing webhooks: endpoints, the outbox written with every change, and the dispatcher
 * that delivers it (woken by the event bus) with retries.
 */
@Module({
  imports: [LaunchesModule, IdentityModule, EventsModule, MetricsModule],
  providers: [
    WebhookRepository,
    WebhookOutbox,
    WebhookDispatcherService,
    WebhooksService,
    WebhooksResolver,
  ],
})
export class WebhooksModule {}
