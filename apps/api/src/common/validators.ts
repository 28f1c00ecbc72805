import { ValidateBy, buildMessage } from 'class-validator';
import { isBlank } from '#workflow';

/** A string with something visible in it (GATES.md: whitespace or format characters only is empty). */
export function NotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'notBlank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !isBlank(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must not be empty`),
    },
  });
}
