import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inDays } from '../support/launch-factory.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { buildAdmin } from '../support/admin-build.js';
import { launchChromium } from './browser-harness.js';
import { bootTestApp, uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * Templates in a real browser against the real API on real PostgreSQL: an admin makes a
 * template needing two engineering approvals with GOs valid 7 days (a bad value is refused
 * at its field), publishes a second version, and a coordinator creates a launch from it,
 * whose Engineering gate reads "0 of 2 approvals".
 */

const TIMEOUT = 15_000;

describe('templates in the admin UI', () => {
  let app: TestApp;
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let browser: Browser;
  let admin: TestUser;
  let coordinator: TestUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    buildAdmin();
    database = await createScratchDatabase('browser_templates');
    app = await bootTestApp({ DATABASE_URL: database.url });
    admin = await app.createUser({ role: 'ADMIN', name: 'Ada Admin' });
    coordinator = await app.createUser({ role: 'COORDINATOR', name: 'Cora Coordinator' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function signedInPage(user: TestUser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${app.url}/admin/`);
    await page.getByLabel('API token').fill(user.token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  it('an admin publishes a template version and a coordinator creates a launch from it', async () => {
    const name = `two-eng-${uniqueSuffix()}`;
    const page = await signedInPage(admin);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Templates' })
      .click();
    await page.getByRole('link', { name: 'lite', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'lite · version 1' }).waitFor();
    await page.getByRole('button', { name: 'New template from this copy' }).click();

    await page.getByLabel('Name *').fill(name);
    await page.getByLabel('Engineering approvals').fill('2');
    await page.getByLabel('GO valid for (days)').fill('400');
    await page.getByRole('button', { name: 'Create template' }).click();
    // The server's refusal appears at the field it names; nothing is stored.
    await page.locator('#policy-goValidDays-error').getByText('goValidDays').waitFor();
    expect(await page.getByLabel('GO valid for (days)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('GO valid for (days)').fill('7');
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} · version 1` }).waitFor();

    await page.getByRole('button', { name: 'New version' }).click();
    await page.getByLabel('Title of Engineering item in Alpha').first().fill('Rollback rehearsed');
    await page.getByRole('button', { name: 'Publish version' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} · version 2` }).waitFor();
    await page.getByText('Rollback rehearsed').waitFor();
    await page.getByText('Engineering: 2').waitFor();

    const coord = await signedInPage(coordinator);
    await coord
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New launch' })
      .click();
    await coord.getByLabel('Key *').fill(`from-${uniqueSuffix()}`);
    await coord.getByLabel('Name *').fill('Two engineers');
    await coord.getByLabel('Target GA date').fill(inDays(60).slice(0, 10));
    await coord.getByLabel(name).check();
    await coord.getByRole('button', { name: 'Create launch' }).click();
    await coord.getByRole('heading', { level: 1, name: 'Two engineers' }).waitFor();
    await coord.getByRole('link', { name: `${name} v2` }).waitFor();
    await coord
      .getByRole('region', { name: 'Engineering' })
      .getByText('0 of 2 approvals')
      .waitFor();
  });
});
