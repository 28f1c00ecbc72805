import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';
import { AuthService } from '../auth/auth.service.js';
import { formatGraphQLError } from '../common/graphql-error.formatter.js';
import { UsersService } from '../users/users.service.js';
import { createLoaders } from './loaders.js';
import type { RequestContext } from './request-context.js';

/**
 * Apollo options. Authentication runs in `context`, which Apollo builds before it parses
 * or validates the operation: an anonymous caller learns nothing, not even the schema.
 */
export function graphqlOptions(auth: AuthService, users: UsersService): ApolloDriverConfig {
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
    formatError: formatGraphQLError,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    context: async ({ req }: { req: Request }): Promise<RequestContext> => {
      const viewer = await auth.authenticate(req.headers.authorization);
      if (!viewer) {
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
