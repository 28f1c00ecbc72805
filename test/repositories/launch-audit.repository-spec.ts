import { randomUUID } from 'node:crypto';
import type { Actor } from '#workflow';
import { LaunchAuditRepository } from '../../apps/api/src/launches/launch-audit.repository.js';
import { hoursAfter, LaunchFixture, type StoredChange } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const T0 = '2030-01-01T00:00:00.000Z';

describe('LaunchAuditRepository', () => {
  const database = useRepositoryDatabase('launch_audit_repo');
  let audit: LaunchAuditRepository;
  let launch: StoredChange;
  let events: StoredChange['events'];
  let engineer: Actor;

  beforeAll(async () => {
    const fixture = new LaunchFixture(database.dataSource);
    audit = new LaunchAuditRepository(database.dataSource);
    const admin = await fixture.actor('ADMIN');
    engineer = await fixture.actor('MEMBER', ['ENGINEERING']);
    const created = await fixture.create(admin, T0, { key: 'audited' });
    const noGo = await fixture.run(
      engineer,
      created.state.id,
      { type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'broken' },
      hoursAfter(T0, 1),
    );
    launch = await fixture.run(
      engineer,
      created.state.id,
      { type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'still broken' },
      hoursAfter(T0, 2),
    );
    events = [...created.events, ...noGo.events, ...launch.events];
  });

  it('launchRow is the stored row as it lies, null for an unknown id', async () => {
    await expect(audit.launchRow(launch.state.id)).resolves.toMatchObject({
      id: launch.state.id,
      key: 'audited',
      blocked: true,
      version: events.length,
      updated_at: new Date(hoursAfter(T0, 2)),
    });
    await expect(audit.launchRow(randomUUID())).resolves.toBeNull();
  });

  it('eventRows are every event in sequence order, each chained to the hash before it', async () => {
    const rows = await audit.eventRows(launch.state.id);
    expect(rows.map((r) => [r.sequence, r.id, r.hash])).toEqual(
      events.map((e) => [e.sequence, e.id, e.hash]),
    );
    expect(rows[0]!.prev_hash).toBeNull();
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
  });

  it('itemRows follow checklist position; signOffRows follow signing time, superseded ones included', async () => {
    const items = await audit.itemRows(launch.state.id);
    expect(items.map((i) => i.id)).toEqual(
      [...launch.state.items].sort((a, b) => a.position - b.position).map((i) => i.id),
    );
    const signOffs = await audit.signOffRows(launch.state.id);
    expect(signOffs.map((s) => [s.comment, s.status, s.signed_by_id])).toEqual([
      ['broken', 'SUPERSEDED', engineer.id],
      ['still broken', 'ACTIVE', engineer.id],
    ]);
  });

  it('allLaunchIds includes a launch id that only events name (a tampered database)', async () => {
    const orphan = randomUUID();
    await database.dataSource.transaction(async (tx) => {
      // Replica mode skips the foreign key, as someone editing the tables by hand could.
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `INSERT INTO launch_event (id, launch_id, sequence, type, stage, at, data, hash)
         VALUES ($1, $2, 1, 'COMMENTED', 'PLANNING', now(), '{}', 'x')`,
        [randomUUID(), orphan],
      );
    });
    const ids = await audit.allLaunchIds();
    expect(ids).toEqual([launch.state.id, orphan].sort());
    await expect(audit.launchRow(orphan)).resolves.toBeNull();
    expect(await audit.eventRows(orphan)).toHaveLength(1);
  });
});
