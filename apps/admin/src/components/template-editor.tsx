import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { CreateTemplateMutation, PublishTemplateVersionMutation } from '../api/template.operations';
import { useMutation } from '../api/use-api';
import { TEAMS, stageLabel, teamLabel } from '../format';
import type { Stage, Team, TemplateInput } from '../gql/graphql';
import { FormActions } from './form-field';
import { StageTeamGrid, type TemplateVersion } from './template-view';
import { ErrorMessage } from './ui';

interface Row {
  key: number;
  stage: Stage;
  team: Team;
  title: string;
  required: boolean;
}

interface PolicyFields {
  goValidDays: string;
  distinctApprovers: boolean;
  coordinatorMayApprove: boolean;
  supportLeadDays: string;
  minSupportLeadDays: string;
  blockResponseHours: string;
  /** Approvals for every stage, per team, as typed. */
  approvals: Record<Team, string>;
}

let nextKey = 0;

function policyFields(policy: TemplateVersion['policy']): PolicyFields {
  const every = (team: Team) =>
    String(policy.approvals.find((a) => a.team === team && a.stage === null)?.approvals ?? 1);
  return {
    goValidDays: policy.goValidDays === null ? '' : String(policy.goValidDays),
    distinctApprovers: policy.distinctApprovers,
    coordinatorMayApprove: policy.coordinatorMayApprove,
    supportLeadDays: String(policy.supportLeadDays),
    minSupportLeadDays: String(policy.minSupportLeadDays),
    blockResponseHours: String(policy.blockResponseHours),
    approvals: {
      PRODUCT: every('PRODUCT'),
      ENGINEERING: every('ENGINEERING'),
      SUPPORT: every('SUPPORT'),
    },
  };
}

/** Numbers as typed: the server checks every range and names the field it refuses. */
function toInput(name: string, rows: Row[], p: PolicyFields, from: TemplateVersion): TemplateInput {
  const staged = from.policy.approvals.filter((a) => a.stage !== null);
  return {
    name,
    description: from.description,
    items: rows.map((r) => ({
      stage: r.stage,
      team: r.team,
      title: r.title,
      required: r.required,
    })),
    policy: {
      approvals: [
        ...TEAMS.filter((team) => p.approvals[team] !== '1').map((team) => ({
          team,
          stage: null,
          approvals: Number(p.approvals[team]),
        })),
        ...staged.map((a) => ({ team: a.team, stage: a.stage, approvals: a.approvals })),
      ],
      goValidDays: p.goValidDays.trim() === '' ? null : Number(p.goValidDays),
      distinctApprovers: p.distinctApprovers,
      coordinatorMayApprove: p.coordinatorMayApprove,
      supportLeadDays: Number(p.supportLeadDays),
      minSupportLeadDays: Number(p.minSupportLeadDays),
      blockResponseHours: Number(p.blockResponseHours),
    },
  };
}

function messageFor(error: ApiError | undefined, field: string): string | undefined {
  const named = error?.errors[0]?.extensions?.field;
  return error && named === field ? error.errors.map((e) => e.message).join(' ') : undefined;
}

/**
 * A new version (or a new template) from a copy of `from`: items as a stage × team table
 * with required toggles, and the policy's fields. The server says what is wrong, at the field.
 */
export function TemplateEditor(props: {
  from: TemplateVersion;
  mode: 'publish' | 'create';
  onDone(name: string, version: number): void;
  onCancel(): void;
}) {
  const { from, mode } = props;
  const [name, setName] = useState(mode === 'publish' ? from.name : '');
  const [rows, setRows] = useState<Row[]>(() =>
    from.items.map((i) => ({
      key: nextKey++,
      stage: i.stage,
      team: i.team,
      title: i.title,
      required: i.required,
    })),
  );
  const [policy, setPolicy] = useState(() => policyFields(from.policy));
  const publish = useMutation(PublishTemplateVersionMutation);
  const create = useMutation(CreateTemplateMutation);
  const error = mode === 'publish' ? publish.error : create.error;
  const busy = publish.busy || create.busy;
  const named = error?.errors[0]?.extensions?.field;
  const shownAtField =
    named !== undefined &&
    (named === 'name' || named.startsWith('items.') || named.startsWith('policy.'));

  const update = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(name.trim(), rows, policy, from);
    if (mode === 'publish') {
      const done = await publish.run({ input });
      if (done) props.onDone(done.publishTemplateVersion.name, done.publishTemplateVersion.version);
    } else {
      const done = await create.run({ input });
      if (done) props.onDone(done.createTemplate.name, done.createTemplate.version);
    }
  };

  const numberField = (field: keyof PolicyFields, label: string, help: string) => {
    const id = `policy-${field}`;
    const fieldError = messageFor(error, `policy.${field}`);
    return (
      <div className="field">
        <label htmlFor={id} className="label">
          {label}
        </label>
        <input
          id={id}
          name={`policy.${field}`}
          type="number"
          value={policy[field] as string}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-help${fieldError ? ` ${id}-error` : ''}`}
          onChange={(e) => setPolicy({ ...policy, [field]: e.target.value })}
        />
        <p id={`${id}-help`} className="help">
          {help}
        </p>
        {fieldError && (
          <p id={`${id}-error`} className="field-error">
            {fieldError}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="panel form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <ErrorMessage error={shownAtField ? undefined : error} title="Not saved" />
      {mode === 'create' ? (
        <div className="field">
          <label htmlFor="template-name" className="label">
            Name *
          </label>
          <input
            id="template-name"
            name="name"
            type="text"
            value={name}
            aria-invalid={messageFor(error, 'name') ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {messageFor(error, 'name') && <p className="field-error">{messageFor(error, 'name')}</p>}
        </div>
      ) : (
        <p className="help">
          Version {from.version + 1} of <strong>{from.name}</strong>, from a copy of version{' '}
          {from.version}.
        </p>
      )}
      <fieldset>
        <legend className="label">Gate policy</legend>
        <div className="form-row">
          {TEAMS.map((team) => {
            const id = `approvals-${team}`;
            return (
              <div className="field" key={team}>
                <label htmlFor={id} className="label">
                  {teamLabel(team)} approvals
                </label>
                <input
                  id={id}
                  name={id}
                  type="number"
                  min={1}
                  max={10}
                  value={policy.approvals[team]}
                  onChange={(e) =>
                    setPolicy({
                      ...policy,
                      approvals: { ...policy.approvals, [team]: e.target.value },
                    })
                  }
                />
              </div>
            );
          })}
        </div>
        {messageFor(error, named?.startsWith('policy.approvals') ? named : '') && (
          <p className="field-error">{error?.message}</p>
        )}
        <div className="form-row">
          {numberField('goValidDays', 'GO valid for (days)', 'Empty: a GO never expires (1–365).')}
          {numberField('supportLeadDays', 'Support lead days', 'Default for launches (0–90).')}
          {numberField('minSupportLeadDays', 'Minimum lead days', 'Only an admin goes below it.')}
          {numberField(
            'blockResponseHours',
            'Block response hours',
            'A NO-GO unanswered this long escalates.',
          )}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            name="policy.distinctApprovers"
            checked={policy.distinctApprovers}
            onChange={(e) => setPolicy({ ...policy, distinctApprovers: e.target.checked })}
          />{' '}
          One person approves for one team per stage
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="policy.coordinatorMayApprove"
            checked={policy.coordinatorMayApprove}
            onChange={(e) => setPolicy({ ...policy, coordinatorMayApprove: e.target.checked })}
          />{' '}
          The launch’s coordinator may sign GO
        </label>
      </fieldset>
      <fieldset>
        <legend className="label">Items</legend>
        {messageFor(error, 'items') && <p className="field-error">{messageFor(error, 'items')}</p>}
        <StageTeamGrid
          cell={(stage, team) => (
            <>
              {rows.map((row, index) =>
                row.stage === stage && row.team === team ? (
                  <ItemCell
                    key={row.key}
                    row={row}
                    error={
                      messageFor(error, `items.${index}.title`) ??
                      messageFor(error, `items.${index}.stage`) ??
                      messageFor(error, `items.${index}.team`)
                    }
                    onChange={(change) => update(row.key, change)}
                    onRemove={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                  />
                ) : null,
              )}
              <button
                type="button"
                className="button small"
                onClick={() =>
                  setRows((all) => [
                    ...all,
                    { key: nextKey++, stage, team, title: '', required: true },
                  ])
                }
              >
                Add item
                <span className="visually-hidden">
                  {' '}
                  for {teamLabel(team)} in {stageLabel(stage)}
                </span>
              </button>
            </>
          )}
        />
      </fieldset>
      <FormActions
        busy={busy}
        submitLabel={busy ? 'Saving…' : mode === 'publish' ? 'Publish version' : 'Create template'}
        onCancel={props.onCancel}
      />
    </form>
  );
}

function ItemCell(props: {
  row: Row;
  error: string | undefined;
  onChange(change: Partial<Row>): void;
  onRemove(): void;
}) {
  const { row } = props;
  const label = `${teamLabel(row.team)} item in ${stageLabel(row.stage)}`;
  return (
    <div className="template-item">
      <input
        type="text"
        aria-label={`Title of ${label}`}
        value={row.title}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange({ title: e.target.value })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={row.required}
          onChange={(e) => props.onChange({ required: e.target.checked })}
        />{' '}
        Required
      </label>
      <button type="button" className="button small" onClick={props.onRemove}>
        Remove<span className="visually-hidden"> {row.title || label}</span>
      </button>
      {props.error && <p className="field-error">{props.error}</p>}
    </div>
  );
}
