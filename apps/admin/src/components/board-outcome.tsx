import { useMemo } from 'react';
import { BoardOutcomesQuery } from '../api/outcome-operations';
import { useQuery } from '../api/use-api';

export interface CardOutcomeFacts {
  complete: boolean;
  ticketsAfter: number;
  template: string;
  cohortMedian: number | null;
}

/** GA launches' first-window ticket counts by key, each with its cohort's median. */
export function useBoardOutcomes(): ReadonlyMap<string, CardOutcomeFacts> {
  const query = useQuery(BoardOutcomesQuery, {});
  const data = query.data;
  return useMemo(() => {
    const medians = new Map(
      (data?.outcomeReport.cohorts ?? []).map((c) => [c.name, c.medianTicketsAfter ?? null]),
    );
    return new Map(
      (data?.launches.edges ?? []).map(({ node }) => [
        node.key,
        {
          complete: node.outcome.complete,
          ticketsAfter: node.outcome.ticketsAfter,
          template: node.template,
          cohortMedian: medians.get(node.template) ?? null,
        },
      ]),
    );
  }, [data]);
}

/** On a GA card: tickets in the first 14 days once they are over, beside the cohort's median. */
export function CardOutcome(props: { facts: CardOutcomeFacts | undefined }) {
  const facts = props.facts;
  if (!facts) return null;
  if (!facts.complete) {
    return <p className="card-outcome muted">First 14 days after GA still running</p>;
  }
  return (
    <p className="card-outcome">
      <strong>{facts.ticketsAfter}</strong> tickets in 14 days
      {facts.cohortMedian !== null && (
        <span className="muted">
          {' '}
          · {facts.template} median{' '}
          {Number.isInteger(facts.cohortMedian)
            ? facts.cohortMedian
            : facts.cohortMedian.toFixed(1)}
        </span>
      )}
    </p>
  );
}
