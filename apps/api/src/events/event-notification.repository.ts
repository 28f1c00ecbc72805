import type { BatchStatement } from '../database/write-batch.repository.js';

/** What a NOTIFY says: one committed change of one launch. */
export interface CommittedRange {
  /** launch id */
  l: string;
  /** first and last sequence of the change */
  from: number;
  to: number;
}

/** The NOTIFY channel: every committed change announces `{ l: launchId, from, to }`. */
export const EVENTS_CHANNEL = 'liftoff_events';

/**
 * The NOTIFY, a statement of the change's batch of writes: PostgreSQL delivers it to every
 * listening API process only once the change has committed, in commit order.
 */
export function notifyStatement(range: CommittedRange): BatchStatement {
  return { sql: `SELECT pg_notify($1, $2)`, params: [EVENTS_CHANNEL, JSON.stringify(range)] };
}
