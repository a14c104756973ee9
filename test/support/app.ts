import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { collectPageErrors } from './browser';

export const SCREENSHOTS = join(SOURCE_ROOT, 'test-results', 'screenshots');
export const VIEWPORT = { width: 1360, height: 860 };
mkdirSync(SCREENSHOTS, { recursive: true });

/** A contract call straight to the harness' services; throws the error's words when it fails. */
export async function callHarness<T>(harness: Harness, name: string, input: unknown): Promise<T> {
  const reply = await harness.backend.dispatch(name, input, `test-${Math.random()}`);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.value as T;
}

/**
 * A new page on the harness with the demo workspace open, collecting console errors; a failing
 * test leaves a screenshot named `<prefix>-failed-…`. Reduced motion: charts draw at once.
 */
export async function openDemo(browser: Browser, harness: Harness, prefix: string, timeout: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  page.setDefaultTimeout(timeout);
  onTestFailed(async ({ task }) => {
    if (!page.isClosed()) await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-failed-${task.name.slice(0, 24).replace(/\W+/g, '-')}.png`) });
  });
  const errors = collectPageErrors(page);
  await page.goto(harness.url);
  await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'demo');
  return { page, errors };
}

export async function setLanguage(page: Page, locale: 'en' | 'fa'): Promise<void> {
  await page.click('[data-route=settings]');
  await page.selectOption('[data-testid=language]', locale);
  await page.waitForFunction((dir) => document.documentElement.dir === dir, locale === 'fa' ? 'rtl' : 'ltr');
}
