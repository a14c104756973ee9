/**
 * Help where the question arises and Excel out, as a person meets them on the demo: F1 and the Help
 * button open a searchable glossary; the "?" beside a KPI, a tier, a quadrant, a strategy and a
 * model parameter explains it and opens its entry; in Russian, the customers list, the cohorts and
 * the what-if years save as .xlsx with Russian headers and words and typed cells (read back with
 * exceljs); a right click on a grid copies the row with its headers.
 */
import { join } from 'node:path';
import Excel from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import type { AnalysisRun } from '../../shared/domain/analysis';
import en from '../../renderer/src/i18n/locales/en.json';
import ru from '../../renderer/src/i18n/locales/ru.json';
import { launchChromium } from '../support/browser';
import { callHarness, openDemo, SCREENSHOTS } from '../support/app';
import { startTestHarness, tempDir } from '../support/harness';

let harness: Harness;
let browser: Browser;
let run: AnalysisRun;

beforeAll(async () => {
  harness = await startTestHarness();
  browser = await launchChromium();
  run = await callHarness<AnalysisRun>(harness, 'analysis.run', {});
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function go(page: Page, route: string): Promise<void> {
  await page.click(`[data-route=${route}]`);
  await page.waitForFunction((name) => document.querySelector(`[data-route=${name}]`)?.getAttribute('aria-current') === 'page', route);
}

async function readSheet(path: string): Promise<Excel.Worksheet> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`no worksheet in ${path}`);
  return sheet;
}

const headersOf = (sheet: Excel.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);

describe('help at hand', () => {
  it('opens the glossary with F1 and the Help button, searches it, and opens a term from its "?"', async () => {
    const { page, errors } = await openDemo(browser, harness, 'help', 15_000);
    await go(page, 'ladder');
    await page.locator('[data-kpi=churn]').waitFor();

    await page.keyboard.press('F1');
    await page.locator('[data-testid=glossary]').waitFor();
    const all = await page.locator('[data-testid=glossary] [data-term]').count();
    expect(all).toBe(Object.keys(en.glossary.terms).length);
    await page.fill('[data-testid=glossary-search]', 'gamma-gamma');
    await expect.poll(() => page.locator('[data-testid=glossary] [data-term]').count()).toBeLessThan(all);
    expect(await page.locator('[data-testid=glossary] [data-term=gammaGamma]').count()).toBe(1);
    await page.fill('[data-testid=glossary-search]', 'no such term at all');
    expect(await page.locator('[data-testid=glossary] [data-term]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=glossary]').count()).toBe(0);

    // Hovering a KPI's "?" explains it in the glossary's words; a click opens its entry.
    const help = page.locator('[data-kpi=churn] [data-term-help=churn]');
    await help.locator('.term-help__button').hover();
    await expect.poll(() => help.locator('[role=tooltip]').isVisible()).toBe(true);
    expect(await help.locator('[role=tooltip]').textContent()).toContain(en.glossary.terms.churn.text);
    await help.locator('.term-help__button').click();
    await page.locator('[data-testid=glossary] .glossary-entry--current[data-term=churn]').waitFor();
    await expect.poll(() => page.locator('[data-term=churn]').evaluate((entry) => entry.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'help-glossary-churn.png') });
    await page.click('[data-testid=glossary-close]');

    // Tiers, quadrants, strategies and model parameters have theirs.
    for (const tier of ['mvc', 'mgc', 'middle', 'belowZero']) expect(await page.locator(`[data-tier=${tier}] [data-term-help=${tier}]`).count()).toBe(1);
    await go(page, 'strategies');
    for (const quadrant of ['reward', 'manage', 'develop', 'exit']) expect(await page.locator(`[data-quadrant=${quadrant}] [data-term-help=${quadrant}]`).count()).toBe(1);
    for (const strategy of ['retain', 'redesign', 'enhance', 'harvest', 'terminate', 'winBack', 'start']) expect(await page.locator(`[data-strategy=${strategy}] [data-term-help=${strategy}]`).count()).toBe(1);
    // The "?" on a quadrant opens the glossary, not the quadrant's customers.
    await page.locator('[data-quadrant=develop] [data-term-help=develop] .term-help__button').click();
    await page.locator('[data-testid=glossary] .glossary-entry--current[data-term=develop]').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-route=strategies]').getAttribute('aria-current')).toBe('page');

    // The Help button in Russian: the glossary in Russian, found by the English name too.
    await page.click('[data-route=settings]');
    await page.selectOption('[data-testid=language]', 'ru');
    await page.click('[data-testid=help]');
    await page.fill('[data-testid=glossary-search]', 'churn');
    await expect.poll(() => page.locator('[data-testid=glossary] [data-term=churn] .glossary-entry__term').textContent()).toBe(ru.glossary.terms.churn.term);
    await page.keyboard.press('Escape');
    await page.selectOption('[data-testid=language]', 'en');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Excel out', () => {
  it('saves the customers, the cohorts and the what-if years as workbooks in Russian, with typed cells', async () => {
    const { page, errors } = await openDemo(browser, harness, 'export', 20_000);
    await page.click('[data-route=settings]');
    await page.selectOption('[data-testid=language]', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');

    // The MVC customers, filtered, in the default format (Excel).
    await go(page, 'customers');
    await page.locator('[data-testid=customers-grid] [role=row][row-index="0"]').waitFor();
    await page.click('[data-testid=filter-tier]');
    await page.check('[data-testid=filter-tier-mvc]');
    await page.keyboard.press('Escape');
    const customers = join(tempDir(), 'mvc.xlsx');
    harness.dialogAnswers.push(customers);
    await page.click('[data-testid=export]');
    await page.click('[data-testid=export-customers]');
    await page.locator('[data-testid=export-done]').waitFor();
    const sheet = await readSheet(customers);
    expect(sheet.name).toBe(ru.customers.export.sheets.customers);
    const headers = headersOf(sheet);
    for (const key of ['customer', 'tier', 'strategy', 'currentProfit', 'lastDate'] as const) expect(headers).toContain(ru.customers.columns[key]);
    expect(sheet.rowCount).toBe(run.summary.ladder.mvc.customers + 1);
    const at = (header: string) => headers.indexOf(header) + 1;
    const strategyWords = new Set(Object.values(ru.codes.strategy));
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      expect(row.getCell(at(ru.customers.columns.tier)).value).toBe(ru.codes.tier.mvc);
      expect(strategyWords.has(String(row.getCell(at(ru.customers.columns.strategy)).value))).toBe(true);
      expect(typeof row.getCell(at(ru.customers.columns.currentProfit)).value).toBe('number');
      expect(row.getCell(at(ru.customers.columns.lastDate)).value).toBeInstanceOf(Date);
    }
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    // Every cohort × period figure, retention as a fraction formatted as a percent.
    await go(page, 'cohorts');
    const cohorts = join(tempDir(), 'cohorts.xlsx');
    harness.dialogAnswers.push(cohorts);
    await page.click('[data-testid=cohorts-export]');
    await page.click('[data-testid=cohorts-export-xlsx]');
    await page.locator('[data-testid=retention-panel] .table-export__done').waitFor();
    const cohortSheet = await readSheet(cohorts);
    expect(headersOf(cohortSheet)).toContain(ru.cohorts.export.retention);
    const c = run.summary.cohorts;
    expect(cohortSheet.rowCount - 1).toBe(c.retention.reduce((sum, row) => sum + row.length, 0));
    const first = cohortSheet.getRow(2);
    expect(first.getCell(1).value).toBe(c.labels[0]);
    expect(first.getCell(2).value).toBe(c.size[0]);
    expect(first.getCell(5).value).toBeCloseTo(c.retention[0]?.[0] ?? Number.NaN, 9);
    expect(first.getCell(5).numFmt).toBe('0.0%');

    // The what-if years as the table shows them, in numbers.
    await go(page, 'whatif');
    await page.locator('[data-testid=year-table]').waitFor();
    const years = join(tempDir(), 'years.xlsx');
    harness.dialogAnswers.push(years);
    await page.click('[data-testid=table-export-whatif-years]');
    await page.click('[data-testid=table-export-whatif-years-xlsx]');
    await page.locator('.exportable-table .table-export__done').first().waitFor();
    const yearSheet = await readSheet(years);
    expect(headersOf(yearSheet)[0]).toBe(ru.whatif.years.year);
    const shown = await page.locator('[data-testid=year-table] tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('[data-value]')].map((cell) => Number((cell as HTMLElement).dataset.value))));
    expect(yearSheet.rowCount - 1).toBe(shown.length);
    shown.forEach((values, index) => expect((yearSheet.getRow(index + 2).values as unknown[]).slice(1)).toEqual(values));

    // A table drawn on screen: its words without the "?" help, its figures as numbers, no button column.
    await go(page, 'strategies');
    const strategies = join(tempDir(), 'strategies.xlsx');
    harness.dialogAnswers.push(strategies);
    await page.click('[data-testid^=table-export-strategies]');
    await page.click('[data-testid^=table-export-strategies][data-testid$=-xlsx]');
    await page.locator('.exportable-table .table-export__done').first().waitFor();
    const strategySheet = await readSheet(strategies);
    expect(headersOf(strategySheet)).toEqual([ru.strategies.table.strategy, ru.strategies.table.customers, ru.strategies.table.share, ru.strategies.table.description]);
    const retain = strategySheet.getRow(2);
    expect(retain.getCell(1).value).toBe(ru.codes.strategy.retain);
    expect(retain.getCell(2).value).toBe(run.summary.strategies.retain);
    expect(retain.getCell(3).value).toBeCloseTo(run.summary.strategies.retain / run.summary.customers, 9);

    await page.click('[data-route=settings]');
    await page.selectOption('[data-testid=language]', 'en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies a row with its headers from the right-click menu of a grid', async () => {
    const { page, errors } = await openDemo(browser, harness, 'copy-menu', 15_000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await go(page, 'customers');
    const cell = page.locator('[data-testid=customers-grid] [role=row][row-index="0"] [col-id=orders]').first();
    await expect.poll(async () => ((await cell.textContent()) ?? '').trim(), { timeout: 15_000 }).not.toBe('');
    const orders = ((await cell.textContent()) ?? '').trim();
    await cell.click({ button: 'right' });
    await page.locator('[data-testid=grid-context-menu]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'copy-menu.png') });
    await page.click('[data-testid=grid-copy-row]');
    await expect.poll(() => page.locator('[data-testid=grid-context-menu]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('\t');
    const [header = '', values = ''] = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(values.split('\t')[header.split('\t').indexOf('Orders')]).toBe(orders);
    await cell.click({ button: 'right' });
    await page.click('[data-testid=grid-copy-cell]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(orders);
    expect(errors).toEqual([]);
    await page.close();
  });
});
