import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module.js';
import { AuthService } from './auth/auth.service.js';
import { AppExceptionFilter } from './common/app-exception.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { AppConfig } from './config/app-config.js';
import { DemoModule } from './demo/demo.module.js';
import { graphqlOptions } from './graphql/graphql-options.factory.js';
import { HealthController } from './health/health.controller.js';
import { LaunchesModule } from './launches/launches.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { UsersModule } from './users/users.module.js';
import { UsersService } from './users/users.service.js';
import { MetricsService } from './metrics/metrics.service.js';
import { RateLimitService } from './security/rate-limit.service.js';
import { SecurityModule } from './security/security.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        AuthModule,
        UsersModule,
        LaunchesModule,
        NotificationsModule,
        SecurityModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, UsersModule, SecurityModule],
          inject: [AuthService, UsersService, RateLimitService, MetricsService],
          useFactory: (
            auth: AuthService,
            users: UsersService,
            rateLimit: RateLimitService,
            metrics: MetricsService,
          ) => graphqlOptions({ config, auth, users, rateLimit, metrics }),
        }),
        ...(config.seedDemo ? [DemoModule] : []),
      ],
      controllers: [HealthController],
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
