/**
 * What the app knows about the columns of `analysis.customers`: the reply describes each column
 * (key and type); this names the keys the screens look for, and which are shown at first.
 */
import type { CustomerPage } from '../../../../shared/domain/analysis';

export type CustomerColumn = CustomerPage['columns'][number];
export type CustomerValue = CustomerPage['rows'][number][number];

/** Keys a column may have for one meaning, the preferred first. */
export const KEYS = {
  customer: ['customer', 'customerId', 'id'],
  name: ['name', 'customerName'],
  currentProfit: ['currentProfit', 'profit'],
  futureProfit: ['futureProfit', 'future', 'expectedProfit'],
  quadrant: ['quadrant'],
  tier: ['tier'],
  strategy: ['strategy'],
  reason: ['reason', 'strategyReason'],
} as const;

/** The index of the first column with one of the keys, or −1. */
export function columnIndex(columns: readonly CustomerColumn[], keys: readonly string[]): number {
  for (const key of keys) {
    const index = columns.findIndex((column) => column.key === key);
    if (index >= 0) return index;
  }
  return -1;
}

export function findKey(columns: readonly CustomerColumn[], keys: readonly string[]): string | null {
  const index = columnIndex(columns, keys);
  return index >= 0 ? (columns[index]?.key ?? null) : null;
}

/** Columns shown until the person chooses others (when the reply has them), in this order. */
export const DEFAULT_VISIBLE = [
  'customer',
  'name',
  'tier',
  'quadrant',
  'strategy',
  'reason',
  'currentProfit',
  'future',
  'currentRevenue',
  'orders',
  'recencyDays',
  'lifecycle',
  'rfmSegment',
  'crossSellPotential',
  'nextContact',
];

/** Columns pinned to the start edge (they identify the row). */
export const PINNED = new Set(['customer']);
