import type { Actor } from '#workflow';
import {
  WebhookRepository,
  type ClaimedMessage,
  type WebhookRow,
} from '../../apps/api/src/webhooks/webhook.repository.js';
import { LaunchFixture } from '../support/launch-fixture.js';
import { useRepositoryDatabase } from '../support/repository-database.js';
import { enqueue, launchWithEvents } from '../support/webhook-fixture.js';

const LEASE_MS = 600_000;
const RULES = { maxAttempts: 3, retryInMs: 3_600_000, disableAfter: 100 };
const failed = { ok: false as const, responseCode: 500, error: 'HTTP 500', durationMs: 12 };
const delivered = { ok: true as const, responseCode: 204, durationMs: 7.6 };

describe('WebhookRepository', () => {
  const database = useRepositoryDatabase('webhook_repo');
  let fixture: LaunchFixture;
  let hooks: WebhookRepository;
  let admin: Actor;

  beforeAll(async () => {
    fixture = new LaunchFixture(database.dataSource);
    hooks = new WebhookRepository(database.dataSource);
    admin = await fixture.actor('ADMIN');
  });
  // Messages are written for every endpoint, as in production: each test sees only its own.
  afterEach(() => database.dataSource.query(`DELETE FROM webhook`));

  const endpoint = (secret = 'secret-1'): Promise<WebhookRow> =>
    hooks.insert({
      url: 'https://hooks.example.test/in',
      eventTypes: null,
      format: 'JSON',
      secret,
      createdById: admin.id,
    });
  /** Claims everything due and keeps what belongs to `webhookId` (claims are installation-wide). */
  const claimFor = async (webhookId: string): Promise<ClaimedMessage[]> =>
    (await hooks.claim(100, LEASE_MS)).filter((m) => m.webhookId === webhookId);

  it('insert, find, list and delete an endpoint', async () => {
    const hook = await endpoint();
    expect(hook).toEqual({
      id: expect.any(String),
      url: 'https://hooks.example.test/in',
      eventTypes: null,
      format: 'JSON',
      enabled: true,
      disabledAt: null,
      disabledReason: null,
      consecutiveFailures: 0,
      createdAt: expect.any(Date),
    });
    await expect(hooks.find(hook.id)).resolves.toEqual(hook);
    expect((await hooks.list()).map((h) => h.id)).toContain(hook.id);
    await expect(hooks.delete(hook.id)).resolves.toBe(true);
    await expect(hooks.delete(hook.id)).resolves.toBe(false);
    await expect(hooks.find(hook.id)).resolves.toBeNull();
  });

  it('claim hands out only the oldest pending message per launch, once per lease', async () => {
    const hook = await endpoint();
    const a = await launchWithEvents(fixture, admin, 1);
    const b = await launchWithEvents(fixture, admin, 0);
    const [a1, a2] = await enqueue(fixture, hook.id, a);
    const [b1] = await enqueue(fixture, hook.id, b);

    const claimed = await claimFor(hook.id);
    expect(claimed.map((m) => m.id).sort()).toEqual([a1!.id, b1!.id].sort());
    expect(claimed.find((m) => m.id === a1!.id)).toEqual({
      id: a1!.id,
      webhookId: hook.id,
      eventId: a1!.eventId,
      body: a1!.body,
      attempts: 0,
      url: hook.url,
      secrets: ['secret-1'],
    });
    // Leased: nobody else gets them meanwhile, and a2 waits behind a1.
    await expect(claimFor(hook.id)).resolves.toEqual([]);

    await hooks.release(a1!.id);
    expect((await claimFor(hook.id)).map((m) => m.id)).toEqual([a1!.id]);

    await expect(
      hooks.record(
        claimed.find((m) => m.id === a1!.id)!,
        delivered,
        RULES,
      ),
    ).resolves.toBe('DELIVERED');
    expect((await claimFor(hook.id)).map((m) => m.id)).toEqual([a2!.id]);
  });

  it('record: a failure is retried later, holds back the launch’s next message, and gives up at maxAttempts', async () => {
    const hook = await endpoint();
    const [m1, m2] = await enqueue(fixture, hook.id, await launchWithEvents(fixture, admin, 1));
    const [first] = await claimFor(hook.id);
    await expect(hooks.record(first!, failed, RULES)).resolves.toBe('FAILED');
    const [row] = (await database.dataSource.query(
      `SELECT status, attempts, lease_until, next_attempt_at > now() + interval '59 minutes' AS later
         FROM webhook_message WHERE id = $1`,
      [m1!.id],
    )) as [Record<string, unknown>];
    expect(row).toEqual({ status: 'PENDING', attempts: 1, lease_until: null, later: true });
    // Not due yet, and its successor may not overtake it.
    await expect(claimFor(hook.id)).resolves.toEqual([]);
    await expect(hooks.find(hook.id)).resolves.toMatchObject({ consecutiveFailures: 1 });

    // The hour passes (the database's clock is not the test's to move).
    await database.dataSource.query(
      `UPDATE webhook_message SET next_attempt_at = now() WHERE id = $1`,
      [m1!.id],
    );
    const now = { ...RULES, retryInMs: 0 };
    const [second] = await claimFor(hook.id);
    expect(second).toMatchObject({ id: m1!.id, attempts: 1 });
    await expect(hooks.record(second!, failed, now)).resolves.toBe('FAILED');
    const [third] = await claimFor(hook.id);
    await expect(hooks.record(third!, failed, now)).resolves.toBe('GAVE_UP');
    // Given up: the launch's next message is free to go.
    expect((await claimFor(hook.id)).map((m) => m.id)).toEqual([m2!.id]);

    const log = await hooks.deliveries(hook.id, null, 10);
    expect(log.map((d) => [d.attempt, d.status, d.responseCode, d.error])).toEqual([
      [3, 'GAVE_UP', 500, 'HTTP 500'],
      [2, 'FAILED', 500, 'HTTP 500'],
      [1, 'FAILED', 500, 'HTTP 500'],
    ]);
    expect(log[0]).toMatchObject({ eventId: m1!.eventId, durationMs: 12 });
  });

  it('disables an endpoint after disableAfter consecutive failures; enable makes its waiting messages due at once', async () => {
    const hook = await endpoint();
    const [m1] = await enqueue(fixture, hook.id, await launchWithEvents(fixture, admin, 0));
    const rules = { maxAttempts: 10, retryInMs: 3_600_000, disableAfter: 2 };
    await hooks.record((await claimFor(hook.id))[0]!, failed, { ...rules, retryInMs: 0 });
    await expect(hooks.find(hook.id)).resolves.toMatchObject({ enabled: true });
    await hooks.record((await claimFor(hook.id))[0]!, failed, rules);
    const disabled = await hooks.find(hook.id);
    expect(disabled).toMatchObject({
      enabled: false,
      consecutiveFailures: 2,
      disabledAt: expect.any(Date),
      disabledReason: expect.stringContaining('HTTP 500'),
    });

    const enabled = await hooks.enable(hook.id);
    expect(enabled).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    // The retry was an hour away; enabling makes it due now.
    expect((await claimFor(hook.id)).map((m) => m.id)).toEqual([m1!.id]);
    await expect(hooks.enable('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });

  it('a disabled endpoint’s messages are not claimed', async () => {
    const hook = await endpoint();
    await enqueue(fixture, hook.id, await launchWithEvents(fixture, admin, 0));
    await database.dataSource.query(`UPDATE webhook SET enabled = false WHERE id = $1`, [hook.id]);
    await expect(claimFor(hook.id)).resolves.toEqual([]);
  });

  it('a success resets the failure count', async () => {
    const hook = await endpoint();
    const events = await launchWithEvents(fixture, admin, 1);
    await enqueue(fixture, hook.id, events);
    const rules = { ...RULES, retryInMs: 0 };
    await hooks.record((await claimFor(hook.id))[0]!, failed, rules);
    await expect(hooks.find(hook.id)).resolves.toMatchObject({ consecutiveFailures: 1 });
    await hooks.record((await claimFor(hook.id))[0]!, delivered, rules);
    await expect(hooks.find(hook.id)).resolves.toMatchObject({ consecutiveFailures: 0 });
    const [log] = await hooks.deliveries(hook.id, null, 1);
    expect(log).toMatchObject({
      status: 'DELIVERED',
      responseCode: 204,
      error: null,
      durationMs: 8,
    });
  });

  it('rotate signs with the new secret and the previous one until it expires', async () => {
    const hook = await endpoint('old-secret');
    await enqueue(fixture, hook.id, await launchWithEvents(fixture, admin, 0));
    await hooks.rotate(hook.id, 'new-secret', new Date(Date.now() + 3_600_000));
    const [claimed] = await claimFor(hook.id);
    expect(claimed!.secrets).toEqual(['new-secret', 'old-secret']);

    await hooks.release(claimed!.id);
    await hooks.rotate(hook.id, 'newest-secret', new Date(Date.now() - 1_000));
    expect((await claimFor(hook.id))[0]!.secrets).toEqual(['newest-secret']);
    await expect(
      hooks.rotate('00000000-0000-4000-8000-000000000000', 'x', new Date()),
    ).resolves.toBeNull();
  });

  it('deliveries pages newest first by (at, id)', async () => {
    const hook = await endpoint();
    const events = await launchWithEvents(fixture, admin, 4);
    await enqueue(fixture, hook.id, events);
    for (let i = 0; i < events.length; i += 1) {
      await hooks.record((await claimFor(hook.id))[0]!, delivered, RULES);
    }
    const all = await hooks.deliveries(hook.id, null, 100);
    expect(all.map((d) => d.eventId)).toEqual(events.map((e) => e.id).reverse());
    const first = await hooks.deliveries(hook.id, null, 2);
    const last = first.at(-1)!;
    const rest = await hooks.deliveries(hook.id, { at: last.at.toISOString(), id: last.id }, 100);
    expect([...first, ...rest].map((d) => d.id)).toEqual(all.map((d) => d.id));
  });

  it('deleting an endpoint deletes its outbox and its delivery log', async () => {
    const hook = await endpoint();
    await enqueue(fixture, hook.id, await launchWithEvents(fixture, admin, 0));
    await hooks.record((await claimFor(hook.id))[0]!, delivered, RULES);
    await hooks.delete(hook.id);
    const [left] = (await database.dataSource.query(
      `SELECT (SELECT count(*) FROM webhook_message WHERE webhook_id = $1)::int
            + (SELECT count(*) FROM webhook_delivery WHERE webhook_id = $1)::int AS n`,
      [hook.id],
    )) as [{ n: number }];
    expect(left.n).toBe(0);
  });
});
