import {
  advance,
  createLaunch,
  createTeamMembers,
  ok,
  satisfyGate,
  signOff,
} from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp } from '../support/test-app.js';

describe('/metrics', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  beforeAll(async () => {
    // Its own database: active blocks are counted over every launch stored.
    database = await createScratchDatabase('metrics');
    app = await bootTestApp({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const scrape = async () => (await fetch(`${app.url}/metrics`)).text();
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it('counts operations by root field and outcome, stage transitions and active blocks', async () => {
    const coordinator = await app.createUser({ role: 'COORDINATOR' });
    const members = await createTeamMembers(app);
    const launch = await createLaunch(app, coordinator.token);
    await satisfyGate(app, members, launch.id);
    ok(await advance(app, coordinator.token, launch.id));
    const blocked = await createLaunch(app, coordinator.token);
    ok(await signOff(app, members.SUPPORT.token, blocked.id, 'SUPPORT', 'NO_GO', 'not yet'));
    await app.gql(
      members.SUPPORT.token,
      `mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }`,
      { i: { launchId: blocked.id } },
    );

    const text = await scrape();
    expect(value(text, 'liftoff_launch_transitions_total{stage="ALPHA"}')).toBe(1);
    expect(value(text, 'liftoff_active_blocks')).toBe(1);
    expect(
      value(
        text,
        'liftoff_graphql_operation_duration_seconds_count{type="mutation",field="createLaunch",outcome="ok"}',
      ),
    ).toBe(2);
    expect(
      value(
        text,
        'liftoff_graphql_operation_duration_seconds_count{type="mutation",field="advanceLaunch",outcome="error"}',
      ),
    ).toBe(1);
    expect(value(text, 'liftoff_graphql_errors_total{code="FORBIDDEN"}')).toBe(1);
    expect(text).toContain('# TYPE liftoff_webhook_deliveries_total counter');
    expect(text).toMatch(
      /liftoff_http_request_duration_seconds_count\{route="graphql",status="200"\} \d+/,
    );

    // A cancelled launch is blocked no more.
    ok(
      await app.gql(
        coordinator.token,
        `mutation($i: CancelInput!) { cancelLaunch(input: $i) { id } }`,
        {
          i: { launchId: blocked.id, reason: 'descoped' },
        },
      ),
    );
    const after = await scrape();
    expect(value(after, 'liftoff_active_blocks')).toBe(0);
    expect(value(after, 'liftoff_launch_transitions_total{stage="CANCELLED"}')).toBe(1);
  });
});
