import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { runStatement } from '../../apps/api/src/database/write-batch.repository.js';
import {
  EVENTS_CHANNEL,
  notifyStatement,
  type CommittedRange,
} from '../../apps/api/src/events/event-notification.repository.js';
import { useRepositoryDatabase } from '../support/repository-database.js';

describe('event notifications', () => {
  const database = useRepositoryDatabase('event_notification_repo');

  // Nested, so the listener ends before the outer afterAll drops the database.
  describe('notifyStatement', () => {
    let listener: pg.Client;
    const received: { channel: string; payload: unknown }[] = [];

    beforeAll(async () => {
      listener = new pg.Client({ connectionString: database.url });
      await listener.connect();
      listener.on('notification', (n) =>
        received.push({ channel: n.channel, payload: JSON.parse(n.payload ?? 'null') }),
      );
      await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    });
    afterAll(() => listener.end());

    const notify = (tx: EntityManager, range: CommittedRange) =>
      runStatement(tx, notifyStatement(range));
    /** A round trip on the listener: notifications already sent to it arrive before the answer. */
    const drain = () => listener.query('SELECT 1');

    it('delivers a NOTIFY only once its transaction has committed', async () => {
      received.length = 0;
      const range = { l: 'launch-a', from: 3, to: 4 };
      await database.dataSource.transaction(async (tx) => {
        await notify(tx, range);
        await drain();
        expect(received).toEqual([]);
      });
      while (received.length === 0) await drain();
      expect(received).toEqual([{ channel: EVENTS_CHANNEL, payload: range }]);
    });

    it('never delivers the NOTIFY of a rolled-back transaction; later commits arrive in commit order', async () => {
      received.length = 0;
      await database.dataSource
        .transaction(async (tx) => {
          await notify(tx, { l: 'rolled-back', from: 1, to: 1 });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      for (const from of [1, 2, 3]) {
        await database.dataSource.transaction((tx) =>
          notify(tx, { l: 'launch-b', from, to: from }),
        );
      }
      while (received.length < 3) await drain();
      await drain();
      expect(received.map((r) => r.payload)).toEqual([
        { l: 'launch-b', from: 1, to: 1 },
        { l: 'launch-b', from: 2, to: 2 },
        { l: 'launch-b', from: 3, to: 3 },
      ]);
    });
  });
});
