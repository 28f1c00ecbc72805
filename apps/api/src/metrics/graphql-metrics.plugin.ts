import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { MetricsService } from './metrics.service.js';

/**
 * Duration and outcome of every operation, labelled by its type and first root field: a
 * label set the schema bounds, unlike client-chosen operation names.
 */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response, errors }) {
          const root = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' && !!response.body.singleResult.errors);
          metrics.operations.observe(
            {
              type: operation?.operation ?? 'invalid',
              field: root?.kind === Kind.FIELD ? root.name.value : 'none',
              outcome: failed ? 'error' : 'ok',
            },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}
