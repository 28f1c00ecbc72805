import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { WorkflowError } from '#workflow';
import { AppError } from './app-error.js';
import { isDatabaseUnavailable } from './graphql-error.formatter.js';

/**
 * GraphQL errors go on to the one formatter untouched; only the unexpected ones are logged
 * as errors (a refused command is the product working, not a fault). HTTP routes keep
 * Nest's default handling.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    const expected =
      exception instanceof AppError ||
      exception instanceof WorkflowError ||
      exception instanceof GraphQLError;
    if (isDatabaseUnavailable(exception))
      this.logger.warn(`database unavailable: ${String(exception)}`);
    else if (!expected)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    return exception;
  }
}
