import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createScratchDatabase } from '../support/scratch-database.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { waitFor } from './notification-helpers.js';
import { WebhookReceiver, verifiedBy } from './webhook-receiver.js';

/** Runs against the built server (`npm run build:api` first), killed with SIGKILL mid-delivery. */
describe('webhook deliveries survive SIGKILL of the API process', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  const servers: ServerProcess[] = [];
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    db = await createScratchDatabase('webhook_crash');
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    await receiver?.close();
    await db?.drop();
  });

  it('a message in flight and those queued behind it are all delivered after a restart, in order, as signed', async () => {
    const token = randomBytes(24).toString('base64url');
    const env = {
      DATABASE_URL: db.url,
      BOOTSTRAP_ADMIN_TOKEN: token,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '200',
      LOG_LEVEL: 'silent',
    };
    const first = await startServer(env);
    servers.push(first);
    const gql = async <T>(server: ServerProcess, query: string, variables = {}) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    // The receiver holds the first request open: the process dies while it is in flight.
    receiver.respond = (_r, i) => (i === 0 ? { status: 200, delayMs: 60_000 } : { status: 200 });
    const { createWebhook } = await gql<{ createWebhook: { secret: string } }>(
      first,
      `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }`,
      { i: { url: receiver.url } },
    );
    const { createLaunch } = await gql<{ createLaunch: { id: string } }>(
      first,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      { i: { key: `crash-${Date.now()}`, name: 'Crash test' } },
    );
    for (const body of ['one', 'two', 'three']) {
      await gql(first, `mutation($i: CommentInput!) { addComment(input: $i) { id } }`, {
        i: { launchId: createLaunch.id, body },
      });
    }
    await waitFor(() => receiver.requests.length >= 1, 10_000, 'the first delivery');
    expect(await first.stop('SIGKILL')).toBeNull();

    const second = await startServer(env);
    servers.push(second);
    // The dead process's lease runs out (timeout + margin), then the message goes again.
    // Every message DELIVERED (none PENDING): all that will be sent has been received.
    await waitFor(
      async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ pending: number }>(
            `SELECT count(*) FILTER (WHERE status <> 'DELIVERED')::int AS pending FROM webhook_message`,
          );
          return rows[0]!.pending === 0;
        } finally {
          await client.end();
        }
      },
      30_000,
      'every delivery',
    );
    const [held, ...rest] = receiver.requests;
    expect(rest).toHaveLength(4);
    expect(rest[0]!.headers['webhook-id']).toBe(held!.headers['webhook-id']);
    expect(rest[0]!.body).toBe(held!.body);
    expect(receiver.bodies().map((b) => [b.type, b.data.sequence])).toEqual([
      ['CREATED', 1],
      ['CREATED', 1],
      ['COMMENTED', 2],
      ['COMMENTED', 3],
      ['COMMENTED', 4],
    ]);
    for (const r of receiver.requests) {
      expect(verifiedBy(r, [createWebhook.secret])).toEqual([createWebhook.secret]);
    }
  });
});
