import type { Actor } from '#workflow';
import { runStatement } from '../../apps/api/src/database/write-batch.repository.js';
import { WebhookOutboxRepository } from '../../apps/api/src/webhooks/webhook-outbox.repository.js';
import {
  WebhookRepository,
  type WebhookRow,
} from '../../apps/api/src/webhooks/webhook.repository.js';
import { LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';
import { launchWithEvents, outboxEvents } from '../support/webhook-fixture.js';

describe('WebhookOutboxRepository.insertForEndpointsStatement', () => {
  const database = useRepositoryDatabase('webhook_outbox_repo');
  const outbox = new WebhookOutboxRepository();
  let fixture: LaunchFixture;
  let admin: Actor;
  let everything: WebhookRow;
  let commentsToSlack: WebhookRow;
  let disabled: WebhookRow;

  beforeAll(async () => {
    fixture = new LaunchFixture(database.dataSource);
    admin = await fixture.actor('ADMIN');
    const hooks = new WebhookRepository(database.dataSource);
    const endpoint = (host: string, eventTypes: string[] | null, format: 'JSON' | 'SLACK') =>
      hooks.insert({
        url: `https://${host}.example.test/hook`,
        eventTypes,
        format,
        secret: host,
        createdById: admin.id,
      });
    everything = await endpoint('all', null, 'JSON');
    commentsToSlack = await endpoint('slack', ['COMMENTED'], 'SLACK');
    disabled = await endpoint('off', ['CREATED'], 'JSON');
    await database.dataSource.query(`UPDATE webhook SET enabled = false WHERE id = $1`, [
      disabled.id,
    ]);
  });

  it('writes one PENDING message per endpoint and matching event, disabled endpoints too, due at once, in the endpoint’s format', async () => {
    const events = await launchWithEvents(fixture, admin, 2);
    const comments = events.filter((e) => e.type === 'COMMENTED');
    const created = events.filter((e) => e.type === 'CREATED');
    expect(comments).toHaveLength(2);
    expect(created).toHaveLength(1);
    const written = outboxEvents(events);
    await runStatement(database.dataSource, outbox.insertForEndpointsStatement(written));

    const rows: Record<string, unknown>[] = await database.dataSource.query(
      `SELECT webhook_id, event_id, launch_id, sequence, body, status, attempts, lease_until,
              next_attempt_at <= now() AS due
         FROM webhook_message WHERE launch_id = $1 ORDER BY webhook_id, sequence`,
      [events[0]!.launchId],
    );
    const message =
      (webhookId: string, format: 'JSON' | 'SLACK') => (event: (typeof events)[0]) => ({
        webhook_id: webhookId,
        event_id: event.id,
        launch_id: event.launchId,
        sequence: event.sequence,
        body: written.find((w) => w.eventId === event.id)!.bodies[format],
        status: 'PENDING',
        attempts: 0,
        lease_until: null,
        due: true,
      });
    const expected = [
      ...events.map(message(everything.id, 'JSON')),
      ...comments.map(message(commentsToSlack.id, 'SLACK')),
      ...created.map(message(disabled.id, 'JSON')),
    ].sort((a, b) =>
      a.webhook_id === b.webhook_id
        ? a.sequence - b.sequence
        : a.webhook_id < b.webhook_id
          ? -1
          : 1,
    );
    expect(rows).toEqual(expected);
    // The bodies differ by format, so the CASE picked each endpoint's.
    expect(written[0]!.bodies.JSON).not.toBe(written[0]!.bodies.SLACK);
  });

  it('refuses the same event twice for one endpoint, so a retried commit hook cannot double it', async () => {
    const events = await launchWithEvents(fixture, admin, 0);
    const statement = outbox.insertForEndpointsStatement(outboxEvents(events));
    await runStatement(database.dataSource, statement);
    await expect(runStatement(database.dataSource, statement)).rejects.toMatchObject({
      code: '23505',
    });
    const [row] = (await database.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_message WHERE launch_id = $1`,
      [events[0]!.launchId],
    )) as [{ n: number }];
    // CREATED goes to the catch-all and the disabled endpoint, once each.
    expect(row.n).toBe(2 * events.length);
  });
});
