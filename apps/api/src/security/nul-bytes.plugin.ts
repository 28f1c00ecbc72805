import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

/**
 * Deeper than any input type of the schema nests (an input object holding a list is 2
 * below the variable), with room to grow; GATES.md: deeper is invalid input.
 */
export const MAX_VARIABLE_DEPTH = 8;

// With the u flag a lone surrogate is a code point of its own, category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a text cannot be stored: PostgreSQL text holds no U+0000, and hashing needs valid UTF-16. */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'text must not contain the NUL character (U+0000).';
  if (LONE_SURROGATE.test(text)) return 'text must be valid Unicode (no lone surrogate).';
  return null;
}

/**
 * The first problem in the variables, as [variable, message], walking with an explicit
 * stack (no recursion, so no nesting can overflow it): too deep, or a bad text in a value
 * or an object key.
 */
function variablesProblem(variables: Record<string, unknown>): [string, string] | null {
  const stack: { name: string; value: unknown; depth: number }[] = Object.entries(variables).map(
    ([name, value]) => ({ name, value, depth: 1 }),
  );
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { name, value, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return [name, problem];
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_VARIABLE_DEPTH) {
      return [name, `the value is nested deeper than ${MAX_VARIABLE_DEPTH} levels.`];
    }
    for (const [key, child] of Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return [name, problem];
      stack.push({ name, value: child, depth: depth + 1 });
    }
  }
  return null;
}

// Apollo hands back the same document object for the same text: one walk per document.
const literalProblems = new WeakMap<DocumentNode, string | null>();

function literalProblem(document: DocumentNode): string | null {
  const known = literalProblems.get(document);
  if (known !== undefined) return known;
  let problem: string | null = null;
  visit(document, {
    [Kind.STRING]: (node) => {
      problem ??= textProblem(node.value);
    },
  });
  literalProblems.set(document, problem);
  return problem;
}

/**
 * Text the store cannot hold, and values nested deeper than any input allows, are refused
 * as bad input before any resolver or rule runs, whatever transport runs the operation
 * through Apollo.
 */
export function nulBytesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const inVariables = variablesProblem(request.variables ?? {});
          const inQuery = inVariables ? null : literalProblem(document);
          const [field, message] = inVariables ?? (inQuery ? ['query', inQuery] : [null, null]);
          if (field !== null) {
            throw new GraphQLError(`${field}: ${message}`, {
              extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
