import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ValidationRule } from 'graphql';
import type { AppConfig } from '../config/app-config.js';
import { maxTokensPlugin } from './max-tokens.plugin.js';

/** At most `max` top-level fields per operation: one request, a bounded amount of work. */
export function maxRootFields(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const roots = node.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length;
      if (roots > max) {
        context.reportError(
          new GraphQLError(`Operation has ${roots} root fields; at most ${max} are allowed.`, {
            nodes: [node],
          }),
        );
      }
    },
  });
}

/**
 * Limits checked before execution (OWASP GraphQL cheat sheet): tokens, depth, aliases,
 * directives, cost and root fields. Field suggestions stay on for authenticated callers;
 * anonymous ones never reach validation.
 */
export function graphqlLimits(config: AppConfig) {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    // Counted by our own plugin instead (max-tokens.plugin.ts: status codes).
    maxTokens: { enabled: false },
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, flattenFragments: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxDirectives: { n: 10 },
    costLimit: {
      maxCost: config.GRAPHQL_MAX_COST,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
    },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    // graphql-armor types its plugins against @apollo/server's CommonJS typings; same objects.
    plugins: [
      maxTokensPlugin(config.GRAPHQL_MAX_TOKENS),
      ...(plugins as unknown as ApolloServerPlugin[]),
    ],
    validationRules: [...validationRules, maxRootFields(config.GRAPHQL_MAX_ROOT_FIELDS)],
  };
}
