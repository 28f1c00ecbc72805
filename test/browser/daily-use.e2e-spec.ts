import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ok } from '../support/launch-factory.js';
import { bootTestApp, type TestApp } from '../support/test-app.js';
import {
  BrowserSuite,
  HOST_NAME,
  seriousViolations,
  waitForCount,
  type ProfileOptions,
} from './browser-harness.js';

/**
 * The admin UI as a team lives in it, opened the way a pilot on an internal machine would:
 * over plain HTTP at a host name that is not localhost, with the demo people and launches.
 */

const SCREENSHOTS = 'test/artifacts/screenshots';
const TEST_TIMEOUT = 60_000;

describe('admin UI for daily use, over plain HTTP at a host name', () => {
  let suite: BrowserSuite;
  let app: TestApp;
  let origin: string;
  /** Every page's axe findings, checked once at the end so one run covers each screen. */
  const axeFindings: {
    screen: string;
    violations: Awaited<ReturnType<typeof seriousViolations>>;
  }[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A wide at-risk window, so the demo's launch due in 12 days shows the badge.
    suite = await BrowserSuite.start('daily', { SEED_DEMO: 'true', AT_RISK_DAYS: '14' });
    ({ app, origin } = suite);
  }, 120_000);

  afterAll(() => suite?.close());

  /**
   * A fresh browser profile, signed in as a demo person through the sign-in page's picker;
   * with `now`, the page's clock (Date, which relative times are computed from) stands there.
   */
  const signInAs = (name: string, options: ProfileOptions = {}) =>
    suite.signInAsDemo(name, { locale: 'en-US', ...options });

  /** A demo person's token, as the sign-in page's picker is given it. */
  const demoToken = async (name: string) => (await suite.demoTokens())[name] ?? '';

  async function audit(page: Page, screen: string): Promise<void> {
    axeFindings.push({ screen, violations: await seriousViolations(page) });
  }

  it(
    'shows the admin UI over plain HTTP at a host name, without upgrading requests to https',
    async () => {
      expect(new URL(origin).hostname).toBe(HOST_NAME);
      const page = await suite.newPage(await suite.newContext());
      const failed: string[] = [];
      // Requests the page itself cancels (a fetch aborted on navigation) are not failures.
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(request.url());
      });
      const response = await page.goto(`${origin}/admin/`);
      const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');

      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByRole('heading', { name: 'Demo users' }).waitFor();
      await audit(page, 'sign-in');
      await page.getByRole('button', { name: /^Cora Coordinator/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Launch board' }).waitFor();
      await page.locator('[data-launch-key="sso-okta"]').waitFor();
      expect(failed).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/daily-board.png`, fullPage: true });
      await audit(page, 'board');
    },
    TEST_TIMEOUT,
  );

  it(
    'upgrades requests to https when PUBLIC_URL is https',
    async () => {
      const secure = await bootTestApp({
        DATABASE_URL: suite.database.url,
        PUBLIC_URL: 'https://liftoff.example.com',
      });
      try {
        const response = await fetch(`${secure.url}/admin/`);
        expect(response.headers.get('content-security-policy')).toContain(
          'upgrade-insecure-requests',
        );
        expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      } finally {
        await secure.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'shows one person the other’s sign-off without a reload, with a form left open',
    async () => {
      const priya = await signInAs('Priya Product');
      const sam = await signInAs('Sam Support');
      for (const page of [priya, sam]) {
        await page.goto(`${origin}/admin/#/launches/quick-reply`);
        await page.getByRole('heading', { level: 1, name: 'Quick replies' }).waitFor();
        // Live over the socket from this host name: no polling while it stays up.
        await page.getByRole('banner').getByText('Live', { exact: true }).waitFor();
      }
      const product = priya.getByRole('region', { name: 'Product', exact: true });
      const complete = product.getByRole('button', { name: /^Complete: / }).first();
      const title = ((await complete.getAttribute('aria-label')) ?? '').replace(/^Complete: /, '');
      await complete.click();
      await product.getByLabel('Note (optional)').fill('Checked with the inbox team');

      const support = sam.getByRole('region', { name: 'Support', exact: true });
      await support
        .getByLabel('Sign-off comment (required for NO-GO)')
        .fill('Macros for the new replies are missing');
      await support.getByRole('button', { name: 'Sign NO-GO for Support' }).click();
      await support.getByText('NO-GO', { exact: true }).waitFor();

      // Priya's page moves by itself and says why; her open form keeps what she typed.
      const notice = priya.locator('.live-notice');
      await notice.getByText('Sam Support blocked Planning for Support').waitFor();
      await notice.getByText('a moment ago').waitFor();
      await priya
        .getByRole('region', { name: 'Support', exact: true })
        .getByText('NO-GO', { exact: true })
        .waitFor();
      expect(await product.getByLabel('Note (optional)').inputValue()).toBe(
        'Checked with the inbox team',
      );
      await priya.screenshot({ path: `${SCREENSHOTS}/daily-live-notice.png`, fullPage: true });
      await audit(priya, 'launch page with a live notice');

      // The form was opened before the block, yet submitting it is not refused as stale.
      await product.getByRole('button', { name: 'Mark done' }).click();
      await waitForCount(
        product.getByRole('button', { name: `Complete: ${title}`, exact: true }),
        0,
      );
      expect(await priya.getByRole('alert').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'lets engineering answer support’s block in the thread, which counts as its first response',
    async () => {
      const eli = await signInAs('Eli Engineering');
      const sam = await signInAs('Sam Support');
      for (const page of [eli, sam]) {
        await page.goto(`${origin}/admin/#/launches/quick-reply`);
        await page.getByRole('heading', { level: 1, name: 'Quick replies' }).waitFor();
      }
      const thread = (page: Page) => page.getByRole('region', { name: 'Discussion' });
      // The block is a post of the thread, and its card offers to answer it.
      await thread(eli).getByText('Macros for the new replies are missing').waitFor();
      await eli
        .getByRole('region', { name: 'Support', exact: true })
        .getByRole('button', { name: 'Respond to Support’s NO-GO' })
        .click();
      const reply = thread(eli).getByLabel('Reply to Sam Support');
      await reply.waitFor();
      expect(await reply.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await reply.fill('We will write the macros today.');
      await thread(eli).getByRole('button', { name: 'Post reply' }).click();
      await thread(eli).getByText('Answers Support’s block').waitFor();

      // Sam sees the answer arrive, nested under the block, without a reload.
      const replies = thread(sam).getByRole('list', { name: 'Replies to Sam Support' });
      await replies.getByText('We will write the macros today.').waitFor();
      await replies.getByText('Answers Support’s block').waitFor();
      await sam.getByRole('banner').getByText('Live', { exact: true }).waitFor();

      // The server recorded it as the block's first response (which stops its escalation).
      const history = ok(
        await app.gql<{
          launch: {
            signOffs: { id: string; team: string; decision: string }[];
            events: { edges: { node: { type: string; data: { respondsTo?: string[] } } }[] };
          };
        }>(
          await demoToken('Vic Viewer'),
          'query { launch(key: "quick-reply") { signOffs { id team decision } events(first: 100) { edges { node { type data } } } } }',
        ),
      ).launch;
      const block = history.signOffs.find((o) => o.team === 'SUPPORT' && o.decision === 'NO_GO');
      const comments = history.events.edges.filter((e) => e.node.type === 'COMMENTED');
      expect(comments.at(-1)?.node.data.respondsTo).toEqual([block?.id]);

      await thread(eli).getByLabel('New comment').fill('Ping me when they are live.');
      await thread(eli).getByRole('button', { name: 'Post comment' }).click();
      await thread(sam).getByText('Ping me when they are live.').waitFor();
      await eli.screenshot({ path: `${SCREENSHOTS}/daily-discussion.png`, fullPage: true });
      await audit(eli, 'launch page with a discussion');
    },
    TEST_TIMEOUT,
  );

  it(
    'tells the audit trail as sentences with item titles, filters it, and exports it as CSV',
    async () => {
      const cora = await signInAs('Cora Coordinator');
      await cora.goto(`${origin}/admin/#/launches/quick-reply`);
      const trail = cora.getByRole('region', { name: 'Audit trail' });
      const events = trail.getByRole('list', { name: 'Events, oldest first' });
      await events
        .getByText(
          'Sam Support blocked Planning for Support: “Macros for the new replies are missing”.',
        )
        .waitFor();
      await events
        .getByText(/^Priya Product completed “.+”: “Checked with the inbox team”\.$/)
        .waitFor();
      await events
        .getByText(/^Eli Engineering replied to Sam Support \(answering the block of Support\)/)
        .waitFor();
      expect(await events.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);

      await trail.getByLabel('Type').selectOption({ label: 'NO-GO' });
      await waitForCount(events.getByRole('listitem'), 1);
      await trail.getByLabel('Type').selectOption({ label: 'All types' });
      await trail.getByLabel('Team').selectOption({ label: 'Product' });
      await events.getByText(/^Priya Product completed/).waitFor();
      expect(await events.getByText(/^Sam Support/).count()).toBe(0);
      await trail.getByLabel('Team').selectOption({ label: 'All teams' });

      const [download] = await Promise.all([
        cora.waitForEvent('download'),
        trail.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('quick-reply-audit-trail.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('sequence,at,type,stage,team,actor,summary');
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^\d+,[^,]+,SIGNED_NO_GO,PLANNING,SUPPORT,Sam Support,"?Sam Support blocked Planning for Support: “Macros for the new replies are missing”\./,
        ),
      );
      await cora.screenshot({ path: `${SCREENSHOTS}/daily-audit-trail.png`, fullPage: true });
      await audit(cora, 'launch page as the coordinator');
    },
    TEST_TIMEOUT,
  );

  it(
    'lists what waits on each person, oldest first, with a count in the header',
    async () => {
      const sam = await signInAs('Sam Support');
      const nav = sam.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: /^My work \d+ waiting on you$/ }).click();
      await sam.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
      const list = sam.getByRole('list', { name: 'Waiting on you' });
      await list.getByRole('listitem').first().waitFor();
      const entries = list.getByRole('listitem');
      const count = await entries.count();
      const header = await nav.getByRole('link', { name: /^My work/ }).innerText();
      expect(header.replace(/\D+/g, '')).toBe(String(count));

      // Sam's own block on Quick replies is his to lift; every entry is Support's.
      const lift = entries.filter({ hasText: 'Lift your NO-GO' });
      await lift.getByRole('link', { name: 'Quick replies' }).waitFor();
      expect(await entries.filter({ hasNotText: 'Support' }).count()).toBe(0);
      const since = await list
        .locator('time')
        .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
      expect(since).toEqual([...since].sort());
      await sam.screenshot({ path: `${SCREENSHOTS}/daily-my-work.png`, fullPage: true });
      await audit(sam, 'my work');

      // A member neither sees "New launch" nor is offered a form the server would refuse.
      expect(await nav.getByRole('link', { name: 'New launch' }).count()).toBe(0);
      const vic = await signInAs('Vic Viewer');
      await vic
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: /^My work/ })
        .click();
      await vic.getByText('Nothing waits on you right now.').waitFor();
      expect(
        await vic
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'New launch' })
          .count(),
      ).toBe(0);
      // Typed in by hand, the form is not offered either: the page says who may create.
      await vic.goto(`${origin}/admin/#/launches/new`);
      await vic.getByText('Only a coordinator or an admin creates launches.').waitFor();
      expect(await vic.getByRole('button', { name: 'Create launch' }).count()).toBe(0);
      const cora = await signInAs('Cora Coordinator');
      await cora
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'New launch' })
        .click();
      await cora.getByRole('button', { name: 'Create launch' }).waitFor();
      await audit(cora, 'new launch');
    },
    TEST_TIMEOUT,
  );

  it(
    'shows badges, block reasons and ages, and a list view whose sort and filters live in the URL',
    async () => {
      // A block's age is the browser's clock against the block's recorded time: with the
      // page's clock set 3 minutes after the seeded block, the words hold however slow the run.
      const block = ok(
        await app.gql<{
          launch: { signOffs: { team: string; decision: string; signedAt: string }[] };
        }>(
          await demoToken('Vic Viewer'),
          'query { launch(key: "sso-okta") { signOffs { team decision signedAt } } }',
        ),
      ).launch.signOffs.find((o) => o.team === 'SUPPORT' && o.decision === 'NO_GO');
      if (!block) throw new Error('the demo has no standing Support block on sso-okta');
      const blockedAt = block.signedAt;
      const cora = await signInAs('Cora Coordinator', {
        now: new Date(Date.parse(blockedAt) + 3 * 60_000),
      });
      const sso = cora.locator('.board [data-launch-key="sso-okta"]');
      await sso.getByText('BLOCKED by Support').waitFor();
      const reason = sso.getByRole('listitem').filter({
        hasText: 'The known-issues list misses the SCIM de-provisioning bug',
      });
      await reason.getByText(/blocked 3 minutes ago/).waitFor();
      expect(await reason.locator('time').getAttribute('datetime')).toBe(blockedAt);
      const dashboard = cora.locator('.board [data-launch-key="usage-dashboard"]');
      await dashboard.getByText('Early access', { exact: true }).waitFor();
      await dashboard.getByText('At risk', { exact: true }).waitFor();
      await audit(cora, 'board with badges');

      await cora.getByText('List', { exact: true }).click();
      const rows = cora.locator('table.launch-list tbody tr');
      await rows.first().waitFor();
      // Needs attention first: the blocked launches lead the list.
      expect(
        await rows
          .first()
          .getByText(/^BLOCKED/)
          .count(),
      ).toBe(1);
      await cora.getByLabel('Sort by').selectOption('target');
      await cora.getByLabel('Waiting on').selectOption('SUPPORT');
      await cora.getByLabel('Blocked only').check();
      await waitForCount(rows.filter({ hasNotText: 'BLOCKED' }), 0);
      const shared = cora.url();
      expect(new URL(shared).hash).toMatch(/view=list/);
      expect(new URL(shared).hash).toMatch(/sort=target/);
      expect(new URL(shared).hash).toMatch(/team=SUPPORT/);
      expect(new URL(shared).hash).toMatch(/blocked=1/);
      await cora.screenshot({ path: `${SCREENSHOTS}/daily-board-list.png`, fullPage: true });
      await audit(cora, 'board list view');

      // The link is the view: someone else opens it and sees the same list.
      const sam = await signInAs('Sam Support');
      await sam.goto(shared);
      await sam.locator('table.launch-list').waitFor();
      expect(await sam.getByLabel('Blocked only').isChecked()).toBe(true);
      expect(await sam.getByLabel('Sort by').inputValue()).toBe('target');
      await waitForCount(
        sam.locator('table.launch-list tbody tr').filter({ hasNotText: 'BLOCKED' }),
        0,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'puts blocked and at-risk launches first on a phone, and stays accessible there',
    async () => {
      const phone = await signInAs('Priya Product', { viewport: { width: 390, height: 844 } });
      const rows = phone.locator('table.launch-list tbody tr');
      await rows.first().waitFor();
      const flags = await rows.evaluateAll((trs) =>
        trs.map((tr) =>
          /BLOCKED/.test(tr.textContent ?? '') ? 0 : /At risk/.test(tr.textContent ?? '') ? 1 : 2,
        ),
      );
      expect(flags[0]).toBe(0);
      expect(flags).toEqual([...flags].sort());
      // The first blocked launch is on the first screen, not off to the side.
      const box = await rows.first().boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y < 844).toBe(true);
      await phone.screenshot({ path: `${SCREENSHOTS}/daily-phone-board.png`, fullPage: true });
      await audit(phone, 'board on a phone');
      await phone.goto(`${origin}/admin/#/launches/sso-okta`);
      await phone.getByRole('heading', { level: 1, name: 'Single sign-on with Okta' }).waitFor();
      await audit(phone, 'launch page on a phone');
      await phone.goto(`${origin}/admin/#/my-work`);
      await phone.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
      await audit(phone, 'my work on a phone');
    },
    TEST_TIMEOUT,
  );

  it(
    'serves a GraphQL explorer from its own files that sends the signed-in person’s token',
    async () => {
      const cora = await signInAs('Cora Coordinator');
      const problems: string[] = [];
      cora.on('console', (message) => {
        // Plain HTTP at a host name: the browser ignores COOP, as expected here.
        if (message.type() === 'error' && !message.text().includes('Cross-Origin-Opener-Policy'))
          problems.push(message.text());
      });
      const outside: string[] = [];
      cora.on('request', (request) => {
        if (
          !request.url().startsWith(origin) &&
          !request.url().startsWith('blob:') &&
          !request.url().startsWith('data:')
        )
          outside.push(request.url());
      });
      await cora
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'GraphQL explorer' })
        .click();
      await cora.waitForURL(/graphiql\.html$/);
      const run = cora.getByRole('button', { name: /Execute query/ });
      await run.waitFor();
      await cora.getByText('query MyWork').first().waitFor();
      await run.click();
      await cora.getByText('"myWork"').first().waitFor();
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
      // Not in the axe audit: GraphiQL's own markup (nested tab controls, dimmed line
      // numbers) is the library's; the product's pages are held to zero findings.
      await cora.screenshot({ path: `${SCREENSHOTS}/daily-graphiql.png` });
    },
    TEST_TIMEOUT,
  );

  it(
    'falls back to polling when the socket is down, and says so',
    async () => {
      const context = await suite.newContext({ viewport: { width: 1440, height: 900 } });
      // Every socket attempt is refused, as behind a proxy that drops WebSockets.
      await context.routeWebSocket(/\/graphql$/, (socket) => socket.close({ code: 1011 }));
      const page = await suite.newPage(context);
      await page.goto(`${origin}/admin/`);
      await page.getByRole('button', { name: /^Cora Coordinator/ }).click();
      await page.goto(`${origin}/admin/#/launches/dark-mode/go-no-go`);
      await page.getByRole('heading', { level: 1, name: 'Go/no-go: Dark mode' }).waitFor();
      await page
        .getByRole('banner')
        .getByText(/^Offline: refreshing every 5 s$/)
        .waitFor();

      const engineering = page.getByRole('region', { name: 'Engineering', exact: true });
      await engineering.getByText('No sign-off yet').waitFor();
      const eli = await signInAs('Eli Engineering');
      await eli.goto(`${origin}/admin/#/launches/dark-mode`);
      const own = eli.getByRole('region', { name: 'Engineering', exact: true });
      await own.getByLabel('Sign-off comment (required for NO-GO)').fill('Contrast audit pending');
      await own.getByRole('button', { name: 'Sign NO-GO for Engineering' }).click();
      await own.getByText('NO-GO', { exact: true }).waitFor();
      await engineering.getByText('Contrast audit pending').waitFor();
      await audit(page, 'go/no-go view');
    },
    TEST_TIMEOUT,
  );

  it('finds no serious or critical accessibility violation on any screen', () => {
    expect(axeFindings.length).toBeGreaterThan(0);
    expect(axeFindings.filter((f) => f.violations.length > 0)).toEqual([]);
  });
});
