// Chromium for the browser tests: Debian's /usr/bin/chromium (or $CHROMIUM_PATH) driven by playwright-core; no
// browser is ever downloaded. Screenshots go to $CUSTOS_SCREENSHOT_DIR (default <repo>/TestResults/browser/screenshots;
// `npm run screenshots` writes the ones the README shows into docs/screenshots).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../../e2e/lib/server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(process.env.CUSTOS_SCREENSHOT_DIR || join(REPO_ROOT, 'TestResults', 'browser', 'screenshots'));

/** One Chromium for the enclosing suite; `get()` resolves it or rejects with why it could not start. */
export function useBrowser() {
  let launching;
  before(() => {
    launching = existsSync(CHROMIUM)
      ? chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
      : Promise.reject(new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`));
    launching.catch(() => {});
  });
  after(async () => {
    const browser = await launching?.catch(() => null);
    await browser?.close();
  });
  return { get: () => launching };
}

/** A fresh browser profile (cookie jar); `javaScriptEnabled: false` for the no-JS journeys. */
export async function newPage(browser, { javaScriptEnabled = true, viewport = { width: 1100, height: 820 } } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Saves a full-page screenshot as <name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** WCAG contrast ratio of two CSS rgb()/rgba() colours. */
export function contrast(fg, bg) {
  const lum = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** Saves a screenshot of one part of a page (a settings section, say), with a margin of the page around it, as <name>.png. */
export async function screenshotOf(locator, name, margin = 24) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const box = await locator.boundingBox();
  // boundingBox is relative to the viewport, a full-page clip to the document.
  const [scrollX, scrollY] = await locator.page().evaluate(() => [window.scrollX, window.scrollY]);
  const clip = { x: Math.max(0, box.x + scrollX - margin), y: Math.max(0, box.y + scrollY - margin), width: box.width + 2 * margin, height: box.height + 2 * margin };
  await locator.page().screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), clip, fullPage: true });
}
