import { useState } from 'react';
import type { ApiError } from '../api/client';
import { formatDateTime, formatRelative, stageLabel, TEAMS, teamLabel } from '../format';
import type { Team } from '../gql/graphql';
import type { HistoryEvent } from './launch-history';
import { ErrorMessage, Loading } from './ui';

/** Event types in words, for the filter. */
const TYPE_LABELS: Record<string, string> = {
  CREATED: 'Created',
  UPDATED: 'Edited',
  ITEM_ADDED: 'Item added',
  ITEM_COMPLETED: 'Item completed',
  ITEM_REOPENED: 'Item reopened',
  ITEM_WAIVED: 'Item waived',
  SIGNED_GO: 'GO',
  SIGNED_NO_GO: 'NO-GO',
  ADVANCED: 'Advanced',
  CANCELLED: 'Cancelled',
  EARLY_ACCESS_GRANTED: 'Early access',
  COMMENTED: 'Comment',
  BLOCK_ESCALATED: 'Escalation',
  AT_RISK: 'At risk',
  SUPPORT_HEADS_UP: 'Support heads-up',
};

const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;

/** One CSV field, quoted when it must be (RFC 4180), and never read as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function downloadCsv(launchKey: string, events: HistoryEvent[]) {
  const header = ['sequence', 'at', 'type', 'stage', 'team', 'actor', 'summary'];
  const rows = events.map((e) => [
    String(e.sequence),
    e.at,
    e.type,
    e.stage,
    e.team ?? '',
    e.actor?.name ?? '',
    e.summary,
  ]);
  const text = [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob([`${text}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${launchKey}-audit-trail.csv`;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The launch's history as sentences (the server's: names, titles, old and new values),
 * filtered by type and team, and exported as CSV.
 */
export function AuditTrail(props: {
  launchKey: string;
  events: HistoryEvent[] | undefined;
  error: ApiError | undefined;
}) {
  const [type, setType] = useState('');
  const [team, setTeam] = useState<Team | ''>('');
  const events = props.events ?? [];
  const types = [...new Set(events.map((e) => e.type))];
  const shown = events.filter((e) => (!type || e.type === type) && (!team || e.team === team));

  return (
    <section className="panel" aria-labelledby="audit-title">
      <div className="panel-head">
        <h2 id="audit-title">Audit trail</h2>
        <button
          type="button"
          className="button small"
          disabled={shown.length === 0}
          onClick={() => downloadCsv(props.launchKey, shown)}
        >
          Export CSV
        </button>
      </div>
      <ErrorMessage error={props.error} title="Could not load the audit trail" />
      {!props.events && !props.error && <Loading label="Loading events…" />}
      <div className="filters">
        <div className="field field-inline">
          <label htmlFor="audit-type">Type</label>
          <select id="audit-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All types</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="audit-team">Team</label>
          <select
            id="audit-team"
            value={team}
            onChange={(e) => setTeam(e.target.value as Team | '')}
          >
            <option value="">All teams</option>
            {TEAMS.map((t) => (
              <option key={t} value={t}>
                {teamLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted small" role="status">
          {shown.length} of {events.length} events
        </p>
      </div>
      {shown.length > 0 && (
        <ol className="trail" aria-label="Events, oldest first">
          {shown.map((event) => (
            <li key={event.id} className={`trail-event trail-${event.type.toLowerCase()}`}>
              <span className="trail-what">{event.summary}</span>
              <span className="trail-meta muted small">
                <time dateTime={event.at} title={formatDateTime(event.at)}>
                  {formatRelative(event.at)}
                </time>
                {' · '}
                {typeLabel(event.type)} · {stageLabel(event.stage)}
                {event.team && <> · {teamLabel(event.team)}</>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
