import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { Stage, Team } from '../gql/graphql';
import { percent, stageLabel, teamLabel } from '../format';

/** Every server error, shown as the server wrote it (and the unmet rules it lists). */
export function ErrorMessage(props: { error: ApiError | undefined; title?: string; id?: string }) {
  const { error } = props;
  if (!error) return null;
  const missing = error.missing;
  return (
    <div className="error" role="alert" id={props.id}>
      {props.title && <strong>{props.title}</strong>}
      <ul className="error-messages">
        {error.errors.map((e, index) => (
          <li key={index}>
            {e.message}
            {e.extensions?.code && <span className="error-code"> ({e.extensions.code})</span>}
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <>
          <p className="error-missing-title">The server says these are still missing:</p>
          <ul className="missing-list" aria-label="Missing, according to the server">
            {missing.map((m, index) => (
              <li key={index}>
                {m.team && <TeamChip team={m.team as Team} />} {m.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {props.label ?? 'Loading…'}
    </p>
  );
}

export function TeamChip(props: { team: Team; children?: ReactNode }) {
  return (
    <span className={`chip chip-team chip-${props.team.toLowerCase()}`}>
      {props.children ?? teamLabel(props.team)}
    </span>
  );
}

export function StageBadge(props: { stage: Stage }) {
  return (
    <span className={`chip chip-stage chip-stage-${props.stage.toLowerCase()}`}>
      {stageLabel(props.stage)}
    </span>
  );
}

export function BlockedBadge(props: { teams: Team[] }) {
  const by = props.teams.map(teamLabel).join(', ');
  return <span className="badge-blocked">BLOCKED{by ? ` by ${by}` : ''}</span>;
}

export function ScoreBar(props: { score: number; label?: string }) {
  const value = percent(props.score);
  return (
    <div className="score">
      <div
        className="score-bar"
        role="progressbar"
        aria-label={props.label ?? 'Readiness'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% of required items done`}
      >
        <div className="score-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="score-value">{value}%</span>
    </div>
  );
}

/** A page's main heading; takes focus when the page opens so screen readers announce it. */
export function PageTitle(props: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {props.children}
    </h1>
  );
}

/** Requirements as the server words them, under a heading; nothing when there are none. */
export function RequirementList(props: {
  title: string;
  requirements: ReadonlyArray<{ kind: string; team?: Team | null; message: string }>;
}) {
  if (props.requirements.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul className="missing-list">
        {props.requirements.map((r, index) => (
          <li key={`${r.kind}-${r.team ?? ''}-${index}`}>
            {r.team ? <TeamChip team={r.team} /> : <span className="chip chip-none">Launch</span>}{' '}
            {r.message}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The value, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
