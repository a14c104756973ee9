/**
 * The Models and Report screens in a real Chromium, over the harness and the demo workspace: a
 * BG/NBD fit with a calibration end made through the form, its parameters against the stored fit,
 * the validation charts, "Analyse again" putting the model into the analysis; then a PDF report
 * in Persian with a few sections, through the scripted save dialog. Screenshots in English and
 * Persian go to test-results/screenshots/models-*.png and report-screen-*.png.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import type { AnalysisRun } from '../../shared/domain/analysis';
import type { BacktestRun, ModelFitSummary } from '../../shared/domain/models';
import type { ReportResult } from '../../shared/domain/report';
import { launchChromium } from '../support/browser';
import { callHarness, openDemo, SCREENSHOTS, setLanguage, VIEWPORT } from '../support/app';
import { startTestHarness, tempDir } from '../support/harness';

const CALIBRATION_END = '2025-03-31';

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

const openApp = () => openDemo(browser, harness, 'models', 15000);

async function go(page: Page, route: string): Promise<void> {
  await page.click(`[data-route=${route}]`);
  await page.waitForFunction((name) => document.querySelector(`[data-route=${name}]`)?.getAttribute('aria-current') === 'page', route);
}

/** The whole screen: the window grows to the height of the main area for the shot. */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 860);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(4000, Math.max(VIEWPORT.height, height)) });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(VIEWPORT);
}

const significant = (locale: string, value: number) => new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(value);

describe('the Models screen', () => {
  it('fits BG/NBD with a calibration end through the form, shows the stored parameters and the validation, and analyses again with the model', async () => {
    const { page, errors } = await openApp();
    await go(page, 'models');
    await page.locator('[data-testid=fit-form]').waitFor();
    await page.selectOption('[data-testid=fit-model]', 'bgnbd');
    await page.selectOption('[data-testid=fit-unit]', 'week');
    if (!(await page.isChecked('[data-testid=fit-holdout]'))) await page.check('[data-testid=fit-holdout]');
    await page.fill('[data-testid=fit-calibration-end]', CALIBRATION_END);
    await page.click('[data-testid=fit-run]');
    await page.locator('[data-testid=bucket-chart] canvas').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=tracking-chart] canvas').first().waitFor();

    const fit = await call<ModelFitSummary | null>('models.latest', {});
    expect(fit).not.toBeNull();
    if (!fit) return;
    expect(fit.model).toBe('bgnbd');
    expect(fit.unit).toBe('week');
    expect(fit.calibrationEnd).toBe(CALIBRATION_END);
    expect(fit.validation).not.toBeNull();
    for (const name of ['r', 'alpha', 'a', 'b']) {
      const row = page.locator(`[data-testid=purchase-params] [data-param=${name}]`);
      const estimate = row.locator('[data-figure=estimate]');
      expect(Number(await estimate.getAttribute('data-value'))).toBe(fit.purchase.params[name]);
      expect(await estimate.textContent()).toBe(significant('en-GB', fit.purchase.params[name] as number));
      const error = fit.purchase.standardErrors[name];
      if (typeof error === 'number') expect(await row.locator('[data-figure=standardError]').textContent()).toBe(significant('en-GB', error));
    }
    // The symbols of the paper.
    expect(await page.locator('[data-testid=purchase-params] .model-params__symbol').allTextContents()).toEqual(['r', 'α', 'a', 'b']);
    expect(await page.locator('[data-testid=spend-params] .model-params__symbol').allTextContents()).toEqual(['p', 'q', 'γ']);
    expect(await page.locator('[data-testid=validation-metrics] [data-metric]').count()).toBe(6);
    expect(await page.locator('[data-testid=fit-status]').getAttribute('data-state')).toBe(fit.usable ? 'usable' : 'unusable');
    // The per-period tracking draws too.
    await page.click('[data-testid=tracking-period]');
    await page.click('[data-testid=tracking-cumulative]');

    // Analyse again: the analysis takes its future profit from this fit.
    await page.click('[data-testid=analyse-again]');
    await page.waitForFunction(() => document.querySelector('[data-testid=fit-usage]')?.getAttribute('data-used') === 'this', undefined, { timeout: 40_000 });
    const run = await call<AnalysisRun | null>('analysis.latest', {});
    expect(run?.summary.outlook.model).toMatchObject({ origin: 'fit', fitId: fit.fitId, model: 'bgnbd' });
    await page.locator('[data-testid=clv-chart] canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=alive-chart] canvas').first().waitFor();
    expect(await page.locator('[data-testid=alive-source]').getAttribute('data-source')).toMatch(/^(stored|model)$/);
    await screenshot(page, 'models-en');

    // Persian, right to left.
    await setLanguage(page, 'fa');
    try {
      await go(page, 'models');
      await page.locator('[data-testid=alive-chart] canvas').first().waitFor();
      expect(await page.locator('[data-testid=purchase-params] [data-param=r] [data-figure=estimate]').textContent()).toBe(significant('fa-IR', fit.purchase.params.r as number));
      await screenshot(page, 'models-fa');
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('says where the outlook comes from and back-tests it as of a chosen date, with the figures of the stored back-test', async () => {
    const { page, errors } = await openApp();
    await go(page, 'models');
    const run = await call<AnalysisRun | null>('analysis.latest', {});
    expect(run).not.toBeNull();
    if (!run) return;
    const outlook = page.locator('[data-testid=outlook]');
    await outlook.waitFor();
    expect(await outlook.getAttribute('data-engine')).toBe(run.summary.outlook.engine);

    await page.fill('[data-testid=backtest-as-of]', '2024-12-31');
    await page.fill('[data-testid=backtest-horizon]', '12');
    await page.click('[data-testid=run-backtest]');
    const result = page.locator('[data-testid=backtest-result][data-as-of="2024-12-31"]');
    await result.waitFor({ timeout: 60_000 });
    const stored = await call<BacktestRun | null>('models.latestBacktest', {});
    expect(stored?.result.asOf).toBe('2024-12-31');
    expect(stored?.result.horizonMonths).toBe(12);
    if (!stored) return;
    // Each measure's row shows the stored projection, what happened and the error.
    for (const measure of ['activeCustomers', 'purchases'] as const) {
      const row = page.locator(`[data-testid=backtest-table] [data-measure=${measure}] td`);
      expect(await row.nth(0).textContent()).toBe(new Intl.NumberFormat('en-GB').format(Math.round(stored.result.projected[measure])));
      expect(await row.nth(1).textContent()).toBe(new Intl.NumberFormat('en-GB').format(stored.result.actual[measure]));
    }
    await page.locator('[data-testid=backtest-chart] canvas').first().waitFor();
    expect(await page.locator('[data-testid=backtest-tiers] [data-tier]').count()).toBeGreaterThan(0);
    // The demo's projection holds within the tolerance: no warning.
    expect(await page.locator('[data-testid=backtest-ok]').count()).toBe(1);

    // A date too late for a 12-month horizon: a translated error, nothing stored over the last one.
    await page.fill('[data-testid=backtest-as-of]', run.summary.asOf);
    await page.click('[data-testid=run-backtest]');
    await page.locator('[data-error-key=backtestTooLate]').waitFor({ timeout: 30_000 });
    expect((await call<BacktestRun | null>('models.latestBacktest', {}))?.result.asOf).toBe('2024-12-31');
    await screenshot(page, 'models-backtest-en');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('the Report screen', () => {
  it('creates a PDF in Persian with a few sections through the save dialog', async () => {
    const { page, errors } = await openApp();
    await go(page, 'report');
    await page.locator('[data-testid=report-sections]').waitFor();
    await page.locator('[data-testid=report-whatif-none], [data-testid=report-scenarios]').first().waitFor();
    await screenshot(page, 'report-screen-en');

    await page.click('[data-testid=sections-none]');
    expect(await page.isDisabled('[data-testid=report-create]')).toBe(true);
    for (const section of ['cover', 'summary', 'ladder', 'strategies']) await page.check(`[data-section=${section}]`);
    await page.selectOption('[data-testid=report-locale]', 'fa');
    await page.check('[data-testid=page-A4]');
    await page.fill('[data-testid=report-client]', 'Test Client');
    await page.fill('[data-testid=report-author]', 'Analyst');

    const pdf = join(tempDir('vl-report-'), 'demo-report-fa.pdf');
    harness.dialogAnswers.push(pdf);
    await page.click('[data-testid=report-create]');
    await page.locator('[data-testid=report-result]').waitFor({ timeout: 110_000 });
    expect(existsSync(pdf)).toBe(true);
    const bytes = statSync(pdf).size;
    expect(bytes).toBeGreaterThan(1000);
    expect(await page.locator('[data-testid=report-result-path]').textContent()).toBe(pdf);
    const figures = (await page.locator('[data-testid=report-result-figures]').textContent()) ?? '';
    expect(figures).toMatch(/^\d+ pages, /);
    // Open it, or show it in its folder: the desktop is asked for this very file.
    await page.click('[data-testid=report-open]');
    await page.click('[data-testid=report-show-folder]');
    await expect.poll(() => harness.shownFiles.slice(-2)).toEqual([
      { path: pdf, how: 'open' },
      { path: pdf, how: 'folder' },
    ]);
    await screenshot(page, 'report-screen-done-en');

    // The screen in Persian, right to left (the result stays).
    await setLanguage(page, 'fa');
    try {
      await go(page, 'report');
      await page.locator('[data-testid=report-result]').waitFor();
      await screenshot(page, 'report-screen-fa');
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('sends the chosen request: a direct call with the same input writes a PDF too', async () => {
    const path = join(tempDir('vl-report-'), 'direct.pdf');
    const result = await call<ReportResult>('report.create', { path, locale: 'fa', sections: ['cover', 'summary'], pageSize: 'Letter' });
    expect(result.path).toBe(path);
    expect(result.pages).toBeGreaterThan(0);
    expect(statSync(path).size).toBe(result.bytes);
  }, 120_000);
});
