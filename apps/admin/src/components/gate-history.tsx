import { ReadinessAsOfQuery } from '../api/freeze.operations';
import { useQuery } from '../api/use-api';
import { formatDateTime, stageLabel, TEAMS } from '../format';
import type { HistoryEvent } from './launch-history';
import { TeamGateColumn, teamGateOf } from './team-gate';
import { ErrorMessage, Loading, RequirementList, useDebounced } from './ui';

/** How long the slider must rest before the past readiness is asked for. */
const SLIDER_DEBOUNCE_MS = 250;

const eventText = (event: HistoryEvent) => `${formatDateTime(event.at)}: ${event.summary}`;

/**
 * A range over the launch's events, the last position being now (live). Keyboard: arrows
 * step one event, Home and End jump to the first event and to now.
 */
export function GateTimeSlider(props: {
  events: readonly HistoryEvent[];
  /** An index into events, or null for now. */
  position: number | null;
  onChange(position: number | null): void;
}) {
  const { events, position } = props;
  const now = events.length;
  const event = position === null ? undefined : events[position];
  const text = event ? eventText(event) : 'Now (live)';
  return (
    <div className="field gate-slider">
      <label htmlFor="gate-as-of">Gates as of</label>
      <input
        id="gate-as-of"
        type="range"
        min={0}
        max={now}
        step={1}
        value={position ?? now}
        aria-valuetext={text}
        aria-describedby="gate-as-of-text"
        onChange={(e) => {
          const value = Number(e.target.value);
          props.onChange(value >= now ? null : value);
        }}
      />
      <p id="gate-as-of-text" className="muted small">
        {text}
      </p>
    </div>
  );
}

/** The gates as they stood at `asOf` (the API's readiness(asOf)), read-only. */
export function PastGate(props: { launchKey: string; asOf: string; onBackToNow(): void }) {
  // While the slider is dragged only the resting position is asked for.
  const asOf = useDebounced(props.asOf, SLIDER_DEBOUNCE_MS);
  const query = useQuery(ReadinessAsOfQuery, { key: props.launchKey, asOf });
  const readiness = query.data?.launch?.readiness;
  const settled = asOf === props.asOf && !query.loading;

  return (
    <div className="past-gate">
      <div className="past-marker" role="status">
        <strong>As of {formatDateTime(props.asOf)} — not live</strong>
        <button type="button" className="button small" onClick={props.onBackToNow}>
          Back to now
        </button>
      </div>
      <ErrorMessage error={query.error} title="Could not read the gates as they stood" />
      {!settled && <Loading label="Reading the gates as they stood…" />}
      {readiness && settled && (
        <>
          <h3>
            {stageLabel(readiness.stage)}
            {readiness.nextStage && <> → {stageLabel(readiness.nextStage)}</>}
            {readiness.canAdvance && <span className="chip chip-ready">Gate met</span>}
          </h3>
          {readiness.nextStage && (
            <div className="gate-columns">
              {TEAMS.map((team) => (
                <TeamGateColumn
                  key={team}
                  team={team}
                  gate={teamGateOf(readiness.stages, readiness.stage, team)}
                  headingId={`past-gate-${team}`}
                  Heading="h4"
                />
              ))}
            </div>
          )}
          {readiness.missing.length > 0 ? (
            <RequirementList title="What was missing" requirements={readiness.missing} />
          ) : (
            readiness.nextStage && <p className="muted">Nothing was missing.</p>
          )}
        </>
      )}
    </div>
  );
}
