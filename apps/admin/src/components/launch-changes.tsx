import { useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { ApiError } from '../api/client';
import {
  AddItemMutation,
  AddItemWithdrawsQuery,
  UpdateLaunchMutation,
} from '../api/launch-edit.operations';
import { LaunchInputLimitsQuery } from '../api/operations';
import { useMutation, useQuery } from '../api/use-api';
import {
  dayOfTargetGaDate,
  formatDate,
  stageLabel,
  targetGaDateOf,
  TEAMS,
  teamLabel,
} from '../format';
import type {
  LaunchEditPartsFragment,
  LaunchInputLimitsQuery as LimitsResult,
  Stage,
  Team,
  UpdateLaunchInput,
} from '../gql/graphql';
import { FormActions, FormField, useServerFieldErrors } from './form-field';
import { LAUNCH_FIELDS, LaunchFields } from './launch-fields';
import type { LaunchField, LaunchFieldValues } from './launch-fields';
import { ErrorMessage } from './ui';
import { WithdrawalWarning } from './withdrawal-warning';

type Limits = LimitsResult['launchInputLimits'];
type Mode = 'edit' | 'add' | null;

/**
 * Changing a launch after creation: "Edit launch" (viewerCan.update) and "Add checklist
 * item" (viewerCan.addItem, to the stages viewerCan.addItemStages names). Both send the
 * launch's version as the page has it now: the page follows other people's changes live
 * and says what moved, so a form opened before them is not refused as stale.
 */
export function LaunchChanges(props: {
  launch: LaunchEditPartsFragment;
  onChanged(): Promise<void>;
}) {
  const can = props.launch.viewerCan;
  const [mode, setMode] = useState<Mode>(null);
  const [done, setDone] = useState<string | null>(null);
  const limits = useQuery(LaunchInputLimitsQuery, {}).data?.launchInputLimits;
  const mayAdd = can.addItem && can.addItemStages.length > 0;
  if (!can.update && !mayAdd) return null;

  const finish = async (message: string | null) => {
    await props.onChanged();
    setMode(null);
    setDone(message);
  };
  const open = (next: Mode) => {
    setDone(null);
    setMode(next);
  };

  return (
    <section className="panel launch-changes" aria-label="Change this launch">
      {mode === null && (
        <>
          {can.update && (
            <button type="button" className="button" onClick={() => open('edit')}>
              Edit launch
            </button>
          )}
          {mayAdd && (
            <button type="button" className="button" onClick={() => open('add')}>
              Add checklist item
            </button>
          )}
          {done && (
            <p className="notice" role="status">
              {done}
            </p>
          )}
        </>
      )}
      {mode === 'edit' && limits && (
        <EditLaunchForm
          launch={props.launch}
          limits={limits}
          onDone={(changed) => finish(changed ? 'Launch updated.' : null)}
          onCancel={() => setMode(null)}
        />
      )}
      {mode === 'add' && limits && (
        <AddItemForm
          launch={props.launch}
          limits={limits}
          onDone={() => finish('Item added.')}
          onCancel={() => setMode(null)}
        />
      )}
    </section>
  );
}

function editValues(launch: LaunchEditPartsFragment): LaunchFieldValues {
  return {
    name: launch.name,
    description: launch.description ?? '',
    targetGaDate: dayOfTargetGaDate(launch.targetGaDate),
    supportLeadDays: String(launch.supportLeadDays),
    blockResponseHours: String(launch.blockResponseHours),
  };
}

/**
 * Only the fields this person changed since opening the form go out, so an edit someone
 * else made meanwhile to another field stands. An emptied description or date clears it.
 */
function changedInput(before: LaunchFieldValues, after: LaunchFieldValues): UpdateLaunchInput {
  const input: UpdateLaunchInput = {};
  const changed = (field: LaunchField) => before[field] !== after[field];
  if (changed('name')) input.name = after.name.trim();
  if (changed('description')) input.description = after.description.trim() || null;
  if (changed('targetGaDate'))
    input.targetGaDate = after.targetGaDate ? targetGaDateOf(after.targetGaDate) : null;
  if (changed('supportLeadDays')) input.supportLeadDays = Number(after.supportLeadDays);
  if (changed('blockResponseHours')) input.blockResponseHours = Number(after.blockResponseHours);
  return input;
}

function EditLaunchForm(props: {
  launch: LaunchEditPartsFragment;
  limits: Limits;
  onDone(changed: boolean): Promise<void>;
  onCancel(): void;
}) {
  const { launch, limits } = props;
  const [before] = useState(() => editValues(launch));
  const [values, setValues] = useState(before);
  const update = useMutation(UpdateLaunchMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const { namedField, formError, fieldError } = useServerFieldErrors(
    update.error,
    LAUNCH_FIELDS,
    formRef,
  );

  const set = (field: LaunchField) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (namedField === field) update.reset();
  };

  const onSubmit = async () => {
    const input = changedInput(before, values);
    if (Object.keys(input).length === 0) return props.onDone(false);
    const result = await update.run({
      id: launch.id,
      input: { ...input, expectedVersion: launch.version },
    });
    if (result) await props.onDone(true);
  };

  return (
    <ChangeForm
      id="edit-launch"
      title="Edit launch"
      formRef={formRef}
      error={formError}
      errorTitle="Not saved"
      busy={update.busy}
      submitLabel={update.busy ? 'Saving…' : 'Save changes'}
      onSubmit={onSubmit}
      onCancel={props.onCancel}
    >
      <LaunchFields
        idPrefix="edit"
        limits={limits}
        values={values}
        set={set}
        fieldError={fieldError}
        nameLabel="Name"
        autoFocusName
        targetGaDateHelp={`Now ${formatDate(launch.targetGaDate)}. Empty clears it.`}
        supportLeadDaysNote="only an admin goes below the template’s floor"
      />
    </ChangeForm>
  );
}

/** The frame both change forms share: a headed form, its refusal, and Save / Cancel. */
function ChangeForm(props: {
  /** Names the heading `${id}-heading`. */
  id: string;
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  error: ApiError | undefined;
  errorTitle: string;
  busy: boolean;
  submitLabel: string;
  submitDescribedBy?: string | undefined;
  onSubmit(): Promise<unknown>;
  onCancel(): void;
  children: ReactNode;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <form
      ref={props.formRef}
      className="form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit();
      }}
    >
      <h2 id={headingId}>{props.title}</h2>
      <ErrorMessage error={props.error} title={props.errorTitle} />
      {props.children}
      <FormActions
        busy={props.busy}
        submitLabel={props.submitLabel}
        submitDescribedBy={props.submitDescribedBy}
        onCancel={props.onCancel}
      />
    </form>
  );
}

const ADD_FIELDS = ['stage', 'team', 'title', 'description', 'required'] as const;
type AddField = (typeof ADD_FIELDS)[number];

function AddItemForm(props: {
  launch: LaunchEditPartsFragment;
  limits: Limits;
  onDone(): Promise<void>;
  onCancel(): void;
}) {
  const { launch, limits } = props;
  const stages = launch.viewerCan.addItemStages;
  const [stage, setStage] = useState<Stage>(stages[0]!);
  const [team, setTeam] = useState<Team>(TEAMS[0]!);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [required, setRequired] = useState(true);
  const add = useMutation(AddItemMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const { namedField, formError, fieldError } = useServerFieldErrors(
    add.error,
    ADD_FIELDS,
    formRef,
  );
  const names = (field: AddField) => ({ id: `add-item-${field}`, name: field });
  const touched = (field: AddField) => {
    if (namedField === field) add.reset();
  };
  const choose =
    <T,>(field: AddField, setValue: (value: T) => void) =>
    (value: T) => {
      touched(field);
      setValue(value);
    };

  // Whose GOs this item would withdraw, asked again whenever the launch moves.
  const withdraws = useQuery(AddItemWithdrawsQuery, { key: launch.key, stage, required });
  const { refetch } = withdraws;
  const askedAt = useRef(launch.version);
  useEffect(() => {
    if (askedAt.current === launch.version) return;
    askedAt.current = launch.version;
    void refetch();
  }, [launch.version, refetch]);
  const goes = withdraws.data?.launch?.addItemWithdraws ?? [];

  const onSubmit = async () => {
    const result = await add.run({
      input: {
        launchId: launch.id,
        stage,
        team,
        title: title.trim(),
        description: description.trim() || null,
        required,
        expectedVersion: launch.version,
      },
    });
    if (result) await props.onDone();
  };

  return (
    <ChangeForm
      id="add-item"
      title="Add checklist item"
      formRef={formRef}
      error={formError}
      errorTitle="Not added"
      busy={add.busy}
      submitLabel={add.busy ? 'Adding…' : 'Add item'}
      submitDescribedBy={goes.length > 0 ? 'add-item-withdraws' : undefined}
      onSubmit={onSubmit}
      onCancel={props.onCancel}
    >
      <div className="form-row">
        <ChoiceField
          {...names('stage')}
          label="Stage"
          error={fieldError('stage')}
          help={`The current stage (${stageLabel(launch.stage)}) or a later one.`}
          value={stage}
          options={stages}
          optionLabel={stageLabel}
          onChange={choose<Stage>('stage', setStage)}
        />
        <ChoiceField
          {...names('team')}
          label="Team"
          error={fieldError('team')}
          value={team}
          options={TEAMS}
          optionLabel={teamLabel}
          onChange={choose<Team>('team', setTeam)}
        />
      </div>
      <FormField {...names('title')} label="Title" error={fieldError('title')}>
        {(control) => (
          <input
            {...control}
            type="text"
            required
            maxLength={limits.titleMaxLength}
            value={title}
            onChange={(e) => {
              touched('title');
              setTitle(e.target.value);
            }}
            autoFocus
          />
        )}
      </FormField>
      <FormField {...names('description')} label="Description" error={fieldError('description')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={limits.descriptionMaxLength}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </FormField>
      <div className="field checkbox-field">
        <input
          id="add-item-required"
          name="required"
          type="checkbox"
          checked={required}
          onChange={(e) => setRequired(e.target.checked)}
          aria-describedby="add-item-required-help"
        />
        <label htmlFor="add-item-required">Required</label>
        <span id="add-item-required-help" className="help">
          Required items gate the stage; optional ones do not.
        </span>
      </div>
      <WithdrawalWarning id="add-item-withdraws" goes={goes} />
      <ErrorMessage error={withdraws.error} title="Could not tell whose GOs this withdraws" />
    </ChangeForm>
  );
}

/** A labelled select over a fixed set of values, each shown by its label. */
function ChoiceField<T extends string>(props: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  help?: string;
  value: T;
  options: readonly T[];
  optionLabel(value: T): string;
  onChange(value: T): void;
}) {
  const { value, options, optionLabel, onChange, ...field } = props;
  return (
    <FormField {...field}>
      {(control) => (
        <select
          {...control}
          value={value}
          // The options are exactly `options`, so the chosen value is one of them.
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
