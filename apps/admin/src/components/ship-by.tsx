import { useEffect, useRef, useState } from 'react';
import { LaunchPlanQuery } from '../api/freeze.operations';
import { useQuery } from '../api/use-api';
import { endOfLocalDay, formatDateTime, formatRelative, stageLabel, timeZoneName } from '../format';
import { ErrorMessage, Loading, RequirementList, TeamChip } from './ui';

/**
 * "Ship by": pick a day and the API's plan says whether GA can happen by its end (in the
 * person's time zone), the earliest GA, when early access must be granted, and what is open.
 */
export function ShipByPanel(props: { launchKey: string; launchVersion: number }) {
  const [day, setDay] = useState('');
  const gaBy = day ? endOfLocalDay(day) : null;
  return (
    <section className="panel ship-by" aria-labelledby="ship-by-title">
      <h2 id="ship-by-title">Ship by</h2>
      <div className="field field-inline">
        <label htmlFor="ship-by-date">GA by the end of</label>
        <input
          id="ship-by-date"
          type="date"
          value={day}
          aria-describedby="ship-by-help"
          onChange={(e) => setDay(e.target.value)}
        />
      </div>
      <p id="ship-by-help" className="help">
        The plan assumes every open item and sign-off is done now; the day ends at midnight in your
        time zone ({timeZoneName()}).
      </p>
      {gaBy && (
        <PlanResult launchKey={props.launchKey} gaBy={gaBy} launchVersion={props.launchVersion} />
      )}
    </section>
  );
}

function PlanResult(props: { launchKey: string; gaBy: string; launchVersion: number }) {
  const query = useQuery(LaunchPlanQuery, { key: props.launchKey, gaBy: props.gaBy });
  const { refetch } = query;
  // The plan depends on the launch: read it again whenever the launch moves on.
  const planned = useRef(props.launchVersion);
  useEffect(() => {
    if (planned.current === props.launchVersion) return;
    planned.current = props.launchVersion;
    void refetch();
  }, [props.launchVersion, refetch]);
  const plan = query.data?.launch?.plan;
  const earliest = plan && (
    <time className="plan-earliest" dateTime={plan.earliestGaAt}>
      {formatDateTime(plan.earliestGaAt)}
    </time>
  );

  return (
    <div className="plan" aria-live="polite">
      <ErrorMessage error={query.error} title="No plan for that date" />
      {query.loading && !plan && <Loading label="Planning…" />}
      {plan && (
        <>
          {plan.feasible ? (
            <p className="notice plan-verdict">
              <strong>Feasible:</strong> GA by {formatDateTime(plan.gaBy)} is possible; the earliest
              GA is {earliest} ({formatRelative(plan.earliestGaAt)}).
            </p>
          ) : (
            <p className="plan-verdict plan-infeasible">
              <strong>Not feasible:</strong> the earliest GA is {earliest} (
              {formatRelative(plan.earliestGaAt)}), after {formatDateTime(plan.gaBy)}.
            </p>
          )}
          {plan.earlyAccessBy && (
            <p>
              Grant support early access by <strong>{formatDateTime(plan.earlyAccessBy)}</strong>.
            </p>
          )}
          <RequirementList title="What stands in the way" requirements={plan.obstacles} />
          <RequirementList title="Must sign again before GA" requirements={plan.reconfirm} />
          {plan.stages.length > 0 && (
            <>
              <h3>Open work per stage</h3>
              <ul className="plan-stages">
                {plan.stages.map((stage) => (
                  <li key={stage.stage}>
                    <strong>{stageLabel(stage.stage)}</strong>: {stage.doneItems}/
                    {stage.requiredItems} required done
                    <ul className="plain plan-teams">
                      {stage.teams.map((team) => (
                        <li key={team.team}>
                          <TeamChip team={team.team} /> {team.doneItems}/{team.requiredItems} items
                          · {team.approvals}/{team.approvalsNeeded} GO
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
