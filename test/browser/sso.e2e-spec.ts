import { buildAdmin } from '../support/admin-build.js';
import { launchChromium } from './browser-harness.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { ok } from '../support/launch-factory.js';
import { startIdentityProvider, type IdentityProvider } from '../support/identity-provider.js';
import { freePort } from '../support/server-process.js';
import { startTestApp, uniqueSuffix, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * Single sign-on in a real browser: people sign in through the provider's own login form
 * (oidc-provider's), land on the board with the role their groups give, and a person an
 * admin deactivates loses their open page at its next request.
 */

const TIMEOUT = 15_000;

describe('single sign-on in a browser', () => {
  // A database of its own: the per-address anonymous rate-limit window lives in it, and this
  // suite's refused calls must not spend other suites' budget (or theirs, this one's).
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: TestApp;
  let idp: IdentityProvider;
  let browser: Browser;
  let admin: TestUser;
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    database = await createScratchDatabase('sso_browser');
    buildAdmin();
    const [appPort, idpPort] = [await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${appPort}`;
    idp = await startIdentityProvider(idpPort, `${publicUrl}/auth/callback`, [
      {
        sub: 'pat',
        email: `pat-${suffix}@corp.example.com`,
        email_verified: true,
        name: 'Pat PMO',
        groups: ['pmo'],
      },
      {
        sub: 'sam',
        email: `sam-${suffix}@corp.example.com`,
        email_verified: true,
        name: 'Sam Support',
        groups: ['support'],
      },
    ]);
    app = await startTestApp(
      loadConfig({
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        PORT: String(appPort),
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_ROLE_GROUPS: 'COORDINATOR=pmo',
        OIDC_TEAM_GROUPS: 'SUPPORT=support',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      }),
    );
    admin = await app.createUser({ role: 'ADMIN' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
    await database?.drop();
  });

  async function signIn(login: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${app.url}/admin/`);
    await page.getByRole('link', { name: `Sign in with ${new URL(idp.issuer).host}` }).click();
    // The provider's own pages: its login form, then its consent screen.
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  it('a person in "pmo" lands on the board as a coordinator and creates a launch; a deactivated person loses their open page', async () => {
    const pat = await signIn('pat');
    const header = pat.getByRole('banner');
    await header.getByText('Pat PMO').waitFor();
    await header.getByText('COORDINATOR').waitFor();
    await pat
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New launch' })
      .click();
    await pat.getByLabel('Key *').fill(`sso-browser-${suffix}`.slice(0, 60).toLowerCase());
    await pat.getByLabel('Name *').fill('Signed in with SSO');
    await pat.getByRole('button', { name: 'Create launch' }).click();
    await pat.getByRole('heading', { level: 1, name: 'Signed in with SSO' }).waitFor();

    const sam = await signIn('sam');
    await sam.getByRole('banner').getByText('MEMBER', { exact: true }).waitFor();
    await sam.getByRole('banner').getByText('Support', { exact: true }).waitFor();
    const users = ok(
      await app.gql<{ users: { id: string; name: string }[] }>(
        admin.token,
        `{ users { id name } }`,
      ),
    ).users;
    const samId = users.find((u) => u.name === 'Sam Support')!.id;
    ok(
      await app.gql(admin.token, `mutation($id: ID!) { deactivateUser(id: $id) { id } }`, {
        id: samId,
      }),
    );
    // The open page stops working at once: deactivation closes its live socket (4403) on every
    // process, and the page goes back to sign-in without waiting for a next request.
    await sam.getByRole('link', { name: `Sign in with ${new URL(idp.issuer).host}` }).waitFor();
  });

  it('the Tokens page creates a token that does one job, shows its secret once, and revokes it', async () => {
    const pat = await signIn('pat');
    await pat
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Tokens' })
      .click();
    await pat.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await pat.getByLabel('Name').fill('ci pipeline');
    await pat.getByLabel('Complete and reopen items').check();
    await pat.getByLabel('ENGINEERING').check();
    await pat.getByRole('button', { name: 'Create token' }).click();
    const secret = await pat.getByTestId('token-secret').innerText();
    expect(secret).toMatch(/^lft_/);
    const row = pat.getByRole('row', { name: /ci pipeline/ });
    await row.getByText('ITEMS').waitFor();
    await row.getByText('ENGINEERING').waitFor();
    // The secret works, limited to what it was given.
    const me = await app.gql<{ me: { name: string } }>(secret, `{ me { name } }`);
    expect(me.data?.me.name).toBe('Pat PMO');
    await row.getByRole('button', { name: 'Revoke ci pipeline' }).click();
    await row.getByText(/^Revoked/).waitFor();
    expect((await app.gql(secret, `{ me { name } }`)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('the Webhooks page creates an endpoint and rotates its secret, each shown once', async () => {
    const pat = await signIn('pat');
    await pat
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await pat.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const url = `http://127.0.0.1:9/hooks/${suffix}`;
    await pat.getByLabel('URL').fill(url);
    await pat.getByRole('button', { name: 'Create endpoint' }).click();
    const first = await pat
      .getByRole('region', { name: 'Signing secret' })
      .locator('code')
      .innerText();
    expect(first).toMatch(/^whsec_/);
    const card = pat.getByRole('region', { name: url });
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = await card
      .getByRole('region', { name: 'Signing secret' })
      .locator('code')
      .innerText();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(first);
  });
});
