import { randomUUID } from 'node:crypto';
import { nextSloDueAt, restoreSnapshot, stateOf } from '#workflow';
import { SystemClock } from '../../apps/api/src/common/clock.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { EventsCommitHook } from '../../apps/api/src/events/events-commit.hook.js';
import { LaunchEventBus } from '../../apps/api/src/events/launch-event-bus.js';
import { UserRepository } from '../../apps/api/src/identity/user.repository.js';
import { actorOf, type Viewer } from '../../apps/api/src/identity/viewer.js';
import { LaunchCommandService } from '../../apps/api/src/launches/launch-command.service.js';
import { LaunchFreezeWindows } from '../../apps/api/src/launches/launch-freeze-windows.js';
import { verifyLaunch } from '../../apps/api/src/launches/launch-verifier.js';
import { LaunchRepository } from '../../apps/api/src/launches/launch.repository.js';
import { OutcomeCommitHook } from '../../apps/api/src/outcomes/outcome-commit.hook.js';
import { OutcomeRepository } from '../../apps/api/src/outcomes/outcome.repository.js';
import { SloCommitHook } from '../../apps/api/src/slo/slo-commit.hook.js';
import { SloTimerRepository } from '../../apps/api/src/slo/slo-timer.repository.js';
import { WebhookOutbox } from '../../apps/api/src/webhooks/webhook-outbox.js';
import { QueryCounter } from '../support/query-counter.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

/*
 * What a command sends while it holds its launch's lock (the counter leaves out BEGIN and
 * COMMIT): the locking read, then one batch with every write, the hooks' included. The SLO
 * history is kept on the launch row; only a launch stored before it was kept has its events
 * read, once. Counted, not timed.
 */
describe('the command path under the launch lock', () => {
  const database = useRepositoryDatabase('launch_command_path');
  let commands: LaunchCommandService;
  let timers: SloTimerRepository;
  let counter: QueryCounter;
  let coordinator: Viewer;
  let support: Viewer;

  const count = async (table: string, launchId: string) => {
    const [row] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE launch_id = $1`,
      [launchId],
    )) as [{ n: number }];
    return row.n;
  };

  beforeAll(async () => {
    const db = database.dataSource;
    const config = loadConfig({ DATABASE_URL: database.url, AT_RISK_DAYS: '7' });
    const launches = new LaunchRepository(db);
    const users = new UserRepository(db);
    const clock = new SystemClock();
    commands = new LaunchCommandService(launches, clock, new LaunchFreezeWindows(clock));
    // Every hook that writes in a change's transaction, registered as its module does.
    new EventsCommitHook(commands, new LaunchEventBus(config, launches));
    new WebhookOutbox(commands, config, users);
    timers = new SloTimerRepository(db, config);
    new SloCommitHook(commands, timers);
    new OutcomeCommitHook(commands, new OutcomeRepository(db));
    const viewer = async (role: 'COORDINATOR' | 'MEMBER', teams: 'SUPPORT'[]) => {
      const user = await users.insert({
        name: `${role} ${teams.join(' ')}`,
        email: `${role.toLowerCase()}-${randomUUID()}@example.test`,
        role,
        teams,
      });
      return { user, tokenId: 'test', actor: actorOf(user) };
    };
    coordinator = await viewer('COORDINATOR', []);
    support = await viewer('MEMBER', ['SUPPORT']);
    // An endpoint for every event: each change writes outbox rows.
    await db.query(
      `INSERT INTO webhook (id, url, format, secret) VALUES ($1, 'http://127.0.0.1:9/hook', 'JSON', 's')`,
      [randomUUID()],
    );
    counter = QueryCounter.attach(db);
  });

  /** Support blocks: the sign-off both kinds of launch below are tested with. */
  const supportNoGo = {
    type: 'SIGN_OFF',
    team: 'SUPPORT',
    decision: 'NO_GO',
    comment: 'No runbook',
  } as const;

  const create = async () =>
    (await commands.create(coordinator, { key: `path-${randomUUID()}`, name: 'Path' })).state.id;

  /** The stored timer is the one the launch's whole log gives. */
  const expectExactTimer = async (id: string) => {
    const [row] = (await database.dataSource.query(
      `SELECT l.snapshot, l.machine_version, t.due_at FROM launch l
         LEFT JOIN slo_timer t ON t.launch_id = l.id WHERE l.id = $1`,
      [id],
    )) as [{ snapshot: object; machine_version: number; due_at: Date | null }];
    const state = stateOf(
      restoreSnapshot({ machineVersion: row.machine_version, snapshot: row.snapshot }),
    );
    const history = await database.dataSource.transaction((tx) => timers.history(tx, id));
    expect(row.due_at?.toISOString() ?? null).toBe(nextSloDueAt(state, history, timers.policy));
  };

  it('a blocking sign-off: the locking read and one batch, while an escalation is owed', async () => {
    const id = await create();
    await commands.run(support, id, supportNoGo);
    const outbox = await count('webhook_message', id);

    await counter.count(() => commands.run(support, id, supportNoGo));
    expect(counter.statements).toHaveLength(2);
    const [lock, batch] = counter.statements;
    expect(lock).toMatch(/^SELECT .* FROM launch WHERE id = \$1 FOR UPDATE$/s);
    expect(batch).toMatch(/^WITH w0 AS \(UPDATE launch /);
    for (const table of ['launch_event', 'sign_off', 'webhook_message', 'slo_timer'])
      expect(batch).toContain(`INSERT INTO ${table}`);
    expect(batch).toContain(`UPDATE sign_off SET status = 'SUPERSEDED'`);
    expect(batch).toContain('pg_notify');

    // Everything the batch wrote is there, and the replay check still holds.
    expect(await count('webhook_message', id)).toBe(outbox + 1);
    expect(await count('slo_timer', id)).toBe(1);
    const statuses = (await database.dataSource.query(
      `SELECT status FROM sign_off WHERE launch_id = $1 ORDER BY signed_at, status`,
      [id],
    )) as { status: string }[];
    expect(statuses.map((s) => s.status).sort()).toEqual(['ACTIVE', 'SUPERSEDED']);
    expect((await verifyLaunch(database.dataSource, id)).problems).toEqual([]);
    await expectExactTimer(id);
  });

  it('a launch stored before its SLO history was kept: its events are read once, then kept', async () => {
    const id = await create();
    await commands.run(support, id, supportNoGo);
    // An answer to the block, then the row as the migration leaves a launch stored before.
    await commands.run(coordinator, id, { type: 'COMMENT', body: 'On it' });
    await database.dataSource.query(`UPDATE launch SET hook_state = '{}' WHERE id = $1`, [id]);

    await counter.count(() =>
      commands.run(coordinator, id, { type: 'COMMENT', body: 'Still on it' }),
    );
    expect(counter.statements).toHaveLength(3);
    expect(counter.statements[1]).toMatch(/FROM launch_event/);
    await expectExactTimer(id);

    await counter.count(() => commands.run(coordinator, id, { type: 'COMMENT', body: 'Done' }));
    expect(counter.statements).toHaveLength(2);
    await expectExactTimer(id);
  });

  it('a change on a launch that owes no SLO event: the locking read and one batch', async () => {
    const id = await create();
    await counter.count(() => commands.run(coordinator, id, { type: 'COMMENT', body: 'Hello' }));
    expect(counter.statements).toHaveLength(2);
    expect(counter.statements[0]).toMatch(/FOR UPDATE$/);
    expect(counter.statements[1]).toMatch(/^WITH w0 AS \(UPDATE launch /);
    expect(counter.statements[1]).toContain('DELETE FROM slo_timer');
    expect((await verifyLaunch(database.dataSource, id)).problems).toEqual([]);
    await expectExactTimer(id);
  });

  it('creating a launch: one batch, the launch row inserted beside the rows that reference it', async () => {
    let id = '';
    await counter.count(async () => (id = await create()));
    const batches = counter.statements.filter((s) => /^WITH w0 AS \(INSERT INTO launch /.test(s));
    expect(batches).toHaveLength(1);
    expect(await count('checklist_item', id)).toBeGreaterThan(0);
    expect(await count('webhook_message', id)).toBe(1);
    expect((await verifyLaunch(database.dataSource, id)).problems).toEqual([]);
  });
});
