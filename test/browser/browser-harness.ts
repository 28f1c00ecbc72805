import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import type { Clock } from '../../apps/api/src/common/clock.js';
import { buildAdmin } from '../support/admin-build.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { bootTestApp, type TestApp } from '../support/test-app.js';

/**
 * What the browser suites share: Debian's Chromium with a host name of our own mapped to the
 * loopback address (so the admin UI is opened at an origin that is not a trusted localhost,
 * while no traffic leaves the machine), a fresh admin build, and axe-core for accessibility.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Not localhost: a plain-HTTP origin that the browser does not treat as secure. */
export const HOST_NAME = 'liftoff.test';
export const TIMEOUT = 15_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--host-resolver-rules=MAP ${HOST_NAME} 127.0.0.1`,
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export { buildAdmin };

/** http://127.0.0.1:PORT -> http://liftoff.test:PORT */
export function atHostName(url: string): string {
  const parsed = new URL(url);
  parsed.hostname = HOST_NAME;
  return parsed.origin;
}

const DESKTOP = { width: 1440, height: 900 };

/** Options for a fresh browser profile; with `now`, the page's clock (Date) stands there. */
export type ProfileOptions = BrowserContextOptions & { now?: Date };

/**
 * One browser suite's fixture: the admin build, an app on a database of its own, Chromium,
 * and every profile its pages open, all closed together after the suite.
 */
export class BrowserSuite {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly database: Awaited<ReturnType<typeof createScratchDatabase>>,
    readonly app: TestApp,
    readonly browser: Browser,
  ) {}

  static async start(
    label: string,
    env: Record<string, string> = {},
    clock?: Clock,
  ): Promise<BrowserSuite> {
    buildAdmin();
    const database = await createScratchDatabase(label);
    let app: TestApp | undefined;
    try {
      app = await bootTestApp({ DATABASE_URL: database.url, ...env }, clock);
      return new BrowserSuite(database, app, await launchChromium());
    } catch (error) {
      // Nothing of a half-started suite outlives it.
      await app?.close();
      await database.drop();
      throw error;
    }
  }

  /** The app at the host name that is not localhost. */
  get origin(): string {
    return atHostName(this.app.url);
  }

  /** A fresh profile, closed with the suite. */
  async newContext({ now, ...options }: ProfileOptions = {}): Promise<BrowserContext> {
    const context = await this.browser.newContext(options);
    this.contexts.push(context);
    if (now) await context.clock.setFixedTime(now);
    return context;
  }

  async newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    return page;
  }

  /** A fresh desktop profile signed in with `token` through the sign-in page's token field. */
  async signInWithToken(token: string, options: ProfileOptions = {}): Promise<Page> {
    const page = await this.newPage(await this.newContext({ viewport: DESKTOP, ...options }));
    await page.goto(`${this.app.url}/admin/`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  /** A fresh desktop profile at the host name, signed in as a demo person through the picker. */
  async signInAsDemo(name: string, options: ProfileOptions = {}): Promise<Page> {
    const page = await this.newPage(await this.newContext({ viewport: DESKTOP, ...options }));
    await page.goto(`${this.origin}/admin/`);
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  /** The demo people's tokens by name, as the sign-in page's picker is given them. */
  async demoTokens(): Promise<Record<string, string>> {
    const users = (await (await fetch(`${this.app.url}/demo/users`)).json()) as {
      name: string;
      token: string;
    }[];
    return Object.fromEntries(users.map((u) => [u.name, u.token]));
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
    await this.app.close();
    await this.database.drop();
  }
}

/** Polls until the locator matches exactly `count` elements. */
export async function waitForCount(
  locator: Locator,
  count: number,
  timeout = TIMEOUT,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await locator.count();
    if (seen === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} match(es) of ${locator.toString()}, saw ${seen}`);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is and returns its serious and critical violations. The
 * engine goes in through the debugging protocol, which the page's CSP does not govern, so
 * the page keeps its real policy.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const installed = await page.evaluate('typeof window.axe === "object"');
  if (!installed) await page.evaluate(`${axeSource}\n;window.axe = axe;`);
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
