import { randomUUID } from 'node:crypto';
import { restoreSnapshot, stateOf, type Actor, type LaunchState } from '#workflow';
import { runStatement } from '../../apps/api/src/database/write-batch.repository.js';
import type { LaunchRepository } from '../../apps/api/src/launches/launch.repository.js';
import { hoursAfter, LaunchFixture, type StoredChange } from '../support/launch-fixture.js';
import { lockWaiterQueued, useRepositoryDatabase } from '../support/repository-database.js';

const T0 = '2030-01-01T00:00:00.000Z';
const NOBODY = '00000000-0000-4000-8000-000000000000';

describe('LaunchRepository', () => {
  const database = useRepositoryDatabase('launch_repo');
  let fixture: LaunchFixture;
  let repo: LaunchRepository;
  let admin: Actor;
  let engineer: Actor;

  beforeAll(async () => {
    fixture = new LaunchFixture(database.dataSource);
    repo = fixture.launches;
    admin = await fixture.actor('ADMIN');
    engineer = await fixture.actor('MEMBER', ['ENGINEERING']);
  });

  const countRows = async (table: string, launchId: string) => {
    const [row] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE launch_id = $1`,
      [launchId],
    )) as [{ n: number }];
    return row.n;
  };

  describe("writing a launch (the command path's statements) and reading it back", () => {
    let created: StoredChange;

    beforeAll(async () => {
      created = await fixture.create(admin, T0, { key: 'write-read', name: 'Write and read' });
    });

    it('finds the row by id and by key, with a snapshot that restores the same state', async () => {
      const byId = await repo.findByIdOrKey({ id: created.state.id });
      expect(byId).toEqual(await repo.findByIdOrKey({ key: 'write-read' }));
      expect(byId).toMatchObject({ id: created.state.id, version: created.version });
      expect(stateOf(restoreSnapshot(byId!))).toEqual(created.state);
      await expect(repo.findByIdOrKey({ id: NOBODY })).resolves.toBeNull();
      await expect(repo.findByIdOrKey({ key: 'no-such-key' })).resolves.toBeNull();
    });

    it('stores the projection columns, every item and every event', async () => {
      const [row] = (await database.dataSource.query(`SELECT * FROM launch WHERE id = $1`, [
        created.state.id,
      ])) as [Record<string, unknown>];
      expect(row).toMatchObject({
        key: 'write-read',
        name: 'Write and read',
        stage: 'PLANNING',
        blocked: false,
        coordinator_id: admin.id,
        version: created.version,
        created_at: new Date(T0),
        updated_at: new Date(T0),
      });
      expect(created.state.items.length).toBeGreaterThan(0);
      expect(await countRows('checklist_item', created.state.id)).toBe(created.state.items.length);
      expect(await countRows('launch_event', created.state.id)).toBe(created.version);
    });

    it('versionOf, launchIdOfItem and keyExists answer for stored rows and null/false otherwise', async () => {
      await expect(repo.versionOf(created.state.id)).resolves.toBe(created.version);
      await expect(repo.versionOf(NOBODY)).resolves.toBeNull();
      await expect(repo.launchIdOfItem(created.state.items[0]!.id)).resolves.toBe(created.state.id);
      await expect(repo.launchIdOfItem(NOBODY)).resolves.toBeNull();
      await database.dataSource.transaction(async (tx) => {
        await expect(repo.keyExists(tx, 'write-read')).resolves.toBe(true);
        await expect(repo.keyExists(tx, 'write-read-2')).resolves.toBe(false);
      });
    });

    it('lock reads the head hash kept on the row: the hash of the last event', async () => {
      const locked = await database.dataSource.transaction((tx) => repo.lock(tx, created.state.id));
      expect(locked).toMatchObject({ id: created.state.id, version: created.version });
      expect(locked!.headHash).toBe(created.events.at(-1)!.hash);
      expect(locked!.headHash).not.toBeNull();
    });

    it('an update rewrites the row but never its key, coordinator or creation time', async () => {
      const launch = await fixture.create(admin, T0, { key: 'update-me' });
      const changed = await fixture.run(
        admin,
        launch.state.id,
        { type: 'UPDATE', changes: { name: 'Renamed' } },
        hoursAfter(T0, 1),
      );
      const forged: LaunchState = {
        ...changed.state,
        key: 'forged-key',
        coordinatorId: engineer.id,
        createdAt: hoursAfter(T0, 2),
      };
      await runStatement(
        database.dataSource,
        repo.saveLaunchStatement(
          {
            state: forged,
            version: changed.version,
            machineVersion: 1,
            snapshot: {},
            blocked: false,
            headHash: null,
            hookState: {},
          },
          false,
        ),
      );
      const [row] = (await database.dataSource.query(
        `SELECT key, name, coordinator_id, created_at, updated_at FROM launch WHERE id = $1`,
        [launch.state.id],
      )) as [Record<string, unknown>];
      expect(row).toEqual({
        key: 'update-me',
        name: 'Renamed',
        coordinator_id: admin.id,
        created_at: new Date(T0),
        updated_at: new Date(hoursAfter(T0, 1)),
      });
    });
  });

  describe('upsertItemsStatement and upsertSignOffsStatement', () => {
    it('upsertItemsStatement is idempotent and rewrites a changed item in place', async () => {
      const { state } = await fixture.create(admin, T0);
      await runStatement(database.dataSource, repo.upsertItemsStatement(state.id, state.items));
      expect(await countRows('checklist_item', state.id)).toBe(state.items.length);

      const item = state.items[0]!;
      const done = {
        ...item,
        status: 'DONE' as const,
        note: 'shipped',
        evidenceUrl: 'https://example.test/evidence',
        completedById: engineer.id,
        completedAt: hoursAfter(T0, 1),
      };
      await runStatement(database.dataSource, repo.upsertItemsStatement(state.id, [done]));
      expect(await countRows('checklist_item', state.id)).toBe(state.items.length);
      const [row] = (await database.dataSource.query(
        `SELECT status, note, evidence_url, completed_by_id, completed_at FROM checklist_item WHERE id = $1`,
        [item.id],
      )) as [Record<string, unknown>];
      expect(row).toEqual({
        status: 'DONE',
        note: 'shipped',
        evidence_url: 'https://example.test/evidence',
        completed_by_id: engineer.id,
        completed_at: new Date(hoursAfter(T0, 1)),
      });
    });

    it('upsertSignOffsStatement is idempotent and updates status, decision, comment and override only', async () => {
      const { state: created } = await fixture.create(admin, T0);
      const { state } = await fixture.run(
        engineer,
        created.id,
        { type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'broken' },
        hoursAfter(T0, 1),
      );
      const signOff = state.signOffs[0]!;
      await runStatement(
        database.dataSource,
        repo.upsertSignOffsStatement(state.id, state.signOffs),
      );
      expect(await countRows('sign_off', state.id)).toBe(1);

      await runStatement(
        database.dataSource,
        repo.upsertSignOffsStatement(state.id, [
          {
            ...signOff,
            status: 'SUPERSEDED',
            comment: 'changed',
            signedById: admin.id,
            signedAt: hoursAfter(T0, 9),
          },
        ]),
      );
      const rows: Record<string, unknown>[] = await database.dataSource.query(
        `SELECT status, decision, comment, signed_by_id, signed_at FROM sign_off WHERE launch_id = $1`,
        [state.id],
      );
      expect(rows).toEqual([
        {
          status: 'SUPERSEDED',
          decision: 'NO_GO',
          comment: 'changed',
          signed_by_id: engineer.id,
          signed_at: new Date(hoursAfter(T0, 1)),
        },
      ]);
    });
  });

  describe('the event log', () => {
    let launch: StoredChange;
    let events: StoredChange['events'];

    beforeAll(async () => {
      launch = await fixture.create(admin, T0);
      const comment = await fixture.run(
        admin,
        launch.state.id,
        { type: 'COMMENT', body: 'first' },
        hoursAfter(T0, 1),
      );
      const second = await fixture.run(
        admin,
        launch.state.id,
        { type: 'COMMENT', body: 'second' },
        hoursAfter(T0, 2),
      );
      events = [...launch.events, ...comment.events, ...second.events];
    });

    it('appendEventsStatement refuses a second event at a taken sequence', async () => {
      const taken = { ...events[0]!, id: randomUUID() };
      await expect(
        runStatement(database.dataSource, repo.appendEventsStatement([taken])),
      ).rejects.toMatchObject({ code: '23505' });
    });

    it.each([
      ['UPDATE', `UPDATE launch_event SET data = '{}' WHERE launch_id = $1`],
      ['DELETE', `DELETE FROM launch_event WHERE launch_id = $1`],
      ['TRUNCATE', `TRUNCATE launch_event CASCADE`],
    ])('the append-only trigger refuses %s and nothing changes', async (op, sql) => {
      await expect(
        database.dataSource.query(sql, op === 'TRUNCATE' ? [] : [launch.state.id]),
      ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining(op) });
      const stored = await repo.eventRange(launch.state.id, 1, events.length);
      expect(stored.map((e) => e.hash)).toEqual(events.map((e) => e.hash));
    });

    it('eventRange returns the events of the inclusive range in order, as written', async () => {
      const range = await repo.eventRange(launch.state.id, 2, events.length);
      expect(range).toEqual(events.slice(1));
      await expect(repo.eventRange(launch.state.id, events.length + 1, 99)).resolves.toEqual([]);
    });

    it('events pages after a sequence, at most `limit`', async () => {
      const page = await repo.events(launch.state.id, 1, 1);
      expect(page).toEqual([events[1]]);
      expect(await repo.events(launch.state.id, 0, 100)).toHaveLength(events.length);
    });

    it('eventBelongsTo only for the launch that holds the event', async () => {
      const other = await fixture.create(admin, T0);
      const last = events.at(-1)!;
      await expect(repo.eventBelongsTo(last.id, launch.state.id)).resolves.toBe(true);
      await expect(repo.eventBelongsTo(last.id, other.state.id)).resolves.toBe(false);
      await expect(repo.eventBelongsTo(NOBODY, launch.state.id)).resolves.toBe(false);
    });
  });

  describe('reads across launches', () => {
    it('changedSince includes launches updated at or after the instant, with their versions', async () => {
      const at = '2031-05-05T05:05:05.005Z';
      const launch = await fixture.create(admin, at);
      const ids = async (since: string) =>
        (await repo.changedSince(new Date(since))).map((r) => `${r.id}@${r.version}`);
      expect(await ids(at)).toContain(`${launch.state.id}@${launch.version}`);
      expect(await ids('2031-05-05T05:05:05.006Z')).not.toContain(
        `${launch.state.id}@${launch.version}`,
      );
    });

    it('earlyAccess lists granted launches that are not final, newest grant first', async () => {
      const grant = async (at: string, cancel: boolean) => {
        let change = await fixture.create(admin, T0);
        if (cancel) {
          change = await fixture.run(
            admin,
            change.state.id,
            { type: 'CANCEL', reason: 'dropped' },
            hoursAfter(T0, 1),
          );
        }
        // The grant needs BETA; the row is written as the command path writes any granted launch.
        const state: LaunchState = {
          ...change.state,
          earlyAccess: { grantedAt: at, grantedById: admin.id, url: null, notes: null },
        };
        const row = (await repo.findByIdOrKey({ id: state.id }))!;
        await runStatement(
          database.dataSource,
          repo.saveLaunchStatement(
            {
              state,
              version: row.version,
              machineVersion: row.machineVersion,
              snapshot: row.snapshot,
              blocked: false,
              headHash: null,
              hookState: {},
            },
            false,
          ),
        );
        return state.id;
      };
      const older = await grant(hoursAfter(T0, 3), false);
      const newer = await grant(hoursAfter(T0, 4), false);
      const cancelled = await grant(hoursAfter(T0, 5), true);
      const listed = (await repo.earlyAccess()).map((r) => r.id);
      expect(listed).toEqual([newer, older]);
      expect(listed).not.toContain(cancelled);
    });
  });

  describe('lock', () => {
    it('is null for an unknown launch', async () => {
      await expect(
        database.dataSource.transaction((tx) => repo.lock(tx, NOBODY)),
      ).resolves.toBeNull();
    });

    it('skipLocked answers null while another transaction holds the row; a plain lock waits for its commit', async () => {
      const { state, version } = await fixture.create(admin, T0);
      const holder = database.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await expect(repo.lock(holder.manager, state.id)).resolves.toMatchObject({
          id: state.id,
          version,
        });

        await expect(
          database.dataSource.transaction((tx) => repo.lock(tx, state.id, { skipLocked: true })),
        ).resolves.toBeNull();

        const waiting = database.dataSource.transaction((tx) => repo.lock(tx, state.id));
        await lockWaiterQueued(database.dataSource);
        await holder.query(`UPDATE launch SET version = version + 1 WHERE id = $1`, [state.id]);
        await holder.commitTransaction();
        // The waiter read the row as the holder committed it.
        await expect(waiting).resolves.toMatchObject({ id: state.id, version: version + 1 });
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      await expect(
        database.dataSource.transaction((tx) => repo.lock(tx, state.id, { skipLocked: true })),
      ).resolves.toMatchObject({ id: state.id, version: version + 1 });
    });
  });
});

describe('LaunchRepository.page and count', () => {
  // A database of its own: these read the whole launch table.
  const database = useRepositoryDatabase('launch_page');
  let repo: LaunchRepository;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const fixture = new LaunchFixture(database.dataSource);
    repo = fixture.launches;
    const admin = await fixture.actor('ADMIN');
    const engineer = await fixture.actor('MEMBER', ['ENGINEERING']);
    const make = async (name: string, key: string, hours: number) =>
      (ids[name] = (await fixture.create(admin, hoursAfter(T0, hours), { name, key })).state.id);
    await make('Alpha 100% ready', 'alpha', 1);
    await make('Beta a_b', 'beta', 2);
    // Two at one instant: the id breaks the tie.
    await make('Gamma axb', 'gamma', 3);
    await make('Delta back\\slash', 'delta', 3);
    await make('Epsilon', 'epsilon', 0);
    await fixture.run(admin, ids.Epsilon!, { type: 'CANCEL', reason: 'no' }, hoursAfter(T0, 5));
    await make('Zeta', 'zeta-blocked', 0.5);
    await fixture.run(
      engineer,
      ids.Zeta!,
      { type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'broken' },
      hoursAfter(T0, 4),
    );
  });

  const namesOf = (rows: { id: string }[]) =>
    rows.map((r) => Object.keys(ids).find((name) => ids[name] === r.id));
  const expectedOrder = () => {
    const tied = ['Gamma axb', 'Delta back\\slash'].sort((a, b) => (ids[a]! < ids[b]! ? 1 : -1));
    return ['Epsilon', 'Zeta', ...tied, 'Beta a_b', 'Alpha 100% ready'];
  };

  it('orders by last update, newest first, then by id descending', async () => {
    const rows = await repo.page({ limit: 10 });
    expect(namesOf(rows)).toEqual(expectedOrder());
    expect(rows[0]).toMatchObject({ updatedAt: hoursAfter(T0, 5), version: expect.any(Number) });
  });

  it('walks the keyset in pages without gaps or repeats, through the tie', async () => {
    const seen: { id: string }[] = [];
    let after: { updatedAt: string; id: string } | null = null;
    for (;;) {
      const rows: Awaited<ReturnType<LaunchRepository['page']>> = await repo.page({
        limit: 3,
        after,
      });
      seen.push(...rows);
      if (rows.length < 3) break;
      after = { updatedAt: rows.at(-1)!.updatedAt, id: rows.at(-1)!.id };
    }
    expect(namesOf(seen)).toEqual(expectedOrder());
  });

  it('filters by stage and by blocked, and count agrees', async () => {
    expect(namesOf(await repo.page({ stage: 'CANCELLED', limit: 10 }))).toEqual(['Epsilon']);
    expect(namesOf(await repo.page({ blocked: true, limit: 10 }))).toEqual(['Zeta']);
    expect(await repo.page({ blocked: false, limit: 10 })).toHaveLength(5);
    expect(await repo.page({ stage: 'PLANNING', blocked: false, limit: 10 })).toHaveLength(4);
    await expect(repo.count({})).resolves.toBe(6);
    await expect(repo.count({ stage: 'CANCELLED' })).resolves.toBe(1);
    await expect(repo.count({ blocked: true })).resolves.toBe(1);
    await expect(repo.count({ stage: 'PLANNING', blocked: false })).resolves.toBe(4);
    await expect(repo.count({ stage: 'GA' })).resolves.toBe(0);
    await expect(repo.countBlocked()).resolves.toBe(1);
  });

  it.each([
    ['%', ['Alpha 100% ready']],
    ['_', ['Beta a_b']],
    ['A_B', ['Beta a_b']],
    ['\\', ['Delta back\\slash']],
    ['GAMMA', ['Gamma axb']],
    ['zeta-bl', ['Zeta']],
    ['nothing', []],
  ])('search %j matches name or key literally, ignoring case', async (search, names) => {
    expect(namesOf(await repo.page({ search, limit: 10 }))).toEqual(names);
    await expect(repo.count({ search })).resolves.toBe(names.length);
  });

  it('combines search with the other filters', async () => {
    await expect(repo.count({ search: 'a', stage: 'CANCELLED' })).resolves.toBe(0);
    await expect(repo.count({ search: 'e', blocked: true })).resolves.toBe(1);
  });
});
