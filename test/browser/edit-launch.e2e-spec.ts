import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { inDays, ok } from '../support/launch-factory.js';
import type { TestApp } from '../support/test-app.js';
import { BrowserSuite, seriousViolations, waitForCount } from './browser-harness.js';

/**
 * Changing a launch after creation in the admin UI: its fields, a new checklist item, and a
 * reopen, each told beforehand whose GOs it withdraws, and afterwards in the audit trail.
 */

const SCREENSHOTS = 'test/artifacts/screenshots';
const TEST_TIMEOUT = 60_000;
const KEY = 'edit-me';

interface ChecklistItem {
  id: string;
  stage: string;
  team: 'PRODUCT' | 'ENGINEERING' | 'SUPPORT';
  title: string;
  required: boolean;
  status: string;
}

describe('editing a launch and its checklist in the admin UI', () => {
  let suite: BrowserSuite;
  let app: TestApp;
  let origin: string;
  let tokens: Record<string, string>;
  let launchId: string;
  const axeFindings: { screen: string; violations: unknown[] }[] = [];

  const gql = async <T>(who: string, query: string, variables: Record<string, unknown> = {}) =>
    ok(await app.gql<T>(tokens[who] ?? '', query, variables));
  const checklist = async () =>
    (
      await gql<{ launch: { checklist: ChecklistItem[] } }>(
        'Cora Coordinator',
        'query($key: String!) { launch(key: $key) { checklist { id stage team title required status } } }',
        { key: KEY },
      )
    ).launch.checklist;
  const PERSON = {
    PRODUCT: 'Priya Product',
    ENGINEERING: 'Eli Engineering',
    SUPPORT: 'Sam Support',
  } as const;
  const signGo = (team: keyof typeof PERSON) =>
    gql(PERSON[team], 'mutation($i: SignOffInput!) { signOff(input: $i) { id } }', {
      i: { launchId, team, decision: 'GO' },
    });
  async function completeStage(stage: string) {
    for (const item of (await checklist()).filter(
      (i) => i.stage === stage && i.required && i.status === 'OPEN',
    )) {
      await gql(
        PERSON[item.team],
        'mutation($i: CompleteItemInput!) { completeChecklistItem(input: $i) { id } }',
        { i: { itemId: item.id } },
      );
    }
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    suite = await BrowserSuite.start('edit', { SEED_DEMO: 'true' });
    ({ app, origin } = suite);
    tokens = await suite.demoTokens();

    // In Alpha, its items done, Product and Support GO: the GOs a change there would withdraw.
    launchId = (
      await gql<{ createLaunch: { id: string } }>(
        'Cora Coordinator',
        'mutation($i: CreateLaunchInput!) { createLaunch(input: $i) { id } }',
        { i: { key: KEY, name: 'Edit me', targetGaDate: inDays(90) } },
      )
    ).createLaunch.id;
    await completeStage('PLANNING');
    for (const team of ['PRODUCT', 'ENGINEERING', 'SUPPORT'] as const) await signGo(team);
    await gql(
      'Cora Coordinator',
      'mutation($i: AdvanceInput!) { advanceLaunch(input: $i) { id } }',
      {
        i: { launchId },
      },
    );
    await completeStage('ALPHA');
    await signGo('PRODUCT');
    await signGo('SUPPORT');
  }, 120_000);

  afterAll(() => suite?.close());

  async function audit(page: Page, screen: string): Promise<void> {
    axeFindings.push({ screen, violations: await seriousViolations(page) });
  }

  const trail = (page: Page) =>
    page
      .getByRole('region', { name: 'Audit trail' })
      .getByRole('list', { name: 'Events, oldest first' });

  it(
    'edits the name, target date and lead days, with the server’s refusal shown by its field',
    async () => {
      const cora = await suite.signInAsDemo('Cora Coordinator');
      await cora.goto(`${origin}/admin/#/launches/${KEY}`);
      await cora.getByRole('heading', { level: 1, name: 'Edit me' }).waitFor();
      const changes = cora.getByRole('region', { name: 'Change this launch' });
      await changes.getByRole('button', { name: 'Edit launch' }).click();
      const form = cora.getByRole('form', { name: 'Edit launch' });
      await audit(cora, 'edit launch');
      await form.screenshot({ path: `${SCREENSHOTS}/edit-launch-form.png` });

      await form.getByLabel('Name').fill('Edited launch');
      await form.getByLabel('Target GA date').fill(inDays(120).slice(0, 10));
      await form.getByLabel('Support lead days').fill('91');
      await form.getByRole('button', { name: 'Save changes' }).click();
      // The refusal stands by the field it names, which takes the focus.
      const leadDays = form.getByLabel('Support lead days');
      await form.locator('#edit-supportLeadDays-error').waitFor();
      expect(await leadDays.getAttribute('aria-invalid')).toBe('true');
      expect(await leadDays.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await audit(cora, 'edit launch with a field error');

      await leadDays.fill('7');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await cora.getByRole('heading', { level: 1, name: 'Edited launch' }).waitFor();
      await changes.getByText('Launch updated.').waitFor();
      await trail(cora)
        .getByText(
          /^Cora Coordinator changed the name “Edit me” → “Edited launch”, the target GA date .+ → .+, support lead days 5 → 7\.$/,
        )
        .waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'adds a required item to the current stage after a warning that names whose GOs it withdraws',
    async () => {
      const cora = await suite.signInAsDemo('Cora Coordinator');
      await cora.goto(`${origin}/admin/#/launches/${KEY}`);
      await cora.getByRole('heading', { level: 1, name: 'Edited launch' }).waitFor();
      await cora
        .getByRole('region', { name: 'Change this launch' })
        .getByRole('button', { name: 'Add checklist item' })
        .click();
      const form = cora.getByRole('form', { name: 'Add checklist item' });
      // Never a past stage: the launch is in Alpha.
      expect(await form.getByLabel('Stage').locator('option').allTextContents()).toEqual([
        'Alpha',
        'Beta',
        'Docs ready',
        'Support trained',
      ]);
      await form.getByLabel('Team').selectOption('SUPPORT');
      await form.getByLabel('Title').fill('Legal review');
      const warning = form.locator('.withdrawal-warning');
      await warning
        .getByText(
          'This withdraws the GOs of Product (Priya Product) and Support (Sam Support); they will need to sign again.',
        )
        .waitFor();
      await audit(cora, 'add item with a withdrawal warning');
      await form.screenshot({ path: `${SCREENSHOTS}/edit-add-item-warning.png` });
      // An optional item, or one for a later stage, withdraws nothing: no warning.
      await form.getByLabel('Required').uncheck();
      await waitForCount(warning, 0);
      await form.getByLabel('Required').check();
      await form.getByLabel('Stage').selectOption('BETA');
      await waitForCount(warning, 0);
      await form.getByLabel('Stage').selectOption('ALPHA');
      await warning.waitFor();
      await form.getByRole('button', { name: 'Add item' }).click();

      await cora.getByText('Item added.').waitFor();
      await trail(cora)
        .getByText(
          "Cora Coordinator added “Legal review” to Support's Alpha checklist; this withdrew the GOs of Product and Support.",
        )
        .waitFor();
      await cora.screenshot({ path: `${SCREENSHOTS}/edit-added-item.png`, fullPage: true });
    },
    TEST_TIMEOUT,
  );

  it(
    'reopens an item after a warning naming the GO it withdraws, and the trail says so',
    async () => {
      const cora = await suite.signInAsDemo('Cora Coordinator');
      await cora.goto(`${origin}/admin/#/launches/${KEY}`);
      await cora.getByRole('heading', { level: 1, name: 'Edited launch' }).waitFor();
      // Priya signs again meanwhile; the open page follows.
      await signGo('PRODUCT');
      const done = (await checklist()).find(
        (i) => i.stage === 'ALPHA' && i.team === 'PRODUCT' && i.required,
      )!;
      const product = cora.getByRole('region', { name: 'Product', exact: true });
      await product.getByText('GO', { exact: true }).first().waitFor();
      await product.getByRole('button', { name: `Reopen: ${done.title}` }).click();
      const form = product.getByRole('form', { name: `Reopen: ${done.title}` });
      await form
        .getByText(
          'This withdraws the GO of Product (Priya Product); they will need to sign again.',
        )
        .waitFor();
      await audit(cora, 'reopen with a withdrawal warning');
      await form.screenshot({ path: `${SCREENSHOTS}/edit-reopen-warning.png` });
      await form.getByLabel('Reason for reopening').fill('link broken');
      await form.getByRole('button', { name: 'Reopen item' }).click();
      await trail(cora)
        .getByText(
          `Cora Coordinator reopened “${done.title}”: “link broken”; this withdrew the GO of Product.`,
        )
        .waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers the edit and add-item screens on a phone, accessibly; none to a member',
    async () => {
      const phone = await suite.signInAsDemo('Cora Coordinator', {
        viewport: { width: 390, height: 844 },
      });
      await phone.goto(`${origin}/admin/#/launches/${KEY}`);
      await phone.getByRole('heading', { level: 1, name: 'Edited launch' }).waitFor();
      const changes = phone.getByRole('region', { name: 'Change this launch' });
      await changes.getByRole('button', { name: 'Edit launch' }).click();
      await phone.getByRole('form', { name: 'Edit launch' }).waitFor();
      await audit(phone, 'edit launch on a phone');
      await phone.getByRole('button', { name: 'Cancel', exact: true }).click();
      await changes.getByRole('button', { name: 'Add checklist item' }).click();
      await phone.getByRole('form', { name: 'Add checklist item' }).waitFor();
      await audit(phone, 'add item on a phone');
      await phone.screenshot({ path: `${SCREENSHOTS}/edit-phone-add-item.png`, fullPage: true });

      // viewerCan.update and addItem are false for a member: neither screen is offered.
      const priya = await suite.signInAsDemo('Priya Product');
      await priya.goto(`${origin}/admin/#/launches/${KEY}`);
      await priya.getByRole('heading', { level: 1, name: 'Edited launch' }).waitFor();
      await waitForCount(priya.getByRole('region', { name: 'Change this launch' }), 0);
    },
    TEST_TIMEOUT,
  );

  it('finds no serious or critical accessibility violation on these screens', () => {
    expect(axeFindings.map((f) => f.screen)).toEqual([
      'edit launch',
      'edit launch with a field error',
      'add item with a withdrawal warning',
      'reopen with a withdrawal warning',
      'edit launch on a phone',
      'add item on a phone',
    ]);
    expect(axeFindings.filter((f) => f.violations.length > 0)).toEqual([]);
  });
});
