import { Module } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { AuthService } from '../identity/auth.service.js';
import { UserRepository } from '../identity/user.repository.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { RateLimitService } from '../security/rate-limit.service.js';
import { SecurityModule } from '../security/security.module.js';
import { graphqlOptions } from './graphql-options.factory.js';
import { GraphqlSocketServer } from './graphql-socket.server.js';

/**
 * GraphQL over HTTP and over WebSocket: one pipeline of authentication, limits, input
 * checks and error formatting for both. Resolvers come from the feature modules.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [IdentityModule, SecurityModule, MetricsModule],
      inject: [AppConfig, AuthService, UserRepository, RateLimitService, MetricsService],
      useFactory: (
        config: AppConfig,
        auth: AuthService,
        users: UserRepository,
        rateLimit: RateLimitService,
        metrics: MetricsService,
      ) => graphqlOptions({ config, auth, users, rateLimit, metrics }),
    }),
    IdentityModule,
    SecurityModule,
  ],
  providers: [GraphqlSocketServer],
})
export class GraphqlTransportModule {}
