/**
 * Nothing a person clicks breaks the workbench: on the demo, CDNOW and the edge workspaces
 * (test/support/edge-workspaces.ts), in English and in Persian, every screen and drill-down, every
 * chart's tooltips, the what-if with every lever moved, a model fit and the report — and the
 * report's HTML with every section in all six languages. `WALK_FULL=1` opens 50 random customers
 * per workspace instead of 3, and makes the PDF and the fit in Persian too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { loadChartEngine } from '../../electron/services/report/charts';
import { buildReportHtml } from '../../electron/services/report/report-html';
import { LOCALES } from '../../shared/domain/app-settings';
import { REPORT_SECTIONS } from '../../shared/domain/report';
import { callHarness, SCREENSHOTS, setLanguage, VIEWPORT } from '../support/app';
import { collectPageErrors, launchChromium } from '../support/browser';
import { HOSTILE_NAMES } from '../support/edge-workspaces';
import { startTestHarness, tempDir } from '../support/harness';
import { walkWorkspace } from '../support/walk';
import { prepareWalkWorkspaces, type WalkWorkspace } from '../support/walk-setup';

const FULL = process.env.WALK_FULL === '1';
let harness: Harness;
let browser: Browser;
let workspaces: WalkWorkspace[] = [];
const outDir = tempDir('vl-walk-out-');

beforeAll(async () => {
  await loadChartEngine(); // the report's charts, built here without the report service
  harness = await startTestHarness();
  browser = await launchChromium();
  workspaces = await prepareWalkWorkspaces(harness);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/**
 * How deep each walk goes, so that the whole fits in `npm test`: everything (a customer of every
 * group included) on the demo and on the workspace with the most edges, in English; on CDNOW and
 * the Persian edges the levers, a fit and the PDF besides every screen and the drill-downs from it;
 * the other edge cases and the Persian demo every screen, the drill-downs from each and their own
 * customers. WALK_FULL=1 goes all the way everywhere.
 */
function depthOf(name: string, locale: 'en' | 'fa') {
  const full = FULL || (locale === 'en' && (name === 'edges' || name === 'demo'));
  const standard = full || (locale === 'en' && name === 'cdnow') || (locale === 'fa' && name === 'edges');
  return { everyGroup: full, levers: standard, heavy: standard, randomCustomers: FULL ? 50 : full ? 10 : standard ? 3 : 1 };
}

async function walk(workspace: WalkWorkspace, locale: 'en' | 'fa'): Promise<void> {
  await callHarness(harness, 'workspace.open', { path: workspace.path });
  const page = await browser.newPage({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  page.setDefaultTimeout(20_000);
  const errors = collectPageErrors(page);
  try {
    await page.goto(harness.url);
    await page.waitForFunction((name) => document.querySelector('[data-testid=current-workspace] strong')?.textContent === name, workspace.name);
    if (locale !== 'en') await setLanguage(page, locale);
    await walkWorkspace(
      { harness, page, errors, drill: workspace.drill, outDir, ...depthOf(workspace.name, locale), ...(process.env.WALK_TRACE ? { log: (line: string) => console.log(line) } : {}) },
      workspace.name,
      locale,
    );
  } catch (error) {
    await page.screenshot({ path: join(SCREENSHOTS, `walk-${workspace.name}-${locale}-failed.png`) }).catch(() => undefined);
    throw error;
  } finally {
    if (locale !== 'en') await setLanguage(page, 'en').catch(() => undefined);
    await page.close();
  }
}

describe('walking everything a person can open', () => {
  // Every workspace in English; in Persian (right to left, its own digits) the ones with the most to show.
  const walks = [
    ...['demo', 'cdnow', 'one-customer', 'edges', 'one-quadrant', 'one-day', 'refunds-only'].map((name) => ({ name, locale: 'en' as const })),
    ...(FULL ? ['demo', 'cdnow', 'one-customer', 'edges', 'one-quadrant', 'one-day', 'refunds-only'] : ['demo', 'edges']).map((name) => ({ name, locale: 'fa' as const })),
  ];
  for (const { name, locale } of walks) {
    it(`${name} in ${locale}`, async () => {
      const workspace = workspaces.find((candidate) => candidate.name === name);
      if (!workspace) throw new Error(`no workspace ${name}`);
      await walk(workspace, locale);
    }, 240_000);
  }

  it('keeps the window when a part fails: its message in the person\'s language, the rest working, the details copied and logged', async () => {
    const demo = workspaces.find((candidate) => candidate.name === 'demo');
    if (!demo) throw new Error('no demo');
    await callHarness(harness, 'workspace.open', { path: demo.path });
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
    // The whale curve's chart fails as it starts drawing (ECharts adds its canvas).
    await context.addInitScript(() => {
      const append = Node.prototype.appendChild;
      Node.prototype.appendChild = function <T extends Node>(this: Node, child: T): T {
        if (child instanceof HTMLCanvasElement && (this as Element).closest?.('[data-testid=whale-chart]')) throw new Error('injected failure of the whale chart');
        return append.call(this, child) as T;
      };
    });
    const page = await context.newPage();
    try {
      await page.goto(harness.url);
      await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'demo');
      await setLanguage(page, 'fa');
      await page.click('[data-route=ladder]');
      const failed = page.locator('[data-testid=part-failed][data-area="chart/whale-chart"]');
      await failed.waitFor();
      const fa = JSON.parse(readFileSync(join(SOURCE_ROOT, 'renderer', 'src', 'i18n', 'locales', 'fa.json'), 'utf8')) as { errors: { boundary: { panelTitle: string } } };
      expect(await failed.locator('strong').textContent()).toBe(fa.errors.boundary.panelTitle);
      // The rest of the screen is there and works.
      await page.locator('[data-testid=equity-chart][data-drawn=true] canvas').waitFor();
      expect(await page.locator('[data-testid=kpis] [data-kpi]').count()).toBeGreaterThan(3);
      await page.click('[data-route=strategies]');
      await page.locator('[data-testid=scatter-chart] canvas').waitFor();
      await page.click('[data-route=ladder]');
      await failed.locator('button').first().click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('chart/whale-chart');
      expect(copied).toContain('injected failure of the whale chart');
      const { dataDir } = await callHarness<{ dataDir: string }>(harness, 'app.info', {});
      await expect.poll(() => (existsSync(join(dataDir, 'logs', 'errors.log')) ? readFileSync(join(dataDir, 'logs', 'errors.log'), 'utf8') : '')).toContain('renderer: chart/whale-chart');
      expect(await page.locator('.error-banner').count()).toBe(0);
    } finally {
      await setLanguage(page, 'en').catch(() => undefined);
      await context.close();
    }
  });

  it('made readable PDFs from the Report screen, hostile names shown as text', () => {
    const pdf = join(outDir, 'edges-en.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Customer value report');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // A customer's name made of markup is printed as the text it is.
    expect(text).toContain(HOSTILE_NAMES[0]?.slice(0, 20));
  });

  it('builds the report with every section in all six languages on every workspace', async () => {
    for (const workspace of workspaces) {
      await callHarness(harness, 'workspace.open', { path: workspace.path });
      for (const locale of LOCALES) {
        const input = await harness.backend.reports.gather({ locale, pageSize: 'A4', sections: [...REPORT_SECTIONS] });
        const built = buildReportHtml(input);
        expect(built.html.length, `${workspace.name}/${locale}`).toBeGreaterThan(10_000);
        // What a reader sees: the text and the charts, without the embedded fonts' base64.
        const visible = built.html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/data:[^"')\s]+/g, '');
        expect(visible, `${workspace.name}/${locale}`).not.toMatch(/NaN|undefined|\[object Object\]|Infinity/);
      }
    }
  }, 240_000);
});
