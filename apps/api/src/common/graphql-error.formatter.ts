import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { WorkflowError } from '#workflow';
import { AppError, type ErrorCode } from './app-error.js';

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
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
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
    /Connection terminated|timeout exceeded when trying to connect|Query read timeout|canceling statement due to statement timeout/i.test(
      message,
    )
  );
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

  if (original instanceof AppError || original instanceof WorkflowError) {
    const details = original instanceof AppError ? original.details : original;
    const extra: Record<string, unknown> = {};
    if (details.field) extra.field = details.field;
    if (details.missing) extra.missing = details.missing;
    if ('retryAfterSeconds' in details && details.retryAfterSeconds !== undefined) {
      extra.retryAfterSeconds = details.retryAfterSeconds;
    }
    const code = original.code === 'INTERNAL' ? 'INTERNAL_SERVER_ERROR' : original.code;
    let message = code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error.' : original.message;
    // The contract: a BAD_USER_INPUT message names the field, whatever words the rule used.
    if (details.field && !message.toLowerCase().includes(details.field.toLowerCase())) {
      message = `${details.field}: ${message}`;
    }
    return { ...base, ...codedError(code as ErrorCode, message, extra) };
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
