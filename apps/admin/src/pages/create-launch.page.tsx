import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_TEMPLATE_NAME } from '../../../../libs/checklists/src/index.js';
import { CreateLaunchMutation, LaunchInputLimitsQuery, ViewerCanQuery } from '../api/operations';
import { useMutation, useQuery } from '../api/use-api';
import { FormField, useServerFieldErrors } from '../components/form-field';
import { LAUNCH_FIELDS, LaunchFields } from '../components/launch-fields';
import { TemplateChoice } from '../components/template-choice';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import type { CreateLaunchInput, LaunchInputLimitsQuery as LimitsResult } from '../gql/graphql';
import { targetGaDateOf } from '../format';
import { href, navigate } from '../router';

const fieldNames = (field: Field) => ({ id: `launch-${field}`, name: field });

// The template version is the latest unless an admin picks one (not offered here yet).
type Field = Exclude<keyof CreateLaunchInput, 'templateVersion'>;
type Values = Record<Field, string>;
type Limits = LimitsResult['launchInputLimits'];

const FIELDS: readonly Field[] = ['key', ...LAUNCH_FIELDS, 'template'];

function toInput(values: Values): CreateLaunchInput {
  const input: CreateLaunchInput = { key: values.key, name: values.name.trim() };
  if (values.description.trim()) input.description = values.description;
  if (values.targetGaDate) input.targetGaDate = targetGaDateOf(values.targetGaDate);
  if (values.supportLeadDays !== '') input.supportLeadDays = Number(values.supportLeadDays);
  if (values.blockResponseHours !== '')
    input.blockResponseHours = Number(values.blockResponseHours);
  input.template = values.template;
  return input;
}

/**
 * The form knows no input rule of its own: bounds and defaults come from the API's
 * launchInputLimits, templates from the API's templates, and every refusal from the API,
 * shown next to the field it names.
 */
export function CreateLaunchPage() {
  const limits = useQuery(LaunchInputLimitsQuery, {});
  const can = useQuery(ViewerCanQuery, {}).data?.viewerCan;
  return (
    <main className="page page-narrow">
      <p className="breadcrumb">
        <a href={href({ name: 'board' })}>← Board</a>
      </p>
      <PageTitle>New launch</PageTitle>
      <ErrorMessage error={limits.error} title="Could not load the form" />
      {can && !can.createLaunch ? (
        <p className="notice">
          Only a coordinator or an admin creates launches. Ask one to start this launch.
        </p>
      ) : limits.data && can ? (
        <CreateLaunchForm limits={limits.data.launchInputLimits} />
      ) : (
        limits.loading && <Loading label="Loading the form…" />
      )}
    </main>
  );
}

function CreateLaunchForm({ limits }: { limits: Limits }) {
  const [values, setValues] = useState<Values>({
    key: '',
    name: '',
    description: '',
    targetGaDate: '',
    supportLeadDays: String(limits.supportLeadDays.defaultValue),
    blockResponseHours: String(limits.blockResponseHours.defaultValue),
    template: DEFAULT_TEMPLATE_NAME,
  });
  const create = useMutation(CreateLaunchMutation);
  const formRef = useRef<HTMLFormElement>(null);

  const { namedField, formError, fieldError } = useServerFieldErrors(create.error, FIELDS, formRef);

  const set = (field: Field) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (namedField === field) create.reset();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({ input: toInput(values) });
    if (result) navigate({ name: 'launch', key: result.createLaunch.key });
  };

  return (
    <>
      <ErrorMessage error={formError} title="Not created" />
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
          {...fieldNames('key')}
          label="Key *"
          error={fieldError('key')}
          help="URL-safe slug, e.g. checkout-v2. It cannot change later."
        >
          {(props) => (
            <input
              {...props}
              type="text"
              required
              autoComplete="off"
              spellCheck={false}
              value={values.key}
              onChange={(e) => set('key')(e.target.value)}
            />
          )}
        </FormField>
        <LaunchFields
          idPrefix="launch"
          limits={limits}
          values={values}
          set={set}
          fieldError={fieldError}
          nameLabel="Name *"
          targetGaDateHelp="Needed before the launch can leave Planning."
        />
        <TemplateChoice
          value={values.template}
          error={fieldError('template')}
          onChange={set('template')}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create launch'}
          </button>
          <a className="button" href={href({ name: 'board' })}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
