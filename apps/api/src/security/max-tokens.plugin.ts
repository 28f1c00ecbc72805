import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/** An operation refused for its size before it is parsed: a limit, so a client error. */
class TokenLimitRefusal extends GraphQLError {}

/**
 * At most `max` tokens per document, counted by the lexer before the parser builds
 * anything. Replaces graphql-armor's maxTokens for Apollo, which re-parses in
 * parsingDidStart and turns every syntax error into HTTP 500: here a document that does not
 * lex is left to Apollo's own parse (GRAPHQL_PARSE_FAILED, 400), and the refusal carries 400.
 */
export function maxTokensPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          const lexer = new Lexer(new Source(source));
          let count = 0;
          try {
            while (lexer.advance().kind !== TokenKind.EOF) {
              count += 1;
              if (count > max) break;
            }
          } catch {
            return; // a syntax error: Apollo's parse reports it
          }
          if (count > max) {
            throw new TokenLimitRefusal(
              `The operation has more than ${max} tokens; at most ${max} are allowed.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
            );
          }
        },
      };
    },
    // Apollo treats a throw from a parsing hook as unexpected and answers 500 unless a
    // plugin rethrows it here; only this refusal is let through, with its own status.
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof TokenLimitRefusal) throw error;
    },
  };
}
