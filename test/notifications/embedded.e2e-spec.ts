import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { createLaunch, inDays, ok, signOff } from '../support/launch-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { COMMENT, collect, waitFor } from './notification-helpers.js';
import { WebhookReceiver, verifiedBy } from './webhook-receiver.js';

/**
 * The embedded PGlite database is one process: fan-out happens in-process after commit,
 * and the dispatcher and timers share its single session. Same behaviour, no LISTEN.
 */
describe('notifications on the embedded database', () => {
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liftoff-embedded-'));
    const config = loadConfig({
      DATA_DIR: dir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_POLL_MS: '50',
      SLO_SCAN_INTERVAL_MS: '50',
    });
    app = await startTestApp(config);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams events to subscribers, delivers webhooks and fires escalations in-process', async () => {
    const coordinator = await app.createUser({ role: 'COORDINATOR' });
    const member = await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'] });
    const receiver = await WebhookReceiver.start();
    try {
      const created = ok(
        await app.gql<{ createWebhook: { secret: string } }>(
          coordinator.token,
          `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }`,
          { i: { url: receiver.url } },
        ),
      ).createWebhook;
      const launch = await createLaunch(app, coordinator.token, {
        targetGaDate: inDays(60),
        blockResponseHours: 0.001, // 3.6 s
      });
      const stream = await collect(app, member.token, launch.id);
      ok(await signOff(app, member.token, launch.id, 'SUPPORT', 'NO_GO', 'No FAQ'));
      // The blocking team's own comment is no response: the block still escalates.
      ok(
        await app.gql(member.token, COMMENT, { i: { launchId: launch.id, body: 'Still no FAQ' } }),
      );
      await waitFor(
        () => stream.events.filter((e) => e.type === 'BLOCK_ESCALATED').length >= 2,
        10_000,
        'two escalations on the stream',
      );
      await waitFor(() => receiver.requests.length >= 5, 10_000, 'five deliveries');
      await stream.close();
      expect(stream.events.map((e) => [e.sequence, e.type])).toEqual([
        [2, 'SIGNED_NO_GO'],
        [3, 'COMMENTED'],
        [4, 'BLOCK_ESCALATED'],
        [5, 'BLOCK_ESCALATED'],
      ]);
      expect(receiver.bodies().map((b) => b.data.sequence)).toEqual([1, 2, 3, 4, 5]);
      for (const r of receiver.requests) expect(verifiedBy(r, [created.secret])).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
