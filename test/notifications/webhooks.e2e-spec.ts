import { jest } from '@jest/globals';
import { WebhookRepository } from '../../apps/api/src/webhooks/webhook.repository.js';
import { createLaunch, errorOf, ok, signOff } from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { COMMENT, percentile, waitFor } from './notification-helpers.js';
import { WebhookReceiver, verifiedBy, type Received } from './webhook-receiver.js';

const CREATE = `mutation($i: CreateWebhookInput!) {
  createWebhook(input: $i) { secret webhook { id url eventTypes format enabled disabledReason consecutiveFailures } }
}`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) {
  edges { node { id eventId attempt status responseCode error at } } } }`;
const WEBHOOKS = `{ webhooks { id url enabled disabledReason } }`;

interface Delivery {
  eventId: string;
  attempt: number;
  status: string;
  responseCode: number | null;
  error: string | null;
}

/**
 * No message of these endpoints is waiting any more: everything they will be sent has been
 * received (the receiver records a request before it answers). The condition to wait for
 * instead of a pause that hopes nothing more follows.
 */
async function settled(app: TestApp, webhookIds: string[]): Promise<boolean> {
  const [{ pending }] = (await app.running.database.dataSource.query(
    `SELECT count(*)::int AS pending FROM webhook_message WHERE webhook_id = ANY($1) AND status = 'PENDING'`,
    [webhookIds],
  )) as [{ pending: number }];
  return pending === 0;
}

// Fast clocks for tests; the defaults are in AppConfig.
const FAST = {
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_TIMEOUT_MS: '1000',
};

async function createHook(
  app: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const res = ok(
    await app.gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(token, CREATE, {
      i: input,
    }),
  );
  return { id: res.createWebhook.webhook.id, secret: res.createWebhook.secret };
}

/** Attempts oldest first (the API lists newest first). */
async function deliveries(app: TestApp, token: string, id: string): Promise<Delivery[]> {
  const res = ok(
    await app.gql<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(token, DELIVERIES, {
      id,
    }),
  );
  return res.webhookDeliveries.edges.map((e) => e.node).reverse();
}

async function comment(app: TestApp, token: string, launchId: string, body: string) {
  return ok(
    await app.gql<{ addComment: { id: string; sequence: number } }>(token, COMMENT, {
      i: { launchId, body },
    }),
  ).addComment;
}

const idOf = (r: Received) => r.headers['webhook-id'];

describe('webhooks, with loopback allowed', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    db = await createScratchDatabase('webhooks');
    app = await bootTestApp({
      DATABASE_URL: db.url,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_DISABLE_AFTER_FAILURES: '50',
      RATE_LIMIT_MUTATIONS_PER_MIN: '100000',
      ...FAST,
    });
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    otherCoordinator = await app.createUser({ role: 'COORDINATOR' });
  });
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    // Endpoints belong to the installation: remove this test's so the next starts clean.
    const hooks = ok(await app.gql<{ webhooks: { id: string }[] }>(coordinator.token, WEBHOOKS));
    for (const hook of hooks.webhooks) {
      ok(await app.gql(coordinator.token, `mutation($id: ID!) { deleteWebhook(id: $id) }`, hook));
    }
    await receiver.close();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('refuses bad input with BAD_USER_INPUT and stores nothing; members may not manage webhooks', async () => {
    const member = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    for (const [input, field] of [
      [{ url: 'not a url' }, 'url'],
      [{ url: 'ftp://127.0.0.1/x' }, 'url'],
      [{ url: receiver.url.replace('http://', 'http://user:secret@') }, 'url'],
      [{ url: receiver.url.replace('http://', 'http://token@') }, 'url'],
      [{ url: receiver.url, eventTypes: [] }, 'eventTypes'],
      [{ url: receiver.url, eventTypes: ['COMMENTED', 'LAUNCHED'] }, 'eventTypes'],
    ] as const) {
      const res = await app.gql(coordinator.token, CREATE, { i: input });
      expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(
      errorOf(await app.gql(member.token, CREATE, { i: { url: receiver.url } })).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await app.gql(member.token, WEBHOOKS)).extensions?.code).toBe('FORBIDDEN');
    expect(
      ok(await app.gql<{ webhooks: unknown[] }>(coordinator.token, WEBHOOKS)).webhooks,
    ).toEqual([]);
  });

  it('delivers matching events signed per Standard Webhooks, as JSON and as Slack messages; any coordinator manages any endpoint', async () => {
    const slack = await WebhookReceiver.start();
    try {
      const json = await createHook(app, coordinator.token, {
        url: receiver.url,
        eventTypes: ['COMMENTED', 'SIGNED_NO_GO'],
      });
      expect(json.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      const chat = await createHook(app, otherCoordinator.token, {
        url: slack.url,
        format: 'SLACK',
      });
      const launch = await createLaunch(app, coordinator.token);
      const member = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
      const noGo = ok(await signOff(app, member.token, launch.id, 'SUPPORT', 'NO_GO', 'No FAQ'));
      const commented = await comment(app, coordinator.token, launch.id, 'Writing it now');
      await waitFor(() => settled(app, [json.id, chat.id]));

      expect(receiver.requests).toHaveLength(2);
      for (const request of receiver.requests) {
        expect(verifiedBy(request, [json.secret])).toEqual([json.secret]);
        expect(request.headers['content-type']).toBe('application/json');
      }
      const [first, second] = receiver.bodies<{
        type: string;
        timestamp: string;
        data: Record<string, unknown>;
      }>();
      expect(first).toMatchObject({
        type: 'SIGNED_NO_GO',
        data: {
          launchId: launch.id,
          sequence: 2,
          type: 'SIGNED_NO_GO',
          team: 'SUPPORT',
          actor: { id: member.id, role: 'MEMBER' },
          data: { signOffId: noGo.signOff.id, comment: 'No FAQ' },
          launch: { id: launch.id, key: launch.key },
        },
      });
      expect(second).toMatchObject({
        type: 'COMMENTED',
        data: { id: commented.id, sequence: 3, data: { respondsTo: [noGo.signOff.id] } },
      });

      // Slack: every type (no list given), one line and a link to the launch page.
      expect(slack.requests.map((r) => verifiedBy(r, [chat.secret]).length)).toEqual([1, 1, 1]);
      const texts = slack.bodies<{ text: string }>().map((b) => b.text);
      expect(texts[1]).toContain(`blocked Planning of Test launch (${launch.key})`);
      for (const text of texts) {
        expect(text).not.toContain('\n');
        expect(text).toContain(`/admin/#/launches/${launch.key}|`);
      }
      const log = await deliveries(app, otherCoordinator.token, json.id);
      expect(log.map((d) => [d.attempt, d.status, d.responseCode])).toEqual([
        [1, 'DELIVERED', 204],
        [1, 'DELIVERED', 204],
      ]);
    } finally {
      await slack.close();
    }
  });

  it('retries a 500 with the same webhook-id and body', async () => {
    receiver.respond = (_r, i) => ({ status: i === 0 ? 500 : 200 });
    const hook = await createHook(app, coordinator.token, { url: receiver.url });
    const launch = await createLaunch(app, coordinator.token);
    await waitFor(() => receiver.requests.length >= 2);
    const [failed, retried] = receiver.requests as [Received, Received];
    expect(idOf(retried)).toBe(idOf(failed));
    expect(retried.body).toBe(failed.body);
    expect(verifiedBy(failed, [hook.secret])).toHaveLength(1);
    expect(verifiedBy(retried, [hook.secret])).toHaveLength(1);
    await waitFor(async () => (await deliveries(app, coordinator.token, hook.id)).length === 2);
    const log = await deliveries(app, coordinator.token, hook.id);
    expect(log.map((d) => [d.attempt, d.status, d.responseCode])).toEqual([
      [1, 'FAILED', 500],
      [2, 'DELIVERED', 200],
    ]);
    expect(JSON.parse(failed.body)).toMatchObject({
      type: 'CREATED',
      data: { launchId: launch.id },
    });
  });

  it('gives up after the bounded number of tries, shows it, and moves on to the next event', async () => {
    const deliveriesBy = async (outcome: string) => {
      const series = `liftoff_webhook_deliveries_total{outcome="${outcome}"} `;
      const line = (await (await fetch(`${app.url}/metrics`)).text())
        .split('\n')
        .find((l) => l.startsWith(series));
      return line ? Number(line.slice(series.length)) : 0;
    };
    const before = {
      failed: await deliveriesBy('FAILED'),
      gaveUp: await deliveriesBy('GAVE_UP'),
      delivered: await deliveriesBy('DELIVERED'),
    };
    receiver.respond = (_r, i) => ({ status: i < 3 ? 500 : 204 });
    const hook = await createHook(app, coordinator.token, { url: receiver.url });
    const launch = await createLaunch(app, coordinator.token);
    await waitFor(async () => (await deliveries(app, coordinator.token, hook.id)).length >= 3);
    await comment(app, coordinator.token, launch.id, 'after the give-up');
    // The receiver records a request before it answers, so its count runs ahead of the
    // log: wait for the fourth attempt's row itself.
    await waitFor(
      async () => (await deliveries(app, coordinator.token, hook.id)).length >= 4,
      15_000,
      'the fourth attempt in the delivery log',
    );
    const log = await deliveries(app, coordinator.token, hook.id);
    expect(log.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'GAVE_UP'],
      [1, 'DELIVERED'],
    ]);
    expect(new Set(receiver.requests.slice(0, 3).map(idOf)).size).toBe(1);
    expect(receiver.bodies().map((b) => b.type)).toEqual([
      'CREATED',
      'CREATED',
      'CREATED',
      'COMMENTED',
    ]);
    // The same attempts, counted in /metrics by outcome (just after each attempt's row commits).
    await waitFor(
      async () => (await deliveriesBy('DELIVERED')) > before.delivered,
      15_000,
      'the fourth attempt in /metrics',
    );
    expect(await deliveriesBy('FAILED')).toBe(before.failed + 2);
    expect(await deliveriesBy('GAVE_UP')).toBe(before.gaveUp + 1);
    expect(await deliveriesBy('DELIVERED')).toBe(before.delivered + 1);
  });

  it('a new secret signs beside the old one after rotation', async () => {
    const hook = await createHook(app, coordinator.token, { url: receiver.url });
    const rotated = ok(
      await app.gql<{ rotateWebhookSecret: { secret: string } }>(
        otherCoordinator.token,
        `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id } } }`,
        { id: hook.id },
      ),
    ).rotateWebhookSecret.secret;
    expect(rotated).not.toBe(hook.secret);
    await createLaunch(app, coordinator.token);
    await waitFor(() => receiver.requests.length >= 1);
    const [request] = receiver.requests as [Received];
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifiedBy(request, [hook.secret, rotated]).sort()).toEqual(
      [hook.secret, rotated].sort(),
    );
  });

  it('does not follow redirects, and a receiver slower than the timeout is a failed attempt', async () => {
    receiver.respond = (r) =>
      r.path === '/hooks' ? { status: 302, headers: { location: '/elsewhere' } } : { status: 204 };
    const redirected = await createHook(app, coordinator.token, { url: receiver.url });
    await createLaunch(app, coordinator.token);
    await waitFor(
      async () => (await deliveries(app, coordinator.token, redirected.id)).length >= 1,
    );
    const [attempt] = await deliveries(app, coordinator.token, redirected.id);
    expect(attempt).toMatchObject({ status: 'FAILED', responseCode: 302 });
    expect(attempt!.error).toMatch(/redirect/);
    expect(receiver.requests.every((r) => r.path === '/hooks')).toBe(true);
    ok(
      await app.gql(coordinator.token, `mutation($id: ID!) { deleteWebhook(id: $id) }`, redirected),
    );

    receiver.respond = () => ({ status: 204, delayMs: 2_500 });
    const slow = await createHook(app, coordinator.token, { url: `${receiver.url}?slow=1` });
    await createLaunch(app, coordinator.token);
    await waitFor(async () => (await deliveries(app, coordinator.token, slow.id)).length >= 1);
    const [timedOut] = await deliveries(app, coordinator.token, slow.id);
    // Recorded as the timeout, not as the 204 the receiver sends after 2.5 s.
    expect(timedOut).toMatchObject({ status: 'FAILED', responseCode: null });
    expect(timedOut!.error).toMatch(/no answer within 1000 ms/);
  });

  // The latency is printed, not asserted: a figure for the benchmark, not a pass/fail rule.
  it('delivers 1,000 events once each, in sequence order per launch (and prints the latency, commit to receiver)', async () => {
    await createHook(app, coordinator.token, { url: receiver.url, eventTypes: ['COMMENTED'] });
    const launches = [];
    for (let i = 0; i < 10; i += 1) launches.push(await createLaunch(app, coordinator.token));
    const n = Number(process.env.WEBHOOK_LATENCY_SAMPLES ?? 1_000);
    const answeredAt = new Map<string, number>();
    for (let i = 0; i < n; i += 1) {
      const event = await comment(app, coordinator.token, launches[i % 10]!.id, `event ${i}`);
      answeredAt.set(event.id, Date.now());
    }
    await waitFor(() => receiver.requests.length >= n, 60_000, `${n} deliveries`);
    const created: { event_id: string; created_at: Date }[] =
      await app.running.database.dataSource.query(
        `SELECT event_id, created_at FROM webhook_message WHERE event_id = ANY($1)`,
        [[...answeredAt.keys()]],
      );
    const createdAt = new Map(created.map((r) => [r.event_id, r.created_at.getTime()]));
    const fromAnswer: number[] = [];
    const fromOutbox: number[] = [];
    for (const request of receiver.requests) {
      const id = JSON.parse(request.body).data.id as string;
      fromAnswer.push(request.at - answeredAt.get(id)!);
      fromOutbox.push(request.at - createdAt.get(id)!);
    }
    process.stdout.write(
      `webhook delivery latency over ${n} events: from the mutation's answer (just after commit) median ${percentile(fromAnswer, 50)} ms, p99 ${percentile(fromAnswer, 99)} ms; from the outbox row's insert (just before commit) median ${percentile(fromOutbox, 50)} ms, p99 ${percentile(fromOutbox, 99)} ms\n`,
    );
    // Each launch's events arrive in sequence order.
    const bodies = receiver.bodies();
    for (const launch of launches) {
      const seqs = bodies.filter((b) => b.data.launchId === launch.id).map((b) => b.data.sequence);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    expect(receiver.requests).toHaveLength(n);
  });
});

describe('webhooks: disabled after repeated failure, events wait and go out in order', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    db = await createScratchDatabase('webhooks_disable');
    app = await bootTestApp({
      DATABASE_URL: db.url,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.0/8',
      WEBHOOK_MAX_ATTEMPTS: '20',
      WEBHOOK_DISABLE_AFTER_FAILURES: '2',
      ...FAST,
    });
    coordinator = await app.createUser({ role: 'COORDINATOR' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('disables the endpoint, keeps its events, and delivers them in order once re-enabled', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      receiver.respond = () => ({ status: 503 });
      const hook = await createHook(app, coordinator.token, {
        url: receiver.url,
        eventTypes: ['COMMENTED'],
      });
      const launch = await createLaunch(app, coordinator.token);
      const first = await comment(app, coordinator.token, launch.id, 'one');
      await waitFor(async () => {
        const { webhooks } = ok(
          await app.gql<{ webhooks: { enabled: boolean }[] }>(coordinator.token, WEBHOOKS),
        );
        return webhooks[0]?.enabled === false;
      });
      const { webhooks } = ok(
        await app.gql<{ webhooks: { enabled: boolean; disabledReason: string }[] }>(
          coordinator.token,
          WEBHOOKS,
        ),
      );
      expect(webhooks[0]!.disabledReason).toMatch(/2 consecutive failed attempts.*HTTP 503/);
      // Watch the dispatcher's own passes over the outbox (a pass-through spy) instead of
      // waiting a while: three whole passes after the comments take nothing of this endpoint.
      const claim = jest.spyOn(app.running.app.get(WebhookRepository), 'claim');
      const second = await comment(app, coordinator.token, launch.id, 'two');
      const third = await comment(app, coordinator.token, launch.id, 'three');
      const from = claim.mock.calls.length;
      await waitFor(() => claim.mock.results.length >= from + 3);
      const taken = await Promise.all(claim.mock.results.slice(from).map((r) => r.value));
      claim.mockRestore();
      expect(taken.flat()).toEqual([]);
      expect(receiver.requests).toHaveLength(2); // nothing goes to a disabled endpoint

      receiver.respond = () => ({ status: 200 });
      const enabled = ok(
        await app.gql<{ enableWebhook: { enabled: boolean } }>(
          coordinator.token,
          `mutation($id: ID!) { enableWebhook(id: $id) { enabled } }`,
          { id: hook.id },
        ),
      );
      expect(enabled.enableWebhook.enabled).toBe(true);
      await waitFor(() => settled(app, [hook.id]));
      const ids = receiver.bodies<{ data: { id: string } }>().map((b) => b.data.id);
      expect(ids).toEqual([first.id, first.id, first.id, second.id, third.id]);
      expect(new Set(receiver.requests.slice(0, 3).map(idOf)).size).toBe(1);
      expect(new Set(receiver.requests.slice(0, 3).map((r) => r.body)).size).toBe(1);
      const log = await deliveries(app, coordinator.token, hook.id);
      expect(log.map((d) => [d.eventId, d.attempt, d.status])).toEqual([
        [first.id, 1, 'FAILED'],
        [first.id, 2, 'FAILED'],
        [first.id, 3, 'DELIVERED'],
        [second.id, 1, 'DELIVERED'],
        [third.id, 1, 'DELIVERED'],
      ]);
    } finally {
      await receiver.close();
    }
  });
});

describe('webhooks: the SSRF guard', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    db = await createScratchDatabase('webhooks_ssrf');
  });
  afterAll(() => db?.drop());

  it('refuses private and loopback targets without the allow-list, at creation and again at delivery', async () => {
    const receiver = await WebhookReceiver.start();
    // An installation that allowed loopback registers an endpoint...
    const allowing = await bootTestApp({
      DATABASE_URL: db.url,
      WEBHOOK_ALLOWED_HOSTS: 'localhost, 127.0.0.1',
      ...FAST,
    });
    const coordinator = await allowing.createUser({ role: 'COORDINATOR' });
    const hook = await createHook(allowing, coordinator.token, {
      url: `http://localhost:${receiver.port}/`,
    });
    await allowing.close();
    // ...and then runs without the allow-list.
    const app = await bootTestApp({ DATABASE_URL: db.url, ...FAST });
    try {
      for (const url of [
        receiver.url,
        `http://localhost:${receiver.port}/`,
        'http://10.20.30.40/hook',
        'http://192.168.1.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://0.0.0.0/hook',
        // IPv4-embedding IPv6: compatible, mapped (SIIT), NAT64, 6to4, Teredo.
        `http://[::127.0.0.1]:${receiver.port}/`,
        `http://[::ffff:0:7f00:1]:${receiver.port}/`,
        'http://[64:ff9b::7f00:1]/hook',
        'http://[64:ff9b:1::a00:1]/hook',
        `http://[2002:7f00:1::]:${receiver.port}/`,
        'http://[2001:0:7f00:1::]/hook',
        'http://[fd00::1]/hook',
        'http://[fe80::1]/hook',
        'http://100.64.0.1/hook',
        'http://198.18.0.1/hook',
      ]) {
        const res = await app.gql(coordinator.token, CREATE, { i: { url } });
        expect({ url, ...errorOf(res).extensions }).toMatchObject({
          url,
          code: 'BAD_USER_INPUT',
          field: 'url',
        });
      }
      // A name's refusal does not tell what it resolved to.
      const named = errorOf(
        await app.gql(coordinator.token, CREATE, {
          i: { url: `http://localhost:${receiver.port}/` },
        }),
      );
      expect(named.message).toMatch(/"localhost" does not resolve, or is or resolves to a private/);
      expect(named.message).not.toMatch(/127\.0\.0\.1|::1/);
      const { webhooks } = ok(await app.gql<{ webhooks: unknown[] }>(coordinator.token, WEBHOOKS));
      expect(webhooks).toHaveLength(1);

      await createLaunch(app, coordinator.token);
      await waitFor(async () => (await deliveries(app, coordinator.token, hook.id)).length >= 1);
      const [attempt] = await deliveries(app, coordinator.token, hook.id);
      expect(attempt).toMatchObject({ status: 'FAILED', responseCode: null });
      expect(attempt!.error).toMatch(/^refused: "localhost" does not resolve, or is or resolves/);
      expect(attempt!.error).not.toMatch(/127\.0\.0\.1|::1/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await app.close();
      await receiver.close();
    }
  });
});
