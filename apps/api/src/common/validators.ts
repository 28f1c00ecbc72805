import { ValidateBy, buildMessage } from 'class-validator';

/** A string with at least one non-whitespace character (GATES.md: whitespace-only is empty). */
export function NotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'notBlank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
      defaultMessage: buildMessage((prefix) => `${prefix}$property must not be empty`),
    },
  });
}
