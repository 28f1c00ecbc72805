import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

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

export { buildAdmin } from '../support/admin-build.js';

/** http://127.0.0.1:PORT -> http://liftoff.test:PORT */
export function atHostName(url: string): string {
  const parsed = new URL(url);
  parsed.hostname = HOST_NAME;
  return parsed.origin;
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
