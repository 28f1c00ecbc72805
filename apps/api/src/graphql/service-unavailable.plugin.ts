import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A database outage met during execution answers 503 like one met before it: Apollo answers
 * resolver errors with 200 unless told otherwise, and clients and load balancers retry on 503.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
          }
        },
      };
    },
  };
}
