/**
 * The customers of a stored analysis run as people see them: one row per customer with every
 * metric and decision, sorted and filtered for the grid, one customer in full for the drill-down,
 * and the lists a manager acts on written as CSV or iCalendar.
 */
import { writeFileSync } from 'node:fs';
import type { AnalysisSummary } from '../../../shared/analytics/analyze';
import { CONTACT_REASONS } from '../../../shared/analytics/contacts';
import { toCsv, toICalendar } from '../../../shared/analytics/exports';
import { TIERS } from '../../../shared/analytics/ladder';
import { LIFECYCLE_STAGES } from '../../../shared/analytics/lifecycle';
import { QUADRANTS } from '../../../shared/analytics/quadrants';
import { RFM_SEGMENTS } from '../../../shared/analytics/rfm';
import { describeReason, REASONS, STRATEGIES, type Reason, type ReasonValues } from '../../../shared/analytics/strategies';
import type { CustomerDetail, CustomerFilter, CustomerPage, ExportList } from '../../../shared/domain/analysis';
import { isoFromEpochDay } from '../../../shared/domain/dates';
import { normalizeCustomerKey } from '../../../shared/domain/customer-key';
import type { AnalysisSettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/errors';
import { findCustomerId, readCustomerNames, readCustomerOrders, readRunColumns, type ColumnArray, type StoredRun } from '../../db/analysis-store';
import type { SqliteDatabase } from '../../db/sqlite';

type Value = string | number | boolean | null;
type ColumnType = CustomerPage['columns'][number]['type'];

const NONE = 255;
const NO_DAY = -2147483648;

interface ColumnDef {
  key: string;
  type: ColumnType;
  value(row: number): Value;
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
  const num = (name: string) => (row: number): Value => {
    const value = (columns[name] as ColumnArray | undefined)?.[row];
    return value === undefined || Number.isNaN(value) ? null : value;
  };
  const code = (name: string, list: readonly string[]) => (row: number): Value => list[(columns[name] as Uint8Array)[row] as number] ?? null;
  const date = (name: string) => (row: number): Value => {
    const day = (columns[name] as Int32Array)[row] as number;
    return day === NO_DAY ? null : isoFromEpochDay(day);
  };
  const defs: ColumnDef[] = [
    { key: 'customer', type: 'text', value: (row) => labels[row] ?? null },
    { key: 'name', type: 'text', value: (row) => names[row] ?? null },
    { key: 'tier', type: 'code', value: code('tier', TIERS) },
    { key: 'quadrant', type: 'code', value: code('quadrant', QUADRANTS) },
    { key: 'strategy', type: 'code', value: code('strategy', STRATEGIES) },
    { key: 'reason', type: 'code', value: code('reason', REASONS) },
    { key: 'rfmSegment', type: 'code', value: code('rfmSegment', RFM_SEGMENTS) },
    { key: 'lifecycle', type: 'code', value: code('lifecycle', LIFECYCLE_STAGES) },
    { key: 'active', type: 'boolean', value: (row) => (columns.active as Uint8Array)[row] === 1 },
    { key: 'currentRevenue', type: 'money', value: num('currentRevenue') },
    { key: 'currentMargin', type: 'money', value: num('currentMargin') },
    { key: 'currentCostToServe', type: 'money', value: num('currentCostToServe') },
    { key: 'currentProfit', type: 'money', value: num('currentProfit') },
    { key: 'future', type: 'money', value: num('future') },
    { key: 'growth', type: 'money', value: num('growth') },
    { key: 'revenue', type: 'money', value: num('revenue') },
    { key: 'grossMargin', type: 'money', value: num('grossMargin') },
    { key: 'costToServe', type: 'money', value: num('costToServe') },
    { key: 'contribution', type: 'money', value: num('contribution') },
    { key: 'orders', type: 'integer', value: num('orders') },
    { key: 'currentOrders', type: 'integer', value: num('currentOrders') },
    { key: 'averageOrder', type: 'money', value: num('averageOrder') },
    { key: 'recencyDays', type: 'integer', value: num('recencyDays') },
    { key: 'tenureDays', type: 'integer', value: num('tenureDays') },
    { key: 'firstDate', type: 'date', value: date('firstDay') },
    { key: 'lastDate', type: 'date', value: date('lastDay') },
    { key: 'rfmRecency', type: 'integer', value: num('rfmRecency') },
    { key: 'rfmFrequency', type: 'integer', value: num('rfmFrequency') },
    { key: 'rfmMonetary', type: 'integer', value: num('rfmMonetary') },
    { key: 'crossSellMissing', type: 'integer', value: num('crossSellMissing') },
    { key: 'crossSellPotential', type: 'money', value: num('crossSellPotential') },
    { key: 'nextContact', type: 'date', value: date('nextContact') },
  ];
  return { run, summary, columns, labels, names, members, defs };
}

function codeFilter(list: readonly string[] | undefined, names: readonly string[]): Set<number> | null {
  return list && list.length > 0 ? new Set(list.map((name) => names.indexOf(name)).filter((index) => index >= 0)) : null;
}

/** The customer indexes passing a filter, in index order. */
export function filterCustomers(loaded: LoadedRun, filter: CustomerFilter = {}): Int32Array {
  const { columns, labels, names, members } = loaded;
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
  if (search) checks.push((row) => (labels[row] ?? '').toLowerCase().includes(search) || (names[row] ?? '').toLowerCase().includes(search));
  if (checks.length === 0) return members;
  return members.filter((row) => checks.every((check) => check(row)));
}

/** Indexes sorted by a column (nulls last); ties by index so that paging is stable. */
export function sortCustomers(loaded: LoadedRun, rows: Int32Array, sort?: { column: string; direction: 'asc' | 'desc' }): Int32Array {
  if (!sort) return rows;
  const def = loaded.defs.find((candidate) => candidate.key === sort.column);
  if (!def) throw new AppError('invalid_input', `The customers have no column "${sort.column}" to sort by.`);
  const keys = new Map<number, Value>();
  for (const row of rows) keys.set(row, def.value(row));
  const sign = sort.direction === 'desc' ? -1 : 1;
  return Int32Array.from(rows).sort((a, b) => {
    const x = keys.get(a) ?? null;
    const y = keys.get(b) ?? null;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return order * sign || a - b;
  });
}

export function page(loaded: LoadedRun, rows: Int32Array, offset: number, limit: number): CustomerPage {
  const slice = rows.subarray(offset, offset + limit);
  return {
    runId: loaded.run.runId,
    asOf: loaded.summary.asOf,
    columns: loaded.defs.map(({ key, type }) => ({ key, type })),
    rows: Array.from(slice, (row) => loaded.defs.map((def) => def.value(row))),
    total: rows.length,
    offset,
  };
}

function reasonValues(loaded: LoadedRun, row: number, settings: AnalysisSettings): ReasonValues {
  const value = (name: string) => ((loaded.columns[name] as ColumnArray | undefined)?.[row] as number | undefined) ?? 0;
  return {
    profit: value('currentProfit'),
    margin: value('currentMargin'),
    costToServe: value('currentCostToServe'),
    future: value('future'),
    recencyDays: value('recencyDays'),
    inactivityDays: loaded.summary.inactivityDays,
    previousProfit: value('previousProfit'),
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
  if (row < 0) throw new AppError('not_found', `There is no customer "${customer}" in the last analysis.`, { hint: 'Analyse the workspace again if the customer was imported since.' });
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

const money = (value: number) => value.toFixed(2);

/** Writes one of the action lists of a run, for the customers passing the filter. */
export function exportList(loaded: LoadedRun, list: ExportList, path: string, filter: CustomerFilter | undefined, settings: AnalysisSettings): { path: string; rows: number } {
  const chosen = filterCustomers(loaded, filter);
  const included = new Uint8Array(loaded.labels.length);
  for (const row of chosen) included[row] = 1;
  const reasonText = (row: number) => {
    const code = REASONS[(loaded.columns.reason as Uint8Array)[row] as number];
    return code ? describeReason(code as Reason, reasonValues(loaded, row, settings), money) : '';
  };
  let text: string;
  let rows: number;
  if (list === 'customers') {
    const headers = [...loaded.defs.map((def) => def.key), 'reasonText'];
    const cell = (def: ColumnDef, row: number) => {
      const value = def.value(row);
      if (typeof value === 'boolean') return value ? 'yes' : 'no';
      return def.type === 'money' && typeof value === 'number' ? Math.round(value * 100) / 100 : value;
    };
    const body = Array.from(chosen, (row) => [...loaded.defs.map((def) => cell(def, row)), reasonText(row)]);
    rows = body.length;
    text = toCsv(headers, body, { formulaGuard: true });
  } else if (list === 'crosssell') {
    const customer = loaded.columns.offerCustomer as Int32Array;
    const body: (string | number | null)[][] = [];
    for (let i = 0; i < customer.length; i++) {
      const row = customer[i] as number;
      if (!included[row]) continue;
      body.push([
        loaded.labels[row] ?? '', loaded.names[row] ?? '', loaded.summary.crossSell.itemLabels[(loaded.columns.offerItem as Int32Array)[i] as number] ?? '',
        (loaded.columns.offerRank as Int32Array)[i] as number, Number(((loaded.columns.offerScore as Float64Array)[i] as number).toFixed(4)),
        Number(((loaded.columns.crossSellPotential as Float64Array)[row] as number).toFixed(2)), TIERS[(loaded.columns.tier as Uint8Array)[row] as number] ?? '',
        STRATEGIES[(loaded.columns.strategy as Uint8Array)[row] as number] ?? '',
      ]);
    }
    rows = body.length;
    text = toCsv(['customer', 'name', 'offer', 'rank', 'score', 'potentialProfit', 'tier', 'strategy'], body, { formulaGuard: true });
  } else if (list === 'clv') {
    const value = (name: string, row: number) => {
      const number = (loaded.columns[name] as Float64Array | undefined)?.[row];
      return number === undefined || Number.isNaN(number) ? null : Number(number.toFixed(6));
    };
    const body = Array.from(chosen, (row) => [loaded.labels[row] ?? '', loaded.names[row] ?? '', value('expectedPurchases', row), value('probabilityAlive', row), value('clv', row), value('future', row)]);
    rows = body.length;
    text = toCsv(['customer', 'name', 'expectedPurchases', 'probabilityAlive', 'clv', 'futureProfit'], body, { formulaGuard: true });
  } else {
    const customer = loaded.columns.contactCustomer as Int32Array;
    const events: { row: number; day: number; reason: string }[] = [];
    for (let i = 0; i < customer.length; i++) {
      const row = customer[i] as number;
      if (included[row]) events.push({ row, day: (loaded.columns.contactDay as Int32Array)[i] as number, reason: CONTACT_REASONS[(loaded.columns.contactReason as Uint8Array)[i] as number] ?? 'rhythm' });
    }
    rows = events.length;
    if (list === 'contacts') {
      text = toCsv(
        ['date', 'customer', 'name', 'reason', 'strategy', 'tier', 'lastPurchase'],
        events.map(({ row, day, reason }) => [isoFromEpochDay(day), loaded.labels[row] ?? '', loaded.names[row] ?? '', reason, STRATEGIES[(loaded.columns.strategy as Uint8Array)[row] as number] ?? '', TIERS[(loaded.columns.tier as Uint8Array)[row] as number] ?? '', ((): string | null => { const last = (loaded.columns.lastDay as Int32Array)[row] as number; return last === NO_DAY ? null : isoFromEpochDay(last); })()]),
        { formulaGuard: true },
      );
    } else {
      text = toICalendar(
        events.map(({ row, day, reason }, index) => ({
          uid: `${loaded.run.runId}-${index}@value-ladder`,
          day,
          summary: `${reason === 'winBack' ? 'Win back' : 'Contact'}: ${loaded.names[row] ?? loaded.labels[row] ?? ''}`,
          description: `${loaded.labels[row] ?? ''} — ${reasonText(row)}`,
        })),
        '-//Value Ladder//Contact plan//EN',
        Date.parse(loaded.run.createdAt),
      );
    }
  }
  // A byte-order mark so that spreadsheet programs read the UTF-8 names correctly; calendars need none.
  writeFileSync(path, list === 'contactsCalendar' ? text : `\uFEFF${text}`);
  return { path, rows };
}
