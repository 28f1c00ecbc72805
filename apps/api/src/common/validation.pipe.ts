import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error.js';

function firstFailure(
  errors: readonly ValidationError[],
  path: string[] = [],
): { field: string; message: string } | null {
  for (const error of errors) {
    const here = [...path, error.property];
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field: here.join('.'), message };
    const nested = firstFailure(error.children ?? [], here);
    if (nested) return nested;
  }
  return null;
}

/** class-validator on every input and args class; the first failure becomes BAD_USER_INPUT naming its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const failure = firstFailure(errors) ?? { field: 'input', message: 'input is invalid' };
      return AppError.badInput(failure.field, failure.message);
    },
  });
}
