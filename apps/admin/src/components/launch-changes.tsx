import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
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
import { FormField, useServerFieldErrors } from './form-field';
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

const EDIT_FIELDS = [
  'name',
  'description',
  'targetGaDate',
  'supportLeadDays',
  'blockResponseHours',
] as const;
type EditField = (typeof EDIT_FIELDS)[number];
type EditValues = Record<EditField, string>;

function editValues(launch: LaunchEditPartsFragment): EditValues {
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
function changedInput(before: EditValues, after: EditValues): UpdateLaunchInput {
  const input: UpdateLaunchInput = {};
  const changed = (field: EditField) => before[field] !== after[field];
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
    EDIT_FIELDS,
    formRef,
  );
  const names = (field: EditField) => ({ id: `edit-${field}`, name: field });

  const set = (field: EditField) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (namedField === field) update.reset();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = changedInput(before, values);
    if (Object.keys(input).length === 0) return props.onDone(false);
    const result = await update.run({
      id: launch.id,
      input: { ...input, expectedVersion: launch.version },
    });
    if (result) await props.onDone(true);
  };

  const { supportLeadDays: days, blockResponseHours: hours } = limits;
  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      aria-labelledby="edit-launch-heading"
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id="edit-launch-heading">Edit launch</h2>
      <ErrorMessage error={formError} title="Not saved" />
      <FormField {...names('name')} label="Name" error={fieldError('name')}>
        {(control) => (
          <input
            {...control}
            type="text"
            required
            maxLength={limits.nameMaxLength}
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
            autoFocus
          />
        )}
      </FormField>
      <FormField {...names('description')} label="Description" error={fieldError('description')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={limits.descriptionMaxLength}
            value={values.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField
          {...names('targetGaDate')}
          label="Target GA date"
          error={fieldError('targetGaDate')}
          help={`Now ${formatDate(launch.targetGaDate)}. Empty clears it.`}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.targetGaDate}
              onChange={(e) => set('targetGaDate')(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          {...names('supportLeadDays')}
          label="Support lead days"
          error={fieldError('supportLeadDays')}
          help={`Days of early access support gets before GA (${days.min}–${days.max}; only an admin goes below the template’s floor).`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={days.min}
              max={days.max}
              step={days.wholeNumbers ? 1 : 'any'}
              value={values.supportLeadDays}
              onChange={(e) => set('supportLeadDays')(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          {...names('blockResponseHours')}
          label="Block response hours"
          error={fieldError('blockResponseHours')}
          help={`A NO-GO unanswered this long escalates (${hours.min}–${hours.max}).`}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={hours.min}
              max={hours.max}
              step={hours.wholeNumbers ? 1 : 'any'}
              value={values.blockResponseHours}
              onChange={(e) => set('blockResponseHours')(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={update.busy}>
          {update.busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
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

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
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
    <form
      ref={formRef}
      className="form"
      noValidate
      aria-labelledby="add-item-heading"
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id="add-item-heading">Add checklist item</h2>
      <ErrorMessage error={formError} title="Not added" />
      <div className="form-row">
        <FormField
          {...names('stage')}
          label="Stage"
          error={fieldError('stage')}
          help={`The current stage (${stageLabel(launch.stage)}) or a later one.`}
        >
          {(control) => (
            <select
              {...control}
              value={stage}
              onChange={(e) => {
                touched('stage');
                setStage(e.target.value as Stage);
              }}
            >
              {stages.map((s) => (
                <option key={s} value={s}>
                  {stageLabel(s)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField {...names('team')} label="Team" error={fieldError('team')}>
          {(control) => (
            <select
              {...control}
              value={team}
              onChange={(e) => {
                touched('team');
                setTeam(e.target.value as Team);
              }}
            >
              {TEAMS.map((t) => (
                <option key={t} value={t}>
                  {teamLabel(t)}
                </option>
              ))}
            </select>
          )}
        </FormField>
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
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          disabled={add.busy}
          aria-describedby={goes.length > 0 ? 'add-item-withdraws' : undefined}
        >
          {add.busy ? 'Adding…' : 'Add item'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
