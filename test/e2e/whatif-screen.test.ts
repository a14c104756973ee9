/**
 * The What-if screen in a real Chromium, over the harness: the empty state before any analysis,
 * the "+5 % retention" scenario against the projection of the same baseline in Node, a lever set
 * and dragged with the KPI following, the time from a slider's input event to the repainted KPI,
 * saving, duplicating, renaming, including in the report and deleting scenarios, comparing two,
 * and the screen in Persian (right to left) — all without console errors.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { baselineFromPacked, computeWhatIf, plusFiveRetentionScenario, type Scenario, type WhatIfBaseline } from '../../shared/analytics/whatif';
import type { SavedScenario, WhatIfBaselineReply } from '../../shared/domain/whatif';
import { launchChromium } from '../support/browser';
import { callHarness, openDemo, SCREENSHOTS, setLanguage, VIEWPORT } from '../support/app';
import { startTestHarness } from '../support/harness';


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

const openApp = () => openDemo(browser, harness, 'whatif', 15000);

/** The whole screen: the window grows to the height of the main area for the shot. */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 860);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(3600, Math.max(VIEWPORT.height, height)) });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `whatif-${name}.png`) });
  await page.setViewportSize(VIEWPORT);
}

async function openWhatIf(page: Page): Promise<void> {
  await page.click('[data-route=whatif]');
  await page.locator('[data-testid=whatif-kpis]').waitFor({ timeout: 30_000 });
}

let baselineCache: { reply: WhatIfBaselineReply; baseline: WhatIfBaseline } | null = null;
async function baseline(): Promise<{ reply: WhatIfBaselineReply; baseline: WhatIfBaseline }> {
  if (!baselineCache) {
    const reply = await call<WhatIfBaselineReply>('whatif.baseline', {});
    baselineCache = { reply, baseline: baselineFromPacked(reply) };
  }
  return baselineCache;
}

/**
 * Drags a slider through the given points (shares of its width) with one mouse move per 60 Hz
 * frame, each sent on time without waiting for the page to acknowledge the one before.
 */
async function dragFast(page: Page, testId: string, stops: number[]): Promise<void> {
  const box = await page.locator(`[data-testid=${testId}]`).boundingBox();
  if (!box) throw new Error(`no ${testId}`);
  const y = box.y + box.height / 2;
  const at = (share: number) => box.x + box.width * share;
  await page.mouse.move(at(stops[0] ?? 0.5), y);
  await page.mouse.down();
  const moves: Promise<void>[] = [];
  for (let leg = 1; leg < stops.length; leg++) {
    const from = at(stops[leg - 1] as number);
    const to = at(stops[leg] as number);
    for (let step = 1; step <= 20; step++) {
      moves.push(page.mouse.move(from + ((to - from) * step) / 20, y));
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }
  await Promise.all(moves);
  await page.mouse.up();
}

const profitDelta = async (page: Page) => Number(await page.locator('[data-kpi=profit]').getAttribute('data-delta'));

/** Waits until the profit KPI shows the projection of `scenario` (within a cent per customer of rounding). */
async function expectProfitDelta(page: Page, scenario: Scenario): Promise<number> {
  const { baseline: b } = await baseline();
  const expected = computeWhatIf(b, scenario).delta.profit;
  await page.waitForFunction((value) => Math.abs(Number(document.querySelector('[data-kpi=profit]')?.getAttribute('data-delta')) - value) < 0.5, expected);
  expect(Math.abs((await profitDelta(page)) - expected)).toBeLessThan(0.5);
  return expected;
}

describe('the What-if screen', () => {
  it('says what to do before any analysis, then projects the +5 % retention scenario as the engine does', async () => {
    const { page, errors } = await openApp();
    await page.click('[data-route=whatif]');
    if ((await call<unknown>('analysis.latest', {})) === null) {
      await page.locator('[data-testid=analyse-empty]').waitFor();
      await screenshot(page, 'empty');
      await page.click('[data-testid=analyse-empty]');
    }
    await page.locator('[data-testid=whatif-kpis]').waitFor({ timeout: 40_000 });
    // Nothing set yet: the scenario is the baseline.
    expect(await profitDelta(page)).toBe(0);

    await page.click('[data-testid=try-plus-five]');
    await page.locator('[data-testid=plus-five-panel]').waitFor();
    const { reply, baseline: b } = await baseline();
    const expected = await expectProfitDelta(page, plusFiveRetentionScenario());
    const result = computeWhatIf(b, plusFiveRetentionScenario());
    expect(expected).toBeGreaterThan(0);
    // The figure as written: whole money in the workspace's currency with a sign.
    const currency = reply.settings.currency;
    const whole = new Intl.NumberFormat('en-GB', { ...(currency ? { style: 'currency', currency } : {}), maximumFractionDigits: 0, minimumFractionDigits: 0 });
    const shown = (await page.locator('[data-testid=delta-profit]').textContent()) ?? '';
    expect(shown.startsWith(`+${whole.format(result.delta.profit)}`)).toBe(true);
    expect(await page.locator('[data-testid=scenario-profit]').textContent()).toBe(whole.format(result.scenario.profit));
    // The method in words, with the measured retention and the caveat about the literature's 25–95 %.
    const lead = (await page.locator('[data-testid=plus-five-lead]').textContent()) ?? '';
    expect(lead).toContain(whole.format(Math.round(result.delta.profit)).replace(/^-/, ''));
    const panel = (await page.locator('[data-testid=plus-five-panel]').textContent()) ?? '';
    expect(panel).toContain(new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(reply.yearlyRetention));
    expect(panel).toContain('25–95 %');
    // Every tier has the plan; the charts are drawn.
    for (const tier of ['mvc', 'mgc', 'middle', 'belowZero']) expect(await page.locator(`[data-testid=strategy-${tier}]`).inputValue()).toBe('retain');
    for (const chart of ['waterfall-chart', 'ladder-chart', 'tornado-chart']) await page.locator(`[data-testid=${chart}] canvas`).first().waitFor();
    expect(await page.locator('[data-testid=year-table] tbody tr').count()).toBe(result.horizonYears);
    await screenshot(page, 'plus-five');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a lever as it is typed and dragged, and measures input-to-repaint', async () => {
    const { page, errors } = await openApp();
    await openWhatIf(page);
    await page.click('[data-testid=new-scenario]');
    await page.waitForFunction(() => document.querySelector('[data-kpi=profit]')?.getAttribute('data-delta') === '0');

    // MVC is the group shown first: 10 more points of retention, typed into the number box.
    await page.fill('[data-testid=number-retentionChange]', '10');
    await expectProfitDelta(page, { grouping: 'tier', horizonYears: 3, discountRate: null, groups: { mvc: { strategy: 'custom', retentionChange: 0.1 } } });
    expect(await page.locator('[data-testid=strategy-mvc]').inputValue()).toBe('custom');

    // Dragged: the slider of spend per order from its middle to its far end.
    const before = await profitDelta(page);
    const slider = page.locator('[data-testid=slider-spendChange]');
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider');
    const from = { x: box.x + box.width * (1 / 3), y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(from.x + ((box.width * 2) / 3 - 2) * (step / 10), from.y);
    await page.mouse.up();
    await page.waitForFunction((value) => Number(document.querySelector('[data-kpi=profit]')?.getAttribute('data-delta')) > value + 1, before);
    const spend = Number(await page.locator('[data-testid=number-spendChange]').inputValue());
    expect(spend).toBeGreaterThan(50);
    await expectProfitDelta(page, { grouping: 'tier', horizonYears: 3, discountRate: null, groups: { mvc: { strategy: 'custom', retentionChange: 0.1, spendChange: spend / 100 } } });

    // A fast drag, one move per frame sent without waiting for the page (as a hand gives them), back
    // and forth on retention: the moves are coalesced per frame and the charts wait for the drag to
    // end, yet the last value wins — the KPI, the charts' result and the year table all show the
    // projection of the scenario as it was left, computed afresh.
    await dragFast(page, 'slider-retentionChange', [0.2, 0.9, 0.55]);
    await page.waitForFunction(() => document.querySelector('[data-testid=whatif]')?.getAttribute('data-settled') === 'true');
    const retention = Number(await page.locator('[data-testid=number-retentionChange]').inputValue());
    const dragged: Scenario = { grouping: 'tier', horizonYears: 3, discountRate: null, groups: { mvc: { strategy: 'custom', retentionChange: retention / 100, spendChange: spend / 100 } } };
    const settledDelta = await expectProfitDelta(page, dragged);
    const { baseline: b } = await baseline();
    const fresh = computeWhatIf(b, dragged);
    expect(Math.abs(Number(await page.locator('[data-testid=whatif]').getAttribute('data-results-profit')) - settledDelta)).toBeLessThan(0.5);
    const currency = (await baseline()).reply.settings.currency;
    const whole = new Intl.NumberFormat('en-GB', { ...(currency ? { style: 'currency', currency } : {}), maximumFractionDigits: 0, minimumFractionDigits: 0 });
    const lastYear = fresh.years[fresh.years.length - 1];
    if (!lastYear) throw new Error('no year');
    expect((await page.locator(`[data-testid=year-table] tr[data-year="${lastYear.year}"] td`).nth(1).textContent())?.trim()).toBe(whole.format(lastYear.scenario.revenue));
    // The sensitivity (left out while the slider moved) is the fresh computation's: the same largest swing.
    const topSwing = fresh.tornado.find((entry) => entry.value !== 0)?.swing ?? 0;
    expect(topSwing).toBeGreaterThan(0);
    expect(Math.abs(Number(await page.locator('[data-testid=tornado-panel] .whatif-tornado').getAttribute('data-top-swing')) - topSwing)).toBeLessThan(0.5);

    // Input event on the slider → the profit KPI changed → the next frame painted.
    const timings = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=slider-frequencyChange]');
      const target = document.querySelector('[data-testid=delta-profit]');
      if (!input || !target) throw new Error('missing slider or KPI');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      const out: number[] = [];
      for (let i = 1; i <= 25; i++) {
        const repainted = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            // The DOM changed; the frame that shows it is painted before the next animation frame's callbacks.
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(target, { childList: true, characterData: true, subtree: true });
        });
        const start = performance.now();
        setter?.call(input, String(i * 3));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        out.push((await repainted) - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return out;
    });
    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? NaN;
    const { reply } = await baseline();
    console.log(`[whatif] slider input → repainted KPI for ${reply.customers} customers: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`);
    expect(median).toBeLessThan(250);
    await screenshot(page, 'levers');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves, duplicates, renames, includes in the report, deletes and compares scenarios', async () => {
    const { page, errors } = await openApp();
    await openWhatIf(page);
    const saved = () => call<SavedScenario[]>('whatif.list', {});

    // The +5 % scenario, saved under its name.
    await page.click('[data-testid=try-plus-five]');
    await page.click('[data-testid=save-scenario]');
    await page.locator('[data-scenario-name="+5 % retention for everyone"]').waitFor();
    let list = await saved();
    const plusFive = list.find((entry) => entry.name === '+5 % retention for everyone');
    expect(plusFive?.scenario).toEqual(plusFiveRetentionScenario());

    // A second one: Retain MVC by strategy grouping with a campaign.
    await page.click('[data-testid=new-scenario]');
    await page.click('[data-grouping=strategy]');
    await page.selectOption('[data-testid=strategy-retain]', 'retain');
    await page.fill('[data-testid=number-retentionChange]', '8');
    await page.fill('[data-testid=number-campaignCostPerCustomer]', '5');
    await page.fill('[data-testid=scenario-name]', 'Retain push');
    await page.waitForFunction(() => document.querySelector('[data-testid=save-scenario]')?.hasAttribute('disabled') === false);
    await page.click('[data-testid=save-scenario]');
    await page.locator('[data-scenario-name="Retain push"]').waitFor();
    list = await saved();
    const push = list.find((entry) => entry.name === 'Retain push');
    expect(push?.scenario).toMatchObject({ grouping: 'strategy', groups: { retain: { strategy: 'retain', retentionChange: 0.08, campaignCostPerCustomer: 5 } } });
    // The ROI table has the group, with its campaign cost.
    await page.locator('[data-roi-group=retain]').waitFor();

    // Duplicate, rename the copy, include the original in the report.
    await page.locator('[data-scenario-name="Retain push"] [data-testid=duplicate]').click();
    await page.locator('[data-scenario-name="Retain push (copy)"]').waitFor();
    await page.locator('[data-scenario-name="Retain push (copy)"] [data-testid=rename]').click();
    await page.fill('[data-testid=rename-input]', 'Retain push, bigger');
    await page.press('[data-testid=rename-input]', 'Enter');
    await page.locator('[data-scenario-name="Retain push, bigger"]').waitFor();
    await page.locator('[data-scenario-name="Retain push"] [data-testid=for-report]').click();
    await expect.poll(async () => (await saved()).find((entry) => entry.name === 'Retain push')?.forReport).toBe(true);
    list = await saved();
    expect(list.map((entry) => [entry.name, entry.forReport])).toEqual([
      ['+5 % retention for everyone', false],
      ['Retain push', true],
      ['Retain push, bigger', false],
    ]);

    // Delete the renamed copy (two clicks).
    await page.locator('[data-scenario-name="Retain push, bigger"] [data-testid=delete]').click();
    await page.locator('[data-scenario-name="Retain push, bigger"] [data-testid=delete-confirm]').click();
    await page.locator('[data-scenario-name="Retain push, bigger"]').waitFor({ state: 'detached' });
    expect((await saved()).map((entry) => entry.name)).toEqual(['+5 % retention for everyone', 'Retain push']);

    // Compare the two.
    await page.locator('[data-scenario-name="+5 % retention for everyone"] [data-testid=compare-tick]').check();
    await page.locator('[data-scenario-name="Retain push"] [data-testid=compare-tick]').check();
    await page.click('[data-testid=compare]');
    await page.locator('[data-testid=compare-chart] canvas').first().waitFor();
    const { baseline: b } = await baseline();
    const cells = page.locator('[data-compare-row=delta] td');
    expect(await cells.count()).toBe(2);
    list = await saved();
    for (let index = 0; index < 2; index++) {
      const entry = list[index];
      if (!entry) throw new Error('missing scenario');
      expect(Math.abs(Number(await cells.nth(index).getAttribute('data-value')) - computeWhatIf(b, entry.scenario).delta.profit)).toBeLessThan(0.5);
    }
    await screenshot(page, 'compare');

    // Opening a saved scenario loads it into the editor.
    await page.locator('[data-scenario-name="Retain push"] [data-testid=open-scenario]').click();
    await expectProfitDelta(page, list[1]!.scenario);
    expect(await page.locator('[data-testid=scenario-name]').inputValue()).toBe('Retain push');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads right to left in Persian, without console errors', async () => {
    const { page, errors } = await openApp();
    await setLanguage(page, 'fa');
    try {
      await openWhatIf(page);
      await page.click('[data-testid=try-plus-five]');
      await page.locator('[data-testid=plus-five-panel]').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.locator('[data-route=whatif]').textContent()).toContain('اگر چنین شود');
      // Persian digits in the KPI.
      expect(await page.locator('[data-testid=delta-profit]').textContent()).toMatch(/[۰-۹]/);
      for (const chart of ['waterfall-chart', 'ladder-chart', 'tornado-chart']) await page.locator(`[data-testid=${chart}] canvas`).first().waitFor();
      await screenshot(page, 'fa');
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
