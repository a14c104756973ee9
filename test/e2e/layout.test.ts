/**
 * Numbers never clip: on the demo workspace, at a 1280×720 laptop and a 1920×1080 screen, in all
 * six languages, every KPI figure, every figure card and every visible grid cell shows its whole
 * text (its scroll width is not larger than its box). Screenshots of the Value ladder and What-if
 * screens go to test-results/screenshots/layout-<locale>-<width>-<screen>.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { LOCALES } from '../../shared/domain/app-settings';
import { launchChromium } from '../support/browser';
import { openDemo, SCREENSHOTS } from '../support/app';
import { startTestHarness } from '../support/harness';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const SCREENS = ['home', 'ladder', 'strategies', 'customers', 'cohorts', 'whatif', 'models'] as const;
/** What must show whole: figures of cards and KPIs, and the cells of the grids on screen. */
const FIGURES = ['.fit-figure', '.kpi__label', '.figures dd', '.whatif-kpi__label', '.ag-center-cols-viewport .ag-cell-value', '.ag-pinned-left-cols-container .ag-cell-value', '.ag-pinned-right-cols-container .ag-cell-value'];

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startTestHarness();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function go(page: Page, route: string): Promise<void> {
  await page.click(`[data-route=${route}]`);
  await page.waitForFunction((name) => document.querySelector(`[data-route=${name}]`)?.getAttribute('aria-current') === 'page', route);
}

/** The texts on screen wider than their box, with where they are. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const found: string[] = [];
    for (const selector of selectors) {
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        const box = element.getBoundingClientRect();
        // Only what a person sees: on screen, not hidden, not scrolled out of the grid's body.
        if (box.width === 0 || box.bottom < 0 || box.top > window.innerHeight) continue;
        if (element.scrollWidth > element.clientWidth + 1) found.push(`${selector}: "${element.textContent?.trim()}" (${element.scrollWidth} > ${element.clientWidth})`);
      }
    }
    return found;
  }, FIGURES);
}

describe('numbers never clip', () => {
  it.each(LOCALES)('in %s, at 1280×720 and 1920×1080', async (locale) => {
    const { page, errors } = await openDemo(browser, harness, `layout-${locale}`, 20_000);
    try {
      await page.click('[data-route=settings]');
      await page.selectOption('[data-testid=language]', locale);
      await page.waitForFunction((dir) => document.documentElement.dir === dir, locale === 'fa' ? 'rtl' : 'ltr');
      const problems: string[] = [];
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const screen of SCREENS) {
          await go(page, screen);
          await page.locator('.kpi, .whatif-kpi, .figures, .ag-cell-value').first().waitFor();
          await page.waitForTimeout(150);
          for (const problem of await clipped(page)) problems.push(`${size.width} ${screen}: ${problem}`);
          if (screen === 'ladder' || screen === 'whatif' || screen === 'customers') await page.screenshot({ path: join(SCREENSHOTS, `layout-${locale}-${size.width}-${screen}.png`) });
        }
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.click('[data-route=settings]');
      await page.selectOption('[data-testid=language]', 'en');
      await page.close();
    }
  }, 180_000);
});
