import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../identity/request-context.js';
import { operationCost } from './graphql-limits.js';
import type { RateLimitService } from './rate-limit.service.js';

/**
 * The mutations an operation asks for: its root fields, fragments included, meta fields
 * (`__typename`) not. Ten aliased `addComment`s are ten.
 */
export function mutationFieldCount(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Validation has refused fragment cycles before this runs.
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + (s.name.value.startsWith('__') ? 0 : 1);
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      return n + (fragment ? count(fragment.selectionSet) : 0);
    }, 0);
  return count(operation.selectionSet);
}

/**
 * Per-user budgets, spent once the operation is known and before anything runs, whatever
 * the transport: mutation fields against RATE_LIMIT_MUTATIONS_PER_MIN, the cost of every
 * other operation against RATE_LIMIT_READ_COST_PER_MIN. The user, not the token, is the
 * key, so minting tokens buys no quota.
 */
export function rateLimitPlugin(rateLimit: RateLimitService): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          // Apollo calls this hook only once it has found the operation.
          if (!operation) return;
          const userId = contextValue.viewer.user.id;
          if (operation.operation === 'mutation') {
            await rateLimit.consume(
              'mutations_per_user',
              userId,
              mutationFieldCount(document, operation),
            );
          } else {
            await rateLimit.consume(
              'read_cost_per_user',
              userId,
              operationCost(schema, document, operation),
            );
          }
        },
      };
    },
  };
}
