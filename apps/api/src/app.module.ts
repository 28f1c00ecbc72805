import { ActivityModule } from './activity/activity.module.js';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommentsModule } from './comments/comments.module.js';
import { AppExceptionFilter } from './common/app-exception.filter.js';
import type { Clock } from './common/clock.js';
import { CommonModule } from './common/common.module.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { AppConfig } from './config/app-config.js';
import { DemoModule } from './demo/demo.module.js';
import { EventsModule } from './events/events.module.js';
import { GraphqlTransportModule } from './graphql/graphql-transport.module.js';
import { SsoModule } from './sso/sso.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { LaunchesModule } from './launches/launches.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';
import { SecurityModule } from './security/security.module.js';
import { SloModule } from './slo/slo.module.js';
import { TemplatesModule } from './templates/templates.module.js';
import { FreezeWindowsModule } from './freeze-windows/freeze-windows.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** The feature modules; their resolvers make the schema (`npm run schema` reads this list too). */
export const FEATURE_MODULES = [
  IdentityModule,
  LaunchesModule,
  CommentsModule,
  ActivityModule,
  EventsModule,
  WebhooksModule,
  SloModule,
  OutcomesModule,
  MetricsModule,
  SecurityModule,
  HealthModule,
  TemplatesModule,
  FreezeWindowsModule,
  SsoModule,
];

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  /** Replaces the system clock (tests). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        CommonModule.withClock(clock),
        ...FEATURE_MODULES,
        GraphqlTransportModule,
        ...(config.seedDemo ? [DemoModule] : []),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
      exports: [AppConfig],
      global: true,
    };
  }
}
