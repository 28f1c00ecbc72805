import type { Requirement } from '#workflow';

/** The codes a client can see in `extensions.code` (the contract lists them). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GATE_NOT_SATISFIED'
  | 'INVALID_TRANSITION'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface ErrorDetails {
  /** The input field the error is about (BAD_USER_INPUT). */
  field?: string;
  missing?: readonly Requirement[];
  retryAfterSeconds?: number;
}

/** The API's one coded exception; the GraphQL error formatter maps it to `extensions`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(field: string, message: string): AppError {
    return new AppError('BAD_USER_INPUT', message, { field });
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found.`);
  }

  static forbidden(message = 'You may not do this.'): AppError {
    return new AppError('FORBIDDEN', message);
  }
}
