import { useCallback, useEffect, useRef, useState } from 'react';
import { request, toApiError } from '../api/client';
import type { ApiError } from '../api/client';
import { LaunchEventsQuery } from '../api/operations';
import { formatDateTime, stageLabel, teamLabel } from '../format';
import type { LaunchEventsQuery as EventsResult } from '../gql/graphql';
import { useSession } from '../session';
import { ErrorMessage, Loading } from './ui';

type Connection = NonNullable<EventsResult['launch']>['events'];
type Edge = Connection['edges'][number];

const PAGE_SIZE = 50;

/**
 * The launch's events (actor, team, time, data), oldest first, a page at a time. Reloads
 * whatever was loaded whenever the launch's version moves on.
 */
export function AuditTrail(props: { launchKey: string; version: number }) {
  const { token } = useSession();
  const [edges, setEdges] = useState<Edge[]>([]);
  const [pageInfo, setPageInfo] = useState<Connection['pageInfo'] | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const loaded = useRef(PAGE_SIZE);

  const fetchPages = useCallback(
    async (after: string | null, wanted: number) => {
      const collected: Edge[] = [];
      let cursor = after;
      let info: Connection['pageInfo'] | null = null;
      do {
        const data = await request(
          LaunchEventsQuery,
          { key: props.launchKey, first: PAGE_SIZE, after: cursor },
          token,
        );
        const connection = data.launch?.events;
        if (!connection) break;
        collected.push(...connection.edges);
        info = connection.pageInfo;
        cursor = info.endCursor ?? null;
      } while (info?.hasNextPage && collected.length < wanted);
      return { collected, info };
    },
    [props.launchKey, token],
  );

  useEffect(() => {
    let stale = false;
    setBusy(true);
    fetchPages(null, loaded.current)
      .then(({ collected, info }) => {
        if (stale) return;
        setEdges(collected);
        setPageInfo(info);
        setError(undefined);
      })
      .catch((e: unknown) => !stale && setError(toApiError(e)))
      .finally(() => !stale && setBusy(false));
    return () => {
      stale = true;
    };
  }, [fetchPages, props.version]);

  const loadMore = async () => {
    if (!pageInfo?.endCursor) return;
    setBusy(true);
    try {
      const { collected, info } = await fetchPages(pageInfo.endCursor, 1);
      setEdges((previous) => [...previous, ...collected]);
      setPageInfo(info);
      loaded.current = edges.length + collected.length;
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit trail</h2>
      <ErrorMessage error={error} title="Could not load the audit trail" />
      {busy && edges.length === 0 && <Loading label="Loading events…" />}
      {!busy && !error && edges.length === 0 && <p className="muted">No events yet.</p>}
      {edges.length > 0 && (
        <div className="table-wrap">
          <table className="events">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Stage</th>
                <th scope="col">Team</th>
                <th scope="col">Actor</th>
                <th scope="col">Data</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => (
                <tr key={node.id}>
                  <td className="num">{node.sequence}</td>
                  <td className="nowrap">{formatDateTime(node.at)}</td>
                  <td>
                    <code>{node.type}</code>
                  </td>
                  <td className="nowrap">{stageLabel(node.stage)}</td>
                  <td>{node.team ? teamLabel(node.team) : '—'}</td>
                  <td>{node.actor ? node.actor.name : 'system'}</td>
                  <td>
                    <EventData data={node.data} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageInfo?.hasNextPage && (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={busy}>
          {busy ? 'Loading…' : 'Load more events'}
        </button>
      )}
    </section>
  );
}

function EventData({ data }: { data: unknown }) {
  if (data === null || data === undefined) return <span className="muted">—</span>;
  const compact = JSON.stringify(data);
  if (compact.length <= 120) return <code className="event-data">{compact}</code>;
  return (
    <details>
      <summary>
        <code className="event-data">{compact.slice(0, 80)}…</code>
      </summary>
      <pre className="event-data-full">{JSON.stringify(data, null, 2)}</pre>
    </details>
  );
}
