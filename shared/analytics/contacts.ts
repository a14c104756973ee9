/**
 * Contact plan (DOMAIN.md "Lifecycle and cohorts" → "Contact plan"): when to contact each customer,
 * from their own purchase rhythm, within a cap on contacts per period. Definitions, as of metrics.asOf:
 * - purchase days: the distinct days ≤ asOf with at least one line of positive amount; gaps are the
 *   day differences between consecutive purchase days (so always ≥ 1).
 * - expected gap of a customer = the median of their gaps rounded to whole days (.5 up); with fewer
 *   than 2 gaps, the population's gap = the median of all customers' gaps pooled (rounded); when no
 *   customer has a gap, the inactivity window.
 * - minimum spacing = contactCapYears × 365.25 ÷ contactCap days (30.44 for 36 in 3 years); contacts
 *   are spaced by max(expected gap, ⌈minimum spacing⌉) whole days, so no window of contactCapYears
 *   holds more than contactCap of them.
 * - active customers (purchases, recency ≤ inactivity window): first contact = last purchase
 *   (metrics.lastDay) + expected gap − lead days, or asOf + 1 when that is earlier; then every spacing
 *   days while the day is within the horizon [asOf + 1, asOf + horizonDays]. Reason 'rhythm'.
 * - lapsed customers (recency > inactivity window): one contact at asOf + 1, reason 'winBack', unless
 *   excluded from win-back. Customers without purchases, or in `exclude`, get no contact.
 */
import { medianInPlace } from './stats';
import type { AnalysisSettings } from '../domain/settings';
import { NO_DAY, offsetsByCustomer, type AnalysisDataset } from './dataset';
import type { CustomerMetrics } from './metrics';

export const CONTACT_REASONS = ['rhythm', 'winBack'] as const;
export type ContactReason = (typeof CONTACT_REASONS)[number];
export const REASON_RHYTHM = 0;
export const REASON_WIN_BACK = 1;

export interface ContactPlanOptions {
  /** Days without a purchase after which a customer is lapsed (the analysis's inactivity window). */
  inactivityDays: number;
  /** Plan this many days after asOf (default 90). */
  horizonDays?: number;
  /** 1 = never contact this customer (per customer). */
  exclude?: Uint8Array;
  /** 1 = no win-back contact for this customer when lapsed (per customer). */
  excludeWinBack?: Uint8Array;
}

export interface ContactPlan {
  /** Planned contacts, sorted by customer, then day. */
  count: number;
  customer: Int32Array;
  day: Int32Array;
  /** Index into CONTACT_REASONS. */
  reason: Uint8Array;
  reasons: typeof CONTACT_REASONS;
  /** Per customer: expected gap in days (0 for customers not planned by rhythm). */
  expectedGap: Int32Array;
  /** Per customer: the next contact day, even beyond the horizon; NO_DAY when none. */
  nextContact: Int32Array;
  /** Pooled median gap used for customers with fewer than 2 gaps. */
  populationGap: number;
  /** contactCapYears × 365.25 ÷ contactCap, and the whole days it is rounded up to. */
  minSpacing: number;
  minSpacingDays: number;
  /** The horizon, inclusive: [asOf + 1, asOf + horizonDays]. */
  firstDay: number;
  lastDay: number;
}


/** The contact plan for the horizon (definitions in the module comment). */
export function contactPlan(
  dataset: AnalysisDataset,
  metrics: CustomerMetrics,
  settings: Pick<AnalysisSettings, 'contactLeadDays' | 'contactCap' | 'contactCapYears'>,
  options: ContactPlanOptions,
): ContactPlan {
  const n = dataset.customers.count;
  const tx = dataset.transactions;
  const asOf = metrics.asOf;
  const horizonDays = Math.max(1, Math.floor(options.horizonDays ?? 90));
  const firstDay = asOf + 1;
  const lastDay = asOf + horizonDays;
  const lead = settings.contactLeadDays;
  const minSpacing = (settings.contactCapYears * 365.25) / settings.contactCap;
  const minSpacingDays = Math.max(1, Math.ceil(minSpacing - 1e-9));
  const inactivity = options.inactivityDays;
  const exclude = options.exclude;
  const excludeWinBack = options.excludeWinBack;

  // Gaps between purchase days, contiguous per customer.
  const offsets = offsetsByCustomer(tx.customer, tx.count, n);
  const gaps = new Int32Array(Math.max(0, tx.count - 1));
  const gapStart = new Int32Array(n + 1);
  let g = 0;
  for (let c = 0; c < n; c++) {
    gapStart[c] = g;
    let previous = NO_DAY;
    const to = offsets[c + 1] as number;
    for (let i = offsets[c] as number; i < to; i++) {
      const day = tx.day[i] as number;
      if (day > asOf) break;
      if (day === previous || !((tx.amount[i] as number) > 0)) continue;
      if (previous !== NO_DAY) gaps[g++] = day - previous;
      previous = day;
    }
  }
  gapStart[n] = g;
  const expectedGap = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const from = gapStart[c] as number;
    const to = gapStart[c + 1] as number;
    if (to - from >= 2) expectedGap[c] = Math.round(medianInPlace(gaps, from, to));
  }
  const pooled = medianInPlace(gaps, 0, g);
  const populationGap = Number.isNaN(pooled) ? Math.max(1, Math.round(inactivity)) : Math.round(pooled);

  // Next contact and the number of contacts in the horizon, then the rows.
  const nextContact = new Int32Array(n).fill(NO_DAY);
  const planned = new Int32Array(n);
  let count = 0;
  for (let c = 0; c < n; c++) {
    if (metrics.hasPurchase[c] !== 1 || exclude?.[c] === 1) {
      expectedGap[c] = 0;
      continue;
    }
    if ((metrics.recencyDays[c] as number) > inactivity) {
      expectedGap[c] = 0;
      if (excludeWinBack?.[c] === 1) continue;
      nextContact[c] = firstDay;
      planned[c] = 1;
      count++;
      continue;
    }
    const gap = (expectedGap[c] as number) > 0 ? (expectedGap[c] as number) : populationGap;
    expectedGap[c] = gap;
    const next = Math.max(firstDay, (metrics.lastDay[c] as number) + gap - lead);
    nextContact[c] = next;
    if (next > lastDay) continue;
    const spacing = Math.max(gap, minSpacingDays);
    const k = Math.floor((lastDay - next) / spacing) + 1;
    planned[c] = k;
    count += k;
  }

  const customer = new Int32Array(count);
  const day = new Int32Array(count);
  const reason = new Uint8Array(count);
  let row = 0;
  for (let c = 0; c < n; c++) {
    const k = planned[c] as number;
    if (k === 0) continue;
    const next = nextContact[c] as number;
    const gap = expectedGap[c] as number;
    if (gap === 0) {
      customer[row] = c;
      day[row] = next;
      reason[row++] = REASON_WIN_BACK;
      continue;
    }
    const spacing = Math.max(gap, minSpacingDays);
    for (let j = 0; j < k; j++) {
      customer[row] = c;
      day[row] = next + j * spacing;
      reason[row++] = REASON_RHYTHM;
    }
  }

  return {
    count,
    customer,
    day,
    reason,
    reasons: CONTACT_REASONS,
    expectedGap,
    nextContact,
    populationGap,
    minSpacing,
    minSpacingDays,
    firstDay,
    lastDay,
  };
}
