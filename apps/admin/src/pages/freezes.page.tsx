import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../api/client';
import {
  CreateFreezeWindowMutation,
  EndFreezeWindowMutation,
  FreezeWindowsQuery,
} from '../api/freeze.operations';
import { useMutation, useQuery } from '../api/use-api';
import { ErrorMessage, Loading, PageTitle, StageBadge } from '../components/ui';
import {
  ENTERABLE_STAGES,
  formatDateTime,
  formatRelative,
  fromLocalInput,
  stageLabel,
  timeZoneName,
  toLocalInput,
} from '../format';
import type { FreezeWindowPartsFragment, Stage } from '../gql/graphql';

/**
 * The freeze calendar: windows in effect now and upcoming, soonest first (the server's
 * order). Whoever viewerCan.manageFreezeWindows allows declares and ends them here.
 */
export function FreezesPage() {
  const windows = useQuery(FreezeWindowsQuery, {});
  const [ended, setEnded] = useState<string | null>(null);
  const canManage = windows.data?.viewerCan.manageFreezeWindows ?? false;

  return (
    <main className="page">
      <PageTitle>Freeze windows</PageTitle>
      <p className="help">
        Inside a window no launch may enter the stages it freezes. Times are in your time zone (
        {timeZoneName()}).
      </p>
      {canManage && <CreateFreezeForm onCreated={() => windows.refetch()} />}
      <section aria-labelledby="freeze-list-title">
        <h2 id="freeze-list-title">Current and upcoming</h2>
        {ended && (
          <p className="notice" role="status">
            Ended the freeze “{ended}”.
          </p>
        )}
        <ErrorMessage error={windows.error} title="Could not load the freeze windows" />
        {windows.loading && !windows.data && <Loading label="Loading freeze windows…" />}
        {windows.data?.freezeWindows.length === 0 && (
          <p className="muted">No freeze is in effect or planned.</p>
        )}
        {windows.data && windows.data.freezeWindows.length > 0 && (
          <ul className="freeze-list">
            {windows.data.freezeWindows.map((freeze) => (
              <FreezeCard
                key={freeze.id}
                freeze={freeze}
                canEnd={canManage}
                onEnded={async () => {
                  setEnded(freeze.name);
                  await windows.refetch();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

/** When a window applies, in words: "in effect until …" or "from … to …". */
function FreezeWhen({ freeze }: { freeze: FreezeWindowPartsFragment }) {
  const now = Date.now();
  const end = freeze.endedAt ?? freeze.endsAt;
  const time = (iso: string) => (
    <time dateTime={iso} title={formatRelative(iso, now)}>
      {formatDateTime(iso)}
    </time>
  );
  if (Date.parse(freeze.startsAt) <= now) {
    return (
      <p className="freeze-when">
        <span className="badge-freeze">In effect</span> since {time(freeze.startsAt)}, until{' '}
        {time(end)} (ends {formatRelative(end, now)})
      </p>
    );
  }
  return (
    <p className="freeze-when">
      <span className="chip chip-none">Upcoming</span> from {time(freeze.startsAt)} (
      {formatRelative(freeze.startsAt, now)}) to {time(end)}
    </p>
  );
}

function FreezeCard(props: {
  freeze: FreezeWindowPartsFragment;
  canEnd: boolean;
  onEnded(): Promise<void>;
}) {
  const { freeze } = props;
  const [confirming, setConfirming] = useState(false);
  const end = useMutation(EndFreezeWindowMutation);
  const headingId = `freeze-${freeze.id}`;

  const onEnd = async () => {
    const result = await end.run({ id: freeze.id });
    if (result) await props.onEnded();
  };

  return (
    <li className="card freeze-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{freeze.name}</h3>
      <FreezeWhen freeze={freeze} />
      <p>
        Freezes{' '}
        {freeze.stages.map((stage) => (
          <StageBadge key={stage} stage={stage} />
        ))}
      </p>
      {freeze.reason && <p className="pre-line">{freeze.reason}</p>}
      <p className="muted small">
        Declared by {freeze.createdBy.name}, {formatDateTime(freeze.createdAt)}
        {freeze.endedAt && (
          <>
            {' '}
            · ended by {freeze.endedBy?.name ?? 'someone'}, {formatDateTime(freeze.endedAt)}
          </>
        )}
      </p>
      {props.canEnd && !freeze.endedAt && (
        <div className="item-actions">
          {confirming ? (
            <>
              <span>End “{freeze.name}” now? Launches may then enter its stages.</span>
              <button
                type="button"
                className="button danger"
                disabled={end.busy}
                onClick={() => void onEnd()}
              >
                End freeze
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              End now<span className="visually-hidden"> “{freeze.name}”</span>
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={end.error} title="The freeze was not ended" />
    </li>
  );
}

/** The server's message for one input field (named bare or as input.field), if it named it. */
function fieldMessage(error: ApiError | undefined, field: string): string | undefined {
  const named = error?.field;
  if (!error || !named || (named !== field && !named.endsWith(`.${field}`))) return undefined;
  return error.errors.map((e) => e.message).join(' ');
}

function CreateFreezeForm(props: { onCreated(): Promise<void> }) {
  const create = useMutation(CreateFreezeWindowMutation);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date()));
  const [endsAt, setEndsAt] = useState('');
  const [stages, setStages] = useState<Stage[]>(['GA']);
  const [created, setCreated] = useState<string | null>(null);
  const error = create.error;
  const fields = ['name', 'reason', 'startsAt', 'endsAt', 'stages'] as const;
  const messages = Object.fromEntries(fields.map((f) => [f, fieldMessage(error, f)]));
  // A refusal that names none of the fields is shown above the form.
  const general = error && !fields.some((f) => messages[f]) ? error : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const result = await create.run({
      input: {
        name,
        reason: reason.trim() || null,
        // An unreadable date goes as typed, so the server names the field.
        startsAt: fromLocalInput(startsAt) ?? startsAt,
        endsAt: fromLocalInput(endsAt) ?? endsAt,
        stages,
      },
    });
    if (!result) return;
    setCreated(name);
    setName('');
    setReason('');
    setEndsAt('');
    await props.onCreated();
  };

  const fieldProps = (field: (typeof fields)[number]) => ({
    id: `freeze-${field}`,
    'aria-invalid': messages[field] ? true : undefined,
    'aria-describedby': messages[field] ? `freeze-${field}-error` : undefined,
  });
  const fieldError = (field: (typeof fields)[number]) =>
    messages[field] && (
      <p id={`freeze-${field}-error`} className="field-error">
        {messages[field]}
      </p>
    );

  return (
    <form
      className="stack card freeze-form"
      aria-labelledby="freeze-form-title"
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id="freeze-form-title">Declare a freeze</h2>
      {created && (
        <p className="notice" role="status">
          Declared the freeze “{created}”.
        </p>
      )}
      <ErrorMessage error={general} title="The freeze was not declared" />
      <div className="field">
        <label htmlFor="freeze-name">Name *</label>
        <input
          {...fieldProps('name')}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="freeze-reason">Reason (optional)</label>
        <textarea
          {...fieldProps('reason')}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {fieldError('reason')}
      </div>
      <div className="freeze-times">
        <div className="field">
          <label htmlFor="freeze-startsAt">Starts *</label>
          <input
            {...fieldProps('startsAt')}
            type="datetime-local"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
          {fieldError('startsAt')}
        </div>
        <div className="field">
          <label htmlFor="freeze-endsAt">Ends *</label>
          <input
            {...fieldProps('endsAt')}
            type="datetime-local"
            required
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
          />
          {fieldError('endsAt')}
        </div>
      </div>
      <fieldset
        className="freeze-stages"
        aria-describedby={messages.stages ? 'freeze-stages-error' : undefined}
      >
        <legend>Stages no launch may enter meanwhile</legend>
        {ENTERABLE_STAGES.map((stage) => (
          <label key={stage} className="checkbox">
            <input
              type="checkbox"
              checked={stages.includes(stage)}
              onChange={(e) =>
                setStages(
                  e.target.checked
                    ? ENTERABLE_STAGES.filter((s) => s === stage || stages.includes(s))
                    : stages.filter((s) => s !== stage),
                )
              }
            />
            {stageLabel(stage)}
          </label>
        ))}
        {fieldError('stages')}
      </fieldset>
      <button type="submit" className="button primary" disabled={create.busy}>
        Declare freeze
      </button>
    </form>
  );
}
