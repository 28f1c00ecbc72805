import { LaunchPageQuery } from '../api/operations';
import { useLiveQuery } from '../api/live';
import { useState } from 'react';
import { AuditTrail } from '../components/audit-trail';
import { Discussion } from '../components/discussion';
import { useLaunchHistory, type HistoryEvent } from '../components/launch-history';
import { FreezeNotice } from '../components/freeze-notice';
import { GateTimeSlider, PastGate } from '../components/gate-history';
import { ShipByPanel } from '../components/ship-by';
import { EarlyAccessPanel } from '../components/early-access';
import { LaunchOutcomePanel } from '../components/launch-outcome';
import { OthersChangesNotice } from '../components/live-notice';
import { AdvanceButton, CancelLaunch } from '../components/launch-actions';
import { LaunchChanges } from '../components/launch-changes';
import { ChecklistItemRow, itemPermissions } from '../components/checklist-item';
import { StageTimeline } from '../components/stage-timeline';
import { TeamGate } from '../components/team-gate';
import {
  BlockedBadge,
  ErrorMessage,
  Loading,
  PageTitle,
  ScoreBar,
  StageBadge,
  TeamChip,
} from '../components/ui';
import {
  formatDate,
  formatDateTime,
  formatRelative,
  isFinalStage,
  stageLabel,
  TEAMS,
} from '../format';
import type { LaunchPageQuery as LaunchResult, Team } from '../gql/graphql';
import { href } from '../router';
import { TemplateLink } from '../components/approvals';

type Launch = NonNullable<LaunchResult['launch']>;

export function LaunchPage(props: { launchKey: string }) {
  const query = useLiveQuery(
    LaunchPageQuery,
    { key: props.launchKey },
    (event, data) => event.launchId === data?.launch?.id,
  );
  const launch = query.data?.launch;
  const history = useLaunchHistory(props.launchKey, launch?.version ?? 0);
  const [respondTo, setRespondTo] = useState<string | null>(null);

  if (!launch) {
    return (
      <main className="page">
        <p>
          <a href={href({ name: 'board' })}>← Board</a>
        </p>
        {query.loading ? (
          <Loading label="Loading launch…" />
        ) : (
          <>
            <PageTitle>Launch not found</PageTitle>
            <ErrorMessage error={query.error} />
            {!query.error && (
              <p>
                No launch has the key <code>{props.launchKey}</code>.
              </p>
            )}
          </>
        )}
      </main>
    );
  }

  const refresh = () => query.refetch();
  return (
    <main className="page">
      <p className="breadcrumb">
        <a href={href({ name: 'board' })}>← Board</a>
      </p>
      <LaunchHeader launch={launch} />
      <OthersChangesNotice launchId={launch.id} />
      <ErrorMessage error={query.error} title="Could not refresh this launch" />
      <StageTimeline stage={launch.stage} stages={launch.readiness.stages} />
      {launch.stage === 'GA' && (
        <LaunchOutcomePanel launchKey={launch.key} launchName={launch.name} />
      )}
      <FreezeNotice missing={launch.readiness.missing} />
      <ActionsPanel launch={launch} onChanged={refresh} />
      <LaunchChanges launch={launch} onChanged={refresh} />
      <MissingPanel launch={launch} />
      {!isFinalStage(launch.stage) && (
        <ShipByPanel launchKey={launch.key} launchVersion={launch.version} />
      )}
      <CurrentGate
        launch={launch}
        events={history.events}
        onChanged={refresh}
        onRespond={launch.viewerCan.comment ? setRespondTo : undefined}
      />
      <EarlyAccessPanel launch={launch} onChanged={refresh} />
      <OtherStages launch={launch} onChanged={refresh} />
      <Discussion
        launchId={launch.id}
        events={history.events}
        canComment={launch.viewerCan.comment}
        respondTo={respondTo}
        onPosted={() => {
          setRespondTo(null);
          return refresh();
        }}
      />
      <AuditTrail launchKey={launch.key} events={history.events} error={history.error} />
    </main>
  );
}

function LaunchHeader({ launch }: { launch: Launch }) {
  const blockingTeams = launch.readiness.missing
    .filter((m) => m.kind === 'BLOCKED_BY_TEAM' && m.team)
    .map((m) => m.team as Team);
  return (
    <header className="launch-header">
      <div className="launch-title-row">
        <PageTitle>{launch.name}</PageTitle>
        <StageBadge stage={launch.stage} />
        {launch.blocked && <BlockedBadge teams={blockingTeams} />}
      </div>
      {launch.description && <p className="launch-description pre-line">{launch.description}</p>}
      <dl className="facts facts-row">
        <div>
          <dt>Key</dt>
          <dd>
            <code>{launch.key}</code>
          </dd>
        </div>
        <div>
          <dt>Coordinator</dt>
          <dd>{launch.coordinator.name}</dd>
        </div>
        <div>
          <dt>Target GA</dt>
          <dd>{formatDate(launch.targetGaDate)}</dd>
        </div>
        <div>
          <dt>Support lead days</dt>
          <dd>{launch.supportLeadDays}</dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>
            <TemplateLink template={launch.checklistTemplate} />
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <time dateTime={launch.updatedAt} title={formatDateTime(launch.updatedAt)}>
              {formatRelative(launch.updatedAt)}
            </time>
          </dd>
        </div>
        <div className="facts-score">
          <dt>Readiness</dt>
          <dd>
            <ScoreBar score={launch.readiness.score} />
          </dd>
        </div>
      </dl>
    </header>
  );
}

function ActionsPanel({ launch, onChanged }: { launch: Launch; onChanged(): Promise<void> }) {
  const can = launch.viewerCan;
  const final = isFinalStage(launch.stage);
  return (
    <section className="panel actions-panel" aria-label="Launch actions">
      {can.advance && (
        <AdvanceButton
          launchId={launch.id}
          launchVersion={launch.version}
          nextStage={launch.readiness.nextStage}
          canAdvance={launch.readiness.canAdvance}
          missing={launch.readiness.missing}
          overrideFreeze={can.overrideFreeze}
          onChanged={onChanged}
        />
      )}
      {!final && (
        <a className="button" href={href({ name: 'goNoGo', key: launch.key })}>
          Go/no-go view
        </a>
      )}
      {can.cancel && (
        <CancelLaunch launchId={launch.id} launchVersion={launch.version} onChanged={onChanged} />
      )}
      {final && (
        <p className="muted">This launch is {stageLabel(launch.stage)}: it no longer changes.</p>
      )}
    </section>
  );
}

function MissingPanel({ launch }: { launch: Launch }) {
  const { readiness } = launch;
  if (!readiness.nextStage) return null;
  return (
    <section className="panel" aria-labelledby="missing-title">
      <h2 id="missing-title">What’s missing for {stageLabel(readiness.nextStage)}</h2>
      {readiness.missing.length === 0 ? (
        <p className="notice">Nothing: the gate is met and the launch can advance.</p>
      ) : (
        <ul className="missing-list">
          {readiness.missing.map((m, index) => (
            <li key={`${m.kind}-${m.team ?? ''}-${m.itemId ?? index}`}>
              {m.team ? <TeamChip team={m.team} /> : <span className="chip chip-none">Launch</span>}{' '}
              {m.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The current gate, live, with a slider over the launch's events that shows the gates as
 * they stood at any of them (read-only) until "Back to now".
 */
function CurrentGate({
  launch,
  events,
  onChanged,
  onRespond,
}: {
  launch: Launch;
  events: HistoryEvent[] | undefined;
  onChanged(): Promise<void>;
  onRespond: ((signOffId: string) => void) | undefined;
}) {
  const [position, setPosition] = useState<number | null>(null);
  const final = isFinalStage(launch.stage);
  const past = position === null ? undefined : events?.[position];
  if (final && !events?.length) return null;
  return (
    <section className="gate" aria-labelledby="gate-title">
      <h2 id="gate-title">
        {final ? 'Gates' : `${stageLabel(launch.stage)} gate`}
        {!final && launch.readiness.nextStage && (
          <span className="muted"> → {stageLabel(launch.readiness.nextStage)}</span>
        )}
      </h2>
      {events && events.length > 0 && (
        <GateTimeSlider events={events} position={position} onChange={setPosition} />
      )}
      {past ? (
        <PastGate
          launchKey={launch.key}
          asOf={past.at}
          onBackToNow={() => {
            setPosition(null);
            document.getElementById('gate-as-of')?.focus();
          }}
        />
      ) : final ? (
        <p className="muted">
          This launch is {stageLabel(launch.stage)}: move the slider to see its gates as they stood.
        </p>
      ) : (
        <div className="gate-columns">
          {TEAMS.map((team) => (
            <TeamGate
              key={team}
              launch={launch}
              team={team}
              onChanged={onChanged}
              onRespond={onRespond}
            />
          ))}
        </div>
      )}
    </section>
  );
}

/** Items of the other stages, with whatever buttons viewerCan.items gives them. */
function OtherStages({ launch, onChanged }: { launch: Launch; onChanged(): Promise<void> }) {
  const stages = launch.readiness.stages.filter(
    ({ stage }) => stage !== launch.stage && launch.checklist.some((item) => item.stage === stage),
  );
  if (stages.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="other-stages-title">
      <h2 id="other-stages-title">Checklists of other stages</h2>
      {stages.map(({ stage, doneItems, requiredItems }) => (
        <details key={stage} className="stage-details">
          <summary>
            {stageLabel(stage)}: {doneItems}/{requiredItems} required done
          </summary>
          <ul className="items">
            {launch.checklist
              .filter((item) => item.stage === stage)
              .map((item) => (
                <ChecklistItemRow
                  key={item.id}
                  item={item}
                  launchVersion={launch.version}
                  can={itemPermissions(launch, item.id)}
                  showTeam
                  onChanged={onChanged}
                />
              ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
