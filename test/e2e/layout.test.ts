/**
 * Numbers never clip: on the demo workspace, at a 1280×720 laptop and a 1920×1080 screen, in all
 * six languages, every KPI figure, every figure card and every visible grid cell shows its whole
 * text (its scroll width is not larger than its box). Screenshots of the Value ladder and What-if
 * screens go to test-results/screenshots/layout-<locale>-<width>-<screen>.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { LOCALES } from '../../shared/domain/app-settings';
import { launchChromium } from '../support/browser';
import { callHarness, openDemo, SCREENSHOTS } from '../support/app';
import { startTestHarness, tempDir } from '../support/harness';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const SCREENS = ['home', 'ladder', 'strategies', 'customers', 'cohorts', 'whatif', 'models'] as const;
/** What shows that a screen has drawn its figures. */
const READY: Partial<Record<(typeof SCREENS)[number], string>> = {
  home: '.figures dd',
  ladder: '[data-testid=kpis] .fit-figure',
  customers: '[data-testid=customers-grid] [role=row][row-index="0"][row-id]',
  cohorts: '.kpi',
  whatif: '.whatif-kpi',
  models: '[data-testid=outlook]',
};
/** What must show whole: figures of cards and KPIs, the figures in the grids on screen (a long name shows its whole self in a tooltip), and tables (the what-if years) without a scroll bar. */
const FIGURES = ['.fit-figure', '.kpi__label', '.figures dd', '.whatif-kpi__label', '.ag-row .ag-right-aligned-cell', '.table-scroll'];

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startTestHarness();
  browser = await launchChromium();
  // The screens with their figures: an analysis of the demo.
  await callHarness(harness, 'analysis.run', {});
}, 60_000);

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
    // A figure may fit its own box while the box runs out of its card: each stays inside the card's padding.
    for (const card of document.querySelectorAll<HTMLElement>('.kpi, .whatif-kpi')) {
      const box = card.getBoundingClientRect();
      const style = getComputedStyle(card);
      const left = box.left + parseFloat(style.paddingLeft) - 1;
      const right = box.right - parseFloat(style.paddingRight) + 1;
      for (const figure of card.querySelectorAll<HTMLElement>('.fit-figure')) {
        const rect = figure.getBoundingClientRect();
        if (rect.width > 0 && (rect.left < left || rect.right > right)) found.push(`card figure "${figure.textContent?.trim()}" runs past its card (${Math.round(rect.left)}–${Math.round(rect.right)} in ${Math.round(left)}–${Math.round(right)})`);
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
          const ready = READY[screen];
          if (ready) await page.locator(ready).first().waitFor();
          await page.waitForTimeout(300);
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

  it('fits a wholesaler\'s millions: the whole figure where it fits, else the compact one with the exact one in the tooltip', async () => {
    const { page, errors } = await openDemo(browser, harness, 'layout-big', 20_000);
    const dir = tempDir();
    const file = join(dir, 'wholesale.csv');
    // Three trade customers with eight-figure years: revenue £43,704,326.50.
    writeFileSync(file, 'customer,date,amount\nW1,2024-01-10,14567775.50\nW2,2024-03-02,14567775.50\nW3,2024-06-20,14567775.50\nW1,2024-09-01,1000\n');
    await callHarness(harness, 'workspace.create', { path: join(dir, 'wholesale.vlw') });
    await callHarness(harness, 'import.run', { path: file, options: {}, onPreviousImport: 'skip', strict: false });
    await callHarness(harness, 'analysis.updateSettings', { currency: 'GBP' });
    await callHarness(harness, 'analysis.run', {});
    try {
      await page.reload();
      await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'wholesale');
      for (const locale of ['fa', 'ru'] as const) {
        await page.click('[data-route=settings]');
        await page.selectOption('[data-testid=language]', locale);
        await page.waitForFunction((dir) => document.documentElement.dir === dir, locale === 'fa' ? 'rtl' : 'ltr');
        for (const width of [1280, 1000]) {
          await page.setViewportSize({ width, height: 720 });
          await go(page, 'ladder');
          await page.locator('[data-kpi=revenue] .fit-figure').waitFor();
          await page.waitForTimeout(300);
          expect(await clipped(page), `${locale} ${width}`).toEqual([]);
          await page.screenshot({ path: join(SCREENSHOTS, `layout-big-${locale}-${width}.png`) });
        }
        // At 1000 px the Russian revenue card has no room for 43 703 327 £: it shows the compact figure, the exact one in its tooltip.
        const revenue = page.locator('[data-kpi=revenue] .fit-figure');
        if (locale === 'ru') {
          expect(await revenue.getAttribute('data-fit')).not.toBe('0');
          expect(await revenue.getAttribute('title')).toBe(new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'GBP' }).format(43_704_326.5));
        }
      }
      expect(errors).toEqual([]);
    } finally {
      await page.click('[data-route=settings]');
      await page.selectOption('[data-testid=language]', 'en');
      await page.close();
    }
  }, 120_000);
});
