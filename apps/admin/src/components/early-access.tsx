import { useState } from 'react';
import type { FormEvent } from 'react';
import { GrantEarlyAccessMutation } from '../api/operations';
import { useMutation } from '../api/use-api';
import { formatDateTime } from '../format';
import type { LaunchPageQuery } from '../gql/graphql';
import { ErrorMessage } from './ui';

type Launch = NonNullable<LaunchPageQuery['launch']>;

/** Lead days of early access against the launch's supportLeadDays, as the API judges them. */
export function LeadTime(props: {
  earlyAccess:
    { leadDaysElapsed: number; leadTimeMet: boolean; leadTimeMetAt: string } | null | undefined;
  supportLeadDays: number;
}) {
  const unit = props.supportLeadDays === 1 ? 'day' : 'days';
  if (!props.earlyAccess) {
    return (
      <span className="lead lead-missing">
        Early access not granted yet (support needs {props.supportLeadDays} {unit})
      </span>
    );
  }
  const { leadDaysElapsed, leadTimeMet, leadTimeMetAt } = props.earlyAccess;
  return (
    <span className={`lead ${leadTimeMet ? 'lead-met' : 'lead-short'}`}>
      {leadDaysElapsed} of {props.supportLeadDays} lead {unit}{' '}
      {leadTimeMet ? '— enough' : `— enough from ${formatDateTime(leadTimeMetAt)}`}
    </span>
  );
}

export function EarlyAccessPanel(props: { launch: Launch; onChanged(): Promise<void> }) {
  const { launch } = props;
  const earlyAccess = launch.earlyAccess;
  const [url, setUrl] = useState('');
  const [notes, setNotes] = useState('');
  const grant = useMutation(GrantEarlyAccessMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await grant.run({
      input: { launchId: launch.id, url: url.trim() || null, notes: notes.trim() || null },
    });
    await props.onChanged();
    if (result) {
      setUrl('');
      setNotes('');
    }
  };

  return (
    <section className="panel" aria-labelledby="early-access-title">
      <h2 id="early-access-title">Support early access</h2>
      {earlyAccess ? (
        <dl className="facts">
          <dt>Granted</dt>
          <dd>
            {formatDateTime(earlyAccess.grantedAt)} by {earlyAccess.grantedBy.name}
          </dd>
          <dt>Lead time</dt>
          <dd>
            <LeadTime earlyAccess={earlyAccess} supportLeadDays={launch.supportLeadDays} />
          </dd>
          {earlyAccess.url && (
            <>
              <dt>Where</dt>
              <dd>
                <a href={earlyAccess.url} target="_blank" rel="noreferrer noopener">
                  {earlyAccess.url}
                </a>
              </dd>
            </>
          )}
          {earlyAccess.notes && (
            <>
              <dt>Notes</dt>
              <dd className="pre-line">{earlyAccess.notes}</dd>
            </>
          )}
        </dl>
      ) : (
        <>
          <p>
            <LeadTime earlyAccess={null} supportLeadDays={launch.supportLeadDays} />
          </p>
          {launch.viewerCan.grantEarlyAccessRefusal && (
            <p className="help">{launch.viewerCan.grantEarlyAccessRefusal}</p>
          )}
        </>
      )}
      {launch.viewerCan.grantEarlyAccess && (
        <form className="stack" onSubmit={(e) => void onSubmit(e)} aria-label="Grant early access">
          <div className="field">
            <label htmlFor="early-access-url">Staging or preview URL (optional)</label>
            <input
              id="early-access-url"
              type="url"
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="early-access-notes">Notes for support (optional)</label>
            <textarea
              id="early-access-notes"
              rows={2}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
          <button type="submit" className="button primary" disabled={grant.busy}>
            Grant early access to support
          </button>
        </form>
      )}
      <ErrorMessage error={grant.error} />
    </section>
  );
}
