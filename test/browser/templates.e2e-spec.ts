import { inDays } from '../support/launch-factory.js';
import { BrowserSuite } from './browser-harness.js';
import { uniqueSuffix, type TestUser } from '../support/test-app.js';

/**
 * Templates in a real browser against the real API on real PostgreSQL: an admin makes a
 * template needing two engineering approvals with GOs valid 7 days (a bad value is refused
 * at its field), publishes a second version, and a coordinator creates a launch from it,
 * whose Engineering gate reads "0 of 2 approvals".
 */

describe('templates in the admin UI', () => {
  let suite: BrowserSuite;
  let admin: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    suite = await BrowserSuite.start('browser_templates');
    admin = await suite.app.createUser({ role: 'ADMIN', name: 'Ada Admin' });
    coordinator = await suite.app.createUser({ role: 'COORDINATOR', name: 'Cora Coordinator' });
  }, 120_000);

  afterAll(() => suite?.close());

  it('an admin publishes a template version and a coordinator creates a launch from it', async () => {
    const name = `two-eng-${uniqueSuffix()}`;
    const page = await suite.signInWithToken(admin.token);
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

    const coord = await suite.signInWithToken(coordinator.token);
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
