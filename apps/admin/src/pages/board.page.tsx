import { useEffect, useState } from 'react';
import { request, toApiError } from '../api/client';
import type { ApiError } from '../api/client';
import { BoardQuery } from '../api/operations';
import { useLiveQuery } from '../api/live';
import {
  BlockedBadge,
  ErrorMessage,
  Loading,
  PageTitle,
  ScoreBar,
  TeamChip,
} from '../components/ui';
import { BOARD_COLUMNS, formatDate, isFinalStage, stageLabel, teamsToMove } from '../format';
import type { BoardQuery as BoardResult, LaunchFilter, Team } from '../gql/graphql';
import { href } from '../router';
import { useSession } from '../session';

const PAGE_SIZE = 50;

type Edge = BoardResult['launches']['edges'][number];
type Card = Edge['node'];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function BoardPage() {
  const { token } = useSession();
  const [search, setSearch] = useState('');
  const [blockedOnly, setBlockedOnly] = useState(false);
  const debouncedSearch = useDebounced(search.trim(), 300);

  const filter: LaunchFilter = {};
  if (debouncedSearch) filter.search = debouncedSearch;
  if (blockedOnly) filter.blocked = true;
  const variables = { filter, first: PAGE_SIZE };
  const filterKey = JSON.stringify(variables);
  // Any launch's change can move a card: the first page is read again on every event.
  const firstPage = useLiveQuery(BoardQuery, variables, () => true);

  // Pages after the first, fetched by cursor; dropped whenever the filter changes.
  const [more, setMore] = useState<{
    filterKey: string;
    edges: Edge[];
    pageInfo?: BoardResult['launches']['pageInfo'];
  }>({ filterKey, edges: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>();
  const extra = more.filterKey === filterKey ? more : { filterKey, edges: [], pageInfo: undefined };

  const connection = firstPage.data?.launches;
  const edges = connection ? [...connection.edges, ...extra.edges] : [];
  const pageInfo = extra.pageInfo ?? connection?.pageInfo;

  const loadMore = async () => {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const data = await request(BoardQuery, { ...variables, after: pageInfo.endCursor }, token);
      setMore({
        filterKey,
        edges: [...extra.edges, ...data.launches.edges],
        pageInfo: data.launches.pageInfo,
      });
    } catch (error) {
      setMoreError(toApiError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const filtered = !!debouncedSearch || blockedOnly;

  return (
    <main className="page page-wide">
      <div className="page-head">
        <PageTitle>Launch board</PageTitle>
        <a className="button primary" href={href({ name: 'create' })}>
          New launch
        </a>
      </div>

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-inline">
          <label htmlFor="board-search">Search</label>
          <input
            id="board-search"
            type="search"
            placeholder="Name or key"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={blockedOnly}
            onChange={(e) => setBlockedOnly(e.target.checked)}
          />
          Blocked only
        </label>
        {connection && (
          <p className="muted board-count" aria-live="polite">
            Showing {edges.length} of {connection.totalCount}{' '}
            {connection.totalCount === 1 ? 'launch' : 'launches'}
          </p>
        )}
      </form>

      <ErrorMessage error={firstPage.error} title="Could not load launches" />
      {firstPage.loading && !connection && <Loading label="Loading launches…" />}

      {connection && edges.length === 0 && (
        <div className="empty">
          {filtered ? (
            <p>No launches match this filter.</p>
          ) : (
            <p>
              No launches yet. <a href={href({ name: 'create' })}>Create the first one</a>.
            </p>
          )}
        </div>
      )}

      {edges.length > 0 && (
        <div className="board" aria-busy={firstPage.loading}>
          {BOARD_COLUMNS.map((stage) => {
            const cards = edges.filter((edge) => edge.node.stage === stage);
            return (
              <section
                key={stage}
                className="board-column"
                aria-labelledby={`column-${stage}`}
                data-stage={stage}
              >
                <h2 id={`column-${stage}`} className="board-column-title">
                  {stageLabel(stage)} <span className="count">{cards.length}</span>
                </h2>
                {cards.length === 0 ? (
                  <p className="board-empty">None</p>
                ) : (
                  <ul className="cards">
                    {cards.map((edge) => (
                      <LaunchCard key={edge.node.id} launch={edge.node} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}

      <ErrorMessage error={moreError} title="Could not load more launches" />
      {pageInfo?.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => void loadMore()}
            disabled={loadingMore}
          >
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </main>
  );
}

function LaunchCard({ launch }: { launch: Card }) {
  const missing = launch.readiness.missing;
  const blockingTeams = missing
    .filter((m) => m.kind === 'BLOCKED_BY_TEAM' && m.team)
    .map((m) => m.team as Team);
  const final = isFinalStage(launch.stage);
  const toMove = final ? [] : teamsToMove(missing);
  const nextStage = launch.readiness.nextStage;

  return (
    <li className={`card${launch.blocked ? ' card-blocked' : ''}`} data-launch-key={launch.key}>
      <h3 className="card-title">
        <a href={href({ name: 'launch', key: launch.key })}>{launch.name}</a>
      </h3>
      <p className="card-key">
        <code>{launch.key}</code>
      </p>
      {launch.blocked && <BlockedBadge teams={blockingTeams} />}
      <dl className="card-facts">
        <dt>Target GA</dt>
        <dd>{formatDate(launch.targetGaDate)}</dd>
      </dl>
      <ScoreBar score={launch.readiness.score} label={`Readiness of ${launch.name}`} />
      {!final && (
        <div className="card-move">
          {launch.readiness.canAdvance && nextStage ? (
            <span className="chip chip-ready">Ready for {stageLabel(nextStage)}</span>
          ) : toMove.length > 0 ? (
            <>
              <span className="card-move-label">Waiting on</span>
              {toMove.map((team) => (
                <TeamChip key={team} team={team} />
              ))}
            </>
          ) : missing.length > 0 ? (
            <span className="card-move-label">Waiting on the coordinator or time</span>
          ) : null}
        </div>
      )}
    </li>
  );
}
