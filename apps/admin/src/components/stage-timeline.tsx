import { STAGE_ORDER, stageLabel } from '../format';
import type { Stage } from '../gql/graphql';

interface StageCount {
  stage: Stage;
  requiredItems: number;
  doneItems: number;
}

/** PLANNING → … → GA, each step marked done, current or next (CANCELLED stops the line). */
export function StageTimeline(props: { stage: Stage; stages: ReadonlyArray<StageCount> }) {
  const cancelled = props.stage === 'CANCELLED';
  const current = STAGE_ORDER.indexOf(props.stage);
  return (
    // Focusable: on a narrow screen the timeline scrolls sideways, and keyboards must reach it.
    <nav aria-label="Stages" className="timeline-wrap" tabIndex={0}>
      <ol className={`timeline${cancelled ? ' timeline-cancelled' : ''}`}>
        {STAGE_ORDER.map((stage, index) => {
          const state = cancelled
            ? 'future'
            : index < current
              ? 'done'
              : index === current
                ? 'current'
                : index === current + 1
                  ? 'next'
                  : 'future';
          const count = props.stages.find((s) => s.stage === stage);
          const stateText =
            state === 'done'
              ? 'done'
              : state === 'current'
                ? 'current stage'
                : state === 'next'
                  ? 'next'
                  : '';
          return (
            <li
              key={stage}
              className={`timeline-step timeline-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="timeline-dot" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="timeline-label">{stageLabel(stage)}</span>
              {stateText && <span className="timeline-state">{stateText}</span>}
              {count && count.requiredItems > 0 && (
                <span className="timeline-count">
                  {count.doneItems}/{count.requiredItems} items
                </span>
              )}
            </li>
          );
        })}
        {cancelled && (
          <li className="timeline-step timeline-current" aria-current="step">
            <span className="timeline-dot" aria-hidden="true">
              ✕
            </span>
            <span className="timeline-label">Cancelled</span>
            <span className="timeline-state">final</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
