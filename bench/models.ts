/**
 * Issue 6's targets for the customer-base models, on the CDNOW master (23,570 customers, weeks, the
 * whole period, no holdout): summary + BG/NBD fit + Gamma-Gamma fit + 12-month CLV of every
 * customer (margin 100 %, 1 %/month) in ≤ 0.05 s; the same on the master replicated 16× (377,120
 * customers, 1,114,544 rows) in ≤ 0.7 s and ≤ 300 MB (in a process of its own, so that its peak
 * memory is its own); the Pareto/NBD fit alone on the master in ≤ 0.3 s.
 * The CSV is parsed outside the timed part: timing starts from the transaction columns.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fitBgNbd } from '../shared/analytics/models/bgnbd';
import { customerLifetimeValue } from '../shared/analytics/models/clv';
import { fitGammaGamma, gammaGammaExpectedSpendCustomers } from '../shared/analytics/models/gamma-gamma';
import { fitModels } from '../shared/analytics/models/index';
import { fitParetoNbd } from '../shared/analytics/models/pareto-nbd';
import { compressRfm, rfmData } from '../shared/analytics/models/rows';
import { rfmSummary, type TransactionColumns } from '../shared/analytics/models/summary';
import { epochDayFromIso } from '../shared/domain/dates';
import { CDNOW_MASTER, loadCdnow, replicate } from '../test/support/cdnow';
import { join } from 'node:path';
import { SOURCE_ROOT } from '../electron/services/paths';
import { ensureDir, report, timeMedian } from './util';

const OBSERVATION_END = epochDayFromIso('1998-06-30');
const STAGES = ['summary', 'unique (x, t_x, T) rows', 'BG/NBD fit', 'Gamma-Gamma fit', '12-month CLV of every customer'] as const;
type Stage = (typeof STAGES)[number];

/** The timed chain, stage by stage; returns ms per stage and a few figures to show it did the work. */
function pipeline(tx: TransactionColumns): { ms: Record<Stage, number>; total: number; customers: number; rows: number; equity: number; converged: boolean } {
  const ms = {} as Record<Stage, number>;
  const start = performance.now();
  let t = start;
  const lap = (stage: Stage): void => {
    const now = performance.now();
    ms[stage] = now - t;
    t = now;
  };
  const summary = rfmSummary(tx, { unit: 'week', calibrationEnd: OBSERVATION_END });
  lap('summary');
  const rows = compressRfm(rfmData(summary));
  lap('unique (x, t_x, T) rows');
  const bg = fitBgNbd(rows);
  lap('BG/NBD fit');
  const gg = fitGammaGamma(summary.frequency, summary.monetary, summary.included);
  lap('Gamma-Gamma fit');
  const spend = gammaGammaExpectedSpendCustomers(gg.params, summary.frequency, summary.monetary, summary.included, gg.meanSpend);
  const clv = customerLifetimeValue({ model: 'bgnbd', params: bg.params }, rows, spend, { unitDays: summary.unitDays, horizonMonths: 12, margin: 1, monthlyDiscountRate: 0.01 });
  lap('12-month CLV of every customer');
  return { ms, total: t - start, customers: summary.includedCount, rows: rows.count, equity: clv.total, converged: bg.converged && gg.converged };
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Runs the pipeline `runs` times; the first run (cold JIT) is reported on its own. */
function measure(tx: TransactionColumns, runs: number): { first: number; median: number; stages: Record<Stage, number>; last: ReturnType<typeof pipeline> } {
  const results: ReturnType<typeof pipeline>[] = [];
  for (let i = 0; i < runs; i++) results.push(pipeline(tx));
  const warm = results.length > 1 ? results.slice(1) : results;
  const stages = {} as Record<Stage, number>;
  for (const s of STAGES) stages[s] = medianOf(warm.map((r) => r.ms[s]));
  return { first: (results[0] as ReturnType<typeof pipeline>).total, median: medianOf(warm.map((r) => r.total)), stages, last: results[results.length - 1] as ReturnType<typeof pipeline> };
}

/** The 16× run in a process of its own: prints one JSON line. */
function child(): void {
  const master = loadCdnow(CDNOW_MASTER);
  const big = replicate(master, 16);
  const rssBeforeMb = process.memoryUsage().rss / 1_048_576;
  const m = measure(big, 6);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  // The same rows in a random order (after the memory reading): the summary sorts them first (two counting sorts).
  const order = Uint32Array.from({ length: big.customer.length }, (_, i) => i);
  let seed = 12345;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  const shuffled: TransactionColumns = {
    customer: Int32Array.from(order, (i) => big.customer[i] as number),
    day: Int32Array.from(order, (i) => big.day[i] as number),
    amount: Float64Array.from(order, (i) => big.amount[i] as number),
    customerCount: big.customerCount,
  };
  const shuffledTimes: number[] = [];
  for (let k = 0; k < 4; k++) {
    const t0 = performance.now();
    rfmSummary(shuffled, { unit: 'week', calibrationEnd: OBSERVATION_END });
    shuffledTimes.push(performance.now() - t0);
  }
  console.log(JSON.stringify({ rows: big.customer.length, customers: m.last.customers, uniqueRows: m.last.rows, first: m.first, median: m.median, stages: m.stages, converged: m.last.converged, shuffledSummary: medianOf(shuffledTimes.slice(1)), rssBeforeMb, maxRssMb }));
}

export async function modelsBench(_dir: string): Promise<void> {
  const master = loadCdnow(CDNOW_MASTER);
  const m = measure(master, 11);
  report(`CDNOW master: ${m.last.customers.toLocaleString('en')} customers → ${m.last.rows.toLocaleString('en')} unique rows`, master.customer.length, 'rows');
  report('  summary + BG/NBD + Gamma-Gamma + 12-month CLV (median)', m.median, 'ms', '≤ 50 ms');
  for (const s of STAGES) report(`    ${s}`, m.stages[s], 'ms');
  report('  the same, first run (cold JIT)', m.first, 'ms');
  report('  fitModels (the same chain + P(alive), one call)', await timeMedian(5, () => fitModels(master, { calibrationEnd: OBSERVATION_END })), 'ms');
  if (!m.last.converged) console.log('  warning: a fit did not converge');

  const rows = compressRfm(rfmData(rfmSummary(master, { unit: 'week', calibrationEnd: OBSERVATION_END })));
  let pareto = fitParetoNbd(rows);
  const paretoMs = await timeMedian(5, () => {
    pareto = fitParetoNbd(rows);
  });
  report(`  Pareto/NBD fit alone (LL ${pareto.logLikelihood.toFixed(4)}, ${pareto.iterations} iterations)`, paretoMs, 'ms', '≤ 300 ms');

  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--models-child'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`models bench child failed: ${run.stderr}`);
  const big = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { rows: number; customers: number; uniqueRows: number; first: number; median: number; stages: Record<Stage, number>; converged: boolean; shuffledSummary: number; rssBeforeMb: number; maxRssMb: number };
  report(`CDNOW master ×16: ${big.customers.toLocaleString('en')} customers → ${big.uniqueRows.toLocaleString('en')} unique rows`, big.rows, 'rows');
  report('  summary + BG/NBD + Gamma-Gamma + 12-month CLV (median)', big.median, 'ms', '≤ 700 ms');
  for (const s of STAGES) report(`    ${s}`, big.stages[s], 'ms');
  report('  the same, first run (cold JIT)', big.first, 'ms');
  report('  summary of the same rows in a random order', big.shuffledSummary, 'ms');
  report('  peak memory (Node, tsx, parse, 16× columns, 6 runs)', big.maxRssMb, 'MB', '≤ 300 MB');
  report('    of which before the first run', big.rssBeforeMb, 'MB');
}

if (process.argv.includes('--models-child') && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) child();

/** Issue 6: time from the workspace's transactions to stored per-customer CLV, stage by stage (CDNOW master, app worker). */
export async function clvBench(dir: string): Promise<void> {
  ensureDir(dir);
  const built = spawnSync(process.execPath, [join(SOURCE_ROOT, 'scripts', 'build.mjs')], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(SOURCE_ROOT, 'bench', 'clv-child.ts'), join(dir, 'cdnow.vlw'), join(SOURCE_ROOT, 'dist', 'electron', 'worker.mjs')], { cwd: SOURCE_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`clv bench failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { stages: Record<string, number>; source: string; timings: { stage: string; ms: number }[] };
  report(`CDNOW master in a workspace → stored CLV (${result.source})`, Object.values(result.stages).reduce((a, b) => a + b, 0), 'ms');
  for (const [stage, ms] of Object.entries(result.stages)) report(`  ${stage}`, ms, 'ms');
  for (const { stage, ms } of result.timings) report(`    ${stage}`, ms, 'ms');
}
