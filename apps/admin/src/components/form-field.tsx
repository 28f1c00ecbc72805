import { useEffect } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { ApiError } from '../api/client';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control with its help, and the server's refusal beside it when it names this field. */
export function FormField(props: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  help?: string;
  children(controlProps: ControlProps): ReactNode;
}) {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        name: props.name,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
      {props.help && (
        <p id={helpId} className="help">
          {props.help}
        </p>
      )}
    </div>
  );
}

/**
 * A server error that names one of `fields` (`extensions.field`, e.g. "name" or
 * "input.name") belongs next to that field; any other above the form. Focus moves to the
 * field the server refused, so its message is read out with it.
 */
export function useServerFieldErrors<F extends string>(
  error: ApiError | undefined,
  fields: readonly F[],
  form: RefObject<HTMLFormElement | null>,
) {
  const named = error?.field?.split('.').pop();
  const namedField =
    named && (fields as readonly string[]).includes(named) ? (named as F) : undefined;
  useEffect(() => {
    if (namedField) form.current?.querySelector<HTMLElement>(`[name="${namedField}"]`)?.focus();
  }, [error, namedField, form]);
  return {
    namedField,
    /** The error shown above the form: one that names no field of it. */
    formError: namedField ? undefined : error,
    fieldError: (field: F) =>
      error && namedField === field ? error.errors.map((e) => e.message).join(' ') : undefined,
  };
}

/** A form's submit button, busy while it saves, and its Cancel. */
export function FormActions(props: {
  busy: boolean;
  submitLabel: string;
  submitDescribedBy?: string | undefined;
  onCancel(): void;
}) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className="button primary"
        disabled={props.busy}
        aria-describedby={props.submitDescribedBy}
      >
        {props.submitLabel}
      </button>
      <button type="button" className="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
