import type { EntityManager } from 'typeorm';
import { runStatement, type BatchStatement } from '../database/write-batch.repository.js';

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
 * NOTIFY inside the change's transaction: PostgreSQL delivers it to every listening API
 * process only once the change has committed, in commit order.
 */
export async function notifyCommitted(tx: EntityManager, range: CommittedRange): Promise<void> {
  await runStatement(tx, notifyStatement(range));
}

/** The NOTIFY as a statement of the change's batch of writes. */
export function notifyStatement(range: CommittedRange): BatchStatement {
  return { sql: `SELECT pg_notify($1, $2)`, params: [EVENTS_CHANNEL, JSON.stringify(range)] };
}
