import {
  advance,
  completeItem,
  createLaunch,
  createTeamMembers,
  errorOf,
  getLaunch,
  LAUNCH_FIELDS,
  ok,
  satisfyGate,
  signOff,
  TEAMS,
  type LaunchDto,
  type TeamMembers,
} from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('a launch from PLANNING to GA over HTTP', () => {
  let app: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  let members: TeamMembers;

  beforeAll(async () => {
    app = await bootTestApp();
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    admin = await app.createUser({ role: 'ADMIN' });
    members = await createTeamMembers(app);
  });
  afterAll(() => app.close());

  it('passes every gate with a block, its lift, a superseding reopen and the support lead-time rule', async () => {
    let launch = await createLaunch(app, coordinator.token, { supportLeadDays: 1 });
    expect(launch).toMatchObject({ stage: 'PLANNING', version: 1, blocked: false });

    // A refused advance lists exactly what is missing, as readiness does.
    const refused = errorOf(await advance(app, coordinator.token, launch.id));
    expect(refused.extensions?.code).toBe('GATE_NOT_SATISFIED');
    expect(refused.extensions?.missing).toEqual(launch.readiness.missing);
    const openPlanning = launch.checklist.filter((i) => i.stage === 'PLANNING' && i.required);
    expect(refused.extensions?.missing).toEqual(
      expect.arrayContaining([
        ...openPlanning.map((i) =>
          expect.objectContaining({ kind: 'CHECKLIST_ITEM', team: i.team, itemId: i.id }),
        ),
        ...TEAMS.map((team) => expect.objectContaining({ kind: 'SIGN_OFF', team })),
      ]),
    );
    expect(refused.extensions?.missing).toHaveLength(openPlanning.length + 3);

    // A GO before the team's own items are done is refused, listing them.
    const early = errorOf(await signOff(app, members.SUPPORT.token, launch.id, 'SUPPORT', 'GO'));
    expect(early.extensions?.code).toBe('GATE_NOT_SATISFIED');
    expect(early.extensions?.missing).toEqual(
      openPlanning
        .filter((i) => i.team === 'SUPPORT')
        .map((i) => expect.objectContaining({ itemId: i.id, team: 'SUPPORT' })),
    );

    launch = await satisfyGate(app, members, launch.id);
    expect(launch.readiness).toMatchObject({ canAdvance: true, missing: [] });

    // Support blocks; the board and readiness say so; advancing is refused for that reason alone.
    ok(
      await signOff(
        app,
        members.SUPPORT.token,
        launch.id,
        'SUPPORT',
        'NO_GO',
        'Escalation path not agreed',
      ),
    );
    launch = await getLaunch(app, coordinator.token, launch.id);
    expect(launch.blocked).toBe(true);
    expect(launch.readiness.missing).toEqual([
      {
        kind: 'BLOCKED_BY_TEAM',
        team: 'SUPPORT',
        message: expect.stringContaining('Escalation path not agreed'),
        itemId: null,
      },
    ]);
    const blocked = await app.gql<{ launches: { edges: { node: { id: string } }[] } }>(
      coordinator.token,
      `{ launches(filter: { blocked: true }, first: 100) { edges { node { id } } } }`,
    );
    expect(ok(blocked).launches.edges.map((e) => e.node.id)).toContain(launch.id);
    expect(errorOf(await advance(app, coordinator.token, launch.id)).extensions?.code).toBe(
      'GATE_NOT_SATISFIED',
    );

    // Support lifts its own block by signing GO again.
    ok(await signOff(app, members.SUPPORT.token, launch.id, 'SUPPORT', 'GO'));
    launch = ok(await advance(app, coordinator.token, launch.id, launch.version + 1)).advanceLaunch;
    expect(launch.stage).toBe('ALPHA');

    // ALPHA: reopening a required item supersedes every ACTIVE GO on the stage.
    launch = await satisfyGate(app, members, launch.id);
    const engItem = launch.checklist.find(
      (i) => i.stage === 'ALPHA' && i.team === 'ENGINEERING' && i.required,
    )!;
    ok(
      await app.gql(
        members.ENGINEERING.token,
        `mutation($i: ReasonedItemInput!) { reopenChecklistItem(input: $i) { id status } }`,
        { i: { itemId: engItem.id, reason: 'Rollback plan was never rehearsed' } },
      ),
    );
    launch = await getLaunch(app, coordinator.token, launch.id);
    const alphaSignOffs = launch.signOffs.filter((s) => s.stage === 'ALPHA');
    expect(alphaSignOffs.filter((s) => s.status === 'ACTIVE')).toEqual([]);
    expect(alphaSignOffs.filter((s) => s.status === 'SUPERSEDED')).toHaveLength(3);
    expect(launch.readiness.missing.map((m) => m.kind)).toEqual([
      'CHECKLIST_ITEM',
      'SIGN_OFF',
      'SIGN_OFF',
      'SIGN_OFF',
    ]);
    launch = await satisfyGate(app, members, launch.id);
    launch = ok(await advance(app, coordinator.token, launch.id)).advanceLaunch;
    expect(launch.stage).toBe('BETA');

    // BETA: early access (granted once), an admin override of a NO_GO.
    const grant = `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { ${LAUNCH_FIELDS} } }`;
    launch = ok(
      await app.gql<{ grantEarlyAccess: LaunchDto }>(coordinator.token, grant, {
        i: {
          launchId: launch.id,
          url: 'https://staging.example.com',
          notes: 'use the demo workspace',
        },
      }),
    ).grantEarlyAccess;
    expect(launch.earlyAccess).toMatchObject({ leadDaysElapsed: 0 });
    expect(
      errorOf(await app.gql(coordinator.token, grant, { i: { launchId: launch.id } })).extensions
        ?.code,
    ).toBe('CONFLICT');

    launch = await satisfyGate(app, members, launch.id);
    ok(
      await signOff(
        app,
        members.PRODUCT.token,
        launch.id,
        'PRODUCT',
        'NO_GO',
        'Pricing page not ready',
      ),
    );
    const noReason = errorOf(await signOff(app, admin.token, launch.id, 'PRODUCT', 'GO'));
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    ok(
      await signOff(
        app,
        admin.token,
        launch.id,
        'PRODUCT',
        'GO',
        'Pricing page ships separately; CEO call',
      ),
    );
    const events = ok(
      await app.gql<{
        launch: {
          events: {
            edges: {
              node: { type: string; data: { override?: boolean }; actor: { id: string } };
            }[];
          };
        };
      }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) { events(first: 100) { edges { node { type data actor { id } } } } } }`,
        { id: launch.id },
      ),
    ).launch.events.edges.map((e) => e.node);
    expect(events.at(-1)).toMatchObject({
      type: 'SIGNED_GO',
      data: { override: true },
      actor: { id: admin.id },
    });
    launch = ok(await advance(app, coordinator.token, launch.id)).advanceLaunch;
    expect(launch.stage).toBe('DOCS_READY');

    launch = await satisfyGate(app, members, launch.id);
    launch = ok(await advance(app, coordinator.token, launch.id)).advanceLaunch;
    expect(launch.stage).toBe('SUPPORT_TRAINED');

    // The final gate: early access was granted today, supportLeadDays is 1.
    launch = await satisfyGate(app, members, launch.id);
    const tooSoon = errorOf(await advance(app, coordinator.token, launch.id));
    expect(tooSoon.extensions?.code).toBe('GATE_NOT_SATISFIED');
    expect(tooSoon.extensions?.missing).toEqual([
      expect.objectContaining({ kind: 'SUPPORT_LEAD_TIME', team: null }),
    ]);
    ok(
      await app.gql(
        coordinator.token,
        `mutation($id: ID!) { updateLaunch(id: $id, input: { supportLeadDays: 0 }) { id } }`,
        {
          id: launch.id,
        },
      ),
    );
    launch = ok(await advance(app, coordinator.token, launch.id)).advanceLaunch;
    expect(launch).toMatchObject({
      stage: 'GA',
      blocked: false,
      readiness: { canAdvance: false, nextStage: null, missing: [] },
    });

    // Final: nothing changes any more.
    const item = launch.checklist[0]!;
    expect(errorOf(await completeItem(app, admin.token, item.id)).extensions?.code).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      errorOf(await signOff(app, members.SUPPORT.token, launch.id, 'SUPPORT', 'NO_GO', 'late'))
        .extensions?.code,
    ).toBe('INVALID_TRANSITION');

    // The audit log has one event per change, sequence 1..version with no gaps.
    const log = ok(
      await app.gql<{
        launch: {
          version: number;
          events: { edges: { node: { sequence: number; type: string } }[] };
        };
      }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) { version events(first: 100) { edges { node { sequence type } } } } }`,
        { id: launch.id },
      ),
    ).launch;
    expect(log.events.edges.map((e) => e.node.sequence)).toEqual(
      Array.from({ length: log.version }, (_, i) => i + 1),
    );
    expect(log.events.edges.filter((e) => e.node.type === 'ADVANCED')).toHaveLength(5);
  });

  it('refuses early access before BETA and a stale expectedVersion', async () => {
    const launch = await createLaunch(app, coordinator.token);
    const res = await app.gql(
      coordinator.token,
      `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
      {
        i: { launchId: launch.id },
      },
    );
    expect(errorOf(res).extensions?.code).toBe('INVALID_TRANSITION');
    const stale = await app.gql(
      coordinator.token,
      `mutation($id: ID!) { updateLaunch(id: $id, input: { name: "Renamed", expectedVersion: 0 }) { id } }`,
      { id: launch.id },
    );
    expect(errorOf(stale).extensions?.code).toBe('CONFLICT');
    expect((await getLaunch(app, coordinator.token, launch.id)).version).toBe(1);
  });
});
