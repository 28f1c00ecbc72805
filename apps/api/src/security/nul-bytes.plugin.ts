import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

const hasNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Array.isArray(value)
      ? value.some(hasNul)
      : typeof value === 'object' && value !== null && Object.values(value).some(hasNul);

/** PostgreSQL text cannot hold U+0000: refuse it as bad input before anything runs. */
export function nulBytesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variable = Object.entries(request.variables ?? {}).find(([, value]) =>
            hasNul(value),
          )?.[0];
          let literal = false;
          visit(document, {
            [Kind.STRING]: (node) => {
              if (node.value.includes('\u0000')) literal = true;
            },
          });
          if (variable !== undefined || literal) {
            const field = variable ?? 'query';
            throw new GraphQLError(`${field}: text must not contain the NUL character (U+0000).`, {
              extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
