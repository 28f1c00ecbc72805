import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  GraphQLError,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { AppConfig } from '../config/app-config.js';
import { maxTokensPlugin } from './max-tokens.plugin.js';

/** graphql-armor's cost units, shared by the per-operation bound and the read budget. */
const COST_UNITS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 };

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
      ...COST_UNITS,
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

const costs = new WeakMap<OperationDefinitionNode, number>();

/**
 * What graphql-armor's cost bound counts for `operation`, computed once per parsed document:
 * Apollo hands back the same document object for the same text, so the cache follows its
 * document cache (and goes with it).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): number {
  let cost = costs.get(operation);
  if (cost !== undefined) return cost;
  const found: number[] = [];
  // Only this operation (and the fragments it may use) is priced, as the bound prices it.
  const alone: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter(
      (d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION,
    ),
  };
  validate(schema, alone, [
    costLimitRule({ ...COST_UNITS, maxCost: Infinity, onAccept: [(_, { n }) => found.push(n)] }),
  ]);
  cost = Math.ceil(found[0] ?? 0);
  costs.set(operation, cost);
  return cost;
}
