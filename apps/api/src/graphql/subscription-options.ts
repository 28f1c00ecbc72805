import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import { formatGraphQLError } from '../common/graphql-error.formatter.js';
import type { AuthService } from '../identity/auth.service.js';
import type { Viewer } from '../identity/viewer.js';
import { createLoaders } from '../identity/user.loader.js';
import type { UserRepository } from '../identity/user.repository.js';

/** graphql-ws close code for a connection whose token is missing or unknown. */
export const FORBIDDEN_CLOSE_CODE = 4403;
/** Close reasons are at most 123 bytes. */
export const FORBIDDEN_CLOSE_REASON =
  'Forbidden: connection_init needs {"authorization":"Bearer <token>"} with a valid token';

type Extra = { socket: { close(code: number, reason: string): void }; viewer?: Viewer };
type WsContext = Context<Record<string, unknown> | undefined, unknown>;
const extraOf = (ctx: WsContext) => ctx.extra as Extra;
const format = (error: GraphQLError) => formatGraphQLError(error.toJSON(), error);

/**
 * Subscriptions over WebSocket (graphql-ws) at /graphql. The bearer token travels in the
 * connection_init payload; a missing or unknown one closes the socket with 4403 and a
 * reason, before any operation runs. Each operation gets the viewer and fresh loaders.
 */
export function subscriptionOptions(auth: AuthService, users: UserRepository) {
  return {
    'graphql-ws': {
      path: '/graphql',
      onConnect: async (ctx: WsContext) => {
        const params = ctx.connectionParams ?? {};
        const header = params.authorization ?? params.Authorization;
        const viewer = await auth.authenticate(typeof header === 'string' ? header : undefined);
        if (!viewer) {
          extraOf(ctx).socket.close(FORBIDDEN_CLOSE_CODE, FORBIDDEN_CLOSE_REASON);
          return false;
        }
        extraOf(ctx).viewer = viewer;
        return true;
      },
      // Errors leave as over HTTP: coded, never a stack trace or SQL.
      onNext: (
        _ctx: WsContext,
        _id: string,
        _payload: unknown,
        _args: unknown,
        result: ExecutionResult,
      ) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_ctx: WsContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
        errors.map(format),
      // Not in Nest's type, but graphql-ws takes it (spread after Apollo's HTTP context).
      context: (ctx: WsContext) => ({
        viewer: extraOf(ctx).viewer,
        loaders: createLoaders(users),
      }),
    },
  } as { 'graphql-ws': Record<string, unknown> };
}
