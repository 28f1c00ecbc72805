import { OutcomeSchedulerService } from '../../apps/api/src/outcomes/outcome-scheduler.service.js';
import {
  createLaunch,
  createTeamMembers,
  errorOf,
  ok,
  type LaunchDto,
  type TeamMembers,
} from '../support/launch-factory.js';
import { launchAtGa } from '../support/outcome-fixtures.js';
import { bootTestApp, uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';

const DAY_MS = 86_400_000;
const RECORD = `mutation($t: [SupportTicketInput!]!) { recordSupportTickets(tickets: $t) { created updated unchanged } }`;
const BASELINE = `mutation($l: [BaselineLaunchInput!]!) { recordBaselineLaunches(launches: $l) { key name gaAt } }`;
const OUTCOME = `query($id: ID!, $w: Int) { launch(id: $id) { version outcome(windowDays: $w) {
  windowDays gaAt complete ticketsBefore ticketsAfter allTicketsBefore allTicketsAfter daily { day count } } } }`;
const REPORT = `query($w: Int, $from: DateTime, $to: DateTime) { outcomeReport(windowDays: $w, from: $from, to: $to) {
  windowDays cohorts { name launches medianTicketsAfter meanTicketsAfter } } }`;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface Outcome {
  windowDays: number;
  gaAt: string | null;
  complete: boolean;
  ticketsBefore: number;
  ticketsAfter: number;
  allTicketsBefore: number;
  allTicketsAfter: number;
  daily: { day: string; count: number }[];
}

describe('outcomes: tickets, baseline launches, counts around GA', () => {
  let app: TestApp;
  let coordinator: TestUser;
  let members: TeamMembers;
  let source: string;

  const tickets = async (): Promise<number> => {
    const [row] = (await app.running.database.dataSource.query(
      `SELECT count(*)::int AS n FROM support_ticket WHERE source = $1`,
      [source],
    )) as [{ n: number }];
    return row.n;
  };
  const record = (list: Record<string, unknown>[], token = coordinator.token) =>
    app.gql<{ recordSupportTickets: { created: number; updated: number; unchanged: number } }>(
      token,
      RECORD,
      { t: list.map((t) => ({ source, ...t })) },
    );
  const outcome = async (id: string, w?: number) =>
    ok(
      await app.gql<{ launch: { version: number; outcome: Outcome } }>(coordinator.token, OUTCOME, {
        id,
        w,
      }),
    ).launch;

  beforeAll(async () => {
    // A loopback webhook target, to see OUTCOME_MEASURED reach the outbox.
    app = await bootTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    members = await createTeamMembers(app);
  });
  beforeEach(() => {
    source = `t${uniqueSuffix().replace(/[^a-z0-9]/g, '')}`.slice(0, 50);
  });
  afterAll(() => app.close());

  it('records tickets all or nothing, never counts one twice, and tells created, updated and unchanged apart', async () => {
    const launch = await createLaunch(app, coordinator.token);
    const first = ok(
      await record([
        { externalId: '1', openedAt: ago(DAY_MS), launchKey: launch.key },
        { externalId: '2', openedAt: ago(DAY_MS), priority: 'high' },
        { externalId: '2', openedAt: ago(2 * DAY_MS), priority: 'low' }, // the last copy wins
      ]),
    );
    expect(first.recordSupportTickets).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [two] = (await app.running.database.dataSource.query(
      `SELECT priority FROM support_ticket WHERE source = $1 AND external_id = '2'`,
      [source],
    )) as [{ priority: string }];
    expect(two.priority).toBe('low');

    const again = ok(
      await record([
        { externalId: '1', openedAt: ago(DAY_MS), launchKey: launch.key },
        { externalId: '2', openedAt: ago(2 * DAY_MS), priority: ' ' }, // blank: the priority goes
        { externalId: '3', openedAt: ago(DAY_MS), url: 'https://help.example.com/3' },
      ]),
    );
    // Ticket 1 moved to a new instant (ago() again), ticket 2 lost its priority.
    expect(again.recordSupportTickets).toEqual({ created: 1, updated: 2, unchanged: 0 });
    expect(await tickets()).toBe(3);

    const opened = ago(3 * DAY_MS);
    ok(await record([{ externalId: '4', openedAt: opened }]));
    expect(ok(await record([{ externalId: '4', openedAt: opened }])).recordSupportTickets).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await tickets()).toBe(4);
  });

  it.each([
    [
      '1,001 tickets',
      () => Array.from({ length: 1001 }, (_, i) => ({ externalId: `${i}`, openedAt: ago(DAY_MS) })),
      /1 to 1000 tickets/,
    ],
    [
      'an unknown launch key',
      () => [
        { externalId: 'a', openedAt: ago(DAY_MS) },
        { externalId: 'b', openedAt: ago(DAY_MS), launchKey: 'no-such-launch' },
      ],
      /"no-such-launch"/,
    ],
    [
      'a future openedAt',
      () => [{ externalId: 'a', openedAt: new Date(Date.now() + 60_000).toISOString() }],
      /future/,
    ],
    [
      'a bad source name',
      () => [{ externalId: 'a', openedAt: ago(DAY_MS), source: 'Zen desk' }],
      /source/,
    ],
    [
      'an ftp url',
      () => [{ externalId: 'a', openedAt: ago(DAY_MS), url: 'ftp://x.example.com' }],
      /http/,
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the problem, storing nothing',
    async (_label, build, message) => {
      const res = await record(build());
      expect(errorOf(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(errorOf(res).message).toMatch(message);
      expect(await tickets()).toBe(0);
    },
  );

  it('refuses members and viewers (FORBIDDEN) and stores nothing', async () => {
    const res = await record([{ externalId: 'x', openedAt: ago(DAY_MS) }], members.SUPPORT.token);
    expect(errorOf(res).extensions?.code).toBe('FORBIDDEN');
    expect(await tickets()).toBe(0);
  });

  it('baseline launches: recorded once, listed by gaAt, sharing the key namespace with launches', async () => {
    const key = `old-${uniqueSuffix()}`;
    const older = `older-${uniqueSuffix()}`;
    const gaAt = '2024-05-01T00:00:00.000Z';
    const input = [
      { key, name: 'Old checkout', gaAt },
      { key: older, name: 'Older search', gaAt: '2024-01-01T00:00:00.000Z' },
    ];
    expect(
      ok(
        await app.gql<{ recordBaselineLaunches: unknown[] }>(coordinator.token, BASELINE, {
          l: input,
        }),
      ).recordBaselineLaunches,
    ).toEqual(input);
    // The same again changes nothing.
    ok(await app.gql(coordinator.token, BASELINE, { l: input }));
    const list = ok(
      await app.gql<{ baselineLaunches: { key: string }[] }>(
        coordinator.token,
        `{ baselineLaunches { key name gaAt } }`,
      ),
    ).baselineLaunches;
    const mine = list.filter((b) => [key, older].includes(b.key));
    expect(mine.map((b) => b.key)).toEqual([older, key]);

    const launch = await createLaunch(app, coordinator.token);
    for (const l of [
      [{ key, name: 'Renamed', gaAt }],
      [{ key: launch.key, name: 'A launch', gaAt }],
      [
        { key: `x-${uniqueSuffix()}`, name: 'A', gaAt },
        { key: `x-${uniqueSuffix()}`, name: 'B', gaAt },
      ].map((b, _i, all) => ({ ...b, key: all[0]!.key })),
    ]) {
      expect(errorOf(await app.gql(coordinator.token, BASELINE, { l })).extensions?.code).toBe(
        'CONFLICT',
      );
    }
    // A launch cannot take a baseline key either.
    const taken = await app.gql(
      coordinator.token,
      `mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }`,
      { i: { key, name: 'Clash' } },
    );
    expect(errorOf(taken).extensions?.code).toBe('CONFLICT');
    // A ticket may name a baseline launch.
    expect(
      ok(await record([{ externalId: 'b1', openedAt: '2024-05-03T00:00:00Z', launchKey: key }]))
        .recordSupportTickets.created,
    ).toBe(1);
  });

  it('counts a GA launch and the organization in the windows around GA, by UTC day', async () => {
    const launch = await launchAtGa(app, coordinator, members);
    const before = await outcome(launch.id);
    const gaAt = before.outcome.gaAt!;
    expect(Date.parse(gaAt)).toBeLessThanOrEqual(Date.now());
    ok(
      await record([
        { externalId: 'ea-1', openedAt: ago(3 * DAY_MS), launchKey: launch.key },
        { externalId: 'ea-2', openedAt: ago(20 * DAY_MS), launchKey: launch.key }, // outside 14 days
        { externalId: 'ga-1', openedAt: new Date().toISOString(), launchKey: launch.key },
        { externalId: 'other', openedAt: ago(2 * DAY_MS) },
      ]),
    );
    const { outcome: o } = await outcome(launch.id);
    expect(o).toMatchObject({
      windowDays: 14,
      gaAt,
      complete: false,
      ticketsBefore: 1,
      ticketsAfter: 1,
    });
    // The control holds every ticket, these and everyone else's in the shared database.
    expect(o.allTicketsBefore).toBeGreaterThanOrEqual(2);
    expect(o.allTicketsAfter).toBeGreaterThanOrEqual(1);
    expect(o.daily).toHaveLength(29);
    expect(o.daily[0]!.day).toBe(
      new Date(Date.parse(gaAt) - 14 * DAY_MS).toISOString().slice(0, 10),
    );
    expect(o.daily.reduce((n, d) => n + d.count, 0)).toBe(2);
    expect(o.daily.find((d) => d.day === ago(3 * DAY_MS).slice(0, 10))!.count).toBe(1);

    const wide = (await outcome(launch.id, 30)).outcome;
    expect([wide.ticketsBefore, wide.daily.length]).toEqual([2, 61]);
    for (const w of [0, 91]) {
      const res = await app.gql(coordinator.token, OUTCOME, { id: launch.id, w });
      expect(errorOf(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('a launch before GA has no outcome: null gaAt, zeros, no days', async () => {
    const launch: LaunchDto = await createLaunch(app, coordinator.token);
    ok(await record([{ externalId: 'early', openedAt: ago(DAY_MS), launchKey: launch.key }]));
    expect((await outcome(launch.id)).outcome).toEqual({
      windowDays: 14,
      gaAt: null,
      complete: false,
      ticketsBefore: 0,
      ticketsAfter: 0,
      allTicketsBefore: 0,
      allTicketsAfter: 0,
      daily: [],
    });
  });

  it('reports cohorts by template, then the baseline, over complete windows only', async () => {
    const lite = await launchAtGa(app, coordinator, members);
    const gaAt = (await outcome(lite.id)).outcome.gaAt!;
    const keys = [1, 2, 3, 4].map((i) => `base${i}-${uniqueSuffix()}`);
    const baseGa = [
      '2020-01-01T00:00:00Z',
      '2020-02-01T00:00:00Z',
      '2020-03-01T00:00:00Z',
      ago(DAY_MS),
    ];
    ok(
      await app.gql(coordinator.token, BASELINE, {
        l: keys.map((key, i) => ({ key, name: key, gaAt: baseGa[i] })),
      }),
    );
    // 1, 2 and 6 tickets in the first 14 days; the fourth's window is still open.
    const spread = [1, 2, 6];
    const list = spread.flatMap((n, i) =>
      Array.from({ length: n }, (_, j) => ({
        externalId: `${keys[i]}-${j}`,
        openedAt: new Date(Date.parse(baseGa[i]!) + (j + 1) * 3_600_000).toISOString(),
        launchKey: keys[i],
      })),
    );
    list.push({
      externalId: 'late',
      openedAt: new Date(Date.parse(baseGa[0]!) + 15 * DAY_MS).toISOString(),
      launchKey: keys[0],
    });
    ok(await record(list));
    const range = { from: '2019-12-31T00:00:00Z', to: new Date(Date.now() + 60_000).toISOString() };
    const report = ok(
      await app.gql<{ outcomeReport: { windowDays: number; cohorts: unknown[] } }>(
        coordinator.token,
        REPORT,
        range,
      ),
    ).outcomeReport;
    expect(report.windowDays).toBe(14);
    const names = report.cohorts.map((c) => (c as { name: string }).name);
    expect(names.at(-1)).toBe('baseline');
    expect(names.indexOf('lite')).toBeGreaterThanOrEqual(0);
    const baseline = report.cohorts.at(-1) as {
      launches: number;
      medianTicketsAfter: number;
      meanTicketsAfter: number;
    };
    // Only this test's baseline launches reached GA in early 2020.
    const only = ok(
      await app.gql<{ outcomeReport: { cohorts: unknown[] } }>(coordinator.token, REPORT, {
        from: '2019-12-31T00:00:00Z',
        to: '2020-03-02T00:00:00Z',
      }),
    ).outcomeReport;
    expect(only.cohorts).toEqual([
      { name: 'baseline', launches: 3, medianTicketsAfter: 2, meanTicketsAfter: 3 },
    ]);
    expect(baseline.launches).toBeGreaterThanOrEqual(4);
    // The lite launch has reached GA just now: counted, but its window is not complete.
    const sinceGa = ok(
      await app.gql<{ outcomeReport: { cohorts: unknown[] } }>(coordinator.token, REPORT, {
        from: gaAt,
      }),
    ).outcomeReport;
    expect(sinceGa.cohorts).toContainEqual({
      name: 'lite',
      launches: expect.any(Number),
      medianTicketsAfter: null,
      meanTicketsAfter: null,
    });

    for (const bad of [{ from: range.to, to: range.from }, { w: 0 }]) {
      expect(errorOf(await app.gql(coordinator.token, REPORT, bad)).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    }
  });

  it('appends OUTCOME_MEASURED once, when the 14-day window completes on the timer clock', async () => {
    const launch = await launchAtGa(app, coordinator, members);
    ok(
      await record([
        { externalId: 'after-ga', openedAt: new Date().toISOString(), launchKey: launch.key },
      ]),
    );
    const { version, outcome: o } = await outcome(launch.id);
    const due = Date.parse(o.gaAt!) + 14 * DAY_MS;
    const scheduler = app.running.app.get(OutcomeSchedulerService);
    const hook = ok(
      await app.gql<{ createWebhook: { webhook: { id: string } } }>(
        coordinator.token,
        `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }`,
        { i: { url: 'http://127.0.0.1:9/outcomes', eventTypes: ['OUTCOME_MEASURED'] } },
      ),
    ).createWebhook.webhook;

    await scheduler.scan(new Date(due - 1));
    expect((await outcome(launch.id)).version).toBe(version);

    await scheduler.scan(new Date(due));
    const events = ok(
      await app.gql<{
        launch: {
          version: number;
          events: {
            edges: {
              node: { type: string; stage: string; actor: unknown; data: Record<string, number> };
            }[];
          };
        };
      }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) { version events(first: 100) { edges { node { type stage actor { id } data } } } } }`,
        { id: launch.id },
      ),
    ).launch;
    expect(events.version).toBe(version + 1);
    const measured = events.events.edges
      .map((e) => e.node)
      .filter((e) => e.type === 'OUTCOME_MEASURED');
    expect(measured).toHaveLength(1);
    expect(measured[0]).toMatchObject({ stage: 'GA', actor: null });
    expect(measured[0]!.data).toMatchObject({ windowDays: 14, ticketsBefore: 0, ticketsAfter: 1 });
    expect(measured[0]!.data.allTicketsAfter).toBeGreaterThanOrEqual(1);

    // Webhooks hear it like any event: one outbox message, in the event's transaction.
    const messages: { body: string }[] = await app.running.database.dataSource.query(
      `SELECT body FROM webhook_message WHERE webhook_id = $1 AND launch_id = $2`,
      [hook.id, launch.id],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain('"OUTCOME_MEASURED"');
    ok(
      await app.gql(coordinator.token, `mutation($id: ID!) { deleteWebhook(id: $id) }`, {
        id: hook.id,
      }),
    );

    // Once only, however often the timer looks again.
    await scheduler.scan(new Date(due + DAY_MS));
    expect((await outcome(launch.id)).version).toBe(version + 1);
  });
});
