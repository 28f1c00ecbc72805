import { EMPTY_SLO_HISTORY, type Actor, type LaunchState } from '#workflow';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { SloTimerRepository } from '../../apps/api/src/slo/slo-timer.repository.js';
import { hoursAfter, LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const T0 = '2030-01-01T00:00:00.000Z';
const DAY = 24;

describe('SloTimerRepository', () => {
  const database = useRepositoryDatabase('slo_timer_repo');
  let fixture: LaunchFixture;
  let timers: SloTimerRepository;
  let admin: Actor;
  let engineer: Actor;

  beforeAll(async () => {
    fixture = new LaunchFixture(database.dataSource);
    timers = new SloTimerRepository(database.dataSource, loadConfig({ AT_RISK_DAYS: '7' }));
    admin = await fixture.actor('ADMIN');
    engineer = await fixture.actor('MEMBER', ['ENGINEERING']);
  });

  const reschedule = (
    state: LaunchState,
    known?: Parameters<SloTimerRepository['reschedule']>[2],
  ) => database.dataSource.transaction((tx) => timers.reschedule(tx, state, known));
  const dueAt = async (launchId: string): Promise<string | null> => {
    const rows: { due_at: Date }[] = await database.dataSource.query(
      `SELECT due_at FROM slo_timer WHERE launch_id = $1`,
      [launchId],
    );
    return rows[0]?.due_at.toISOString() ?? null;
  };

  it('follows the launch: at-risk time, then an earlier escalation, then back once the block is answered', async () => {
    const target = hoursAfter(T0, 30 * DAY);
    const atRisk = hoursAfter(target, -7 * DAY);
    const created = await fixture.create(admin, T0, { targetGaDate: target });
    await reschedule(created.state);
    expect(await dueAt(created.state.id)).toBe(atRisk);

    const blocked = await fixture.run(
      engineer,
      created.state.id,
      { type: 'SIGN_OFF', team: 'ENGINEERING', decision: 'NO_GO', comment: 'broken' },
      hoursAfter(T0, 1),
    );
    await reschedule(blocked.state);
    // blockResponseHours defaults to 24: the first escalation is due a day after the NO_GO.
    expect(await dueAt(created.state.id)).toBe(hoursAfter(T0, 25));

    const answered = await fixture.run(
      admin,
      created.state.id,
      { type: 'COMMENT', body: 'looking into it' },
      hoursAfter(T0, 2),
    );
    const history = await database.dataSource.transaction((tx) =>
      timers.history(tx, created.state.id),
    );
    expect([...history.answered]).toEqual([blocked.state.signOffs[0]!.id]);
    await reschedule(answered.state);
    expect(await dueAt(created.state.id)).toBe(atRisk);
  });

  it('history counts only comments that answer a block, escalations and at-risk flags', async () => {
    const { state } = await fixture.create(admin, T0);
    // A comment with no block standing answers nothing.
    await fixture.run(admin, state.id, { type: 'COMMENT', body: 'hello' }, hoursAfter(T0, 1));
    const history = await database.dataSource.transaction((tx) => timers.history(tx, state.id));
    expect(history).toEqual(EMPTY_SLO_HISTORY);
  });

  it('removes the timer when nothing is owed any more', async () => {
    const target = hoursAfter(T0, 30 * DAY);
    const created = await fixture.create(admin, T0, { targetGaDate: target });
    await reschedule(created.state);
    expect(await dueAt(created.state.id)).not.toBeNull();

    // At-risk already raised in this stage: nothing else is owed.
    await reschedule(created.state, { ...EMPTY_SLO_HISTORY, atRiskStages: new Set(['PLANNING']) });
    expect(await dueAt(created.state.id)).toBeNull();

    await reschedule(created.state);
    const cancelled = await fixture.run(
      admin,
      created.state.id,
      { type: 'CANCEL', reason: 'dropped' },
      hoursAfter(T0, 1),
    );
    await reschedule(cancelled.state);
    expect(await dueAt(created.state.id)).toBeNull();
  });

  it('a launch without a target date or block owes nothing and gets no timer', async () => {
    const { state } = await fixture.create(admin, T0);
    await reschedule(state);
    expect(await dueAt(state.id)).toBeNull();
  });

  it('due lists the launches due at `now`, oldest first, at most `limit`', async () => {
    const early = await fixture.create(admin, T0, { targetGaDate: hoursAfter(T0, 400 * DAY) });
    const late = await fixture.create(admin, T0, { targetGaDate: hoursAfter(T0, 401 * DAY) });
    await reschedule(late.state);
    await reschedule(early.state);
    const earlyDue = hoursAfter(T0, 393 * DAY);
    const lateDue = hoursAfter(T0, 394 * DAY);
    const mine = (ids: string[]) =>
      ids.filter((id) => [early.state.id, late.state.id].includes(id));

    expect(mine(await timers.due(new Date(Date.parse(earlyDue) - 1), 100))).toEqual([]);
    expect(mine(await timers.due(new Date(earlyDue), 100))).toEqual([early.state.id]);
    expect(mine(await timers.due(new Date(lateDue), 100))).toEqual([early.state.id, late.state.id]);

    const all = await timers.due(new Date(lateDue), 100);
    expect(all.slice(-2)).toEqual([early.state.id, late.state.id]);
    expect(await timers.due(new Date(lateDue), 1)).toHaveLength(1);
  });
});
