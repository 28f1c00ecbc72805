import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  isBlocked,
  persistSnapshot,
  replay,
  signOffHistory,
  stateOf,
  type DomainEvent,
  type LaunchState,
  type SignOffState,
} from '#workflow';
import { eventHash } from './event-chain.js';
import { LaunchAuditRepository } from './launch-audit.repository.js';

export interface VerifyReport {
  launchId: string;
  key: string | null;
  events: number;
  problems: string[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Rebuilds a launch from its events and compares it with everything stored: the hash
 * chain, the head against the launch's version and head hash (a deleted tail shows), the
 * snapshot, the launch row, the checklist items and the sign-offs (superseded ones included).
 */
export async function verifyLaunch(db: DataSource, launchId: string): Promise<VerifyReport> {
  const problems: string[] = [];
  const audit = new LaunchAuditRepository(db);
  const launch = await audit.launchRow(launchId);
  const events = await audit.eventRows(launchId);
  const report = {
    launchId,
    key: (launch?.key as string) ?? null,
    events: events.length,
    problems,
  };
  if (!launch) {
    problems.push('events exist for a launch row that does not');
    return report;
  }

  let prevHash: string | null = null;
  events.forEach((e, index) => {
    if (e.sequence !== index + 1)
      problems.push(`sequence ${e.sequence} found where ${index + 1} belongs`);
    if (e.prev_hash !== prevHash)
      problems.push(`event ${e.sequence}: previous hash does not link to event ${index}`);
    const recomputed = eventHash({
      id: e.id,
      launchId: e.launch_id,
      sequence: e.sequence,
      type: e.type,
      stage: e.stage,
      team: e.team,
      actorId: e.actor_id,
      at: e.at.toISOString(),
      data: e.data,
      prevHash: e.prev_hash,
    });
    if (recomputed !== e.hash)
      problems.push(`event ${e.sequence}: hash does not match its content`);
    prevHash = e.hash;
  });
  if (events.length !== launch.version) {
    problems.push(
      `the log ends at sequence ${events.length} but the launch is at version ${String(launch.version)}`,
    );
  }
  if (launch.head_hash !== prevHash)
    problems.push('the head hash on the launch row is not the hash of its last event');
  if (problems.length > 0) return report;

  let state: LaunchState;
  let persisted: unknown;
  let signOffsEver: SignOffState[];
  try {
    const domainEvents = events.map(
      (e) =>
        ({
          type: e.type,
          at: e.at.toISOString(),
          actorId: e.actor_id,
          team: e.team,
          stage: e.stage,
          data: e.data,
        }) as DomainEvent,
    );
    const snapshot = replay(domainEvents);
    state = stateOf(snapshot);
    persisted = persistSnapshot(snapshot).snapshot;
    signOffsEver = signOffHistory(domainEvents);
  } catch (error) {
    problems.push(`replay failed: ${error instanceof Error ? error.message : String(error)}`);
    return report;
  }
  if (!isDeepStrictEqual(persisted, launch.snapshot))
    problems.push('the stored snapshot differs from the replayed one');

  const expectedRow = {
    key: state.key,
    name: state.name,
    description: state.description,
    stage: state.stage,
    blocked: isBlocked(state),
    coordinator_id: state.coordinatorId,
    target_ga_date: state.targetGaDate,
    support_lead_days: state.supportLeadDays,
    block_response_hours: state.blockResponseHours,
    early_access_granted_at: state.earlyAccess?.grantedAt ?? null,
    created_at: state.createdAt,
    updated_at: state.updatedAt,
  };
  for (const [column, expected] of Object.entries(expectedRow)) {
    const stored = launch[column];
    const actual = stored instanceof Date ? stored.toISOString() : stored;
    if (!isDeepStrictEqual(actual, expected)) {
      problems.push(
        `launch.${column} is ${JSON.stringify(actual)}, replay says ${JSON.stringify(expected)}`,
      );
    }
  }

  const items = await audit.itemRows(launchId);
  const itemRows = items.map((i) => ({
    id: i.id,
    stage: i.stage,
    team: i.team,
    title: i.title,
    description: i.description,
    required: i.required,
    status: i.status,
    evidenceUrl: i.evidence_url,
    note: i.note,
    completedById: i.completed_by_id,
    completedAt: iso(i.completed_at as Date | null),
    position: i.position,
  }));
  if (
    !isDeepStrictEqual(
      itemRows,
      [...state.items].sort((a, b) => a.position - b.position),
    )
  ) {
    problems.push('checklist_item rows differ from the replayed checklist');
  }

  const signOffs = await audit.signOffRows(launchId);
  const signOffRows = signOffs.map((s) => ({
    id: s.id,
    stage: s.stage,
    team: s.team,
    decision: s.decision,
    comment: s.comment,
    signedById: s.signed_by_id,
    signedAt: iso(s.signed_at as Date),
    status: s.status,
    override: s.override,
  }));
  const byTimeThenId = (
    a: { signedAt: string | null; id: unknown },
    b: { signedAt: string | null; id: unknown },
  ) =>
    String(a.signedAt).localeCompare(String(b.signedAt)) ||
    String(a.id).localeCompare(String(b.id));
  if (!isDeepStrictEqual(signOffRows.sort(byTimeThenId), signOffsEver.sort(byTimeThenId))) {
    problems.push('sign_off rows differ from the replayed sign-offs');
  }
  return report;
}

/** Verifies every launch; also reports events whose launch row is gone. */
export async function verifyAll(db: DataSource): Promise<VerifyReport[]> {
  const reports: VerifyReport[] = [];
  for (const id of await new LaunchAuditRepository(db).allLaunchIds())
    reports.push(await verifyLaunch(db, id));
  return reports;
}
