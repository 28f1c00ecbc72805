import { createLaunch, createTeamMembers, ok } from '../support/launch-factory.js';
import { launchAtGa, zendeskBody, zendeskHeaders } from '../support/outcome-fixtures.js';
import { bootTestApp, uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';

const SECRET = 'dGhpcyBpcyBhIHplbmRlc2sgc2VjcmV0';
const ROUTE = '/integrations/zendesk/tickets';

describe('the Zendesk receiver', () => {
  let app: TestApp;
  let coordinator: TestUser;

  const send = (body: string, headers: Record<string, string>) =>
    fetch(`${app.url}${ROUTE}`, { method: 'POST', headers, body });
  const stored = async (id: string): Promise<{ launch_key: string | null; opened_at: Date }[]> =>
    app.running.database.dataSource.query(
      `SELECT launch_key, opened_at FROM support_ticket WHERE source = 'zendesk' AND external_id = $1`,
      [id],
    );
  const afterCount = async (id: string) =>
    ok(
      await app.gql<{ launch: { outcome: { ticketsAfter: number } } }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) { outcome { ticketsAfter } } }`,
        { id },
      ),
    ).launch.outcome.ticketsAfter;

  beforeAll(async () => {
    app = await bootTestApp({ ZENDESK_WEBHOOK_SECRET: SECRET });
    coordinator = await app.createUser({ role: 'COORDINATOR' });
  });
  afterAll(() => app.close());

  it('stores a ticket signed the way Zendesk signs, raising its launch count; the same request again changes nothing', async () => {
    const members = await createTeamMembers(app);
    const launch = await launchAtGa(app, coordinator, members);
    const id = uniqueSuffix();
    // With seconds: the launch reached GA within this minute.
    const body = zendeskBody({
      id,
      createdAt: new Date().toISOString(),
      tags: `vip launch-no-such-thing launch-${launch.key}`,
    });
    const headers = zendeskHeaders(SECRET, body);
    expect(await afterCount(launch.id)).toBe(0);

    const first = await send(body, headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await afterCount(launch.id)).toBe(1);
    expect((await stored(id))[0]!.launch_key).toBe(launch.key);

    const again = await send(body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await afterCount(launch.id)).toBe(1);
    expect(await stored(id)).toHaveLength(1);
  });

  it('a ticket whose tags name no launch is a control ticket, not an error', async () => {
    const id = uniqueSuffix();
    const body = zendeskBody({ id, tags: 'launch-nothing-here billing' });
    const res = await send(body, zendeskHeaders(SECRET, body));
    expect(res.status).toBe(200);
    expect((await stored(id)).map((r) => r.launch_key)).toEqual([null]);
  });

  it('accepts a created_at a little ahead of this clock and stores it as now', async () => {
    const id = uniqueSuffix();
    const ahead = new Date(Date.now() + 2 * 60_000).toISOString();
    const body = zendeskBody({ id, createdAt: ahead });
    expect((await send(body, zendeskHeaders(SECRET, body))).status).toBe(200);
    expect((await stored(id))[0]!.opened_at.getTime()).toBeLessThan(Date.parse(ahead));
  });

  const minutesAgo = (m: number) =>
    new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  it.each<[string, (id: string) => { body: string; headers: Record<string, string> }, number]>([
    [
      'a wrong secret',
      (id) => {
        const body = zendeskBody({ id });
        return { body, headers: zendeskHeaders('another secret entirely', body) };
      },
      401,
    ],
    [
      'a body changed after signing',
      (id) => {
        const body = zendeskBody({ id });
        return { body: body.replace('normal', 'urgent'), headers: zendeskHeaders(SECRET, body) };
      },
      401,
    ],
    [
      'a timestamp 10 minutes old (a replay)',
      (id) => {
        const body = zendeskBody({ id });
        return { body, headers: zendeskHeaders(SECRET, body, minutesAgo(10)) };
      },
      401,
    ],
    [
      'a timestamp 10 minutes ahead',
      (id) => {
        const body = zendeskBody({ id });
        return { body, headers: zendeskHeaders(SECRET, body, minutesAgo(-10)) };
      },
      401,
    ],
    [
      'no signature',
      (id) => {
        const body = zendeskBody({ id });
        const { 'x-zendesk-webhook-signature': _dropped, ...headers } = zendeskHeaders(
          SECRET,
          body,
        );
        return { body, headers };
      },
      401,
    ],
    [
      'a signed body that is not JSON',
      (id) => {
        const body = `ticket_id=${id}`;
        return { body, headers: zendeskHeaders(SECRET, body) };
      },
      400,
    ],
    [
      'a signed body without created_at',
      (id) => {
        const body = JSON.stringify({ ticket_id: id, tags: '' });
        return { body, headers: zendeskHeaders(SECRET, body) };
      },
      400,
    ],
    [
      'a signed body with a created_at an hour ahead',
      (id) => {
        const body = zendeskBody({ id, createdAt: new Date(Date.now() + 3_600_000).toISOString() });
        return { body, headers: zendeskHeaders(SECRET, body) };
      },
      400,
    ],
  ])('refuses %s and stores nothing', async (_label, build, status) => {
    const id = uniqueSuffix();
    const { body, headers } = build(id);
    const res = await send(body, headers);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toMatch(/at .*\.js|SELECT/); // no stack, no SQL
    expect(await stored(id)).toEqual([]);
  });

  it('answers 404 when no secret is configured', async () => {
    const plain = await bootTestApp();
    try {
      const body = zendeskBody({ id: uniqueSuffix() });
      const res = await fetch(`${plain.url}${ROUTE}`, {
        method: 'POST',
        headers: zendeskHeaders(SECRET, body),
        body,
      });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('leaves every other route its JSON body parser', async () => {
    const launch = await createLaunch(app, coordinator.token);
    expect(launch.key).toMatch(/^launch-/);
  });
});
