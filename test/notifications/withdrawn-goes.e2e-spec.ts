import { verifyLaunch } from '../../apps/api/src/launches/launch-verifier.js';
import {
  completeItem,
  createLaunch,
  getLaunch,
  ok,
  signOff,
  type TeamMembers,
} from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { waitFor } from './notification-helpers.js';
import { WebhookReceiver } from './webhook-receiver.js';

const CREATE_HOOK = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }`;

interface Withdrawal {
  id: string;
  team: string;
  decision: string;
  status: string;
  signedBy: { id: string; name: string };
}
const WITHDRAWAL = 'id team decision status signedBy { id name }';

interface EventNode {
  id: string;
  type: string;
  summary: string;
  data: { supersededSignOffIds: string[]; withdrawn?: unknown };
}

/**
 * What a reopened or added required item withdraws, told before (the API's reopenWithdraws
 * and addItemWithdraws) and after (the event's data, its summary, the webhooks): the same GOs.
 */
describe('the GOs a checklist change withdraws, before and after', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let coordinator: TestUser;
  let members: TeamMembers;
  let json: WebhookReceiver;
  let chat: WebhookReceiver;

  beforeAll(async () => {
    db = await createScratchDatabase('withdrawn');
    app = await bootTestApp({
      DATABASE_URL: db.url,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_POLL_MS: '50',
      RATE_LIMIT_MUTATIONS_PER_MIN: '100000',
    });
    coordinator = await app.createUser({ role: 'COORDINATOR', name: 'Cora Coordinator' });
    members = {
      PRODUCT: await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'] }),
      ENGINEERING: await app.createUser({
        role: 'MEMBER',
        teams: ['ENGINEERING'],
        name: 'Eli Engineering',
      }),
      SUPPORT: await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] }),
    };
    json = await WebhookReceiver.start();
    chat = await WebhookReceiver.start();
    const eventTypes = ['ITEM_REOPENED', 'ITEM_ADDED'];
    ok(await app.gql(coordinator.token, CREATE_HOOK, { i: { url: json.url, eventTypes } }));
    ok(
      await app.gql(coordinator.token, CREATE_HOOK, {
        i: { url: chat.url, eventTypes, format: 'SLACK' },
      }),
    );
  });
  afterAll(async () => {
    await json?.close();
    await chat?.close();
    await app?.close();
    await db?.drop();
  });

  /** Product and Engineering GO on Planning, Support NO_GO. */
  async function signed(launchId: string): Promise<void> {
    const launch = await getLaunch(app, coordinator.token, launchId);
    for (const item of launch.checklist.filter(
      (i) => i.stage === 'PLANNING' && i.required && i.status === 'OPEN',
    )) {
      ok(await completeItem(app, members[item.team].token, item.id));
    }
    ok(await signOff(app, members.PRODUCT.token, launchId, 'PRODUCT', 'GO'));
    ok(await signOff(app, members.ENGINEERING.token, launchId, 'ENGINEERING', 'GO'));
  }

  async function lastEvent(launchId: string): Promise<EventNode> {
    const data = ok(
      await app.gql<{ launch: { events: { edges: { node: EventNode }[] } } }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) { events(first: 100) { edges { node { id type summary data } } } } }`,
        { id: launchId },
      ),
    );
    return data.launch.events.edges.at(-1)!.node;
  }

  it('a reopen and an added required item name the GOs the API predicted, in the event, its summary and both webhooks', async () => {
    const launch = await createLaunch(app, coordinator.token, { name: 'Checkout' });
    ok(await signOff(app, members.SUPPORT.token, launch.id, 'SUPPORT', 'NO_GO', 'Macros missing'));
    await signed(launch.id);
    const item = launch.checklist.find(
      (i) => i.stage === 'PLANNING' && i.team === 'ENGINEERING' && i.required,
    )!;

    const before = ok(
      await app.gql<{
        launch: {
          required: Withdrawal[];
          optional: Withdrawal[];
          later: Withdrawal[];
          checklist: { id: string; required: boolean; reopenWithdraws: Withdrawal[] }[];
        };
      }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) {
          required: addItemWithdraws(stage: PLANNING) { ${WITHDRAWAL} }
          optional: addItemWithdraws(stage: PLANNING, required: false) { ${WITHDRAWAL} }
          later: addItemWithdraws(stage: BETA, required: true) { ${WITHDRAWAL} }
          checklist(stage: PLANNING) { id required reopenWithdraws { ${WITHDRAWAL} } }
        } }`,
        { id: launch.id },
      ),
    ).launch;
    const predicted = before.checklist.find((i) => i.id === item.id)!.reopenWithdraws;
    expect(predicted.map((s) => [s.team, s.decision, s.status, s.signedBy.id])).toEqual([
      ['PRODUCT', 'GO', 'ACTIVE', members.PRODUCT.id],
      ['ENGINEERING', 'GO', 'ACTIVE', members.ENGINEERING.id],
    ]);
    expect(before.required).toEqual(predicted);
    expect(before.optional).toEqual([]);
    expect(before.later).toEqual([]);
    // An optional item's reopen withdraws nothing; an OPEN one cannot be reopened.
    for (const other of before.checklist.filter((i) => !i.required))
      expect(other.reopenWithdraws).toEqual([]);

    ok(
      await app.gql(
        members.ENGINEERING.token,
        `mutation($i: ReasonedItemInput!) { reopenChecklistItem(input: $i) { id reopenWithdraws { id } } }`,
        { i: { itemId: item.id, reason: 'link broken' } },
      ),
    );
    const reopened = await lastEvent(launch.id);
    const withdrawn = predicted.map((s) => ({
      signOffId: s.id,
      team: s.team,
      signedById: s.signedBy.id,
    }));
    expect(reopened).toMatchObject({
      type: 'ITEM_REOPENED',
      data: { supersededSignOffIds: predicted.map((s) => s.id), withdrawn },
    });
    expect(reopened.summary).toBe(
      `Eli Engineering reopened “${item.title}”: “link broken”; this withdrew the GOs of Product and Engineering.`,
    );
    const after = await getLaunch(app, coordinator.token, launch.id);
    expect(
      after.signOffs.filter((s) => predicted.some((p) => p.id === s.id)).map((s) => s.status),
    ).toEqual(['SUPERSEDED', 'SUPERSEDED']);
    expect(after.signOffs.filter((s) => s.status === 'ACTIVE')).toMatchObject([
      { team: 'SUPPORT', decision: 'NO_GO' },
    ]);

    // Signed again, then a required item added to Planning withdraws the new GOs.
    await signed(launch.id);
    const again = ok(
      await app.gql<{ launch: { addItemWithdraws: Withdrawal[] } }>(
        coordinator.token,
        `query($id: ID!) { launch(id: $id) { addItemWithdraws(stage: PLANNING, required: true) { ${WITHDRAWAL} } } }`,
        { id: launch.id },
      ),
    ).launch.addItemWithdraws;
    expect(again.map((s) => s.team)).toEqual(['PRODUCT', 'ENGINEERING']);
    ok(
      await app.gql(
        coordinator.token,
        `mutation($i: AddItemInput!) { addChecklistItem(input: $i) { id } }`,
        { i: { launchId: launch.id, stage: 'PLANNING', team: 'SUPPORT', title: 'Legal review' } },
      ),
    );
    const added = await lastEvent(launch.id);
    expect(added).toMatchObject({
      type: 'ITEM_ADDED',
      data: {
        supersededSignOffIds: again.map((s) => s.id),
        withdrawn: again.map((s) => ({ signOffId: s.id, team: s.team, signedById: s.signedBy.id })),
      },
    });
    expect(added.summary).toBe(
      "Cora Coordinator added “Legal review” to Support's Planning checklist; this withdrew the GOs of Product and Engineering.",
    );

    // The teams hear it through the webhooks they already receive.
    await waitFor(() => json.requests.length >= 2 && chat.requests.length >= 2);
    const bodies = json.bodies<{ type: string; data: { data: { withdrawn: unknown } } }>();
    expect(bodies.map((b) => [b.type, b.data.data.withdrawn])).toEqual([
      ['ITEM_REOPENED', withdrawn],
      ['ITEM_ADDED', added.data.withdrawn],
    ]);
    const texts = chat.bodies<{ text: string }>().map((b) => b.text);
    expect(texts[0]).toContain(
      `Eli Engineering reopened an Engineering item of Checkout (${launch.key}): "link broken"; this withdrew the GOs of Product and Engineering.`,
    );
    expect(texts[1]).toContain(
      `Cora Coordinator added "Legal review" to Support's Planning checklist of Checkout (${launch.key}); this withdrew the GOs of Product and Engineering.`,
    );

    // Replay reads the new field as data it does not need: the launch verifies exactly.
    expect((await verifyLaunch(app.running.database.dataSource, launch.id)).problems).toEqual([]);
  });
});
