import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Clock } from '../../apps/api/src/common/clock.js';
import {
  advance,
  createLaunch,
  createTeamMembers,
  ok,
  satisfyGate,
  type LaunchDto,
  type TeamMembers,
} from '../support/launch-factory.js';
import { uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';
import { BrowserSuite, seriousViolations } from './browser-harness.js';

/**
 * Freeze windows in a real browser against the real API on real PostgreSQL: an admin
 * declares a freeze of GA over the next two days; an otherwise ready launch in Support
 * trained shows it, and its Ship-by box says GA by tomorrow is not feasible, the earliest GA
 * being after the window; the admin advances through the freeze with a reason, which the
 * audit trail shows; the gates' slider at the event before the last sign-off shows Support
 * missing; a coordinator sees the calendar without the form.
 */

/**
 * The system time, but never the same millisecond twice: readiness(asOf: event.at) tells
 * events apart by their times, and a fast test can commit two in one millisecond.
 */
class TickingClock extends Clock {
  private last = 0;
  now(): Date {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last);
  }
}

const SCREENSHOTS = 'test/artifacts/screenshots';
const TEST_TIMEOUT = 90_000;
/** Not UTC: times on screen and the datetime-local inputs are in the person's zone. */
const TIME_ZONE = 'Europe/Berlin';
const FREEZE = `Year-end freeze ${uniqueSuffix()}`;
const REASON = 'Payment provider deadline: ship before the holidays';

describe('freeze windows in the admin UI', () => {
  let suite: BrowserSuite;
  let app: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let members: TeamMembers;
  let launch: LaunchDto;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    suite = await BrowserSuite.start('browser_freeze', {}, new TickingClock());
    ({ app } = suite);
    admin = await app.createUser({ role: 'ADMIN', name: 'Ada Admin' });
    coordinator = await app.createUser({ role: 'COORDINATOR', name: 'Cora Coordinator' });
    members = await createTeamMembers(app);
    // Walked to Support trained with every item done and every GO given (Support's last).
    launch = await createLaunch(app, coordinator.token, {
      name: 'Checkout v3',
      supportLeadDays: 0,
    });
    while (launch.stage !== 'SUPPORT_TRAINED') {
      await satisfyGate(app, members, launch.id);
      launch = ok(await advance(app, coordinator.token, launch.id)).advanceLaunch;
      if (launch.stage === 'BETA')
        ok(
          await app.gql(
            coordinator.token,
            `mutation($i: EarlyAccessInput!) { grantEarlyAccess(input: $i) { id } }`,
            { i: { launchId: launch.id } },
          ),
        );
    }
    launch = await satisfyGate(app, members, launch.id);
    expect(launch.readiness.canAdvance).toBe(true);
  }, 180_000);

  afterAll(() => suite?.close());

  const signedInPage = (user: TestUser) =>
    suite.signInWithToken(user.token, { timezoneId: TIME_ZONE });

  /** A datetime-local or date input's value in the page's time zone, `days` from now. */
  function localInput(page: Page, days: number, kind: 'datetime' | 'date'): Promise<string> {
    return page.evaluate(
      ([d, k]) => {
        const at = new Date(Date.now() + Number(d) * 86_400_000);
        const pad = (n: number) => String(n).padStart(2, '0');
        const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
        return k === 'date' ? date : `${date}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
      },
      [days, kind] as const,
    );
  }

  async function openFreezes(page: Page): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Freezes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Freeze windows' }).waitFor();
  }

  it(
    'declares a freeze, plans around it, ships through it and shows the gates as they stood',
    async () => {
      const page = await signedInPage(admin);
      await openFreezes(page);

      // A window that ends before it starts: the server's refusal is shown, nothing stored.
      await page.getByLabel('Name *').fill(FREEZE);
      await page.getByLabel('Ends *').fill(await localInput(page, -1, 'datetime'));
      await page.getByRole('button', { name: 'Declare freeze' }).click();
      await page.locator('.freeze-form').locator('.field-error, [role="alert"]').first().waitFor();
      expect(await page.locator('.freeze-card').count()).toBe(0);

      // Starts defaults to now; GA is the default stage.
      expect(await page.getByLabel('GA', { exact: true }).isChecked()).toBe(true);
      await page.getByLabel('Reason (optional)').fill('Holiday traffic');
      await page.getByLabel('Ends *').fill(await localInput(page, 2, 'datetime'));
      await page.getByRole('button', { name: 'Declare freeze' }).click();
      const card = page.locator('.freeze-card', { hasText: FREEZE });
      await card.waitFor();
      await card.getByText('In effect').waitFor();
      await card.getByText('Declared by Ada Admin').waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/freeze-calendar.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // The board marks the launch frozen.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Board' })
        .click();
      await page.locator(`[data-launch-key="${launch.key}"]`).getByText('Frozen').waitFor();

      // The launch page names the freeze, and the gate is refused for it alone.
      await page.goto(`${app.url}/admin/#/launches/${launch.key}`);
      await page.getByRole('heading', { level: 1, name: 'Checkout v3' }).waitFor();
      await page.getByRole('region', { name: 'Freeze', exact: true }).getByText(FREEZE).waitFor();
      expect(await page.getByRole('button', { name: 'Advance to GA' }).isDisabled()).toBe(true);

      // Ship by yesterday: the server's message; by tomorrow: not feasible, GA after the window.
      const shipBy = page.getByRole('region', { name: 'Ship by', exact: true });
      await shipBy.getByLabel('GA by the end of').fill(await localInput(page, -1, 'date'));
      await shipBy.getByRole('alert').waitFor();
      await shipBy.getByLabel('GA by the end of').fill(await localInput(page, 1, 'date'));
      await shipBy.getByText('Not feasible').waitFor();
      await shipBy.getByText(FREEZE).waitFor();
      const windowEnd = ok(
        await app.gql<{ freezeWindows: { name: string; endsAt: string }[] }>(
          admin.token,
          `{ freezeWindows { name endsAt } }`,
        ),
      ).freezeWindows.find((w) => w.name === FREEZE)!.endsAt;
      const earliest = await shipBy.locator('.plan-earliest').getAttribute('datetime');
      expect(Date.parse(earliest!)).toBeGreaterThanOrEqual(Date.parse(windowEnd));
      await page.screenshot({ path: `${SCREENSHOTS}/freeze-ship-by.png` });
      expect(await seriousViolations(page)).toEqual([]);

      // Break-glass: the admin advances through the freeze with a reason.
      await page.getByRole('button', { name: 'Advance through the freeze…' }).click();
      await page.getByLabel('Why advance through the freeze? *').fill(REASON);
      await page.getByRole('button', { name: 'Advance through the freeze', exact: true }).click();
      await page.getByText(/it no longer changes/).waitFor();
      const trail = page.getByRole('list', { name: 'Events, oldest first' });
      await trail.locator('.trail-advanced', { hasText: REASON }).waitFor();

      // The slider, one event before the last sign-off: Support had not signed.
      const slider = page.getByLabel('Gates as of');
      await slider.focus();
      await slider.press('End');
      for (let step = 0; step < 10; step += 1) {
        const text = (await slider.getAttribute('aria-valuetext')) ?? '';
        if (/signed GO for Engineering on Support trained/.test(text)) break;
        await slider.press('ArrowLeft');
      }
      expect(await slider.getAttribute('aria-valuetext')).toMatch(
        /signed GO for Engineering on Support trained/,
      );
      await page.getByText(/not live/).waitFor();
      const past = page.locator('.past-gate');
      await past
        .getByRole('region', { name: 'Support', exact: true })
        .getByText('No sign-off yet')
        .waitFor();
      await past
        .getByRole('region', { name: 'Engineering', exact: true })
        .locator('.chip-go')
        .waitFor();
      await past.locator('.missing-list li', { hasText: 'Support' }).first().waitFor();
      await page.locator('.gate').screenshot({ path: `${SCREENSHOTS}/freeze-gates-as-of.png` });
      await page.getByRole('button', { name: 'Back to now' }).click();
      await page.locator('.past-gate').waitFor({ state: 'detached' });
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a coordinator the calendar without the create form or End now',
    async () => {
      const page = await signedInPage(coordinator);
      await openFreezes(page);
      await page.locator('.freeze-card', { hasText: FREEZE }).waitFor();
      expect(await page.getByRole('heading', { name: 'Declare a freeze' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /End now/ }).count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'lets the admin end a freeze after confirming',
    async () => {
      const page = await signedInPage(admin);
      await openFreezes(page);
      const card = page.locator('.freeze-card', { hasText: FREEZE });
      await card.getByRole('button', { name: /End now/ }).click();
      await card.getByRole('button', { name: 'End freeze' }).click();
      await page.getByRole('status').getByText(`Ended the freeze “${FREEZE}”.`).waitFor();
      await card.waitFor({ state: 'detached' });
    },
    TEST_TIMEOUT,
  );
});
