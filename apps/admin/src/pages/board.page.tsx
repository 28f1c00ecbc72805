import { useEffect, useState } from 'react';
import { request, toApiError } from '../api/client';
import type { ApiError } from '../api/client';
import { useLiveQuery } from '../api/live';
import { BoardQuery, ViewerCanQuery } from '../api/operations';
import { useQuery } from '../api/use-api';
import { CardOutcome, useBoardOutcomes, type CardOutcomeFacts } from '../components/board-outcome';
import { FreezeBadge } from '../components/freeze-notice';
import {
  BlockedBadge,
  ErrorMessage,
  Loading,
  PageTitle,
  ScoreBar,
  StageBadge,
  TeamChip,
  useDebounced,
} from '../components/ui';
import {
  BOARD_COLUMNS,
  formatDate,
  formatRelative,
  isFinalStage,
  percent,
  stageLabel,
  TEAMS,
  teamLabel,
  teamsToMove,
} from '../format';
import type { BoardQuery as BoardResult, LaunchFilter, Stage, Team } from '../gql/graphql';
import { href } from '../router';
import { useSession } from '../session';

const PAGE_SIZE = 50;
/** Below this width the board is a list with what needs attention first. */
const PHONE_QUERY = '(max-width: 640px)';

type Edge = BoardResult['launches']['edges'][number];
type Card = Edge['node'];
type View = 'board' | 'list';
type Sort = 'attention' | 'target' | 'updated' | 'name' | 'readiness';

const SORTS: Record<Sort, string> = {
  attention: 'Needs attention (blocked first)',
  target: 'Target GA date',
  updated: 'Last change',
  name: 'Name',
  readiness: 'Readiness (least ready first)',
};

/** The board's view, sort and filters: kept in the URL (#/?view=list&blocked=1) to share. */
interface BoardParams {
  view: View;
  sort: Sort;
  q: string;
  stage: Stage | '';
  team: Team | '';
  coordinator: string;
  blocked: boolean;
  atRisk: boolean;
}

function readParams(): BoardParams {
  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const phone = window.matchMedia?.(PHONE_QUERY).matches ?? false;
  const view = query.get('view');
  const sort = query.get('sort') as Sort | null;
  const stage = query.get('stage') as Stage | null;
  const team = query.get('team') as Team | null;
  return {
    view: view === 'list' || view === 'board' ? view : phone ? 'list' : 'board',
    sort: sort && sort in SORTS ? sort : 'attention',
    q: query.get('q') ?? '',
    stage: stage && (BOARD_COLUMNS as readonly string[]).includes(stage) ? stage : '',
    team: team && (TEAMS as readonly string[]).includes(team) ? team : '',
    coordinator: query.get('coordinator') ?? '',
    blocked: query.get('blocked') === '1',
    atRisk: query.get('atRisk') === '1',
  };
}

function writeParams(params: BoardParams): void {
  const query = new URLSearchParams();
  query.set('view', params.view);
  if (params.sort !== 'attention') query.set('sort', params.sort);
  if (params.q) query.set('q', params.q);
  if (params.stage) query.set('stage', params.stage);
  if (params.team) query.set('team', params.team);
  if (params.coordinator) query.set('coordinator', params.coordinator);
  if (params.blocked) query.set('blocked', '1');
  if (params.atRisk) query.set('atRisk', '1');
  // Replaced, not pushed: the back button leaves the board instead of undoing each filter.
  window.history.replaceState(null, '', `#/?${query.toString()}`);
}

/** The NO_GOs standing on the launch's current stage, with their reasons and times. */
function blocksOf(launch: Card) {
  return launch.signOffs.filter((s) => s.stage === launch.stage && s.decision === 'NO_GO');
}

function attentionRank(launch: Card): number {
  if (launch.blocked) return 0;
  if (launch.atRisk) return 1;
  return 2;
}

const byTarget = (a: Card, b: Card) =>
  (a.targetGaDate ?? '9999').localeCompare(b.targetGaDate ?? '9999');

const SORTERS: Record<Sort, (a: Card, b: Card) => number> = {
  attention: (a, b) => attentionRank(a) - attentionRank(b) || byTarget(a, b),
  target: byTarget,
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  name: (a, b) => a.name.localeCompare(b.name),
  readiness: (a, b) => a.readiness.score - b.readiness.score,
};

export function BoardPage() {
  const { token } = useSession();
  const [params, setParams] = useState(readParams);
  const update = (patch: Partial<BoardParams>) => {
    const next = { ...params, ...patch };
    writeParams(next);
    setParams(next);
  };
  // A shared link opened on a board already showing: take its view and filters.
  useEffect(() => {
    const onChange = () => setParams(readParams());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const debouncedSearch = useDebounced(params.q.trim(), 300);
  const can = useQuery(ViewerCanQuery, {}).data?.viewerCan;

  // Stage, blocked and search are the server's filters; the rest narrow the loaded launches.
  const filter: LaunchFilter = {};
  if (debouncedSearch) filter.search = debouncedSearch;
  if (params.blocked) filter.blocked = true;
  if (params.stage) filter.stage = params.stage;
  const variables = { filter, first: PAGE_SIZE };
  const filterKey = JSON.stringify(variables);
  // Any launch's change can move a card: the first page is read again on every event.
  const firstPage = useLiveQuery(BoardQuery, variables, () => true);
  const outcomes = useBoardOutcomes();

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
  const loaded = connection ? [...connection.edges, ...extra.edges].map((e) => e.node) : [];
  const pageInfo = extra.pageInfo ?? connection?.pageInfo;
  const coordinators = [
    ...new Map(loaded.map((l) => [l.coordinator.id, l.coordinator.name])).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const launches = loaded
    .filter(
      (l) =>
        (!params.team || teamsToMove(l.readiness.missing).includes(params.team)) &&
        (!params.coordinator || l.coordinator.id === params.coordinator) &&
        (!params.atRisk || l.atRisk),
    )
    .sort(SORTERS[params.sort]);

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

  const filtered =
    !!debouncedSearch ||
    params.blocked ||
    params.atRisk ||
    !!params.stage ||
    !!params.team ||
    !!params.coordinator;

  return (
    <main className="page page-wide">
      <div className="page-head">
        <PageTitle>Launch board</PageTitle>
        {can?.createLaunch && (
          <a className="button primary" href={href({ name: 'create' })}>
            New launch
          </a>
        )}
      </div>

      <form className="filters board-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="view-switch">
          <legend className="visually-hidden">View</legend>
          {(['board', 'list'] as const).map((view) => (
            <label key={view} className={`toggle${params.view === view ? ' toggle-on' : ''}`}>
              <input
                type="radio"
                name="board-view"
                value={view}
                checked={params.view === view}
                onChange={() => update({ view })}
              />
              {view === 'board' ? 'Board' : 'List'}
            </label>
          ))}
        </fieldset>
        <div className="field field-inline">
          <label htmlFor="board-search">Search</label>
          <input
            id="board-search"
            type="search"
            placeholder="Name or key"
            value={params.q}
            onChange={(e) => update({ q: e.target.value })}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="board-stage">Stage</label>
          <select
            id="board-stage"
            value={params.stage}
            onChange={(e) => update({ stage: e.target.value as Stage | '' })}
          >
            <option value="">All stages</option>
            {BOARD_COLUMNS.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabel(stage)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="board-team">Waiting on</label>
          <select
            id="board-team"
            value={params.team}
            onChange={(e) => update({ team: e.target.value as Team | '' })}
          >
            <option value="">Any team</option>
            {TEAMS.map((team) => (
              <option key={team} value={team}>
                {teamLabel(team)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="board-coordinator">Coordinator</label>
          <select
            id="board-coordinator"
            value={params.coordinator}
            onChange={(e) => update({ coordinator: e.target.value })}
          >
            <option value="">Anyone</option>
            {coordinators.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={params.blocked}
            onChange={(e) => update({ blocked: e.target.checked })}
          />
          Blocked only
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={params.atRisk}
            onChange={(e) => update({ atRisk: e.target.checked })}
          />
          At risk only
        </label>
        {params.view === 'list' && (
          <div className="field field-inline">
            <label htmlFor="board-sort">Sort by</label>
            <select
              id="board-sort"
              value={params.sort}
              onChange={(e) => update({ sort: e.target.value as Sort })}
            >
              {(Object.keys(SORTS) as Sort[]).map((sort) => (
                <option key={sort} value={sort}>
                  {SORTS[sort]}
                </option>
              ))}
            </select>
          </div>
        )}
        {connection && (
          <p className="muted board-count" aria-live="polite">
            Showing {launches.length} of {connection.totalCount}{' '}
            {connection.totalCount === 1 ? 'launch' : 'launches'}
          </p>
        )}
      </form>

      <ErrorMessage error={firstPage.error} title="Could not load launches" />
      {firstPage.loading && !connection && <Loading label="Loading launches…" />}

      {connection && launches.length === 0 && (
        <div className="empty">
          {filtered ? (
            <p>No launches match this filter.</p>
          ) : (
            <p>
              No launches yet.{' '}
              {can?.createLaunch && <a href={href({ name: 'create' })}>Create the first one</a>}
            </p>
          )}
        </div>
      )}

      {launches.length > 0 && params.view === 'board' && (
        <div className="board" aria-busy={firstPage.loading}>
          {BOARD_COLUMNS.map((stage) => {
            const cards = launches.filter((launch) => launch.stage === stage);
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
                    {cards.map((launch) => (
                      <LaunchCard
                        key={launch.id}
                        launch={launch}
                        outcome={outcomes.get(launch.key)}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}

      {launches.length > 0 && params.view === 'list' && <LaunchList launches={launches} />}

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

/** Blocked, at risk, early access, frozen: what a glance at a launch should tell. */
function Badges({ launch }: { launch: Card }) {
  const blockingTeams = blocksOf(launch).map((b) => b.team);
  return (
    <span className="badges">
      {launch.blocked && <BlockedBadge teams={blockingTeams} />}
      {launch.atRisk && <span className="badge-risk">At risk</span>}
      {launch.earlyAccess && <span className="badge-early">Early access</span>}
      <FreezeBadge missing={launch.readiness.missing} />
    </span>
  );
}

/** Each standing block's reason and age ("Support: “Macros missing” · 3 days ago"). */
function BlockReasons({ launch }: { launch: Card }) {
  const blocks = blocksOf(launch);
  if (blocks.length === 0) return null;
  return (
    <ul className="block-reasons">
      {blocks.map((block) => (
        <li key={block.team}>
          <strong>{teamLabel(block.team)}:</strong> “{block.comment}”{' '}
          <span className="muted">
            · blocked <time dateTime={block.signedAt}>{formatRelative(block.signedAt)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

function WaitingOn({ launch }: { launch: Card }) {
  const missing = launch.readiness.missing;
  const toMove = isFinalStage(launch.stage) ? [] : teamsToMove(missing);
  const nextStage = launch.readiness.nextStage;
  if (isFinalStage(launch.stage)) return null;
  if (launch.readiness.canAdvance && nextStage)
    return <span className="chip chip-ready">Ready for {stageLabel(nextStage)}</span>;
  if (toMove.length > 0)
    return (
      <>
        <span className="card-move-label">Waiting on</span>
        {toMove.map((team) => (
          <TeamChip key={team} team={team} />
        ))}
      </>
    );
  if (missing.length > 0)
    return <span className="card-move-label">Waiting on the coordinator or time</span>;
  return null;
}

function LaunchCard({ launch, outcome }: { launch: Card; outcome?: CardOutcomeFacts }) {
  return (
    <li className={`card${launch.blocked ? ' card-blocked' : ''}`} data-launch-key={launch.key}>
      <h3 className="card-title">
        <a href={href({ name: 'launch', key: launch.key })}>{launch.name}</a>
      </h3>
      <p className="card-key">
        <code>{launch.key}</code>
      </p>
      <Badges launch={launch} />
      <BlockReasons launch={launch} />
      <dl className="card-facts">
        <dt>Target GA</dt>
        <dd>
          {formatDate(launch.targetGaDate)}
          {launch.targetGaDate && (
            <span className="muted"> ({formatRelative(launch.targetGaDate)})</span>
          )}
        </dd>
      </dl>
      <ScoreBar score={launch.readiness.score} label={`Readiness of ${launch.name}`} />
      {launch.stage === 'GA' && <CardOutcome facts={outcome} />}
      <div className="card-move">
        <WaitingOn launch={launch} />
      </div>
    </li>
  );
}

function LaunchList({ launches }: { launches: Card[] }) {
  return (
    <div className="table-wrap">
      <table className="launch-list">
        <caption className="visually-hidden">Launches</caption>
        <thead>
          <tr>
            <th scope="col">Launch</th>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col">Target GA</th>
            <th scope="col">Readiness</th>
            <th scope="col">Waiting on</th>
            <th scope="col">Coordinator</th>
          </tr>
        </thead>
        <tbody>
          {launches.map((launch) => (
            <tr key={launch.id} data-launch-key={launch.key}>
              <th scope="row">
                <a href={href({ name: 'launch', key: launch.key })}>{launch.name}</a>
              </th>
              <td>
                <StageBadge stage={launch.stage} />
              </td>
              <td>
                <Badges launch={launch} />
                <BlockReasons launch={launch} />
              </td>
              <td className="nowrap">
                {formatDate(launch.targetGaDate)}
                {launch.targetGaDate && (
                  <div className="muted small">{formatRelative(launch.targetGaDate)}</div>
                )}
              </td>
              <td className="num">{percent(launch.readiness.score)}%</td>
              <td>
                <WaitingOn launch={launch} />
              </td>
              <td>{launch.coordinator.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
