/** Debian's chromium driven by playwright-core, for the console tests; screenshots go to reports/ui/. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SHOTS = join(import.meta.dirname, '..', '..', 'reports', 'ui');

/** The chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium; missing is a failure with one line on how to install it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `browser tests need chromium at ${path}: install it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH to a Chrome/Chromium binary`,
    );
  return path;
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  // --no-sandbox: CI runs as root, where chromium's sandbox cannot start.
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** Playwright's auto-waiting: resolves once `locator` is visible, throws after `timeoutMs` (default: within a second). */
export const within = (locator: Locator, timeoutMs = 1000) => locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
