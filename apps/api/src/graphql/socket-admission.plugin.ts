import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../identity/request-context.js';

export const SOCKET_TRANSPORT = 'graphql-ws';

/** The context of an operation that arrived over the WebSocket. */
export interface SocketContext extends RequestContext {
  transport: typeof SOCKET_TRANSPORT;
}

const isSocket = (context: RequestContext): context is SocketContext =>
  (context as Partial<SocketContext>).transport === SOCKET_TRANSPORT;

/**
 * Subscriptions from the socket go through every check of the pipeline (parse, validation,
 * limits, input, rate) and stop here, before execution: the socket server subscribes them.
 */
export function socketAdmissionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, contextValue }) {
          if (operation.operation !== 'subscription' || !isSocket(contextValue)) return null;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: null } },
          };
        },
      };
    },
  };
}
