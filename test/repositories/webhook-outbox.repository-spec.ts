import { randomUUID } from 'node:crypto';
import type { Actor } from '#workflow';
import { WebhookOutboxRepository } from '../../apps/api/src/webhooks/webhook-outbox.repository.js';
import { WebhookRepository } from '../../apps/api/src/webhooks/webhook.repository.js';
import { LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';
import { enqueue, launchWithEvents } from '../support/webhook-fixture.js';

describe('WebhookOutboxRepository', () => {
  const database = useRepositoryDatabase('webhook_outbox_repo');
  const outbox = new WebhookOutboxRepository();
  let fixture: LaunchFixture;
  let admin: Actor;

  beforeAll(async () => {
    fixture = new LaunchFixture(database.dataSource);
    admin = await fixture.actor('ADMIN');
  });

  it('endpoints lists every endpoint, disabled ones too, with their filters and formats', async () => {
    const hooks = new WebhookRepository(database.dataSource);
    const all = await hooks.insert({
      url: 'https://a.example.test/hook',
      eventTypes: null,
      format: 'JSON',
      secret: 's1',
      createdById: admin.id,
    });
    const slack = await hooks.insert({
      url: 'https://b.example.test/hook',
      eventTypes: ['SIGNED_NO_GO'],
      format: 'SLACK',
      secret: 's2',
      createdById: admin.id,
    });
    await database.dataSource.query(`UPDATE webhook SET enabled = false WHERE id = $1`, [slack.id]);
    const endpoints = await database.dataSource.transaction((tx) => outbox.endpoints(tx));
    expect(endpoints).toEqual(
      expect.arrayContaining([
        { id: all.id, event_types: null, format: 'JSON' },
        { id: slack.id, event_types: ['SIGNED_NO_GO'], format: 'SLACK' },
      ]),
    );
    expect(endpoints).toHaveLength(2);
  });

  it('insert writes one PENDING message per (endpoint, event), due at once, body as given', async () => {
    const [endpoint] = await database.dataSource.transaction((tx) => outbox.endpoints(tx));
    const events = await launchWithEvents(fixture, admin, 2);
    const messages = await enqueue(fixture, endpoint!.id, events);
    const rows: Record<string, unknown>[] = await database.dataSource.query(
      `SELECT id, event_id, launch_id, sequence, body, status, attempts, lease_until,
              next_attempt_at <= now() AS due
         FROM webhook_message WHERE webhook_id = $1 ORDER BY sequence`,
      [endpoint!.id],
    );
    expect(rows).toEqual(
      messages.map((m) => ({
        id: m.id,
        event_id: m.eventId,
        launch_id: m.launchId,
        sequence: m.sequence,
        body: m.body,
        status: 'PENDING',
        attempts: 0,
        lease_until: null,
        due: true,
      })),
    );

    // The same event twice for one endpoint is refused, so a retried commit hook cannot double it.
    await expect(
      database.dataSource.transaction((tx) =>
        outbox.insert(tx, [{ ...messages[0]!, id: randomUUID() }]),
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('insert of no messages writes nothing', async () => {
    const [before] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_message`,
    )) as [{ n: number }];
    await database.dataSource.transaction((tx) => outbox.insert(tx, []));
    const [after] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_message`,
    )) as [{ n: number }];
    expect(after.n).toBe(before.n);
  });
});
