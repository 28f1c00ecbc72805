import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommentsResolver } from '../comments/comments.resolver.js';
import { CommentsService } from '../comments/comments.service.js';
import { CursorCodec } from '../common/cursor-codec.js';
import { AppConfig } from '../config/app-config.js';
import { SecurityModule } from '../security/security.module.js';
import { LaunchesModule } from '../launches/launches.module.js';
import { SloSchedulerService } from '../slo/slo-scheduler.service.js';
import { SloTimerRepository } from '../slo/slo-timer.repository.js';
import { WebhookDispatcherService } from '../webhooks/webhook-dispatcher.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { WebhookRepository } from '../webhooks/webhook.repository.js';
import { WebhooksResolver } from '../webhooks/webhooks.resolver.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { LaunchEventBus } from './launch-event-bus.js';
import { LaunchEventsResolver } from './launch-events.resolver.js';
import { NotificationCommitHook } from './notification-commit.hook.js';

/**
 * Comments, live subscriptions, webhooks and the internal-SLO timers. Hooks into the
 * launch command path (NotificationCommitHook) and stops its listener, dispatcher and
 * scheduler when the application closes.
 */
@Module({
  imports: [LaunchesModule, SecurityModule],
  providers: [
    LaunchEventBus,
    NotificationCommitHook,
    LaunchEventsResolver,
    CommentsService,
    CommentsResolver,
    WebhookRepository,
    WebhookOutbox,
    WebhookDispatcherService,
    WebhooksService,
    WebhooksResolver,
    SloTimerRepository,
    SloSchedulerService,
    {
      provide: CursorCodec,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (db: DataSource, config: AppConfig) =>
        CursorCodec.create(db, config.CURSOR_SECRET),
    },
  ],
})
export class NotificationsModule {}
