import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createScratchDatabase } from '../support/scratch-database.js';
import { buildAdmin } from '../support/admin-build.js';
import { launchChromium } from './browser-harness.js';
import { bootTestApp, type TestApp } from '../support/test-app.js';

/**
 * The Outcomes screens in a real browser against a freshly seeded demo installation: the
 * cohorts side by side, the window selectable, the daily chart of a shipped launch and the
 * GA cards. Screenshots land beside the admin suite's.
 */

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? 'docs/screenshots'
  : 'test/artifacts/screenshots';
const TIMEOUT = 15_000;

describe('outcomes in the admin UI (demo data)', () => {
  let app: TestApp;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildAdmin();
    mkdirSync(SCREENSHOTS, { recursive: true });
    database = await createScratchDatabase('browser_outcomes');
    app = await bootTestApp({ DATABASE_URL: database.url, SEED_DEMO: 'true' });
    const coordinator = app.running.demoUsers.find((u) => u.role === 'COORDINATOR')!;
    // The harness's flags: without the background-networking ones, Chromium's own requests
    // to the outside stall on a closed network and the page may never load.
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/admin/`);
    // Signed in as the demo coordinator (the page's script, not this process, has localStorage).
    await page.evaluate(
      `localStorage.setItem('liftoff.admin.token', ${JSON.stringify(coordinator.token)})`,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  const rows = () => page.locator('.cohort-table tbody tr').allInnerTexts();

  it('shows the demo cohorts side by side, standard and lite against the baseline, and follows the window', async () => {
    await page.goto(`${app.url}/admin/#/outcomes`);
    await page.reload();
    await page.getByRole('heading', { name: 'Outcomes' }).waitFor({ timeout: TIMEOUT });
    await page.locator('.cohort-table').waitFor({ timeout: TIMEOUT });
    expect(await rows()).toEqual([
      'lite\t2\t12\t12',
      'standard\t4\t7\t7.3',
      'baseline\t4\t23\t23.5',
    ]);
    expect(await page.locator('.chart canvas').count()).toBe(1);
    const chart = page.getByRole('img', { name: /Median support tickets/ });
    expect(await chart.getAttribute('aria-label')).toContain('lite 12, standard 7, baseline 23');
    await page.screenshot({ path: `${SCREENSHOTS}/outcomes.png`, fullPage: true });

    // 30 days: the lite launch that shipped 24 days ago has no complete window yet.
    await page.getByLabel('Window after GA').selectOption('30');
    await page.getByRole('heading', { name: /first 30 days/ }).waitFor({ timeout: TIMEOUT });
    expect((await rows())[0]).toBe('lite\t2\t11\t11');
  });

  it('draws a shipped launch’s daily tickets with early access and GA marked', async () => {
    await page.goto(`${app.url}/admin/#/launches/saved-filters`);
    const panel = page.locator('section[aria-labelledby="outcome-title"]');
    await panel.getByText('complete', { exact: true }).waitFor({ timeout: TIMEOUT });
    expect(await panel.locator('canvas').count()).toBe(1);
    const legend = await panel.locator('figcaption').innerText();
    expect(legend).toMatch(/early access .* GA /);
    expect(await panel.locator('dd').first().innerText()).toBe('3');
    await panel.screenshot({ path: `${SCREENSHOTS}/launch-outcome.png` });
  });

  it('shows each GA card its first-window count beside its cohort median', async () => {
    await page.goto(`${app.url}/admin/#/`);
    const card = page.locator('[data-launch-key="saved-filters"] .card-outcome');
    await card.waitFor({ timeout: TIMEOUT });
    expect(await card.innerText()).toBe('6 tickets in 14 days · standard median 7');
    expect(await page.locator('[data-launch-key="calendar-sync"] .card-outcome').innerText()).toBe(
      'First 14 days after GA still running',
    );
  });
});
