/**
 * The analysis screens in a real Chromium, over the harness: the demo analysed through the
 * Analyse button, every screen in English and in Persian (right to left) without console errors,
 * key figures against the stored analysis, the customers of a strategy from the Strategies screen
 * with a drill-down, the exports, and the workspace analysis settings.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { describeReason, REASONS, type Reason, type ReasonValues } from '../../shared/analytics/strategies';
import type { AnalysisRun, CustomerDetail } from '../../shared/domain/analysis';
import type { AnalysisSettings } from '../../shared/domain/settings';
import { launchChromium } from '../support/browser';
import { callHarness, openDemo, SCREENSHOTS, setLanguage, VIEWPORT } from '../support/app';
import { AG_GRID_LOCALE_IR } from '@ag-grid-community/locale';
import { AG_GRID_LOCALE_RU_PARTIAL } from '../../renderer/src/components/grid/locale-ru';
import { startTestHarness, tempDir } from '../support/harness';


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

const call = <T>(name: string, input: unknown): Promise<T> => callHarness<T>(harness, name, input);

const latest = () => call<AnalysisRun | null>('analysis.latest', {});

const openApp = () => openDemo(browser, harness, 'analysis', 12000);

/** The whole screen, not only the window: the window grows to the height of the main area for the shot. */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 860);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(3200, Math.max(VIEWPORT.height, height)) });
  // Charts follow their containers after a resize; give them a frame or two.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `analysis-${name}.png`) });
  await page.setViewportSize(VIEWPORT);
}

/** The demo is analysed once, through the Analyse button, by the first test that needs it. */
async function ensureAnalysed(page: Page): Promise<AnalysisRun> {
  const stored = await latest();
  if (stored && !stored.stale) return stored;
  await page.click('[data-route=ladder]');
  await page.click('[data-testid=analyse]');
  await page.locator('[data-testid=kpis]').waitFor({ timeout: 25_000 });
  const run = await latest();
  if (!run) throw new Error('The analysis was not stored.');
  return run;
}

const en = {
  integer: (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value),
  money: (value: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value),
};

/** The screens, each with an element that shows it is drawn, and its shortcut where it has one. */
const SCREENS: { route: string; ready: string; key?: string }[] = [
  { route: 'ladder', ready: '[data-testid=migration-chart] canvas', key: '1' },
  { route: 'strategies', ready: '[data-testid=scatter-chart] canvas', key: '2' },
  { route: 'customers', ready: '[data-testid=customers-grid] [role=row][row-index="0"]', key: '3' },
  // The last of its charts (Cohorts shows the first at once and the others in the next frames).
  { route: 'cohorts', ready: '[data-testid=ltv-chart][data-drawn=true] canvas', key: '4' },
  { route: 'channels', ready: '[data-testid=channel-chart] canvas', key: '5' },
  { route: 'settings', ready: '[data-testid=analysis-settings]' },
];

async function walkScreens(page: Page, suffix: string): Promise<void> {
  for (const screen of SCREENS) {
    if (screen.key) await page.keyboard.press(`Control+${screen.key}`);
    else await page.click(`[data-route=${screen.route}]`);
    await page.waitForFunction((route) => document.querySelector(`[data-route=${route}]`)?.getAttribute('aria-current') === 'page', screen.route);
    await page.locator(screen.ready).first().waitFor();
    await screenshot(page, `${screen.route}${suffix}`);
  }
}

describe('the analysis screens', () => {
  it('analyses the demo from the Value ladder screen and shows the figures of the stored analysis', async () => {
    const { page, errors } = await openApp();
    await page.click('[data-route=ladder]');
    if ((await latest()) === null) {
      // No analysis yet: the empty state says what to do, with the button to do it.
      await page.locator('[data-testid=analyse-empty]').waitFor();
      await screenshot(page, 'ladder-empty');
    }
    const run = await ensureAnalysed(page);
    const s = run.summary;
    expect(await page.locator('[data-kpi=customers] .kpi__value').textContent()).toBe(en.integer(s.customers));
    expect(await page.locator('[data-kpi=revenue] .kpi__value').getAttribute('title')).toBe(en.money(s.revenue));
    expect(await page.locator('[data-kpi=profit] .kpi__value').getAttribute('title')).toBe(en.money(s.profit));
    expect(await page.locator('[data-kpi=equity] .kpi__value').getAttribute('title')).toBe(en.money(s.customerEquity));
    for (const tier of ['mvc', 'mgc', 'middle', 'belowZero'] as const) {
      expect(await page.locator(`[data-tier=${tier}] [data-figure=customers]`).textContent()).toBe(en.integer(s.ladder[tier].customers));
      expect(await page.locator(`[data-tier=${tier}] [data-figure=profit]`).textContent()).toBe(en.money(s.ladder[tier].profit));
    }
    // Below zero is drawn in red.
    expect(await page.locator('[data-tier=belowZero] [data-figure=profit]').getAttribute('class')).toContain('negative');
    expect(await page.locator('[data-testid=whale-panel] .panel__subtitle').textContent()).toContain(`${new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(s.paretoShare)} of customers`);
    expect(await page.locator('[data-testid=as-of]').textContent()).toContain(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${s.asOf}T00:00:00Z`)));
    expect(await page.locator('[data-testid=stale-banner]').count()).toBe(0);

    // Printed (Ctrl+P): the screen's content without the sidebar and the buttons, the ladder whole.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=analyse]').first().isVisible()).toBe(false);
    expect(await page.locator('[data-tier=mvc] [data-figure=customers]').isVisible()).toBe(true);
    const printed = join(tempDir(), 'ladder.pdf');
    await page.pdf({ path: printed, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' });
    expect(text).toContain(en.integer(s.ladder.mvc.customers));
    expect(text).not.toContain('Shortcuts:');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks every screen in English, with the shortcuts, without console errors', async () => {
    const { page, errors } = await openApp();
    await ensureAnalysed(page);
    await walkScreens(page, '');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks every screen in Persian, right to left, without console errors', async () => {
    const { page, errors } = await openApp();
    const run = await ensureAnalysed(page);
    await setLanguage(page, 'fa');
    try {
      await walkScreens(page, '-fa');
      // The grid is mirrored, the figures are in Persian digits.
      await page.keyboard.press('Control+3');
      await page.locator('[data-testid=customers-grid] .ag-rtl').waitFor();
      // AG Grid's own words are Persian too (its published translation).
      const search = page.locator('[data-testid=customer-search]');
      await search.fill('no-such-customer');
      await search.press('Enter');
      await page.locator('[data-testid=customers-grid] .ag-overlay', { hasText: AG_GRID_LOCALE_IR.noRowsToShow as string }).waitFor();
      await screenshot(page, 'customers-fa-no-rows');
      await search.fill('');
      await search.press('Enter');
      await page.locator('[data-testid=customers-grid] [role=row][row-index="0"][row-id]').first().waitFor();
      await page.keyboard.press('Control+1');
      expect(await page.locator('[data-kpi=customers] .kpi__value').textContent()).toBe(new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 0 }).format(run.summary.customers));
      expect(await page.locator('[data-route=ladder]').textContent()).toContain('نردبان ارزش');
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows AG Grid's own words in Russian (ours, laid over English: the package has none)", async () => {
    const { page, errors } = await openApp();
    await ensureAnalysed(page);
    await page.click('[data-route=settings]');
    await page.selectOption('[data-testid=language]', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    try {
      await page.keyboard.press('Control+3');
      await page.locator('[data-testid=customers-grid] [role=row][row-index="0"][row-id]').first().waitFor();
      const search = page.locator('[data-testid=customer-search]');
      await search.fill('no-such-customer');
      await search.press('Enter');
      await page.locator('[data-testid=customers-grid] .ag-overlay', { hasText: AG_GRID_LOCALE_RU_PARTIAL.noRowsToShow as string }).waitFor();
      expect(AG_GRID_LOCALE_RU_PARTIAL.noRowsToShow).toBe('Нет строк для показа');
      await screenshot(page, 'customers-ru-no-rows');
      await search.fill('');
      await search.press('Enter');
      await page.locator('[data-testid=customers-grid] [role=row][row-index="0"][row-id]').first().waitFor();
      await screenshot(page, 'customers-ru');
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the customers of a strategy from the Strategies screen, and a customer in the drill-down with the reason in words', async () => {
    const { page, errors } = await openApp();
    const run = await ensureAnalysed(page);
    const strategy = run.summary.strategies.redesign > 0 ? 'redesign' : 'retain';
    await page.click('[data-route=strategies]');
    await page.click(`[data-testid=open-strategy-${strategy}]`);
    await page.waitForFunction(() => document.querySelector('[data-route=customers]')?.getAttribute('aria-current') === 'page');
    await page.locator('[data-chip=strategy-' + strategy + ']').waitFor();
    const count = run.summary.strategies[strategy];
    await expect.poll(() => page.locator('[data-testid=customer-count]').textContent()).toBe(`${en.integer(count)} of ${en.integer(run.summary.customers)} customers`);
    const firstTier = page.locator('[data-testid=customers-grid] [role=row][row-index="0"] [role=gridcell][col-id=tier]');
    await firstTier.waitFor();
    const strategies = await page.locator('[data-testid=customers-grid] [role=gridcell][col-id=strategy]').allTextContents();
    expect(strategies.length).toBeGreaterThan(0);
    expect(new Set(strategies)).toEqual(new Set([strategy === 'redesign' ? 'Redesign' : 'Retain']));

    await firstTier.click();
    const customer = (await page.locator('[data-testid=panel-customer]').textContent()) ?? '';
    expect(customer).not.toBe('');
    const detail = await call<CustomerDetail>('analysis.customer', { customer });
    const reason = detail.values.reason as Reason;
    expect(REASONS).toContain(reason);
    // The sentence is describeReason's, with the numbers written as the UI writes money.
    await expect.poll(() => page.locator('[data-testid=panel-reason]').textContent()).toBe(describeReason(reason, detail.reasonValues as unknown as ReasonValues, en.money));
    expect(await page.locator('[data-testid=panel-next-contact]').textContent()).not.toBe('');
    await page.locator('[data-testid=orders-chart] canvas').waitFor();
    await screenshot(page, 'customer-drilldown');
    // The rest of the drill-down: orders, cross-sell.
    await page.locator('.customer-panel__body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await screenshot(page, 'customer-drilldown-orders');

    // The search narrows the list on the server; Escape closes the drill-down.
    await page.fill('[data-testid=customer-search]', customer);
    await expect.poll(() => page.locator('[data-testid=customer-count]').textContent()).toBe(`${en.integer(1)} of ${en.integer(run.summary.customers)} customers`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=customer-panel]').count()).toBe(0);
    await page.click('[data-testid=clear-filters]');
    await expect.poll(() => page.locator('[data-testid=customer-count]').textContent()).toBe(`${en.integer(run.summary.customers)} customers`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies with Ctrl+C what the grid shows: the selected customer with the column headers, as tab-separated text', async () => {
    const { page, errors } = await openApp();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ensureAnalysed(page);
    await page.click('[data-route=customers]');
    const cell = page.locator('[data-testid=customers-grid] [role=row][row-index="0"] [col-id=orders]').first();
    // The infinite grid draws its rows before their data arrives: wait for the figure itself.
    await expect.poll(async () => ((await cell.textContent()) ?? '').trim(), { timeout: 15_000 }).not.toBe('');
    const orders = (await cell.textContent()) ?? '';
    await cell.click();
    await page.keyboard.press('Escape');
    await cell.click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('\t');
    const lines = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(lines).toHaveLength(2);
    const headers = (lines[0] ?? '').split('\t');
    const values = (lines[1] ?? '').split('\t');
    expect(headers.length).toBe(values.length);
    expect(values[headers.indexOf('Orders')]).toBe(orders);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts the customers on the server, keeps a saved view and exports the filtered list as CSV and the contact plan as a calendar', async () => {
    const { page, errors } = await openApp();
    const run = await ensureAnalysed(page);
    await page.click('[data-route=customers]');
    await page.locator('[data-testid=customers-grid] [role=row][row-index="0"]').waitFor();

    // Filter to one tier with the filter menu, sort by orders, save the view.
    await page.click('[data-testid=filter-tier]');
    await page.check('[data-testid=filter-tier-mvc]');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=customer-count]').textContent()).toBe(`${en.integer(run.summary.ladder.mvc.customers)} of ${en.integer(run.summary.customers)} customers`);
    await page.click('.ag-header-cell[col-id="orders"] .ag-header-cell-label');
    await page.click('.ag-header-cell[col-id="orders"] .ag-header-cell-label');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid=customers-grid] [role=gridcell][col-id="orders"]')].map((cell) => Number((cell.textContent ?? '').replace(/[^\d]/g, '')));
      return cells.length > 5 && cells.every((value, index) => index === 0 || value <= (cells[index - 1] ?? Infinity));
    });
    await page.click('[data-testid=views]');
    await page.fill('[data-testid=view-name]', 'Top tier');
    await page.click('[data-testid=save-view]');
    await page.keyboard.press('Escape');

    // The MVC customers as CSV: a header and one line per customer.
    const csv = join(tempDir(), 'mvc.csv');
    harness.dialogAnswers.push(csv);
    await page.click('[data-testid=export]');
    await page.click('[data-testid=export-customers]');
    await page.locator('[data-testid=export-done]').waitFor();
    expect(existsSync(csv)).toBe(true);
    const lines = readFileSync(csv, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
    expect(lines.length).toBe(run.summary.ladder.mvc.customers + 1);

    const ics = join(tempDir(), 'contacts.ics');
    harness.dialogAnswers.push(ics);
    await page.click('[data-testid=export]');
    await page.click('[data-testid=export-contactsCalendar]');
    await expect.poll(() => existsSync(ics)).toBe(true);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VCALENDAR');

    // The view comes back after the filter is cleared.
    await page.click('[data-testid=clear-filters]');
    await expect.poll(() => page.locator('[data-testid=customer-count]').textContent()).toBe(`${en.integer(run.summary.customers)} customers`);
    await page.click('[data-testid=views]');
    await page.click('[data-testid=apply-view]');
    await expect.poll(() => page.locator('[data-testid=customer-count]').textContent()).toBe(`${en.integer(run.summary.ladder.mvc.customers)} of ${en.integer(run.summary.customers)} customers`);
    await page.click('[data-testid=clear-filters]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the workspace analysis settings, analyses again by itself, and shows money in the chosen currency', async () => {
    const { page, errors } = await openApp();
    const run = await ensureAnalysed(page);
    const before = await call<AnalysisSettings>('analysis.settings', {});
    try {
      await page.click('[data-route=settings]');
      await page.locator('[data-testid=analysis-settings]').waitFor();
      await page.selectOption('[data-testid=setting-currency]', 'EUR');
      await page.fill('[data-testid=setting-mvcProfitShare]', '150');
      await page.click('[data-testid=save-analysis-settings]');
      // A share above 100 % is refused in words, next to the field, and nothing is saved.
      await page.locator('[data-setting=mvcProfitShare] [role=alert]').waitFor();
      expect((await call<AnalysisSettings>('analysis.settings', {})).mvcProfitShare).toBe(before.mvcProfitShare);
      await page.fill('[data-testid=setting-mvcProfitShare]', '75');
      await page.click('[data-testid=save-analysis-settings]');
      const saved = await call<AnalysisSettings>('analysis.settings', {});
      expect(saved.currency).toBe('EUR');
      expect(saved.mvcProfitShare).toBe(0.75);
      // No Analyse to press: the analysis follows the settings, and the banner goes when it is done.
      await expect.poll(async () => (await latest())?.settings.mvcProfitShare, { timeout: 30_000 }).toBe(0.75);
      await expect.poll(() => page.locator('[data-testid=settings-needs-run]').count(), { timeout: 10_000 }).toBe(0);
      await screenshot(page, 'settings-saved');

      // The dashboard shows the new run, money in euros, with no banner about older settings.
      const rerun = await latest();
      expect(rerun?.runId).not.toBe(run.runId);
      await page.keyboard.press('Control+1');
      await page.locator('[data-testid=kpis]').waitFor();
      expect(await page.locator('[data-testid=settings-banner]').count()).toBe(0);
      const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(rerun?.summary.profit ?? Number.NaN);
      expect(await page.locator('[data-kpi=profit] .kpi__value').getAttribute('title')).toBe(euros);
      expect(await page.locator('[data-tier=mvc] [data-figure=customers]').textContent()).toBe(en.integer(rerun?.summary.ladder.mvc.customers ?? -1));
      // The whale curve says the share the MVC now bring, not a fixed 80 %.
      expect(await page.locator('[data-testid=whale-panel] .panel__subtitle').textContent()).toContain('of customers bring 75% of the profit');
    } finally {
      await call('analysis.updateSettings', { currency: before.currency, mvcProfitShare: before.mvcProfitShare });
      await call('analysis.run', {});
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the analysis is stale after an import, and Analyse from the banner brings it up to date', async () => {
    const { page, errors } = await openApp();
    await ensureAnalysed(page);
    await page.click('[data-route=ladder]');
    await page.locator('[data-testid=kpis]').waitFor();
    await call('import.run', { path: join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv'), options: {}, onPreviousImport: 'replace', strict: false });
    await page.locator('[data-testid=stale-banner]').waitFor();
    expect((await latest())?.stale).toBe(true);
    await screenshot(page, 'ladder-stale');
    await page.click('[data-testid=analyse-stale]');
    await expect.poll(() => page.locator('[data-testid=stale-banner]').count(), { timeout: 25_000 }).toBe(0);
    expect((await latest())?.stale).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
