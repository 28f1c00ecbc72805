import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { Team } from '#workflow';
import {
  advance,
  createLaunch,
  createTeamMembers,
  inDays,
  ok,
  satisfyGate,
  signOff,
  TEAMS,
  type TeamMembers,
} from '../support/launch-factory.js';
import { uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';
import { BrowserSuite, waitForCount } from './browser-harness.js';

/**
 * The admin UI in a real browser (Debian's Chromium driven by Playwright) against the real
 * API on real PostgreSQL: a coordinator creates a launch, each team completes its items and
 * signs GO, support blocks and lifts, the coordinator advances, and a member never sees the
 * Advance button. Screenshots of the board and the launch page land in docs/screenshots.
 */

// The README's pictures are refreshed on request (UPDATE_SCREENSHOTS=1); ordinary runs keep theirs as artifacts.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? 'docs/screenshots'
  : 'test/artifacts/screenshots';
const TEAM_LABEL: Record<Team, string> = {
  PRODUCT: 'Product',
  ENGINEERING: 'Engineering',
  SUPPORT: 'Support',
};

/** Per test: each drives a browser through several round trips to the API. */
const TEST_TIMEOUT = 60_000;

/** Fails with the page's own error text when the UI is showing a server error. */
async function expectNoAlert(page: Page): Promise<void> {
  const alerts = page.getByRole('alert');
  if ((await alerts.count()) > 0) {
    throw new Error(`the page shows an error: ${(await alerts.allInnerTexts()).join(' | ')}`);
  }
}

describe('admin UI in a browser', () => {
  let suite: BrowserSuite;
  let app: TestApp;
  let coordinator: TestUser;
  let members: TeamMembers;
  const key = `checkout-v2-${uniqueSuffix()}`;
  const launchName = 'Checkout v2';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });

    // A database of its own, so the board shows this suite's launches and no other suite's.
    suite = await BrowserSuite.start('browser');
    ({ app } = suite);
    coordinator = await app.createUser({ role: 'COORDINATOR', name: 'Cora Coordinator' });
    members = {
      PRODUCT: await app.createUser({ role: 'MEMBER', teams: ['PRODUCT'], name: 'Priya Product' }),
      ENGINEERING: await app.createUser({
        role: 'MEMBER',
        teams: ['ENGINEERING'],
        name: 'Eli Engineer',
      }),
      SUPPORT: await app.createUser({ role: 'MEMBER', teams: ['SUPPORT'], name: 'Sam Support' }),
    };
    await seedNeighbours();
  }, 120_000);

  afterAll(() => suite?.close());

  /** A few other launches over the API, so the board has something around the one under test. */
  async function seedNeighbours(): Promise<void> {
    const helpers: TeamMembers = await createTeamMembers(app);
    const make = (name: string, slug: string, days: number, template = 'standard') =>
      createLaunch(app, coordinator.token, {
        key: `${slug}-${uniqueSuffix()}`,
        name,
        targetGaDate: inDays(days),
        template,
      });
    await make('Dark mode', 'dark-mode', 75, 'lite');
    const sso = await make('SSO for teams', 'sso', 40);
    await satisfyGate(app, helpers, sso.id);
    ok(await advance(app, coordinator.token, sso.id));
    const billing = await make('Usage-based billing', 'billing', 55);
    for (let i = 0; i < 2; i++) {
      await satisfyGate(app, helpers, billing.id);
      ok(await advance(app, coordinator.token, billing.id));
    }
    const exportLaunch = await make('Audit log export', 'audit-export', 90, 'lite');
    ok(
      await signOff(
        app,
        helpers.ENGINEERING.token,
        exportLaunch.id,
        'ENGINEERING',
        'NO_GO',
        'Export format not agreed with security',
      ),
    );
  }

  const signedInPage = (user: TestUser) => suite.signInWithToken(user.token);

  /** Opens the launch page fresh (a reload when already there: a same-hash goto does nothing). */
  async function openLaunch(page: Page): Promise<void> {
    const target = `${app.url}/admin/#/launches/${key}`;
    if (page.url() === target) await page.reload();
    else await page.goto(target);
    await page.getByRole('heading', { level: 1, name: launchName }).waitFor();
  }

  function gate(page: Page, team: Team): Locator {
    return page.getByRole('region', { name: TEAM_LABEL[team], exact: true });
  }

  let coordinatorPage: Page;
  const memberPages = {} as Record<Team, Page>;

  it(
    'signs in with a token and shows who you are',
    async () => {
      coordinatorPage = await signedInPage(coordinator);
      const header = coordinatorPage.getByRole('banner');
      await header.getByText('Cora Coordinator').waitFor();
      await header.getByText('COORDINATOR', { exact: true }).waitFor();
      await coordinatorPage.getByRole('heading', { level: 1, name: 'Launch board' }).waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'lets a coordinator create a launch, with server errors next to their field',
    async () => {
      const page = coordinatorPage;
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'New launch' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'New launch' }).waitFor();

      // The form's bounds and defaults are the server's (launchInputLimits).
      expect(await page.getByLabel('Support lead days').inputValue()).toBe('5');
      await page.getByText('Days of early access support gets before GA (0–90).').waitFor();

      // A key the rules refuse: the server's message appears next to the key field.
      await page.getByLabel('Key *').fill('Not a key');
      await page.getByRole('button', { name: 'Create launch' }).click();
      await page
        .locator('#launch-key-error')
        .getByText('lowercase letters, digits and hyphens')
        .waitFor();
      expect(await page.getByLabel('Key *').getAttribute('aria-invalid')).toBe('true');

      // A taken key is the server's call: its message appears next to the key field.
      await page.getByLabel('Key *').fill(key);
      await page.getByLabel('Name *').fill(launchName);
      await page.getByLabel('Description').fill('One-page checkout with saved cards and wallets.');
      await page.getByLabel('Target GA date').fill(inDays(60).slice(0, 10));
      await page.getByLabel('Lite').check();
      await page.getByLabel('Standard').check();
      await page.getByRole('button', { name: 'Create launch' }).click();

      await page.getByRole('heading', { level: 1, name: launchName }).waitFor();
      await page.locator('[aria-current="step"]').getByText('Planning').waitFor();
      await expectNoAlert(page);

      await page.goto(`${app.url}/admin/#/launches/new`);
      await page.getByLabel('Key *').fill(key);
      await page.getByLabel('Name *').fill('Duplicate');
      await page.getByRole('button', { name: 'Create launch' }).click();
      const keyError = page.locator('#launch-key-error');
      await keyError.waitFor();
      expect(await keyError.innerText()).toContain(key);
      expect(await page.getByLabel('Key *').getAttribute('aria-invalid')).toBe('true');
    },
    TEST_TIMEOUT,
  );

  it(
    'lets each team complete its items and sign GO, with buttons only where viewerCan allows',
    async () => {
      for (const team of TEAMS) {
        const page = await signedInPage(members[team]);
        memberPages[team] = page;
        await openLaunch(page);
        const own = gate(page, team);

        // Nothing to press in the other teams' columns.
        for (const other of TEAMS) {
          if (other === team) continue;
          await waitForCount(gate(page, other).getByRole('button'), 0);
        }

        // GO waits for the team's own items: disabled, with the server's reason.
        const go = own.getByRole('button', { name: `Sign GO for ${TEAM_LABEL[team]}` });
        expect(await go.isDisabled()).toBe(true);
        await own
          .getByText(
            `${TEAM_LABEL[team]} cannot sign GO on Planning until its required items are done.`,
          )
          .waitFor();

        const completeButtons = own.getByRole('button', { name: /^Complete: / });
        let first = true;
        while ((await completeButtons.count()) > 0) {
          const button = completeButtons.first();
          const title = ((await button.getAttribute('aria-label')) ?? '').replace(
            /^Complete: /,
            '',
          );
          await button.click();
          if (first) {
            await own
              .getByLabel('Evidence URL (optional)')
              .fill('https://wiki.example.com/checkout-v2');
            await own.getByLabel('Note (optional)').fill('Reviewed in the weekly sync.');
            first = false;
          }
          await own.getByRole('button', { name: 'Mark done' }).click();
          // The form closes once the launch is reloaded; then the item shows as done.
          await waitForCount(own.getByRole('button', { name: 'Mark done' }), 0);
          await expectNoAlert(page);
          await waitForCount(
            own.getByRole('button', { name: `Complete: ${title}`, exact: true }),
            0,
          );
        }

        expect(await go.isEnabled()).toBe(true);
        await go.click();
        await own.getByText('GO', { exact: true }).waitFor();
        await expectNoAlert(page);
      }

      const page = coordinatorPage;
      await openLaunch(page);
      await page.getByRole('button', { name: 'Advance to Alpha' }).waitFor();
      expect(await page.getByRole('button', { name: 'Advance to Alpha' }).isEnabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a support NO-GO as BLOCKED on the board and lists it as missing',
    async () => {
      const support = memberPages.SUPPORT;
      await openLaunch(support);
      const own = gate(support, 'SUPPORT');
      // NO-GO needs a comment: the server's refusal appears at the comment field.
      await own.getByRole('button', { name: 'Sign NO-GO for Support' }).click();
      await own.locator('#signoff-SUPPORT-error').getByText('comment must not be empty').waitFor();
      expect(
        await own.getByLabel('Sign-off comment (required for NO-GO)').getAttribute('aria-invalid'),
      ).toBe('true');
      await own
        .getByLabel('Sign-off comment (required for NO-GO)')
        .fill('Help-center articles are not published yet');
      await own.getByRole('button', { name: 'Sign NO-GO for Support' }).click();
      await own.getByText('NO-GO', { exact: true }).waitFor();
      await expectNoAlert(support);

      const page = coordinatorPage;
      await page.goto(`${app.url}/admin/#/`);
      await page.getByRole('heading', { level: 1, name: 'Launch board' }).waitFor();
      const card = page.locator(`[data-launch-key="${key}"]`);
      await card.getByText('BLOCKED by Support').waitFor();
      await page.getByRole('progressbar', { name: `Readiness of ${launchName}` }).waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/board.png`, fullPage: true });

      await page.getByLabel('Blocked only').check();
      await waitForCount(page.locator('[data-launch-key]').filter({ hasNotText: 'BLOCKED' }), 0);
      await card.waitFor();

      await openLaunch(page);
      await page
        .getByRole('region', { name: /What’s missing/ })
        .getByText('Help-center articles are not published yet')
        .waitFor();
      expect(await page.getByRole('button', { name: 'Advance to Alpha' }).isDisabled()).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/launch.png`, fullPage: true });
    },
    TEST_TIMEOUT,
  );

  it(
    'lets support lift its block, and the coordinator advance to Alpha',
    async () => {
      const support = memberPages.SUPPORT;
      await openLaunch(support);
      const own = gate(support, 'SUPPORT');
      await own.getByLabel('Sign-off comment (required for NO-GO)').fill('Articles are live');
      await own.getByRole('button', { name: 'Sign GO for Support' }).click();
      await own.getByText('GO', { exact: true }).waitFor();
      await expectNoAlert(support);

      const page = coordinatorPage;
      await page.goto(`${app.url}/admin/#/`);
      const card = page.locator(`[data-launch-key="${key}"]`);
      await card.getByText('Ready for Alpha').waitFor();
      expect(await card.getByText(/BLOCKED/).count()).toBe(0);

      await openLaunch(page);
      const advanceButton = page.getByRole('button', { name: 'Advance to Alpha' });
      expect(await advanceButton.isEnabled()).toBe(true);
      await advanceButton.click();
      await page.getByRole('status').getByText('Advanced to Alpha').waitFor();
      await page.locator('[aria-current="step"]').getByText('Alpha').waitFor();
      await page.getByRole('button', { name: 'Advance to Beta' }).waitFor();
      await expectNoAlert(page);
      await page
        .getByRole('list', { name: 'Events, oldest first' })
        .getByText('Cora Coordinator advanced the launch from Planning to Alpha.')
        .waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'never shows a member the Advance button',
    async () => {
      const page = memberPages.PRODUCT;
      await openLaunch(page);
      await page.locator('[aria-current="step"]').getByText('Alpha').waitFor();
      await gate(page, 'PRODUCT')
        .getByRole('button', { name: /^Complete: / })
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: /^Advance/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Cancel launch/ }).count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'updates the go/no-go view without a reload when a team acts',
    async () => {
      const page = coordinatorPage;
      await page.goto(`${app.url}/admin/#/launches/${key}/go-no-go`);
      await page.getByRole('heading', { level: 1, name: `Go/no-go: ${launchName}` }).waitFor();
      const engineering = page.getByRole('region', { name: 'Engineering', exact: true });
      await engineering.getByText('No sign-off yet').waitFor();

      const launch = ok(
        await app.gql<{ launch: { id: string } }>(
          coordinator.token,
          'query($k: String!) { launch(key: $k) { id } }',
          { k: key },
        ),
      ).launch;
      ok(
        await signOff(
          app,
          members.ENGINEERING.token,
          launch.id,
          'ENGINEERING',
          'NO_GO',
          'Load test pending',
        ),
      );

      await engineering.getByText('NO-GO', { exact: true }).waitFor({ timeout: 10_000 });
      await engineering.getByText('Load test pending').waitFor();
    },
    TEST_TIMEOUT,
  );
});
