/**
 * The customers of a stored analysis run as people see them: one row per customer with every
 * metric and decision, sorted and filtered for the grid, and one customer in full for the
 * drill-down (list-export.ts writes the lists a manager acts on).
 */
import type { AnalysisSummary } from '../../../shared/analytics/analyze';
import { NO_DAY } from '../../../shared/analytics/dataset';
import { TIERS } from '../../../shared/analytics/ladder';
import { LIFECYCLE_STAGES } from '../../../shared/analytics/lifecycle';
import { QUADRANTS } from '../../../shared/analytics/quadrants';
import { RFM_SEGMENTS } from '../../../shared/analytics/rfm';
import { sampleScatter } from '../../../shared/analytics/scatter-sample';
import { REASONS, STRATEGIES, type ReasonValues } from '../../../shared/analytics/strategies';
import type { CustomerDetail, CustomerFilter, CustomerPage } from '../../../shared/domain/analysis';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import { normalizeCustomerKey } from '../../../shared/domain/customer-key';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import type { ScatterReply } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { findCustomerId, readCustomerNames, readCustomerOrders, readRunColumns, type ColumnArray, type StoredRun } from '../../db/analysis-store';
import type { SqliteDatabase } from '../../db/sqlite';
import { orderByKey, Recent, restrictTo, reverseOrder } from './customer-order';

type Value = string | number | boolean | null;
type ColumnType = CustomerPage['columns'][number]['type'];

const NONE = 255;

interface ColumnDef {
  key: string;
  type: ColumnType;
  value(row: number): Value;
  /** The sort key of every customer (NaN when missing): numbers, days, a code's place in its list, a text's rank. */
  sortKey(): Float64Array;
}

type Sort = { column: string; direction: 'asc' | 'desc' };

/** What the grid asked for before, kept with the run so that sorting and paging do not start over. */
interface RunCache {
  /** Each column's sort keys, built when first sorted by. */
  keys: Map<string, Float64Array>;
  /** Every member's ascending order by a column (the descending one is derived from it). */
  orders: Map<string, Int32Array>;
  /** The members passing a filter (by its JSON). */
  filters: Recent<Int32Array>;
  /** A filter's members in a sort order. */
  views: Recent<Int32Array>;
  /** Lower-cased ids and names for the quick search. */
  lower: { labels: string[]; names: string[] } | null;
  /** The Strategies scatter's sample (undefined until asked for; null when the run cannot have one). */
  scatter?: ScatterReply | null;
}

/** A stored run's columns with the customers' names, loaded once per run. */
export interface LoadedRun {
  run: StoredRun;
  summary: AnalysisSummary;
  columns: Record<string, ColumnArray>;
  labels: string[];
  names: (string | null)[];
  /** Customer indexes in the analysis (with a tier), in index order. */
  members: Int32Array;
  defs: ColumnDef[];
  cache: RunCache;
}

/** Ranks of texts in code-unit order (equal texts share a rank), NaN for none. */
function textRanks(texts: readonly (string | null | undefined)[]): Float64Array {
  const ranks = new Float64Array(texts.length).fill(Number.NaN);
  const present = Int32Array.from({ length: texts.length }, (_, i) => i).filter((i) => typeof texts[i] === 'string');
  present.sort((a, b) => {
    const x = texts[a] as string;
    const y = texts[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  let rank = -1;
  let previous: string | null = null;
  for (const i of present) {
    const text = texts[i] as string;
    if (text !== previous) {
      rank++;
      previous = text;
    }
    ranks[i] = rank;
  }
  return ranks;
}

export function loadRun(db: SqliteDatabase, run: StoredRun): LoadedRun {
  const columns = readRunColumns(db, run.runId);
  const ids = columns.customerId as Int32Array;
  const known = readCustomerNames(db);
  const labels = Array.from(ids, (id) => known.get(id)?.label ?? String(id));
  const names = Array.from(ids, (id) => known.get(id)?.name ?? null);
  const tier = columns.tier as Uint8Array;
  const members = Int32Array.from(Array.from({ length: ids.length }, (_, c) => c).filter((c) => tier[c] !== NONE));
  const summary = run.summary as AnalysisSummary;
  const count = ids.length;
  const num = (name: string): Pick<ColumnDef, 'value' | 'sortKey'> => ({
    value: (row) => {
      const value = (columns[name] as ColumnArray | undefined)?.[row];
      return value === undefined || Number.isNaN(value) ? null : value;
    },
    sortKey: () => {
      const column = columns[name] as ColumnArray | undefined;
      return column ? Float64Array.from(column) : new Float64Array(count).fill(Number.NaN);
    },
  });
  // Codes sort in their list's order (the ladder from the top, the quadrants, …), not by their words.
  const code = (name: string, list: readonly string[]): Pick<ColumnDef, 'value' | 'sortKey'> => ({
    value: (row) => list[(columns[name] as Uint8Array)[row] as number] ?? null,
    sortKey: () => Float64Array.from(columns[name] as Uint8Array, (index) => (index < list.length ? index : Number.NaN)),
  });
  const date = (name: string): Pick<ColumnDef, 'value' | 'sortKey'> => ({
    value: (row) => {
      const day = (columns[name] as Int32Array)[row] as number;
      return day === NO_DAY ? null : isoFromEpochDay(day);
    },
    sortKey: () => Float64Array.from(columns[name] as Int32Array, (day) => (day === NO_DAY ? Number.NaN : day)),
  });
  const text = (list: readonly (string | null)[]): Pick<ColumnDef, 'value' | 'sortKey'> => ({ value: (row) => list[row] ?? null, sortKey: () => textRanks(list) });
  const defs: ColumnDef[] = [
    { key: 'customer', type: 'text', ...text(labels) },
    { key: 'name', type: 'text', ...text(names) },
    { key: 'tier', type: 'code', ...code('tier', TIERS) },
    { key: 'quadrant', type: 'code', ...code('quadrant', QUADRANTS) },
    { key: 'strategy', type: 'code', ...code('strategy', STRATEGIES) },
    { key: 'reason', type: 'code', ...code('reason', REASONS) },
    { key: 'rfmSegment', type: 'code', ...code('rfmSegment', RFM_SEGMENTS) },
    { key: 'lifecycle', type: 'code', ...code('lifecycle', LIFECYCLE_STAGES) },
    { key: 'active', type: 'boolean', value: (row) => (columns.active as Uint8Array)[row] === 1, sortKey: () => Float64Array.from(columns.active as Uint8Array, (active) => (active === 1 ? 1 : 0)) },
    { key: 'currentRevenue', type: 'money', ...num('currentRevenue') },
    { key: 'currentMargin', type: 'money', ...num('currentMargin') },
    { key: 'currentCostToServe', type: 'money', ...num('currentCostToServe') },
    { key: 'currentProfit', type: 'money', ...num('currentProfit') },
    { key: 'future', type: 'money', ...num('future') },
    { key: 'growth', type: 'money', ...num('growth') },
    { key: 'revenue', type: 'money', ...num('revenue') },
    { key: 'grossMargin', type: 'money', ...num('grossMargin') },
    { key: 'costToServe', type: 'money', ...num('costToServe') },
    { key: 'contribution', type: 'money', ...num('contribution') },
    { key: 'orders', type: 'integer', ...num('orders') },
    { key: 'currentOrders', type: 'integer', ...num('currentOrders') },
    { key: 'averageOrder', type: 'money', ...num('averageOrder') },
    { key: 'recencyDays', type: 'integer', ...num('recencyDays') },
    { key: 'tenureDays', type: 'integer', ...num('tenureDays') },
    { key: 'firstDate', type: 'date', ...date('firstDay') },
    { key: 'lastDate', type: 'date', ...date('lastDay') },
    { key: 'rfmRecency', type: 'integer', ...num('rfmRecency') },
    { key: 'rfmFrequency', type: 'integer', ...num('rfmFrequency') },
    { key: 'rfmMonetary', type: 'integer', ...num('rfmMonetary') },
    { key: 'crossSellMissing', type: 'integer', ...num('crossSellMissing') },
    { key: 'crossSellPotential', type: 'money', ...num('crossSellPotential') },
    { key: 'nextContact', type: 'date', ...date('nextContact') },
  ];
  return { run, summary, columns, labels, names, members, defs, cache: { keys: new Map(), orders: new Map(), filters: new Recent(16), views: new Recent(16), lower: null } };
}

/**
 * The Strategies scatter: every member's current (x) against future profit (y) by quadrant,
 * sampled (shared/analytics/scatter-sample.ts), with the customers' ids for the tooltip. Computed
 * once per run; null when the run has no profits or quadrants.
 */
export function scatter(loaded: LoadedRun): ScatterReply | null {
  if (loaded.cache.scatter !== undefined) return loaded.cache.scatter;
  const { currentProfit, future, quadrant } = loaded.columns;
  let reply: ScatterReply | null = null;
  if (currentProfit && future && quadrant) {
    const sample = sampleScatter(currentProfit, future, quadrant, QUADRANTS.length, loaded.members);
    reply = {
      runId: loaded.run.runId,
      quadrants: QUADRANTS.map((name, index) => {
        const chosen = sample.chosen[index] ?? new Int32Array(0);
        const points = new Array<number>(chosen.length * 2);
        const customers = new Array<string>(chosen.length);
        for (let j = 0; j < chosen.length; j++) {
          const row = chosen[j] as number;
          points[2 * j] = currentProfit[row] as number;
          points[2 * j + 1] = future[row] as number;
          customers[j] = loaded.labels[row] ?? '';
        }
        return { quadrant: name, points, customers };
      }),
      view: sample.view,
      shown: sample.shown,
      plotted: sample.plotted,
      total: loaded.members.length,
    };
  }
  loaded.cache.scatter = reply;
  return reply;
}

function codeFilter(list: readonly string[] | undefined, names: readonly string[]): Set<number> | null {
  return list && list.length > 0 ? new Set(list.map((name) => names.indexOf(name)).filter((index) => index >= 0)) : null;
}

/** The filter with empty parts left out and lists in a fixed order, as a cache key. */
function filterKey(filter: CustomerFilter): string {
  const parts: [string, unknown][] = [];
  for (const [name, value] of Object.entries(filter).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (name === 'search') {
      const search = (value as string).trim().toLowerCase();
      if (search) parts.push([name, search]);
    } else parts.push([name, Array.isArray(value) ? [...(value as string[])].sort() : value]);
  }
  return JSON.stringify(parts);
}

/** The customer indexes passing a filter, in index order (kept for the run: the same filter again costs nothing). */
export function filterCustomers(loaded: LoadedRun, filter: CustomerFilter = {}): Int32Array {
  const key = filterKey(filter);
  if (key === '[]') return loaded.members;
  return loaded.cache.filters.get(key, () => computeFilter(loaded, filter));
}

function computeFilter(loaded: LoadedRun, filter: CustomerFilter): Int32Array {
  const { columns, members } = loaded;
  const checks: ((row: number) => boolean)[] = [];
  const byCode = (column: string, set: Set<number> | null) => {
    if (set) checks.push((row) => set.has((columns[column] as Uint8Array)[row] as number));
  };
  byCode('tier', codeFilter(filter.tier, TIERS));
  byCode('quadrant', codeFilter(filter.quadrant, QUADRANTS));
  byCode('strategy', codeFilter(filter.strategy, STRATEGIES));
  byCode('rfmSegment', codeFilter(filter.rfmSegment, RFM_SEGMENTS));
  byCode('lifecycle', codeFilter(filter.lifecycle, LIFECYCLE_STAGES));
  if (filter.active !== undefined) checks.push((row) => ((columns.active as Uint8Array)[row] === 1) === filter.active);
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    loaded.cache.lower ??= { labels: loaded.labels.map((label) => label.toLowerCase()), names: loaded.names.map((name) => (name ?? '').toLowerCase()) };
    const { labels, names } = loaded.cache.lower;
    checks.push((row) => (labels[row] as string).includes(search) || (names[row] as string).includes(search));
  }
  if (checks.length === 0) return members;
  return members.filter((row) => checks.every((check) => check(row)));
}

function columnDef(loaded: LoadedRun, key: string): ColumnDef {
  const def = loaded.defs.find((candidate) => candidate.key === key);
  if (!def) throw new AppError('unknownSortColumn', { column: key });
  return def;
}

/** A column's sort keys and every member's ascending order by it, computed once per run. */
function ascendingOrder(loaded: LoadedRun, column: string): { keys: Float64Array; order: Int32Array } {
  let keys = loaded.cache.keys.get(column);
  if (!keys) {
    keys = columnDef(loaded, column).sortKey();
    loaded.cache.keys.set(column, keys);
  }
  let order = loaded.cache.orders.get(column);
  if (!order) {
    order = orderByKey(loaded.members, keys, 'asc');
    loaded.cache.orders.set(column, order);
  }
  return { keys, order };
}

/** Every member in a column's order. */
function memberOrder(loaded: LoadedRun, sort: Sort): Int32Array {
  const { keys, order } = ascendingOrder(loaded, sort.column);
  return sort.direction === 'asc' ? order : reverseOrder(order, keys);
}

/** The background work on a run's orders waits until the grid has asked nothing for this long. */
const PREPARE_AFTER_QUIET_MS = 1_000;

/**
 * Works out every column's order in the background, one column per turn, so that a later first
 * sort by any column only has to read a page. It works only while the grid is quiet (`lastAsked`
 * at least PREPARE_AFTER_QUIET_MS ago): each step holds the main thread for 5–35 ms, and steps
 * taken while the person sorts and filters made their first sorts wait (an order computed on
 * demand costs the same 5–35 ms once). Stops when `current()` turns false (another run was loaded).
 */
export function prepareOrders(loaded: LoadedRun, current: () => boolean, lastAsked: () => number): void {
  const pending = loaded.defs.map((def) => def.key);
  const step = () => {
    if (pending.length === 0 || !current()) return;
    const quietFor = performance.now() - lastAsked();
    if (quietFor < PREPARE_AFTER_QUIET_MS) {
      setTimeout(step, PREPARE_AFTER_QUIET_MS - quietFor).unref();
      return;
    }
    ascendingOrder(loaded, pending.shift() as string);
    setImmediate(step);
  };
  setTimeout(step, PREPARE_AFTER_QUIET_MS).unref();
}

/** Indexes sorted by a column (nulls last); ties by index so that paging is stable. `rows` must be members in index order (as filterCustomers gives). */
export function sortCustomers(loaded: LoadedRun, rows: Int32Array, sort?: Sort): Int32Array {
  if (!sort) return rows;
  return restrictTo(memberOrder(loaded, sort), rows, loaded.labels.length);
}

/** The customers passing a filter in a sort order, kept for the run (the grid pages through it). */
export function customerView(loaded: LoadedRun, filter: CustomerFilter | undefined, sort: Sort | undefined): Int32Array {
  const key = `${filterKey(filter ?? {})}|${sort ? `${sort.column}:${sort.direction}` : ''}`;
  return loaded.cache.views.get(key, () => sortCustomers(loaded, filterCustomers(loaded, filter), sort));
}

/** Rows [offset, offset + limit) of a view, with every column or only the chosen ones (keys the run does not have are left out). */
export function page(loaded: LoadedRun, rows: Int32Array, offset: number, limit: number, only?: readonly string[]): CustomerPage {
  const slice = rows.subarray(offset, offset + limit);
  const defs = only ? only.map((key) => loaded.defs.find((def) => def.key === key)).filter((def): def is ColumnDef => def !== undefined) : loaded.defs;
  return {
    runId: loaded.run.runId,
    asOf: loaded.summary.asOf,
    columns: defs.map(({ key, type }) => ({ key, type })),
    rows: Array.from(slice, (row) => defs.map((def) => def.value(row))),
    total: rows.length,
    offset,
  };
}

export function reasonValues(loaded: LoadedRun, row: number, settings: AnalysisSettings): ReasonValues {
  const value = (name: string) => ((loaded.columns[name] as ColumnArray | undefined)?.[row] as number | undefined) ?? 0;
  return {
    profit: value('currentProfit'),
    margin: value('currentMargin'),
    costToServe: value('currentCostToServe'),
    future: value('future'),
    recencyDays: value('recencyDays'),
    inactivityDays: loaded.summary.inactivityDays,
    lifetimeProfit: value('contribution'),
    previousRevenue: value('previousRevenue'),
    revenue: value('currentRevenue'),
    recentRevenue: value('recentHalfRevenue'),
    earlierRevenue: value('earlierHalfRevenue'),
    months: settings.currentWindowMonths,
  };
}

/** Rows [from, to) of a list sorted by customer where `customer[i] === row`. */
function rangeOf(customer: Int32Array, row: number): [number, number] {
  let lo = 0;
  let hi = customer.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((customer[mid] as number) < row) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < customer.length && customer[end] === row) end++;
  return [lo, end];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function customerDetail(db: SqliteDatabase, loaded: LoadedRun, customer: string, settings: AnalysisSettings): CustomerDetail {
  const id = findCustomerId(db, customer, normalizeCustomerKey(customer));
  const ids = loaded.columns.customerId as Int32Array;
  const row = id === null ? -1 : ids.indexOf(id);
  if (row < 0) throw new AppError('customerMissing', { customer });
  const values = Object.fromEntries(loaded.defs.map((def) => [def.key, def.value(row)]));
  const tier = (loaded.columns.tier as Uint8Array)[row] as number;
  const numeric = loaded.defs.filter((def) => def.type === 'money' || def.type === 'integer');
  const sameTier = Array.from(loaded.members).filter((other) => (loaded.columns.tier as Uint8Array)[other] === tier);
  const tierMedians = Object.fromEntries(numeric.map((def) => [def.key, median(sameTier.map((other) => def.value(other)).filter((value): value is number => typeof value === 'number'))]));
  const offers = loaded.columns.offerCustomer as Int32Array;
  const [from, to] = rangeOf(offers, row);
  const itemLabels = loaded.summary.crossSell.itemLabels;
  const missingItems = [];
  for (let i = from; i < to; i++) {
    missingItems.push({ item: itemLabels[(loaded.columns.offerItem as Int32Array)[i] as number] ?? '?', rank: (loaded.columns.offerRank as Int32Array)[i] as number, score: (loaded.columns.offerScore as Float64Array)[i] as number });
  }
  const asOf = loaded.run.asOf;
  const orders = readCustomerOrders(db, id as number, asOf, settings.defaultMarginRate).map((order) => ({ date: isoFromEpochDay(order.day), amount: order.amount, margin: order.margin, lines: order.lines }));
  const next = (loaded.columns.nextContact as Int32Array)[row] as number;
  return {
    customer: loaded.labels[row] ?? customer,
    name: loaded.names[row] ?? null,
    values,
    reasonValues: { ...reasonValues(loaded, row, settings) },
    tierMedians,
    orders,
    missingItems,
    nextContact: next === NO_DAY ? null : isoFromEpochDay(next),
  };
}

