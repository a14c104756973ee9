/**
 * Where the time of a grid sort and a dashboard switch goes, in Chromium: per action, the click,
 * the contract calls it made (sent, replied, parsed) and the frame in which the result shows, all
 * from the page's clock; with `--profile`, a CPU profile over the actions, its self time summed by
 * function and by script. Not part of `npm run bench`: a tool for looking into bench:ui's figures.
 *
 *   npx tsx bench/ui-profile.ts <workspace.vlw (analysed)> [--profile] [--rounds N] [--screens a,b] [--no-grid] [--renderer built-dir] [--shots dir]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { startHarness } from '../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../electron/services/paths';
import { launchChromium } from '../test/support/browser';
import { ensureDir } from './util';

const args = process.argv.slice(2);
const workspace = args[0];
if (!workspace) throw new Error('usage: ui-profile.ts <workspace.vlw> [--profile] [--rounds N] [--screens a,b]');
const profile = args.includes('--profile');
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 0) || 3;
const screens = args.includes('--screens') ? (args[args.indexOf('--screens') + 1] ?? '').split(',') : ['strategies', 'ladder', 'strategies', 'cohorts', 'ladder', 'cohorts', 'whatif', 'ladder', 'whatif'];
const skipGrid = args.includes('--no-grid');
const trace = args.includes('--trace');
const shots = args.includes('--shots') ? args[args.indexOf('--shots') + 1] : undefined;

const dir = ensureDir(join(tmpdir(), `vl-ui-profile-${process.pid}`));
const prebuilt = args.includes('--renderer') ? args[args.indexOf('--renderer') + 1] : undefined;
const rendererDir = prebuilt ?? join(dir, 'renderer');
if (!prebuilt) execFileSync(process.execPath, [join(SOURCE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'harness', '--logLevel', 'error', '--outDir', rendererDir, '--emptyOutDir'], { cwd: SOURCE_ROOT, stdio: 'inherit' });

const HELPERS = `
window.__p = {
  start: 0, calls: [],
  arm(type) {
    window.__p.calls = [];
    document.addEventListener(type, (e) => { window.__p.start = e.timeStamp; }, { capture: true, once: true });
  },
  until(check, timeout) {
    return new Promise((resolve, reject) => {
      const limit = performance.now() + timeout;
      const frame = (now) => {
        let ok = false; try { ok = check(); } catch {}
        if (ok) resolve(performance.now() - window.__p.start);
        else if (now > limit) reject(new Error('timeout ' + check));
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  },
};
const realFetch = window.fetch.bind(window);
window.fetch = async (url, init) => {
  const name = String(url).replace('/api/call/', '');
  const sent = performance.now();
  const response = await realFetch(url, init);
  const replied = performance.now();
  const json = response.json.bind(response);
  response.json = async () => { const v = await json(); window.__p.calls.push({ name, sent: sent - window.__p.start, replied: replied - window.__p.start, parsed: performance.now() - window.__p.start }); return v; };
  return response;
};
`;

const harness = await startHarness({ renderer: { dir: rendererDir }, dataDir: ensureDir(join(dir, 'data')), workspace });
const browser = await launchChromium();
const page: Page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
page.setDefaultTimeout(60_000);
await page.addInitScript(HELPERS);
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
await page.goto(harness.url);
await page.waitForFunction(() => !!document.querySelector('[data-testid=current-workspace] strong'));
const until = (check: string) => page.evaluate(`window.__p.until(() => ${check}, 30000)`) as Promise<number>;
const calls = () => page.evaluate('window.__p.calls') as Promise<{ name: string; sent: number; replied: number; parsed: number }[]>;
const show = (label: string, ms: number, list: Awaited<ReturnType<typeof calls>>) =>
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ${list.map((c) => `${c.name} ${c.sent.toFixed(0)}→${c.replied.toFixed(0)}→${c.parsed.toFixed(0)}`).join('; ')}`);

const cdp = await page.context().newCDPSession(page);
if (profile) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
}

/** Chromium's trace over one action: the renderer main thread's tasks and what they did, from the click. */
async function traced<T>(label: string, action: () => Promise<T>): Promise<T> {
  if (!trace) return action();
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => {
    events.push(...(value as unknown as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
  const result = await action();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  summarise(label, events);
  return result;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string; url?: string; functionName?: string } };
}

function summarise(label: string, events: TraceEvent[]): void {
  const click = events.find((e) => e.name === 'EventDispatch' && (e.args?.data?.type === 'click' || e.args?.data?.type === 'keydown'));
  if (!click) return console.log(`${label}: no click in trace`);
  const main = events.filter((e) => e.pid === click.pid && e.tid === click.tid && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= click.ts - 1000).sort((a, b) => a.ts - b.ts);
  const kinds = ['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'XHRLoad', 'ResourceReceiveResponse', 'Commit', 'RunMicrotasks', 'EvaluateScript', 'HitTest', 'ScheduleStyleRecalculation', 'UpdateLayer', 'ProfileCall'];
  console.log(`--- ${label}: main-thread tasks from the click (ms from click: start +duration: what)`);
  const totals = new Map<string, number>();
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if ((task.dur ?? 0) < 1000) continue;
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && kinds.includes(e.name));
    const parts = new Map<string, number>();
    for (const e of inside) {
      const key = e.name === 'FunctionCall' ? `JS` : e.name;
      // count only outermost of the same key
      if (inside.some((o) => o !== e && o.name === e.name && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.ts < e.ts || (o.dur ?? 0) > (e.dur ?? 0)))) continue;
      parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    for (const [k, v] of parts) totals.set(k, (totals.get(k) ?? 0) + v);
    const text = [...parts].filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    console.log(`  ${((task.ts - click.ts) / 1000).toFixed(1).padStart(7)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${text}`);
  }
  console.log(`  totals: ${[...totals].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
}

const firstRow = `document.querySelector('[data-testid=customers-grid] [role=row][row-index="0"][row-id]')?.getAttribute('row-id')`;
if (!skipGrid) {
  await page.click('[data-route=customers]');
  await until(`!!(${firstRow})`);
  if (profile) await cdp.send('Profiler.start');
  for (let round = 0; round < rounds; round++) {
    for (const column of ['currentProfit', 'orders', 'tier', 'name']) {
      const before = (await page.evaluate(firstRow)) as string;
      await page.evaluate(`window.__p.arm('click')`);
      const ms = await traced(`sort ${column}`, async () => { await page.click(`[data-testid=customers-grid] .ag-header-cell[col-id="${column}"]`); return until(`(${firstRow}) && (${firstRow}) !== ${JSON.stringify(before)} && document.querySelector('[data-testid=customers-grid] [role=row][row-index="0"] [col-id="${column}"]')?.textContent.trim() !== ''`).catch(() => Number.NaN); });
      await page.waitForTimeout(300);
      show(`sort ${column}`, ms, await calls());
    }
  }
  const search = page.locator('[data-testid=customer-search]');
  for (let round = 0; round < rounds; round++) {
    await page.click('[data-testid=filter-tier]');
    const before = (await page.evaluate(firstRow)) as string;
    await page.evaluate(`window.__p.arm('click')`);
    await page.click('[data-testid=filter-tier-mgc]');
    show('tier filter on', await until(`(${firstRow}) !== ${JSON.stringify(before)}`).catch(() => Number.NaN), await calls());
    await page.waitForTimeout(300);
    const after = (await page.evaluate(firstRow)) as string;
    await page.evaluate(`window.__p.arm('click')`);
    await page.click('[data-testid=filter-tier-mgc]');
    show('tier filter off', await until(`(${firstRow}) !== ${JSON.stringify(after)}`).catch(() => Number.NaN), await calls());
    await page.keyboard.press('Escape');
    await search.fill(`c-00${round + 4}`);
    const unfiltered = (await page.evaluate(firstRow)) as string;
    await page.evaluate(`window.__p.arm('keydown')`);
    await search.press('Enter');
    show('quick search', await until(`(${firstRow}) !== ${JSON.stringify(unfiltered)}`).catch(() => Number.NaN), await calls());
    await search.fill('');
    await search.press('Enter');
    await page.waitForTimeout(300);
  }
}

if (profile && skipGrid) await cdp.send('Profiler.start');
for (const route of screens) {
  await page.evaluate(`window.__p.arm('click')`);
  const ms = await traced(`switch to ${route}`, async () => { await page.click(`[data-route=${route}]`); return until(`(() => {
    const screen = document.querySelector('[data-testid="${route}-screen"]');
    if (!screen || screen.querySelector('[aria-busy=true]')) return false;
    for (const chart of screen.querySelectorAll('.chart')) if (chart.dataset.drawn !== 'true') return false;
    const grid = screen.querySelector('.ag-root-wrapper');
    if (grid && !grid.querySelector('.ag-row[row-id]:not(.ag-row-loading)') && !grid.querySelector('.ag-overlay-no-rows-wrapper')) return false;
    return true; })()`); });
  show(`switch to ${route}`, ms, await calls());
  if (shots) await page.screenshot({ path: join(ensureDir(shots), `${route}.png`) });
  await page.waitForTimeout(500);
}

if (profile) {
  const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  // The bundle's positions back to the sources (the harness build has source maps).
  const maps = new Map<string, SourceMapConsumer | null>();
  const original = (url: string, line: number, column: number): { source: string; name: string } | null => {
    const file = url.replace(/^.*\/assets\//, '');
    if (!maps.has(file)) {
      const path = join(rendererDir, 'assets', `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null);
    }
    const map = maps.get(file);
    if (!map) return null;
    const at = map.originalPositionFor({ line: line + 1, column });
    if (!at.source) return null;
    const source = at.source.replace(/^.*node_modules\//, '').replace(/^(@[^/]+\/[^/]+|[^/]+)\/.*$/, '$1').replace(/^\.\.\/.*?src\//, 'renderer/');
    return { source, name: `${at.name ?? '?'} ${at.source.replace(/^.*node_modules\//, '')}:${at.line}` };
  };
  writeFileSync(join(dir, 'profile.cpuprofile'), JSON.stringify(cpu));
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const byScript = new Map<string, number>();
  cpu.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (cpu.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const mapped = url.includes('/assets/') ? original(url, lineNumber, columnNumber) : null;
    const script = mapped?.source ?? (url.replace(/^.*\//, '') || functionName);
    const name = mapped ? `${functionName} → ${mapped.name}` : `${functionName || '(anon)'} ${script}:${lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    byScript.set(script, (byScript.get(script) ?? 0) + dt);
  });
  console.log('\nself time by script (ms):');
  for (const [name, ms] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
  console.log('self time by function (ms):');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms.toFixed(0).padStart(7)}  ${name}`);
  console.log(`profile: ${join(dir, 'profile.cpuprofile')}`);
}
await browser.close();
await harness.close();
