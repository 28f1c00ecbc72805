import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';
import type { AuthService } from '../identity/auth.service.js';
import { formatGraphQLError, isDatabaseUnavailable } from '../common/graphql-error.formatter.js';
import type { AppConfig } from '../config/app-config.js';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin.js';
import type { MetricsService } from '../metrics/metrics.service.js';
import { graphqlLimits } from '../security/graphql-limits.js';
import { nulBytesPlugin } from '../security/nul-bytes.plugin.js';
import { rateLimitPlugin } from '../security/rate-limit.plugin.js';
import type { RateLimitService } from '../security/rate-limit.service.js';
import type { RequestContext } from '../identity/request-context.js';
import { requestCredential } from '../identity/session-cookie.js';
import { createLoaders } from '../identity/user.loader.js';
import type { UserRepository } from '../identity/user.repository.js';
import { serviceUnavailablePlugin } from './service-unavailable.plugin.js';
import { socketAdmissionPlugin } from './socket-admission.plugin.js';
import { SCHEMA_OPTIONS } from './schema-options.js';

export interface GraphqlDependencies {
  config: AppConfig;
  auth: AuthService;
  users: UserRepository;
  rateLimit: RateLimitService;
  metrics: MetricsService;
}

/**
 * Apollo options. Authentication runs in `context`, which Apollo builds before it parses
 * or validates the operation: an anonymous caller learns nothing, not even the schema.
 */
export function graphqlOptions({
  config,
  auth,
  users,
  rateLimit,
  metrics,
}: GraphqlDependencies): ApolloDriverConfig {
  const limits = graphqlLimits(config);
  return {
    // Built in memory; `npm run schema` writes schema.gql and `npm run check` fails on drift.
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    plugins: [
      // No HTTP caching of answers here; Apollo's default would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      nulBytesPlugin(),
      rateLimitPlugin(rateLimit),
      graphqlMetricsPlugin(metrics),
      socketAdmissionPlugin(),
      serviceUnavailablePlugin(),
    ],
    formatError: (formatted, error) => {
      const result = formatGraphQLError(formatted, error);
      metrics.errors.inc({ code: String(result.extensions?.code) });
      return result;
    },
    buildSchemaOptions: SCHEMA_OPTIONS,
    // Subscriptions and every socket operation: GraphqlSocketServer, through this same pipeline.
    context: async ({ req }: { req: Request }): Promise<RequestContext> => {
      // With both, the bearer token decides; csrfPrevention keeps cookie callers to non-simple requests.
      const credential = requestCredential(req.headers.authorization, req.headers.cookie);
      const viewer = await auth.authenticate(credential).catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) throw error;
        throw new GraphQLError('The database is unavailable; retry shortly.', {
          extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
        });
      });
      if (!viewer) {
        // Anonymous callers share a per-address ceiling, so guessing tokens is slow.
        await rateLimit.consume('anonymous_per_ip', req.ip ?? 'unknown');
        throw new GraphQLError(
          'A valid bearer token is required: send "Authorization: Bearer <token>".',
          {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          },
        );
      }
      return { req, viewer, loaders: createLoaders(users) };
    },
  };
}
