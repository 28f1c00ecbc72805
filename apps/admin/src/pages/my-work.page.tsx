import { useLiveQuery } from '../api/live';
import { MyWorkQuery } from '../api/operations';
import { ErrorMessage, Loading, PageTitle, StageBadge, TeamChip } from '../components/ui';
import { formatDateTime, formatRelative } from '../format';
import { href } from '../router';
import { useSession } from '../session';

const KIND_LABELS: Record<string, string> = {
  CHECKLIST_ITEM: 'Finish an item',
  SIGN_OFF: 'Sign off',
  LIFT_BLOCK: 'Lift your NO-GO',
  ADVANCE: 'Advance',
  LAUNCH_FIELD: 'Complete the launch',
};

/**
 * What the open gates wait on from the signed-in person, oldest first. The server decides
 * what waits on whom (libs/workflow's rules); this page only lists it.
 */
export function MyWorkPage() {
  const { me } = useSession();
  const query = useLiveQuery(MyWorkQuery, {}, () => true);
  const work = query.data?.myWork;
  return (
    <main className="page">
      <PageTitle>My work</PageTitle>
      <p className="muted">
        What the gates wait on from {me.name}
        {me.teams.length > 0 ? ' and your teams' : ''}, oldest first.
      </p>
      <ErrorMessage error={query.error} title="Could not load your work" />
      {!work ? (
        query.loading && <Loading label="Loading your work…" />
      ) : work.length === 0 ? (
        <p className="notice">Nothing waits on you right now.</p>
      ) : (
        <ol className="work-list" aria-label="Waiting on you">
          {work.map((w, index) => (
            <li
              key={`${w.launch.id}-${w.kind}-${w.item?.id ?? w.team ?? index}`}
              className="work-item"
            >
              <div className="work-head">
                <strong className="work-kind">{KIND_LABELS[w.kind] ?? w.kind}</strong>
                {w.team && <TeamChip team={w.team} />}
                <a href={href({ name: 'launch', key: w.launch.key })}>{w.launch.name}</a>
                <StageBadge stage={w.stage} />
                {w.launch.blocked && <span className="badge-blocked">BLOCKED</span>}
              </div>
              <p className="work-message">{w.message}</p>
              <p className="muted small">
                Waiting since{' '}
                <time dateTime={w.waitingSince} title={formatDateTime(w.waitingSince)}>
                  {formatRelative(w.waitingSince)}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
