import { useState } from 'react';
import type { FormEvent } from 'react';
import { SignOffMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { decisionLabel, formatDateTime, stageLabel, teamLabel } from '../format';
import type { Decision, LaunchPageQuery, Team } from '../gql/graphql';
import { ChecklistItemRow } from './checklist-item';
import { ErrorMessage } from './ui';

type Launch = NonNullable<LaunchPageQuery['launch']>;
type SignOff = Launch['signOffs'][number];

/** A team's decision on the current stage, or that it has not signed yet. */
export function DecisionBadge(props: { signOff: Pick<SignOff, 'decision'> | undefined }) {
  if (!props.signOff) return <span className="chip chip-none">No sign-off yet</span>;
  return (
    <span className={`chip ${props.signOff.decision === 'GO' ? 'chip-go' : 'chip-nogo'}`}>
      {decisionLabel(props.signOff.decision)}
    </span>
  );
}

/** One team's column of the current gate: its items, its sign-off, and its buttons. */
export function TeamGate(props: { launch: Launch; team: Team; onChanged(): Promise<void> }) {
  const { launch, team } = props;
  const stage = launch.stage;
  const items = launch.checklist.filter((i) => i.stage === stage && i.team === team);
  const required = items.filter((i) => i.required);
  const done = required.filter((i) => i.status !== 'OPEN');
  const signOff = launch.signOffs.find(
    (s) => s.stage === stage && s.team === team && s.status === 'ACTIVE',
  );
  const can = launch.viewerCan;
  const headingId = `gate-${team}`;

  return (
    <section className={`team-gate team-gate-${team.toLowerCase()}`} aria-labelledby={headingId}>
      <header className="team-gate-head">
        <h3 id={headingId}>{teamLabel(team)}</h3>
        <span className="muted">
          {done.length}/{required.length} required done
        </span>
      </header>

      <div className="team-signoff">
        <DecisionBadge signOff={signOff} />
        {signOff && (
          <p className="signoff-meta">
            {signOff.signedBy.name}, {formatDateTime(signOff.signedAt)}
            {signOff.comment && <q className="signoff-comment">{signOff.comment}</q>}
          </p>
        )}
      </div>

      {items.length === 0 ? (
        <p className="muted">
          No items for {teamLabel(team)} in {stageLabel(stage)}.
        </p>
      ) : (
        <ul className="items">
          {items.map((item) => (
            <ChecklistItemRow
              key={item.id}
              item={item}
              launchVersion={launch.version}
              canComplete={can.completeFor.includes(team)}
              canReopen={can.reopenFor.includes(team)}
              canWaive={can.waive}
              onChanged={props.onChanged}
            />
          ))}
        </ul>
      )}

      {can.signFor.includes(team) && (
        <SignOffForm
          launchId={launch.id}
          launchVersion={launch.version}
          team={team}
          onChanged={props.onChanged}
        />
      )}
    </section>
  );
}

function SignOffForm(props: {
  launchId: string;
  launchVersion: number;
  team: Team;
  onChanged(): Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const signOff = useMutation(SignOffMutation);
  const [busy, setBusy] = useState(false);
  const commentId = `signoff-${props.team}-comment`;
  const errorId = `signoff-${props.team}-error`;

  const sign = async (decision: Decision) => {
    if (decision === 'NO_GO' && !comment.trim()) {
      setLocalError('A NO-GO needs a comment saying what must change.');
      document.getElementById(commentId)?.focus();
      return;
    }
    setLocalError(null);
    setBusy(true);
    const result = await signOff.run({
      input: {
        launchId: props.launchId,
        team: props.team,
        decision,
        comment: comment.trim() || null,
        expectedVersion: props.launchVersion,
      },
    });
    await props.onChanged();
    setBusy(false);
    if (result) setComment('');
  };

  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <form
      className="signoff-form"
      onSubmit={onSubmit}
      aria-label={`Sign for ${teamLabel(props.team)}`}
    >
      <div className="field">
        <label htmlFor={commentId}>Sign-off comment (required for NO-GO)</label>
        <textarea
          id={commentId}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={localError ? true : undefined}
          aria-describedby={localError ? errorId : undefined}
        />
        {localError && (
          <p id={errorId} className="field-error">
            {localError}
          </p>
        )}
      </div>
      <div className="signoff-buttons">
        <button type="button" className="button go" disabled={busy} onClick={() => void sign('GO')}>
          Sign GO for {teamLabel(props.team)}
        </button>
        <button
          type="button"
          className="button nogo"
          disabled={busy}
          onClick={() => void sign('NO_GO')}
        >
          Sign NO-GO for {teamLabel(props.team)}
        </button>
      </div>
      <ErrorMessage error={signOff.error} />
    </form>
  );
}
