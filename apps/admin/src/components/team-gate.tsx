import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { SignOffMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { decisionLabel, formatDateTime, stageLabel, teamLabel } from '../format';
import type { Decision, LaunchPageQuery, Stage, Team, TeamGatePartsFragment } from '../gql/graphql';
import { Approvals } from './approvals';
import { ChecklistItemRow, itemPermissions } from './checklist-item';
import { ErrorMessage } from './ui';

type Launch = NonNullable<LaunchPageQuery['launch']>;
type SignOffOptions = Launch['viewerCan']['signOffs'][number];

/** A team's part of a stage's gate, as readiness serves it (counts and ACTIVE sign-off). */
export function teamGateOf(
  stages: ReadonlyArray<{ stage: Stage; teams: ReadonlyArray<TeamGatePartsFragment> }>,
  stage: Stage,
  team: Team,
): TeamGatePartsFragment | undefined {
  return stages.find((s) => s.stage === stage)?.teams.find((t) => t.team === team);
}

/** A team's decision on the current stage, or that it has not signed yet. */
export function DecisionBadge(props: {
  signOff: Pick<NonNullable<TeamGatePartsFragment['signOff']>, 'decision'> | null | undefined;
}) {
  if (!props.signOff) return <span className="chip chip-none">No sign-off yet</span>;
  return (
    <span className={`chip ${props.signOff.decision === 'GO' ? 'chip-go' : 'chip-nogo'}`}>
      {decisionLabel(props.signOff.decision)}
    </span>
  );
}

/** The signer and comment of a team's ACTIVE sign-off. */
export function SignOffMeta(props: { signOff: TeamGatePartsFragment['signOff'] | undefined }) {
  const { signOff } = props;
  if (!signOff) return null;
  return (
    <p className="signoff-meta">
      {signOff.signedBy.name}, {formatDateTime(signOff.signedAt)}
      {signOff.comment && <q className="signoff-comment">{signOff.comment}</q>}
    </p>
  );
}

/**
 * A team's column of a gate: its heading, counts, decision, signer and approvals, as the
 * live gate and a past one both show them; the live gate adds its action and items.
 */
export function TeamGateColumn(props: {
  team: Team;
  gate: TeamGatePartsFragment | undefined;
  headingId: string;
  Heading: 'h3' | 'h4';
  signOffAction?: ReactNode;
  children?: ReactNode;
}) {
  const { team, gate, headingId, Heading } = props;
  return (
    <section className={`team-gate team-gate-${team.toLowerCase()}`} aria-labelledby={headingId}>
      <header className="team-gate-head">
        <Heading id={headingId}>{teamLabel(team)}</Heading>
        {gate && (
          <span className="muted">
            {gate.doneItems}/{gate.requiredItems} required done
          </span>
        )}
      </header>
      <div className="team-signoff">
        <DecisionBadge signOff={gate?.signOff} />
        <SignOffMeta signOff={gate?.signOff} />
        {gate && <Approvals gate={gate} />}
        {props.signOffAction}
      </div>
      {props.children}
    </section>
  );
}

/** One team's column of the current gate: its items, its sign-off, and its buttons. */
export function TeamGate(props: {
  launch: Launch;
  team: Team;
  onChanged(): Promise<void>;
  /** Given when the viewer may comment: a NO_GO card then offers to answer it. */
  onRespond?: ((signOffId: string) => void) | undefined;
}) {
  const { launch, team } = props;
  const stage = launch.stage;
  const items = launch.checklist.filter((i) => i.stage === stage && i.team === team);
  const gate = teamGateOf(launch.readiness.stages, stage, team);
  const options = launch.viewerCan.signOffs.find((o) => o.team === team);

  return (
    <TeamGateColumn
      team={team}
      gate={gate}
      headingId={`gate-${team}`}
      Heading="h3"
      signOffAction={
        gate?.signOff?.decision === 'NO_GO' &&
        props.onRespond && (
          <button
            type="button"
            className="button small"
            onClick={() => gate.signOff && props.onRespond?.(gate.signOff.id)}
          >
            Respond<span className="visually-hidden"> to {teamLabel(team)}’s NO-GO</span>
          </button>
        )
      }
    >
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
              can={itemPermissions(launch, item.id)}
              onChanged={props.onChanged}
            />
          ))}
        </ul>
      )}

      {options && (
        <SignOffForm
          launchId={launch.id}
          launchVersion={launch.version}
          options={options}
          onChanged={props.onChanged}
        />
      )}
    </TeamGateColumn>
  );
}

/** What the comment label says is required, in the server's terms (SignOffOptions). */
function commentNeed(options: SignOffOptions): string {
  if (options.commentRequiredForGo && options.commentRequiredForNoGo) return ' (required)';
  if (options.commentRequiredForGo) return ' (required for GO)';
  if (options.commentRequiredForNoGo) return ' (required for NO-GO)';
  return ' (optional)';
}

function SignOffForm(props: {
  launchId: string;
  launchVersion: number;
  options: SignOffOptions;
  onChanged(): Promise<void>;
}) {
  const { team, go, goRefusal } = props.options;
  const [comment, setComment] = useState('');
  const signOff = useMutation(SignOffMutation);
  const [busy, setBusy] = useState(false);
  const commentId = `signoff-${team}-comment`;
  const errorId = `signoff-${team}-error`;
  const goHelpId = `signoff-${team}-go-help`;
  // A refusal naming the comment is shown at the comment; any other below the buttons.
  const commentError = signOff.error?.field === 'comment' ? signOff.error : undefined;

  const sign = async (decision: Decision) => {
    setBusy(true);
    const result = await signOff.run({
      input: {
        launchId: props.launchId,
        team,
        decision,
        comment: comment.trim(),
        expectedVersion: props.launchVersion,
      },
    });
    await props.onChanged();
    setBusy(false);
    if (result) setComment('');
    else document.getElementById(commentId)?.focus();
  };

  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <form className="signoff-form" onSubmit={onSubmit} aria-label={`Sign for ${teamLabel(team)}`}>
      <div className="field">
        <label htmlFor={commentId}>Sign-off comment{commentNeed(props.options)}</label>
        <textarea
          id={commentId}
          rows={2}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            if (commentError) signOff.reset();
          }}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? errorId : undefined}
        />
        {commentError && (
          <p id={errorId} className="field-error">
            {commentError.message}
          </p>
        )}
      </div>
      <div className="signoff-buttons">
        <button
          type="button"
          className="button go"
          disabled={busy || !go}
          aria-describedby={goRefusal ? goHelpId : undefined}
          onClick={() => void sign('GO')}
        >
          Sign GO for {teamLabel(team)}
        </button>
        <button
          type="button"
          className="button nogo"
          disabled={busy}
          onClick={() => void sign('NO_GO')}
        >
          Sign NO-GO for {teamLabel(team)}
        </button>
      </div>
      {goRefusal && (
        <p id={goHelpId} className="help">
          {goRefusal}
        </p>
      )}
      <ErrorMessage error={commentError ? undefined : signOff.error} />
    </form>
  );
}
