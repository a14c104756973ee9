/**
 * What a report shows, gathered from a stored analysis run: the run's summary, per-strategy and
 * per-tier sums of its customer columns, and the action lists (top customers per strategy,
 * cross-sell offers, the contacts of the next period), read through the results module.
 */
import { CONTACT_REASONS } from '../../../shared/analytics/contacts';
import { NO_DAY } from '../../../shared/analytics/dataset';
import { TIERS } from '../../../shared/analytics/ladder';
import { QUADRANTS } from '../../../shared/analytics/quadrants';
import { REASONS, STRATEGIES, type Strategy } from '../../../shared/analytics/strategies';
import type { AnalysisRun } from '../../../shared/domain/analysis';
import { revealBidi } from '../../../shared/domain/bidi';
import type { Locale } from '../../../shared/domain/app-settings';
import { epochDayFromIso, isoFromEpochDay } from '../../../shared/domain/dates';
import type { BacktestRun, ModelFitSummary } from '../../../shared/domain/models';
import type { ReportPageSize, ReportScenario, ReportSection } from '../../../shared/domain/report';
import type { ColumnArray } from '../../db/analysis-store';
import { filterCustomers, page, sortCustomers, type LoadedRun } from '../analysis/results';

export interface ReportLogo {
  mime: string;
  base64: string;
}

/** A customer's name as the report shows it (reordering controls visible). */
function shownName(name: string | null | undefined): string | null {
  return name ? revealBidi(name) : null;
}

export interface ReportInput {
  locale: Locale;
  pageSize: ReportPageSize;
  sections: ReportSection[];
  client: string;
  author: string | null;
  logo: ReportLogo | null;
  /** The day the report is made (ISO). */
  createdOn: string;
  workspace: { name: string; firstDate: string | null; lastDate: string | null };
  run: AnalysisRun;
  loaded: LoadedRun;
  fit: ModelFitSummary | null;
  /** The latest back-test of these data (made for the report when there was none); null when the data is too short for one. */
  backtest: BacktestRun['result'] | null;
  /** The scenarios marked for the report; null when this version has no what-if scenarios. */
  scenarios: ReportScenario[] | null;
}

export interface GroupTotals {
  customers: number;
  profit: number;
  future: number;
}

export interface CustomerRow {
  customer: string;
  name: string | null;
  tier: string | null;
  strategy: string | null;
  profit: number | null;
  future: number | null;
  /** Contribution over the customer's whole history (what a Win back has at stake). */
  lifetimeProfit: number | null;
  reason: string | null;
}

export interface OfferRow {
  customer: string;
  name: string | null;
  item: string;
  rank: number;
  potential: number;
  tier: string | null;
}

export interface ContactRow {
  date: string;
  customer: string;
  name: string | null;
  reason: string;
  strategy: string | null;
  lastPurchase: string | null;
}

export interface ReportData {
  byStrategy: Record<Strategy, GroupTotals>;
  byTier: Record<(typeof TIERS)[number], GroupTotals>;
  topCustomers: { strategy: Strategy; total: number; rows: CustomerRow[] }[];
  offers: { total: number; customers: number; rows: OfferRow[] };
  contacts: { from: string; to: string; total: number; rows: ContactRow[] };
  /** Customers in the current × future plane (a sample when there are many), for the quadrant chart. */
  plane: { current: number; future: number; quadrant: number }[];
}

/** How many rows each action list shows (the full lists export as CSV). */
export const LIST_LIMITS = { perStrategy: 12, offers: 45, contacts: 60, contactDays: 30, planePoints: 1500 };


function column(loaded: LoadedRun, name: string): ColumnArray | undefined {
  return loaded.columns[name];
}

function sums<K extends string>(loaded: LoadedRun, codeColumn: string, names: readonly K[]): Record<K, GroupTotals> {
  const out = Object.fromEntries(names.map((name) => [name, { customers: 0, profit: 0, future: 0 }])) as Record<K, GroupTotals>;
  const codes = column(loaded, codeColumn) as Uint8Array;
  const profit = column(loaded, 'currentProfit') as Float64Array;
  const future = column(loaded, 'future') as Float64Array;
  for (const row of loaded.members) {
    const name = names[codes[row] as number];
    if (name === undefined) continue;
    const cell = out[name];
    cell.customers++;
    cell.profit += profit[row] as number;
    const value = future[row] as number;
    if (Number.isFinite(value)) cell.future += value;
  }
  return out;
}

/** The order that puts the customers with most at stake first, per strategy. */
const STAKE: Record<Strategy, { column: string; direction: 'asc' | 'desc' }> = {
  retain: { column: 'currentProfit', direction: 'desc' },
  redesign: { column: 'currentProfit', direction: 'asc' },
  enhance: { column: 'growth', direction: 'desc' },
  harvest: { column: 'currentProfit', direction: 'desc' },
  terminate: { column: 'currentProfit', direction: 'asc' },
  winBack: { column: 'contribution', direction: 'desc' },
  start: { column: 'currentProfit', direction: 'desc' },
};

function topCustomers(loaded: LoadedRun, strategy: Strategy, limit: number): { strategy: Strategy; total: number; rows: CustomerRow[] } {
  const chosen = filterCustomers(loaded, { strategy: [strategy] });
  const stake = STAKE[strategy];
  let sorted: Int32Array;
  if (stake.column === 'contribution') {
    // Not a grid column: sort by the stored column directly.
    const lifetime = column(loaded, 'contribution') as Float64Array;
    sorted = Int32Array.from(chosen).sort((a, b) => (lifetime[b] as number) - (lifetime[a] as number) || a - b);
  } else {
    sorted = sortCustomers(loaded, chosen, stake);
  }
  const view = page(loaded, sorted, 0, limit);
  const index = (key: string) => view.columns.findIndex((col) => col.key === key);
  const [customer, name, tier, reason, profit, future] = ['customer', 'name', 'tier', 'reason', 'currentProfit', 'future'].map(index) as number[];
  const lifetime = column(loaded, 'contribution') as Float64Array;
  const rows = view.rows.map((cells, i) => ({
    customer: revealBidi(String(cells[customer as number] ?? '')),
    name: shownName(cells[name as number] as string | null),
    tier: (cells[tier as number] as string | null) ?? null,
    strategy,
    profit: (cells[profit as number] as number | null) ?? null,
    future: (cells[future as number] as number | null) ?? null,
    lifetimeProfit: lifetime ? ((lifetime[sorted[i] as number] as number) ?? null) : null,
    reason: (cells[reason as number] as string | null) ?? null,
  }));
  return { strategy, total: chosen.length, rows };
}

function offers(loaded: LoadedRun, limit: number): ReportData['offers'] {
  const customer = column(loaded, 'offerCustomer') as Int32Array | undefined;
  if (!customer || customer.length === 0) return { total: 0, customers: 0, rows: [] };
  const item = column(loaded, 'offerItem') as Int32Array;
  const rank = column(loaded, 'offerRank') as Int32Array;
  const potential = column(loaded, 'crossSellPotential') as Float64Array;
  const tier = column(loaded, 'tier') as Uint8Array;
  // Each customer's best offer first, customers by potential profit; then their next offers.
  const order = Array.from({ length: customer.length }, (_, i) => i).sort(
    (a, b) => (rank[a] as number) - (rank[b] as number) || (potential[customer[b] as number] as number) - (potential[customer[a] as number] as number) || a - b,
  );
  const labels = loaded.summary.crossSell.itemLabels;
  const customers = new Set<number>();
  for (let i = 0; i < customer.length; i++) customers.add(customer[i] as number);
  const rows = order.slice(0, limit).map((i) => {
    const row = customer[i] as number;
    return {
      customer: revealBidi(loaded.labels[row] ?? ''),
      name: shownName(loaded.names[row]),
      item: labels[item[i] as number] ?? '?',
      rank: rank[i] as number,
      potential: potential[row] as number,
      tier: TIERS[tier[row] as number] ?? null,
    };
  });
  return { total: customer.length, customers: customers.size, rows };
}

function contacts(loaded: LoadedRun, asOf: string, days: number, limit: number): ReportData['contacts'] {
  const start = epochDayFromIso(asOf) + 1;
  const end = start + days - 1;
  const customer = column(loaded, 'contactCustomer') as Int32Array | undefined;
  const result = { from: isoFromEpochDay(start), to: isoFromEpochDay(end), total: 0, rows: [] as ContactRow[] };
  if (!customer) return result;
  const day = column(loaded, 'contactDay') as Int32Array;
  const reason = column(loaded, 'contactReason') as Uint8Array;
  const strategy = column(loaded, 'strategy') as Uint8Array;
  const last = column(loaded, 'lastDay') as Int32Array;
  const inPeriod: number[] = [];
  for (let i = 0; i < customer.length; i++) {
    const d = day[i] as number;
    if (d >= start && d <= end) inPeriod.push(i);
  }
  // By day; on a day, the customers with most profit at stake first.
  const profit = column(loaded, 'currentProfit') as Float64Array;
  const lifetime = column(loaded, 'contribution') as Float64Array;
  const stake = (i: number) => Math.max(profit[customer[i] as number] as number, (lifetime?.[customer[i] as number] as number | undefined) ?? 0);
  inPeriod.sort((a, b) => (day[a] as number) - (day[b] as number) || stake(b) - stake(a) || (customer[a] as number) - (customer[b] as number));
  result.total = inPeriod.length;
  result.rows = inPeriod.slice(0, limit).map((i) => {
    const row = customer[i] as number;
    const lastDay = last[row] as number;
    return {
      date: isoFromEpochDay(day[i] as number),
      customer: revealBidi(loaded.labels[row] ?? ''),
      name: shownName(loaded.names[row]),
      reason: CONTACT_REASONS[reason[i] as number] ?? 'rhythm',
      strategy: STRATEGIES[strategy[row] as number] ?? null,
      lastPurchase: lastDay === NO_DAY ? null : isoFromEpochDay(lastDay),
    };
  });
  return result;
}

function plane(loaded: LoadedRun, limit: number): ReportData['plane'] {
  const profit = column(loaded, 'currentProfit') as Float64Array;
  const future = column(loaded, 'future') as Float64Array;
  const quadrant = column(loaded, 'quadrant') as Uint8Array;
  const members = loaded.members;
  const step = Math.max(1, members.length / limit);
  const out: ReportData['plane'] = [];
  for (let k = 0; ; k++) {
    const index = Math.floor(k * step);
    if (index >= members.length) break;
    const row = members[index] as number;
    const q = quadrant[row] as number;
    if (q >= QUADRANTS.length || !Number.isFinite(future[row] as number)) continue;
    out.push({ current: profit[row] as number, future: future[row] as number, quadrant: q });
  }
  return out;
}

export function gatherReportData(loaded: LoadedRun, asOf: string): ReportData {
  return {
    byStrategy: sums(loaded, 'strategy', STRATEGIES),
    byTier: sums(loaded, 'tier', TIERS),
    topCustomers: STRATEGIES.filter((strategy) => strategy !== 'start').map((strategy) => topCustomers(loaded, strategy, LIST_LIMITS.perStrategy)),
    offers: offers(loaded, LIST_LIMITS.offers),
    contacts: contacts(loaded, asOf, LIST_LIMITS.contactDays, LIST_LIMITS.contacts),
    plane: plane(loaded, LIST_LIMITS.planePoints),
  };
}

/** Reason codes in catalogue order (the report's messages have one text per code). */
export const REASON_CODES = REASONS;
