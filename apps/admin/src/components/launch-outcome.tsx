import { LaunchOutcomeQuery } from '../api/outcome-operations';
import { useQuery } from '../api/use-api';
import { formatDate } from '../format';
import { TicketsChart } from './tickets-chart';
import { ErrorMessage, Loading } from './ui';

/** A GA launch's support tickets around GA: the counts, the control and the daily chart. */
export function LaunchOutcomePanel(props: { launchKey: string; launchName: string }) {
  const query = useQuery(LaunchOutcomeQuery, { key: props.launchKey, windowDays: 14 });
  const launch = query.data?.launch;
  const outcome = launch?.outcome;
  return (
    <section className="panel" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Support tickets around GA</h2>
      <ErrorMessage error={query.error} title="Could not load the outcome" />
      {query.loading && !outcome && <Loading label="Loading tickets…" />}
      {outcome?.gaAt && (
        <>
          <dl className="facts facts-row outcome-facts">
            <div>
              <dt>{outcome.windowDays} days before GA</dt>
              <dd>{outcome.ticketsBefore}</dd>
            </div>
            <div>
              <dt>{outcome.windowDays} days after GA</dt>
              <dd>
                {outcome.ticketsAfter}
                {!outcome.complete && <span className="muted"> so far</span>}
              </dd>
            </div>
            <div>
              <dt>Whole organization, before / after</dt>
              <dd>
                {outcome.allTicketsBefore} / {outcome.allTicketsAfter}
              </dd>
            </div>
            <div>
              <dt>Window</dt>
              <dd>
                {outcome.complete
                  ? 'complete'
                  : `complete on ${formatDate(new Date(Date.parse(outcome.gaAt) + outcome.windowDays * 86_400_000).toISOString())}`}
              </dd>
            </div>
          </dl>
          <TicketsChart
            daily={outcome.daily}
            gaAt={outcome.gaAt}
            earlyAccessAt={launch?.earlyAccess?.grantedAt ?? null}
            launchName={props.launchName}
          />
          <details className="chart-table">
            <summary>Tickets per day as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Day (UTC)</th>
                  <th scope="col">Tickets</th>
                </tr>
              </thead>
              <tbody>
                {outcome.daily.map((d) => (
                  <tr key={d.day}>
                    <td>{d.day}</td>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
