import { randomUUID } from 'node:crypto';
import { FreezeWindowRepository } from '../../apps/api/src/freeze-windows/freeze-window.repository.js';
import { LaunchFixture, hoursAfter } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

const T0 = '2030-01-01T00:00:00.000Z';

describe('FreezeWindowRepository', () => {
  const database = useRepositoryDatabase('freeze_window_repo');

  it('finds windows by their effective span: [startsAt, min(endsAt, endedAt)), never deleted', async () => {
    const repo = new FreezeWindowRepository(database.dataSource);
    const admin = await new LaunchFixture(database.dataSource).actor('ADMIN');
    const declare = async (name: string, from: number, to: number, createdAt = T0) => {
      const id = randomUUID();
      const window = {
        name,
        reason: null,
        startsAt: hoursAfter(T0, from),
        endsAt: hoursAfter(T0, to),
        stages: ['BETA', 'GA'] as const,
      };
      await repo.insert(
        id,
        { ...window, stages: [...window.stages] },
        admin.id,
        new Date(createdAt),
      );
      return id;
    };
    const early = await declare('Early', 10, 20);
    const late = await declare('Late', 30, 40, hoursAfter(T0, 25));
    const endedEarly = await declare('Ended early', 10, 40);
    const cancelled = await declare('Cancelled', 50, 60);
    const ended = await database.dataSource.transaction(async (tx) => {
      // Ended before it started: its span is empty, it is in no range.
      await repo.end(tx, cancelled, admin.id, new Date(hoursAfter(T0, 5)));
      return repo.end(tx, endedEarly, admin.id, new Date(hoursAfter(T0, 15)));
    });

    const ids = (windows: { id: string }[]) => windows.map((w) => w.id);
    expect(ended).toMatchObject({
      id: endedEarly,
      stages: ['BETA', 'GA'],
      endedAt: hoursAfter(T0, 15),
      endedById: admin.id,
    });
    // Soonest start first, then by name; [from, to) against the effective span.
    expect(ids(await repo.overlapping(T0, null))).toEqual([early, endedEarly, late]);
    expect(ids(await repo.overlapping(hoursAfter(T0, 15), hoursAfter(T0, 30)))).toEqual([early]);
    expect(ids(await repo.overlapping(hoursAfter(T0, 20), hoursAfter(T0, 31)))).toEqual([late]);
    // Not over at t (the rules then judge createdAt); at exactly t, started and declared too.
    expect(ids(await repo.notOverAt(hoursAfter(T0, 12), false))).toEqual([early, endedEarly, late]);
    expect(ids(await repo.notOverAt(hoursAfter(T0, 12), true))).toEqual([early, endedEarly]);
    expect(ids(await repo.notOverAt(hoursAfter(T0, 20), true))).toEqual([]);
    expect(ids(await repo.notOverAt(hoursAfter(T0, 30), true))).toEqual([late]);
    expect(ids(await repo.notOverAt(hoursAfter(T0, 24), false))).toEqual([late]);
  });
});
