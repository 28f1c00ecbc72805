import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../identity/request-context.js';
import type { RateLimitService } from './rate-limit.service.js';

/** Mutations count against the caller's token once the operation is known, before it runs. */
export function rateLimitPlugin(rateLimit: RateLimitService): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') {
            await rateLimit.consume('mutations_per_token', contextValue.viewer.tokenId);
          }
        },
      };
    },
  };
}
