import { ActivityRepository } from '../../apps/api/src/activity/activity.repository.js';
import { hoursAfter, LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const T0 = '2030-01-01T00:00:00.000Z';

describe('ActivityRepository', () => {
  const database = useRepositoryDatabase('activity_repo');

  it('lists launches that are not final, with the time each entered its stage, oldest first', async () => {
    const fixture = new LaunchFixture(database.dataSource);
    const repo = new ActivityRepository(database.dataSource);
    const coordinator = await fixture.actor('COORDINATOR');
    const admin = await fixture.actor('ADMIN');

    const fresh = await fixture.create(coordinator, hoursAfter(T0, 5), { key: 'fresh' });
    const advanced = await fixture.create(coordinator, T0, {
      key: 'advanced',
      template: 'lite',
      targetGaDate: hoursAfter(T0, 24 * 90),
    });
    // An admin signs for every team and advances: the launch enters ALPHA at T0 + 10 h.
    for (const item of advanced.state.items.filter((i) => i.stage === 'PLANNING' && i.required))
      await fixture.run(
        admin,
        advanced.state.id,
        { type: 'COMPLETE_ITEM', itemId: item.id },
        hoursAfter(T0, 1),
      );
    for (const team of ['PRODUCT', 'ENGINEERING', 'SUPPORT'] as const)
      await fixture.run(
        admin,
        advanced.state.id,
        { type: 'SIGN_OFF', team, decision: 'GO' },
        hoursAfter(T0, 2),
      );
    await fixture.run(admin, advanced.state.id, { type: 'ADVANCE' }, hoursAfter(T0, 10));
    const cancelled = await fixture.create(coordinator, T0, { key: 'cancelled' });
    await fixture.run(
      coordinator,
      cancelled.state.id,
      { type: 'CANCEL', reason: 'Dropped' },
      hoursAfter(T0, 1),
    );

    const rows = await repo.activeLaunches();
    expect(rows.map((r) => [r.id, r.stageEnteredAt])).toEqual([
      [fresh.state.id, hoursAfter(T0, 5)],
      [advanced.state.id, hoursAfter(T0, 10)],
    ]);
    expect(rows[1]).toMatchObject({ version: expect.any(Number), snapshot: expect.any(Object) });
  });
});
