/**
 * Walks the whole app as a person would, in a real Chromium over the harness: every screen and
 * tab, the drill-down of customers of every tier, quadrant, strategy and lifecycle stage (and of
 * chosen and random ones), every chart's tooltips, the what-if with every lever moved, a model fit
 * and the report. After each step the page must be healthy: no page or console error, no part of
 * the window replaced by its error message, no generic error, nothing blank.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import type { AnalysisRun, CustomerPage } from '../../shared/domain/analysis';
import { callHarness } from './app';

export interface WalkOptions {
  harness: Harness;
  page: Page;
  /** Page and console errors collected since the page opened. */
  errors: string[];
  /** Customers opened in the drill-down besides those the walk picks. */
  drill: string[];
  /** Random customers opened in the drill-down. */
  randomCustomers: number;
  /** Open a customer of every tier, quadrant, strategy and lifecycle stage. */
  everyGroup: boolean;
  /** Move every lever of the what-if (else only open it and switch the grouping). */
  levers: boolean;
  /** Folder for the PDF the Report screen makes. */
  outDir: string;
  /** Also fit a model from the Models screen and make the PDF from the Report screen. */
  heavy: boolean;
  log?: (line: string) => void;
}

const call = <T>(harness: Harness, name: string, input: unknown) => callHarness<T>(harness, name, input);

/** Fails on anything a person would see as broken. */
export async function expectHealthy(page: Page, errors: string[], where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    failed: [...document.querySelectorAll('[data-testid=part-failed]')].map((element) => element.getAttribute('data-area')),
    generic: document.querySelector('.error-banner[data-error-key=internal], .error-banner[data-error-key=taskStopped]')?.textContent ?? null,
    main: document.querySelector('main.main')?.textContent?.trim().length ?? 0,
    root: document.getElementById('root')?.childElementCount ?? 0,
    xss: (window as { __xss?: unknown }).__xss ?? null,
  }));
  expect(state.failed, `${where}: parts that failed`).toEqual([]);
  expect(state.generic, `${where}: a generic error`).toBeNull();
  expect(state.root, `${where}: the window is blank`).toBeGreaterThan(0);
  expect(state.main, `${where}: the main area is empty`).toBeGreaterThan(0);
  expect(state.xss, `${where}: markup in the data ran as code`).toBeNull();
  expect(errors, `${where}: page or console errors`).toEqual([]);
}

/** Where the walk's time goes, when WALK_TRACE is set. */
const trace = process.env.WALK_TRACE ? (label: string, started: number) => console.log(`  ${label}: ${Math.round(performance.now() - started)} ms`) : () => undefined;

async function go(page: Page, route: string): Promise<void> {
  const started = performance.now();
  await page.click(`[data-route=${route}]`);
  await page.waitForFunction((name) => document.querySelector(`[data-route=${name}]`)?.getAttribute('aria-current') === 'page', route);
  trace(`go ${route}`, started);
}

/** Dismisses an error banner of a known, specific error (a model that cannot be fitted, say). */
async function dismissSpecificError(page: Page): Promise<string | null> {
  const banner = page.locator('.error-banner');
  if ((await banner.count()) === 0) return null;
  const key = await banner.getAttribute('data-error-key');
  await banner.locator('button').click();
  return key;
}

/**
 * Shows the tooltip of every series of every chart on screen (at its first, middle and last
 * points) and moves the pointer across each: every tooltip formatter runs.
 */
export async function hoverCharts(page: Page): Promise<number> {
  const charts = await page.evaluate(() => {
    type Chart = { getOption(): { series?: { data?: unknown[] }[] }; dispatchAction(action: object): void; isDisposed(): boolean };
    let shown = 0;
    for (const host of document.querySelectorAll<HTMLElement & { vlChart?: Chart }>('.chart[data-testid]')) {
      const chart = host.vlChart;
      if (!chart || chart.isDisposed()) continue;
      const series = chart.getOption().series ?? [];
      series.forEach((one, seriesIndex) => {
        const length = Array.isArray(one.data) ? one.data.length : 0;
        for (const dataIndex of new Set([0, Math.floor(length / 2), length - 1].filter((index) => index >= 0 && index < length))) {
          chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex });
          shown++;
        }
      });
      chart.dispatchAction({ type: 'hideTip' });
    }
    return shown;
  });
  for (const canvas of await page.locator('.chart[data-testid] canvas').all()) {
    const box = await canvas.boundingBox();
    if (!box || box.width < 10 || box.height < 10) continue;
    for (const [fx, fy] of [
      [0.15, 0.5],
      [0.5, 0.5],
      [0.85, 0.4],
    ] as const)
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
  }
  await page.mouse.move(1, 1);
  return charts;
}

/** Opens the drawer of a row of the Customers grid (the first, or the customer's own), checks it, closes it. */
async function openRow(page: Page, errors: string[], where: string, customer?: string): Promise<string | null> {
  const started = performance.now();
  const rows = page.locator('[data-testid=customers-grid] [role=row][row-id]');
  const exact = new RegExp(`^\\s*${customer?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = customer === undefined ? page.locator('[data-testid=customers-grid] [role=row][row-index="0"][row-id]').first() : rows.filter({ has: page.locator('[col-id=customer]', { hasText: exact }) }).first();
  if (customer !== undefined) {
    // Other customers may match the search too: scroll the grid until the customer's own row is drawn.
    await page.locator('[data-testid=customers-grid] [role=row][row-index="0"][row-id]').first().waitFor({ timeout: 8_000 });
    for (let scrolls = 0; (await row.count()) === 0 && scrolls < 40; scrolls++) {
      const moved = await page.evaluate(() => {
        let any = false;
        for (const viewport of document.querySelectorAll<HTMLElement>('[data-testid=customers-grid] .ag-body-viewport, [data-testid=customers-grid] .ag-body-vertical-scroll-viewport')) {
          if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) continue;
          viewport.scrollTop += viewport.clientHeight * 0.8;
          any = true;
        }
        return any;
      });
      if (!moved) break;
      await page.waitForTimeout(100);
    }
  }
  try {
    await row.waitFor({ timeout: customer === undefined ? 8_000 : 2_000 });
  } catch {
    if (customer !== undefined) throw new Error(`${where}: no row of ${customer.slice(0, 40)}`);
    return null;
  }
  trace(`${where}: row`, started);
  await row.locator('[role=gridcell]').first().click();
  const panel = page.locator('[data-testid=customer-panel]');
  await panel.waitFor();
  await page.locator('[data-testid=customer-panel] .customer-panel__body, [data-testid=customer-panel] [data-testid=part-failed], [data-testid=customer-panel] .empty-state').first().waitFor();
  const shown = (await page.locator('[data-testid=panel-customer]').textContent()) ?? '';
  if (customer !== undefined) expect(shown).toBe(customer);
  if ((await page.locator('[data-testid=customer-panel] [data-testid=orders-chart]').count()) > 0) await page.locator('[data-testid=orders-chart][data-drawn=true] canvas').waitFor();
  trace(`${where}: drawer`, started);
  await hoverCharts(page);
  trace(`${where}: hovered`, started);
  await expectHealthy(page, errors, `${where}: drawer of ${shown.slice(0, 40)}`);
  await page.click('[data-testid=close-panel]');
  await panel.waitFor({ state: 'detached' });
  trace(`${where}: closed`, started);
  return shown;
}

const openFirstRow = (page: Page, errors: string[], where: string) => openRow(page, errors, where);

/** Opens the drawer of one customer found with the search box. */
async function drillCustomer(page: Page, errors: string[], customer: string): Promise<void> {
  const search = page.locator('[data-testid=customer-search]');
  await search.fill(customer);
  await search.press('Enter');
  await openRow(page, errors, `customer ${customer.slice(0, 40)}`, customer);
}

/** The codes of a kind that have customers in the run, in order. */
function groupsWithCustomers(run: AnalysisRun): Record<'tier' | 'quadrant' | 'strategy' | 'lifecycle', string[]> {
  const s = run.summary;
  return {
    tier: (['mvc', 'mgc', 'middle', 'belowZero'] as const).filter((tier) => s.ladder[tier].customers > 0),
    quadrant: (['reward', 'manage', 'develop', 'exit'] as const).filter((quadrant) => s.quadrants[quadrant].customers > 0),
    strategy: (['retain', 'redesign', 'enhance', 'harvest', 'terminate', 'winBack'] as const).filter((strategy) => (s.strategies[strategy] ?? 0) > 0),
    lifecycle: Object.entries(s.lifecycle)
      .filter(([, count]) => count > 0)
      .map(([stage]) => stage),
  };
}

/** A drill-down from another screen: its button opens Customers with the group's chip, then a customer. */
async function drillFrom(page: Page, errors: string[], route: string, button: string, chip: string): Promise<void> {
  await go(page, route);
  await page.click(button);
  await page.locator(`[data-chip=${chip}]`).waitFor();
  await openFirstRow(page, errors, `${route}: ${chip}`);
  await page.click('[data-testid=clear-filters]');
}

async function walkLadder(page: Page, errors: string[], run: AnalysisRun): Promise<void> {
  await go(page, 'ladder');
  await page.locator('[data-testid=kpis]').waitFor();
  await hoverCharts(page);
  await expectHealthy(page, errors, 'ladder');
  const tier = groupsWithCustomers(run).tier.at(-1);
  if (tier) await drillFrom(page, errors, 'ladder', `[data-testid=ladder-tiers] button[data-tier=${tier}]`, `tier-${tier}`);
}

async function walkStrategies(page: Page, errors: string[], run: AnalysisRun): Promise<void> {
  await go(page, 'strategies');
  await page.locator('[data-testid=scatter-chart] canvas, .strategies-screen .empty-state, [data-testid=scatter-panel] .empty-state').first().waitFor();
  await hoverCharts(page);
  await expectHealthy(page, errors, 'strategies');
  const groups = groupsWithCustomers(run);
  const quadrant = groups.quadrant.at(-1);
  if (quadrant) await drillFrom(page, errors, 'strategies', `[data-testid=quadrants] button[data-quadrant=${quadrant}]`, `quadrant-${quadrant}`);
  const strategy = groups.strategy.at(-1);
  if (strategy) await drillFrom(page, errors, 'strategies', `[data-testid=open-strategy-${strategy}]`, `strategy-${strategy}`);
}

/** A customer of every tier, quadrant, strategy and lifecycle stage, picked with the Customers screen's own filters. */
async function drillEveryGroup(page: Page, errors: string[], run: AnalysisRun): Promise<void> {
  for (const [kind, codes] of Object.entries(groupsWithCustomers(run))) {
    for (const code of codes) {
      await page.click(`[data-testid=filter-${kind}]`);
      await page.check(`[data-testid=filter-${kind}-${code}]`);
      await page.keyboard.press('Escape');
      await page.locator(`[data-chip=${kind}-${code}]`).waitFor();
      const started = performance.now();
      await openFirstRow(page, errors, `${kind} ${code}`);
      await page.click('[data-testid=clear-filters]');
      trace(`${kind} ${code} with its filter`, started);
    }
  }
}

async function walkCustomers(options: WalkOptions, run: AnalysisRun): Promise<void> {
  const { page, errors, harness } = options;
  await go(page, 'customers');
  await page.locator('[data-testid=customers-grid] [role=row][row-index="0"][row-id]').first().waitFor();
  await expectHealthy(page, errors, 'customers');
  if (options.everyGroup) await drillEveryGroup(page, errors, run);
  const picks = [...options.drill];
  if (options.randomCustomers > 0) {
    let seed = run.summary.customers * 7919 + 17;
    for (let i = 0; i < options.randomCustomers; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const offset = seed % Math.max(1, run.summary.customers);
      const reply = await call<CustomerPage>(harness, 'analysis.customers', { offset, limit: 1, columns: ['customer'] });
      const id = reply.rows[0]?.[0];
      if (typeof id === 'string') picks.push(id);
    }
  }
  for (const customer of picks) await drillCustomer(page, errors, customer);
  await page.locator('[data-testid=customer-search]').fill('');
  await page.locator('[data-testid=customer-search]').press('Enter');
}

async function walkCohorts(page: Page, errors: string[]): Promise<void> {
  await go(page, 'cohorts');
  await page.locator('[data-testid=ltv-chart][data-drawn=true] canvas, .cohorts-screen .empty-state').first().waitFor();
  await hoverCharts(page);
  await expectHealthy(page, errors, 'cohorts');
  const stages = await page.locator('[data-testid=lifecycle-stages] button[data-stage]:not([disabled])').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-stage')));
  const stage = stages.at(-1);
  if (stage) await drillFrom(page, errors, 'cohorts', `[data-testid=lifecycle-stages] button[data-stage=${stage}]`, `lifecycle-${stage}`);
}

async function walkWhatIf(page: Page, errors: string[], levers: boolean): Promise<void> {
  await go(page, 'whatif');
  await page.locator('[data-testid=whatif-kpis]').waitFor({ timeout: 40_000 });
  await hoverCharts(page);
  for (const grouping of ['quadrant', 'strategy', 'tier'] as const) {
    await page.click(`[data-grouping=${grouping}]`);
    await page.waitForFunction(() => document.querySelector('[data-testid=whatif]')?.getAttribute('data-settled') === 'true');
  }
  if (!levers) {
    await expectHealthy(page, errors, 'what-if');
    return;
  }
  // Every lever of the first group moved, then the group dropped and brought back.
  const values: [string, string][] = [
    ['retentionChange', '5'],
    ['frequencyChange', '10'],
    ['spendChange', '-7'],
    ['marginChange', '2'],
    ['costToServeChange', '-15'],
    ['crossSellUptake', '20'],
    ['campaignCostPerCustomer', '3'],
    ['campaignCostFixed', '1000'],
    ['horizon', '5'],
    ['discount', '12'],
  ];
  for (const [lever, value] of values) {
    const input = page.locator(`[data-testid=number-${lever}]`);
    if ((await input.count()) === 0 || !(await input.isEnabled())) continue;
    await input.fill(value);
    await input.press('Tab');
    await page.waitForFunction(() => document.querySelector('[data-testid=whatif]')?.getAttribute('data-settled') === 'true');
  }
  const drop = page.locator('[data-testid=lever-dropCustomers]');
  if ((await drop.count()) > 0 && (await drop.isEnabled())) {
    for (const checked of [true, false]) {
      await drop.click();
      await expect.poll(() => drop.isChecked()).toBe(checked);
      await page.waitForFunction(() => document.querySelector('[data-testid=whatif]')?.getAttribute('data-settled') === 'true');
    }
  }
  await page.waitForFunction(() => document.querySelector('[data-testid=whatif]')?.getAttribute('data-settled') === 'true');
  await page.locator('[data-testid=tornado-chart] canvas, [data-testid=tornado-all]').first().waitFor();
  await hoverCharts(page);
  await expectHealthy(page, errors, 'what-if with every lever moved');
  await page.click('[data-testid=new-scenario]');
}

async function walkModels(options: WalkOptions): Promise<void> {
  const { page, errors } = options;
  await go(page, 'models');
  await page.locator('[data-testid=fit-form]').waitFor();
  if (options.heavy && (await page.locator('[data-testid=fit-run]').isEnabled())) {
    await page.click('[data-testid=fit-run]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=models-progress]') && (document.querySelector('[data-testid=fit-status]')?.getAttribute('data-state') !== 'none' || document.querySelector('.error-banner') !== null), undefined, { timeout: 60_000 });
    const key = await dismissSpecificError(page);
    options.log?.(`fit: ${key ?? (await page.locator('[data-testid=fit-status]').getAttribute('data-state'))}`);
  }
  for (const tab of ['tracking-period', 'tracking-cumulative']) if ((await page.locator(`[data-testid=${tab}]`).count()) > 0) await page.click(`[data-testid=${tab}]`);
  await hoverCharts(page);
  await expectHealthy(page, errors, 'models');
}

async function walkReport(options: WalkOptions, locale: string, name: string): Promise<void> {
  const { page, errors, harness } = options;
  await go(page, 'report');
  await page.locator('[data-testid=report-sections]').waitFor();
  await page.click('[data-testid=sections-all]');
  await page.selectOption('[data-testid=report-locale]', locale);
  if (options.heavy) {
    harness.dialogAnswers.push(join(options.outDir, `${name}-${locale}.pdf`));
    await page.click('[data-testid=report-create]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]') && (document.querySelector('[data-testid=report-result]') !== null || document.querySelector('.error-banner') !== null), undefined, { timeout: 90_000 });
    expect(await page.locator('.error-banner').count(), 'the report failed').toBe(0);
  }
  await expectHealthy(page, errors, 'report');
}

async function walkData(page: Page, errors: string[]): Promise<void> {
  await go(page, 'data');
  await page.locator('[data-testid=data-import]').waitFor();
  for (const tab of await page.locator('.data-screen [role=tab]:not([disabled])').all()) {
    await tab.click();
    await expectHealthy(page, errors, 'data');
  }
  await page.click('[data-testid=data-import-log]');
  await page.locator('[data-testid=import-log], .data-screen .empty-state').first().waitFor();
  const issues = page.locator('[data-testid^=log-issues-]:not([disabled])').first();
  if ((await issues.count()) > 0) {
    await issues.click();
    await page.locator('[data-testid=log-issues]').waitFor();
  }
  await expectHealthy(page, errors, 'import log');
}

/** Every screen of the open workspace (analysed beforehand). */
export async function walkWorkspace(options: WalkOptions, name: string, locale: string): Promise<void> {
  const { page, errors, harness } = options;
  const run = await call<AnalysisRun | null>(harness, 'analysis.latest', {});
  if (!run) throw new Error(`${name} is not analysed`);
  const step = async (label: string, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    options.log?.(`${name}/${locale} ${label}: ${Math.round(performance.now() - started)} ms`);
  };
  await step('home', async () => {
    await go(page, 'home');
    await expectHealthy(page, errors, 'home');
  });
  await step('ladder', () => walkLadder(page, errors, run));
  await step('strategies', () => walkStrategies(page, errors, run));
  await step('customers', () => walkCustomers(options, run));
  await step('cohorts', () => walkCohorts(page, errors));
  await step('channels', async () => {
    await go(page, 'channels');
    await page.locator('[data-testid=channel-chart] canvas, .channels-screen .empty-state').first().waitFor();
    await hoverCharts(page);
    await expectHealthy(page, errors, 'channels');
  });
  await step('whatif', () => walkWhatIf(page, errors, options.levers));
  await step('models', () => walkModels(options));
  await step('report', () => walkReport(options, locale, name));
  await step('data', () => walkData(page, errors));
  await step('import', async () => {
    await go(page, 'import');
    await page.locator('[data-testid=import-screen]').waitFor();
    await expectHealthy(page, errors, 'import');
  });
  await step('settings', async () => {
    await go(page, 'settings');
    await page.locator('[data-testid=analysis-settings]').waitFor();
    await expectHealthy(page, errors, 'settings');
  });
}
