import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ChecklistError, WorkflowError } from '#workflow';
import type { ChecklistErrorCode, WorkflowErrorCode } from '#workflow';
import { AppError, type ErrorCode, type ErrorDetails } from './app-error.js';

/** Codes Apollo and the API's plugins put on the GraphQL errors they raise themselves. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

/** Connection-level failures of PostgreSQL (or of reaching it): the client should retry. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  } | null;
  if (!e || typeof e !== 'object' || depth > 3) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code) ||
    // What pg, pg-pool and TypeORM say when the connection went away mid-transaction
    // (a failed ROLLBACK replaces the first error).
    /Connection terminated|timeout exceeded when trying to connect|Query read timeout|canceling statement due to statement timeout|not queryable|Query runner already released|Cannot use a pool after calling end|Connection is not established|the database system is (shutting down|starting up|in recovery)/i.test(
      message,
    ) ||
    isDatabaseUnavailable(e.driverError, depth + 1) ||
    isDatabaseUnavailable(e.cause, depth + 1)
  );
}

function assertNever(value: never): never {
  throw new Error(`Unmapped error code ${String(value)}`);
}

/** Every code a library or API module raises, and what a client sees for it. */
type SourceCode = ErrorCode | WorkflowErrorCode | ChecklistErrorCode;

function clientCode(code: SourceCode): ErrorCode {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'GATE_NOT_SATISFIED':
    case 'INVALID_TRANSITION':
    case 'RATE_LIMITED':
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL_SERVER_ERROR':
      return code;
    // A rule's INTERNAL is a bug in the API's use of the rules.
    case 'INTERNAL':
      return 'INTERNAL_SERVER_ERROR';
    // Commands name templates by input; the built-in templates are checked at start-up.
    case 'UNKNOWN_TEMPLATE':
      return 'BAD_USER_INPUT';
    case 'INVALID_TEMPLATE':
      return 'INTERNAL_SERVER_ERROR';
    default:
      return assertNever(code);
  }
}

/** A coded error of the API or of a library, as one shape. */
function sourceOf(
  error: unknown,
): { code: SourceCode; message: string; details: ErrorDetails } | null {
  if (error instanceof AppError) return error;
  if (error instanceof WorkflowError) {
    return { code: error.code, message: error.message, details: error };
  }
  if (error instanceof ChecklistError) {
    return { code: error.code, message: error.message, details: { field: 'template' } };
  }
  return null;
}

function codedError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLFormattedError {
  return { message, extensions: { code, ...extra } };
}

/**
 * The single place errors become what a client sees: coded, and never a stack trace,
 * SQL or a class name, whatever NODE_ENV says.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };

  const source = sourceOf(original);
  if (source) {
    const code = clientCode(source.code);
    if (code === 'INTERNAL_SERVER_ERROR') {
      return { ...base, ...codedError(code, 'Internal server error.') };
    }
    const { field, missing, retryAfterSeconds } = source.details;
    let message = source.message;
    // The contract: a BAD_USER_INPUT message names the field, whatever words the rule used.
    if (field && !message.toLowerCase().includes(field.toLowerCase())) {
      message = `${field}: ${message}`;
    }
    return {
      ...base,
      ...codedError(code, message, {
        ...(field ? { field } : {}),
        ...(missing ? { missing } : {}),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      }),
    };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code: ErrorCode =
      status === 401
        ? 'UNAUTHENTICATED'
        : status === 403
          ? 'FORBIDDEN'
          : status === 404
            ? 'NOT_FOUND'
            : status === 429
              ? 'RATE_LIMITED'
              : status < 500
                ? 'BAD_USER_INPUT'
                : 'INTERNAL_SERVER_ERROR';
    return {
      ...base,
      ...codedError(code, status < 500 ? original.message : 'Internal server error.'),
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      ...base,
      ...codedError('SERVICE_UNAVAILABLE', 'The database is unavailable; retry shortly.'),
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
    const { retryAfterSeconds, field } = formatted.extensions ?? {};
    return {
      ...base,
      message: formatted.message,
      extensions: {
        code,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        ...(typeof field === 'string' ? { field } : {}),
      },
    };
  }
  return { ...base, ...codedError('INTERNAL_SERVER_ERROR', 'Internal server error.') };
}
