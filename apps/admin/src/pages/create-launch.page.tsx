import { useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { CreateLaunchMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { ErrorMessage, PageTitle } from '../components/ui';
import type { CreateLaunchInput } from '../gql/graphql';
import { href, navigate } from '../router';

type Field = keyof CreateLaunchInput;
type Values = Record<Field, string>;
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = [
  'key',
  'name',
  'description',
  'targetGaDate',
  'supportLeadDays',
  'blockResponseHours',
  'template',
];

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

const TEMPLATES = [
  {
    name: 'standard',
    label: 'Standard',
    help: 'Required items for product, engineering and support in every stage.',
  },
  { name: 'lite', label: 'Lite', help: 'A shorter checklist: at least one item per stage.' },
] as const;

/** The contract's input rules (CreateLaunchInput), checked before sending; the server re-checks. */
function validate(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!KEY_PATTERN.test(values.key)) {
    errors.key =
      '2 to 63 characters: lowercase letters, digits and dashes, starting with a letter or digit.';
  }
  const name = values.name.trim();
  if (!name) errors.name = 'A name is required.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  if (values.description.length > 10_000) errors.description = 'At most 10,000 characters.';
  if (values.supportLeadDays !== '') {
    const days = Number(values.supportLeadDays);
    if (!Number.isInteger(days) || days < 0 || days > 90) {
      errors.supportLeadDays = 'A whole number of days from 0 to 90.';
    }
  }
  if (values.blockResponseHours !== '') {
    const hours = Number(values.blockResponseHours);
    if (!Number.isFinite(hours) || hours < 0.001 || hours > 720) {
      errors.blockResponseHours = 'From 0.001 to 720 hours.';
    }
  }
  return errors;
}

function toInput(values: Values): CreateLaunchInput {
  const input: CreateLaunchInput = { key: values.key, name: values.name.trim() };
  if (values.description.trim()) input.description = values.description;
  // A target GA date is a day: sent as the end of that day (UTC), shown as that day.
  if (values.targetGaDate) input.targetGaDate = `${values.targetGaDate}T23:59:59.000Z`;
  if (values.supportLeadDays !== '') input.supportLeadDays = Number(values.supportLeadDays);
  if (values.blockResponseHours !== '')
    input.blockResponseHours = Number(values.blockResponseHours);
  input.template = values.template;
  return input;
}

/** The input field a server error names (`extensions.field`, e.g. "key" or "input.key"). */
function serverField(error: ApiError): Field | undefined {
  const named = error.field?.split('.').pop();
  if (named && (FIELDS as readonly string[]).includes(named)) return named as Field;
  // createLaunch's only CONFLICT is a key already taken.
  if (!named && error.code === 'CONFLICT') return 'key';
  return undefined;
}

export function CreateLaunchPage() {
  const [values, setValues] = useState<Values>({
    key: '',
    name: '',
    description: '',
    targetGaDate: '',
    supportLeadDays: '5',
    blockResponseHours: '24',
    template: 'standard',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | undefined>();
  const create = useMutation(CreateLaunchMutation);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: Field) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
    if (namedField === field) create.reset();
  };

  const focusFirstError = (fieldErrors: FieldErrors) => {
    const first = FIELDS.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local = validate(values);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusFirstError(local);
      return;
    }
    const result = await create.run({ input: toInput(values) });
    if (result) {
      navigate({ name: 'launch', key: result.createLaunch.key });
    }
  };

  // A server error naming a field is shown next to that field; any other above the form.
  const serverError = create.error;
  const namedField = serverError ? serverField(serverError) : undefined;
  const shownErrors: FieldErrors = { ...errors };
  if (serverError && namedField && !shownErrors[namedField]) {
    shownErrors[namedField] = serverError.errors.map((e) => e.message).join(' ');
  }

  return (
    <main className="page page-narrow">
      <p className="breadcrumb">
        <a href={href({ name: 'board' })}>← Board</a>
      </p>
      <PageTitle>New launch</PageTitle>
      <ErrorMessage
        error={formError ?? (namedField ? undefined : serverError)}
        title="Not created"
      />
      <form
        ref={formRef}
        className="panel form"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        aria-describedby="create-help"
      >
        <p id="create-help" className="help">
          Fields marked * are required. The launch starts in Planning with its own copy of the
          template’s checklist.
        </p>
        <FormField
          field="key"
          label="Key *"
          error={shownErrors.key}
          help="URL-safe slug, e.g. checkout-v2. It cannot change later."
        >
          {(props) => (
            <input
              {...props}
              type="text"
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={63}
              value={values.key}
              onChange={(e) => set('key')(e.target.value)}
            />
          )}
        </FormField>
        <FormField field="name" label="Name *" error={shownErrors.name}>
          {(props) => (
            <input
              {...props}
              type="text"
              required
              maxLength={200}
              value={values.name}
              onChange={(e) => set('name')(e.target.value)}
            />
          )}
        </FormField>
        <FormField field="description" label="Description" error={shownErrors.description}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={values.description}
              onChange={(e) => set('description')(e.target.value)}
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField
            field="targetGaDate"
            label="Target GA date"
            error={shownErrors.targetGaDate}
            help="Needed before the launch can leave Planning."
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={values.targetGaDate}
                onChange={(e) => set('targetGaDate')(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            field="supportLeadDays"
            label="Support lead days"
            error={shownErrors.supportLeadDays}
            help="Days of early access support gets before GA (0–90)."
          >
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                max={90}
                step={1}
                value={values.supportLeadDays}
                onChange={(e) => set('supportLeadDays')(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            field="blockResponseHours"
            label="Block response hours"
            error={shownErrors.blockResponseHours}
            help="A NO-GO unanswered this long escalates."
          >
            {(props) => (
              <input
                {...props}
                type="number"
                min={0.001}
                max={720}
                step="any"
                value={values.blockResponseHours}
                onChange={(e) => set('blockResponseHours')(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <fieldset
          className="templates"
          aria-invalid={shownErrors.template ? true : undefined}
          aria-describedby={shownErrors.template ? 'template-error' : undefined}
        >
          <legend className="label">Checklist template</legend>
          {TEMPLATES.map((template) => (
            <label key={template.name} className="template-option">
              <input
                type="radio"
                name="template"
                value={template.name}
                checked={values.template === template.name}
                onChange={() => set('template')(template.name)}
              />
              <span>
                <strong>{template.label}</strong>
                <span className="help">{template.help}</span>
              </span>
            </label>
          ))}
          {shownErrors.template && (
            <p id="template-error" className="field-error">
              {shownErrors.template}
            </p>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create launch'}
          </button>
          <a className="button" href={href({ name: 'board' })}>
            Cancel
          </a>
        </div>
      </form>
    </main>
  );
}

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function FormField(props: {
  field: Field;
  label: string;
  error: string | undefined;
  help?: string;
  children(controlProps: ControlProps): ReactNode;
}) {
  const id = `launch-${props.field}`;
  const helpId = props.help ? `${id}-help` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        name: props.field,
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
