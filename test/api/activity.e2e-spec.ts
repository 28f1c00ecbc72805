import { createLaunch, inDays, ok, signOff } from '../support/launch-factory.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';

/** What people read to follow their work: my work, viewer-level permissions, event sentences. */
describe('activity: my work, viewerCan, event summaries', () => {
  let app: TestApp;
  let coordinator: TestUser;
  let support: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    app = await bootTestApp();
    coordinator = await app.createUser({ role: 'COORDINATOR', name: 'Cora Coordinator' });
    support = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'], name: 'Sam Support' });
    viewer = await app.createUser({ role: 'VIEWER' });
  });
  afterAll(() => app.close());

  interface Work {
    kind: string;
    team: string | null;
    message: string;
    waitingSince: string;
    launch: { id: string; key: string };
    item: { title: string } | null;
  }
  const myWork = async (user: TestUser, launchId: string) =>
    ok(
      await app.gql<{ myWork: Work[] }>(
        user.token,
        `{ myWork { kind team message waitingSince launch { id key } item { title } } }`,
      ),
    ).myWork.filter((w) => w.launch.id === launchId);

  it("lists a team's open items and sign-off, then its block to lift; nothing for a viewer", async () => {
    const launch = await createLaunch(app, coordinator.token, { template: 'standard' });
    const before = await myWork(support, launch.id);
    expect(before.map((w) => w.kind)).toEqual(
      expect.arrayContaining(['CHECKLIST_ITEM', 'SIGN_OFF']),
    );
    expect(before.every((w) => w.team === 'SUPPORT')).toBe(true);
    expect(before.find((w) => w.kind === 'CHECKLIST_ITEM')?.item?.title).toEqual(
      expect.any(String),
    );

    ok(await signOff(app, support.token, launch.id, 'SUPPORT', 'NO_GO', 'Macros missing'));
    const after = await myWork(support, launch.id);
    expect(after.map((w) => w.kind)).toContain('LIFT_BLOCK');
    expect(after.map((w) => w.kind)).not.toContain('SIGN_OFF');
    expect(await myWork(viewer, launch.id)).toEqual([]);
  });

  it('flags a launch at risk when its target date is near and support is not trained', async () => {
    const near = await createLaunch(app, coordinator.token, { targetGaDate: inDays(3) });
    const far = await createLaunch(app, coordinator.token, { targetGaDate: inDays(60) });
    const atRisk = async (id: string) =>
      ok(
        await app.gql<{ launch: { atRisk: boolean } }>(
          viewer.token,
          'query($id: ID!) { launch(id: $id) { atRisk } }',
          { id },
        ),
      ).launch.atRisk;
    expect(await atRisk(near.id)).toBe(true);
    expect(await atRisk(far.id)).toBe(false);
  });

  it('serves viewer-level permissions from the rules', async () => {
    const can = async (user: TestUser) =>
      ok(
        await app.gql<{ viewerCan: { createLaunch: boolean } }>(
          user.token,
          '{ viewerCan { createLaunch } }',
        ),
      ).viewerCan.createLaunch;
    expect(await can(coordinator)).toBe(true);
    expect(await can(support)).toBe(false);
    expect(await can(viewer)).toBe(false);
  });

  it('tells each event as a sentence with names, titles and old values', async () => {
    const launch = await createLaunch(app, coordinator.token, { supportLeadDays: 5 });
    ok(
      await app.gql(
        coordinator.token,
        'mutation($id: ID!) { updateLaunch(id: $id, input: { supportLeadDays: 0 }) { id } }',
        {
          id: launch.id,
        },
      ),
    );
    ok(await signOff(app, support.token, launch.id, 'SUPPORT', 'NO_GO', 'Macros missing'));
    const events = ok(
      await app.gql<{
        launch: { events: { edges: { node: { type: string; summary: string } }[] } };
      }>(
        viewer.token,
        'query($id: ID!) { launch(id: $id) { events { edges { node { type summary } } } } }',
        { id: launch.id },
      ),
    ).launch.events.edges.map((e) => e.node);
    expect(events.map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Cora Coordinator created the launch/),
      'Cora Coordinator changed support lead days 5 → 0.',
      'Sam Support blocked Planning for Support: “Macros missing”.',
    ]);
  });
});
