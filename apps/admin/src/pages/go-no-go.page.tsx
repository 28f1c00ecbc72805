import { useEffect, useState } from 'react';
import { GoNoGoQuery } from '../api/operations';
import { useLiveQuery } from '../api/live';
import { LeadTime } from '../components/early-access';
import { FreezeNotice } from '../components/freeze-notice';
import { OthersChangesNotice } from '../components/live-notice';
import { AdvanceButton } from '../components/launch-actions';
import { DecisionBadge, SignOffMeta, teamGateOf } from '../components/team-gate';
import {
  BlockedBadge,
  ErrorMessage,
  Loading,
  PageTitle,
  StageBadge,
  TeamChip,
} from '../components/ui';
import { formatDate, formatDateTime, isFinalStage, stageLabel, TEAMS, teamLabel } from '../format';
import type { GoNoGoQuery as GoNoGoResult, Team } from '../gql/graphql';
import { href } from '../router';

type Launch = NonNullable<GoNoGoResult['launch']>;

/**
 * The final gate meeting on one screen: the three decisions side by side, what is still
 * open, support's lead time, and one Advance button. Live: every change to the launch shows
 * at once (polling only while the socket is down).
 */
export function GoNoGoPage(props: { launchKey: string }) {
  const query = useLiveQuery(
    GoNoGoQuery,
    { key: props.launchKey },
    (event, data) => event.launchId === data?.launch?.id,
  );
  const launch = query.data?.launch;
  const [checkedAt, setCheckedAt] = useState<string | null>(null);
  useEffect(() => {
    if (query.data) setCheckedAt(new Date().toISOString());
  }, [query.data]);

  if (!launch) {
    return (
      <main className="page">
        {query.loading ? (
          <Loading label="Loading the go/no-go…" />
        ) : (
          <>
            <PageTitle>Launch not found</PageTitle>
            <ErrorMessage error={query.error} />
          </>
        )}
      </main>
    );
  }

  const { readiness } = launch;
  const blockingTeams = readiness.missing
    .filter((m) => m.kind === 'BLOCKED_BY_TEAM' && m.team)
    .map((m) => m.team as Team);
  // The final gate is the one into a final stage; a final launch has no gate left.
  const finalGate = !!readiness.nextStage && isFinalStage(readiness.nextStage);
  const ended = isFinalStage(launch.stage);

  return (
    <main className="page">
      <p className="breadcrumb">
        <a href={href({ name: 'launch', key: launch.key })}>← {launch.name}</a>
      </p>
      <div className="launch-title-row">
        <PageTitle>Go/no-go: {launch.name}</PageTitle>
        <StageBadge stage={launch.stage} />
        {launch.blocked && <BlockedBadge teams={blockingTeams} />}
      </div>
      <p className="muted">
        Target GA {formatDate(launch.targetGaDate)}
        {checkedAt && <> · last read {formatDateTime(checkedAt)}</>}
      </p>
      <OthersChangesNotice launchId={launch.id} />
      <ErrorMessage error={query.error} title="Could not refresh" />
      <FreezeNotice missing={readiness.missing} />
      {!finalGate && !ended && (
        <p className="notice notice-info">
          This view is made for the final gate (Support trained → GA). The launch is in{' '}
          {stageLabel(launch.stage)}, so it shows that gate instead.
        </p>
      )}
      {ended && (
        <p className="notice">
          This launch is {stageLabel(launch.stage)}: there is no gate left to decide.
        </p>
      )}

      {!ended && (
        <>
          <section className="gonogo-teams" aria-label="Team decisions">
            {TEAMS.map((team) => (
              <TeamDecision key={team} launch={launch} team={team} />
            ))}
          </section>

          <div className="gonogo-bottom">
            <section className="panel" aria-labelledby="lead-time-title">
              <h2 id="lead-time-title">Support lead time</h2>
              <p>
                <LeadTime
                  earlyAccess={launch.earlyAccess}
                  supportLeadDays={launch.supportLeadDays}
                />
              </p>
              {launch.earlyAccess && (
                <p className="muted">
                  Early access since {formatDateTime(launch.earlyAccess.grantedAt)}
                </p>
              )}
            </section>

            <section className="panel" aria-labelledby="gonogo-missing-title">
              <h2 id="gonogo-missing-title">Still open</h2>
              {readiness.missing.length === 0 ? (
                <p className="notice">Nothing: every rule of this gate is met.</p>
              ) : (
                <ul className="missing-list">
                  {readiness.missing.map((m, index) => (
                    <li key={`${m.kind}-${m.team ?? ''}-${m.itemId ?? index}`}>
                      {m.team ? (
                        <TeamChip team={m.team} />
                      ) : (
                        <span className="chip chip-none">Launch</span>
                      )}{' '}
                      {m.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          {launch.viewerCan.advance && (
            <section className="panel gonogo-advance" aria-label="Decision">
              <AdvanceButton
                launchId={launch.id}
                launchVersion={launch.version}
                nextStage={readiness.nextStage}
                canAdvance={readiness.canAdvance}
                missing={readiness.missing}
                overrideFreeze={launch.viewerCan.overrideFreeze}
                onChanged={() => query.refetch()}
                large
              />
            </section>
          )}
        </>
      )}
    </main>
  );
}

function TeamDecision({ launch, team }: { launch: Launch; team: Team }) {
  const signOff = teamGateOf(launch.readiness.stages, launch.stage, team)?.signOff;
  // The gate's own list of open required items: readiness.missing, CHECKLIST_ITEM, this team.
  const openItems = launch.readiness.missing.filter(
    (m) => m.kind === 'CHECKLIST_ITEM' && m.team === team,
  );
  const headingId = `decision-${team}`;
  return (
    <section
      className={`gonogo-team team-gate-${team.toLowerCase()}${
        signOff?.decision === 'NO_GO'
          ? ' gonogo-nogo'
          : signOff?.decision === 'GO'
            ? ' gonogo-go'
            : ''
      }`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{teamLabel(team)}</h2>
      <div className="gonogo-decision">
        <DecisionBadge signOff={signOff} />
      </div>
      <SignOffMeta signOff={signOff} />
      <h3 className="gonogo-subtitle">Open required items</h3>
      {openItems.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul className="gonogo-items">
          {openItems.map((m) => (
            <li key={m.itemId}>{m.item?.title ?? m.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
