import {
  advance,
  createLaunch,
  createTeamMembers,
  errorOf,
  getLaunch,
  ok,
  satisfyGate,
  signOff,
  type TeamMembers,
} from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const ADD_COMMENT = `mutation($i: CommentInput!) {
  addComment(input: $i) { id launchId sequence type stage team actor { id } data }
}`;
const EVENTS = `query($id: ID!) { launch(id: $id) { version events(first: 100) {
  edges { node { id sequence type stage team actor { id } data } } } } }`;

interface EventDto {
  id: string;
  sequence: number;
  type: string;
  stage: string;
  team: string | null;
  actor: { id: string } | null;
  data: Record<string, unknown>;
}

describe('comments and the support heads-up', () => {
  let app: TestApp;
  let coordinator: TestUser;
  let viewer: TestUser;
  let members: TeamMembers;

  beforeAll(async () => {
    app = await bootTestApp();
    coordinator = await app.createUser({ role: 'COORDINATOR' });
    viewer = await app.createUser({ role: 'VIEWER', teams: ['PRODUCT'] });
    members = await createTeamMembers(app);
  });
  afterAll(() => app.close());

  const events = async (launchId: string) =>
    ok(
      await app.gql<{ launch: { version: number; events: { edges: { node: EventDto }[] } } }>(
        coordinator.token,
        EVENTS,
        { id: launchId },
      ),
    ).launch;

  it('a comment is a COMMENTED event that bumps the version; a reply names an event of the same launch', async () => {
    const launch = await createLaunch(app, coordinator.token);
    const created = (await events(launch.id)).events.edges[0]!.node;
    const res = ok(
      await app.gql<{ addComment: EventDto }>(members.SUPPORT.token, ADD_COMMENT, {
        i: { launchId: launch.id, body: 'When is the FAQ due?', replyToEventId: created.id },
      }),
    );
    expect(res.addComment).toMatchObject({
      sequence: 2,
      type: 'COMMENTED',
      stage: 'PLANNING',
      team: null,
      actor: { id: members.SUPPORT.id },
      data: { body: 'When is the FAQ due?', replyToEventId: created.id, respondsTo: [] },
    });
    expect((await getLaunch(app, coordinator.token, launch.id)).version).toBe(2);
  });

  it('a reply to another launch’s event is NOT_FOUND, and nothing is written', async () => {
    const a = await createLaunch(app, coordinator.token);
    const b = await createLaunch(app, coordinator.token);
    const foreign = (await events(b.id)).events.edges[0]!.node.id;
    for (const replyToEventId of [foreign, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await app.gql(coordinator.token, ADD_COMMENT, {
        i: { launchId: a.id, body: 'Hi', replyToEventId },
      });
      expect(errorOf(res).extensions?.code).toBe('NOT_FOUND');
    }
    expect((await events(a.id)).version).toBe(1);
  });

  it('viewers may not comment; blank or oversized bodies are BAD_USER_INPUT first', async () => {
    const launch = await createLaunch(app, coordinator.token);
    const forbidden = await app.gql(viewer.token, ADD_COMMENT, {
      i: { launchId: launch.id, body: 'Hi' },
    });
    expect(errorOf(forbidden).extensions?.code).toBe('FORBIDDEN');
    for (const body of ['   ', 'x'.repeat(5_001)]) {
      const bad = await app.gql(viewer.token, ADD_COMMENT, { i: { launchId: launch.id, body } });
      expect(errorOf(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    }
    const missing = await app.gql(coordinator.token, ADD_COMMENT, {
      i: { launchId: '00000000-0000-4000-8000-000000000000', body: 'Hi' },
    });
    expect(errorOf(missing).extensions?.code).toBe('NOT_FOUND');
    expect((await events(launch.id)).version).toBe(1);
  });

  it('records which standing blocks a comment answers: only from outside the blocking team', async () => {
    const launch = await createLaunch(app, coordinator.token);
    const noGo = ok(
      await signOff(app, members.ENGINEERING.token, launch.id, 'ENGINEERING', 'NO_GO', 'Flaky'),
    ).signOff;
    const own = ok(
      await app.gql<{ addComment: EventDto }>(members.ENGINEERING.token, ADD_COMMENT, {
        i: { launchId: launch.id, body: 'Still flaky' },
      }),
    ).addComment;
    const other = ok(
      await app.gql<{ addComment: EventDto }>(members.PRODUCT.token, ADD_COMMENT, {
        i: { launchId: launch.id, body: 'We will fix it' },
      }),
    ).addComment;
    expect(own.data.respondsTo).toEqual([]);
    expect(other.data.respondsTo).toEqual([noGo.id]);
  });

  it('advancing into BETA and granting early access each carry a SUPPORT_HEADS_UP in the same change, and GA launches still take comments', async () => {
    const launch = await createLaunch(app, coordinator.token, {
      template: 'lite',
      supportLeadDays: 0,
    });
    await satisfyGate(app, members, launch.id);
    ok(await advance(app, coordinator.token, launch.id)); // ALPHA: no heads-up
    await satisfyGate(app, members, launch.id);
    const beta = ok(await advance(app, coordinator.token, launch.id)).advanceLaunch;
    let log = await events(launch.id);
    const tail = log.events.edges.slice(-2).map((e) => e.node);
    expect(tail.map((e) => [e.type, e.stage, e.team, e.actor, e.data])).toEqual([
      ['ADVANCED', 'ALPHA', null, { id: coordinator.id }, { from: 'ALPHA', to: 'BETA' }],
      ['SUPPORT_HEADS_UP', 'BETA', 'SUPPORT', null, { stage: 'BETA' }],
    ]);
    // The launch's version counts both events of the one change.
    expect(beta.version).toBe(log.version);
    expect(log.events.edges.filter((e) => e.node.type === 'SUPPORT_HEADS_UP')).toHaveLength(1);

    ok(
      await app.gql(
        coordinator.token,
        `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { version } }`,
        { i: { launchId: launch.id } },
      ),
    );
    log = await events(launch.id);
    expect(log.events.edges.slice(-2).map((e) => e.node.type)).toEqual([
      'EARLY_ACCESS_GRANTED',
      'SUPPORT_HEADS_UP',
    ]);
    for (let i = 0; i < 3; i += 1) {
      await satisfyGate(app, members, launch.id);
      ok(await advance(app, coordinator.token, launch.id));
    }
    log = await events(launch.id);
    expect(
      log.events.edges.filter((e) => e.node.type === 'SUPPORT_HEADS_UP').map((e) => e.node.data),
    ).toEqual([
      { stage: 'BETA' },
      { stage: 'BETA' },
      { stage: 'DOCS_READY' },
      { stage: 'SUPPORT_TRAINED' },
      { stage: 'GA' },
    ]);
    const comment = ok(
      await app.gql<{ addComment: EventDto }>(members.SUPPORT.token, ADD_COMMENT, {
        i: { launchId: launch.id, body: 'Shipped, thanks' },
      }),
    ).addComment;
    expect(comment).toMatchObject({ stage: 'GA', sequence: log.version + 1 });
  });
});
