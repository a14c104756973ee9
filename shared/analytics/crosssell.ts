/**
 * Cross-sell against an ideal profile (DOMAIN.md "Lifecycle and cohorts" → "Cross-sell against an
 * ideal profile"). Items are categories or products (settings.crossSellLevel); segments are given by
 * the caller (ladder tier, region or industry code per customer). Definitions, all as of metrics.asOf:
 * - a customer *bought* an item when one of their lines of it (any day ≤ asOf) has a positive amount;
 *   lines without an item code are ignored. Only customers with purchases (metrics.hasPurchase) take part.
 * - best customers of a segment: the top `bestShare` (20 %) of its customers with purchases by current
 *   profit, at least 1; ties at the cut are broken by the lower customer index.
 * - adoption of an item = the share of the segment's best customers who bought it.
 * - ideal profile = the items with adoption ≥ settings.idealProfileAdoption.
 * - item margin = the gross margin (lineMargin) of all the item's lines of the segment's customers who
 *   bought it, divided by their number: margin per buyer over all history ≤ asOf, refunds included.
 * - score of an item = adoption × item margin; a customer's missing ideal items are ranked by it.
 * - typical profit of a segment = the median current profit of its best customers who hold the full
 *   ideal profile; when none of them does, the median over all its best customers (an empty profile is
 *   held by everyone).
 * - potential profit of a customer = max(0, typical profit − the customer's current profit); 0 outside
 *   any segment, without purchases, or in a segment without buyers.
 */
import type { AnalysisSettings } from '../domain/settings';
import { medianInPlace, selectInPlace } from './stats';
import { offsetsByCustomer, type AnalysisDataset } from './dataset';
import { lineMargin, type CustomerMetrics } from './metrics';

export interface IdealItem {
  /** Category or product code. */
  item: number;
  label: string;
  /** Share of the segment's best customers who bought it. */
  adoption: number;
  /** Average gross margin per buyer of the item in the segment. */
  margin: number;
  /** adoption × margin: the order in which missing items are offered. */
  score: number;
}

export interface CrossSellSegment {
  segment: number;
  /** Customers of the segment with purchases. */
  buyers: number;
  bestCustomers: number;
  /** Best customers who hold every item of the ideal profile. */
  fullProfileBest: number;
  /** Median current profit the potential is measured against; null when the segment has no buyers. */
  typicalProfit: number | null;
  /** Whose median typicalProfit is: the full-profile best customers, all best customers (none holds the full profile), or none. */
  typicalBasis: 'fullProfile' | 'bestCustomers' | 'none';
  /** The ideal profile, by score (then adoption) descending, then item code. */
  ideal: IdealItem[];
}

/** One row per (customer, missing ideal item): "offer `item` to `customer`", rank 1 first. Sorted by customer, then rank. */
export interface CrossSellOffers {
  count: number;
  customer: Int32Array;
  item: Int32Array;
  rank: Int32Array;
  score: Float64Array;
}

export interface CrossSellResult {
  level: 'category' | 'product';
  segments: CrossSellSegment[];
  /** Number of ideal items of their segment each customer lacks. */
  missingCount: Int32Array;
  potentialProfit: Float64Array;
  offers: CrossSellOffers;
}

export interface CrossSellOptions {
  /** Share of a segment's buyers that are its best customers (default 0.2). */
  bestShare?: number;
  /** The customers' bought items (boughtItems with the same metrics, level and margin rate), kept from an earlier run. */
  bought?: BoughtItems;
}

/**
 * Each customer's distinct bought items with their margin, as of metrics.asOf: what cross-sell reads
 * from the lines. It does not depend on the segments, so it is computed once and kept while the
 * segments (the ladder's tiers) change.
 */
export interface BoughtItems {
  level: 'category' | 'product';
  customers: number;
  asOf: number;
  /** The items of customer c are pairItem[pairStart[c] .. pairStart[c + 1]), in the order first seen in their lines. */
  pairStart: Int32Array;
  pairItem: Int32Array;
  /** Gross margin of all the customer's lines of the item (refunds included). */
  pairMargin: Float64Array;
}

/** The distinct items each customer with purchases bought (a line of it with a positive amount), with their margin. */
export function boughtItems(dataset: AnalysisDataset, metrics: CustomerMetrics, settings: Pick<AnalysisSettings, 'crossSellLevel' | 'defaultMarginRate'>): BoughtItems {
  const n = dataset.customers.count;
  const tx = dataset.transactions;
  const asOf = metrics.asOf;
  const level = settings.crossSellLevel;
  const items = (level === 'product' ? dataset.dictionaries.products : dataset.dictionaries.categories).length;
  const itemOf = level === 'product' ? tx.product : tx.category;
  const txOffsets = offsetsByCustomer(tx.customer, tx.count, n);
  const pairItem = new Int32Array(tx.count);
  const pairMargin = new Float64Array(tx.count);
  const pairBought = new Uint8Array(tx.count);
  const pairStart = new Int32Array(n + 1);
  const stamp = new Int32Array(items).fill(-1);
  const slot = new Int32Array(items);
  const marginRate = settings.defaultMarginRate;
  let pairs = 0;
  for (let c = 0; c < n; c++) {
    pairStart[c] = pairs;
    if (metrics.hasPurchase[c] !== 1) continue;
    const start = pairs;
    const to = txOffsets[c + 1] as number;
    for (let i = txOffsets[c] as number; i < to; i++) {
      if ((tx.day[i] as number) > asOf) break;
      const item = itemOf[i] as number;
      if (item < 0 || item >= items) continue;
      let q: number;
      if (stamp[item] !== c) {
        stamp[item] = c;
        slot[item] = pairs;
        pairItem[pairs] = item;
        pairMargin[pairs] = 0;
        pairBought[pairs] = 0;
        q = pairs++;
      } else q = slot[item] as number;
      pairMargin[q] = (pairMargin[q] as number) + lineMargin(dataset, i, marginRate);
      if ((tx.amount[i] as number) > 0) pairBought[q] = 1;
    }
    let kept = start;
    for (let q = start; q < pairs; q++) {
      if (pairBought[q] !== 1) continue;
      pairItem[kept] = pairItem[q] as number;
      pairMargin[kept] = pairMargin[q] as number;
      kept++;
    }
    pairs = kept;
  }
  pairStart[n] = pairs;
  return { level, customers: n, asOf, pairStart, pairItem: pairItem.slice(0, pairs), pairMargin: pairMargin.slice(0, pairs) };
}

/**
 * Ideal profile per segment, missing items and potential profit per customer, and the ranked offer
 * list (definitions in the module comment). `segmentOf[c]` is the customer's segment in
 * [0, segmentCount), or −1 for none.
 */
export function crossSell(
  dataset: AnalysisDataset,
  metrics: CustomerMetrics,
  segmentOf: Int32Array,
  segmentCount: number,
  settings: Pick<AnalysisSettings, 'crossSellLevel' | 'idealProfileAdoption' | 'defaultMarginRate'>,
  options: CrossSellOptions = {},
): CrossSellResult {
  const n = dataset.customers.count;
  const profit = metrics.currentProfit;
  const bestShare = options.bestShare ?? 0.2;
  const level = settings.crossSellLevel;
  const labels = level === 'product' ? dataset.dictionaries.products : dataset.dictionaries.categories;
  const items = labels.length;
  const segments = Math.max(0, segmentCount | 0);
  if (segmentOf.length < n) throw new RangeError(`segmentOf has ${segmentOf.length} entries for ${n} customers`);

  // 1. Buyers grouped by segment (counting sort; customer order kept inside a segment).
  const buyers = new Int32Array(segments);
  const segmentOfBuyer = new Int32Array(n).fill(-1);
  for (let c = 0; c < n; c++) {
    const s = segmentOf[c] as number;
    if (s < 0) continue;
    if (s >= segments) throw new RangeError(`customer ${c} has segment ${s}, but there are ${segments} segments`);
    if (metrics.hasPurchase[c] !== 1) continue;
    segmentOfBuyer[c] = s;
    buyers[s] = (buyers[s] as number) + 1;
  }
  const groupStart = new Int32Array(segments + 1);
  for (let s = 0; s < segments; s++) groupStart[s + 1] = (groupStart[s] as number) + (buyers[s] as number);
  const grouped = new Int32Array(groupStart[segments] as number);
  const fill = groupStart.slice(0, segments);
  for (let c = 0; c < n; c++) {
    const s = segmentOfBuyer[c] as number;
    if (s < 0) continue;
    grouped[fill[s] as number] = c;
    fill[s] = (fill[s] as number) + 1;
  }

  // 2. Best customers: the top share by current profit, cut at a threshold value, ties by index.
  let largestGroup = 0;
  for (let s = 0; s < segments; s++) largestGroup = Math.max(largestGroup, buyers[s] as number);
  const scratch = new Float64Array(largestGroup);
  const isBest = new Uint8Array(n);
  const bestCount = new Int32Array(segments);
  for (let s = 0; s < segments; s++) {
    const from = groupStart[s] as number;
    const size = buyers[s] as number;
    if (size === 0) continue;
    for (let i = 0; i < size; i++) scratch[i] = profit[grouped[from + i] as number] as number;
    const k = Math.min(size, Math.max(1, Math.ceil(size * bestShare - 1e-9)));
    const threshold = selectInPlace(scratch, 0, size, size - k);
    let ties = k;
    for (let i = 0; i < size; i++) if ((scratch[i] as number) > threshold) ties--;
    for (let i = 0; i < size; i++) {
      const c = grouped[from + i] as number;
      const p = profit[c] as number;
      if (p > threshold || (p === threshold && ties-- > 0)) isBest[c] = 1;
    }
    bestCount[s] = k;
  }

  // 3. Per (segment, item): buyers, margin, best adopters, from each buyer's distinct bought items.
  const given = options.bought;
  const held = given && given.level === level && given.customers === n && given.asOf === metrics.asOf ? given : boughtItems(dataset, metrics, settings);
  const { pairStart, pairItem, pairMargin } = held;
  const cells = segments * items;
  const cellBuyers = new Int32Array(cells);
  const cellMargin = new Float64Array(cells);
  const cellAdopters = new Int32Array(cells);
  for (let c = 0; c < n; c++) {
    const s = segmentOfBuyer[c] as number;
    if (s < 0) continue;
    const base = s * items;
    const best = isBest[c] === 1;
    const to = pairStart[c + 1] as number;
    for (let q = pairStart[c] as number; q < to; q++) {
      const cell = base + (pairItem[q] as number);
      cellBuyers[cell] = (cellBuyers[cell] as number) + 1;
      cellMargin[cell] = (cellMargin[cell] as number) + (pairMargin[q] as number);
      if (best) cellAdopters[cell] = (cellAdopters[cell] as number) + 1;
    }
  }

  // 4. Ideal profiles, ordered by score: a flat list per segment (idealStart) and a membership flag per cell.
  const isIdeal = new Uint8Array(cells);
  const idealStart = new Int32Array(segments + 1);
  const profiles: IdealItem[][] = [];
  for (let s = 0; s < segments; s++) {
    const profile: IdealItem[] = [];
    const best = bestCount[s] as number;
    if (best > 0) {
      const base = s * items;
      for (let item = 0; item < items; item++) {
        const adoption = (cellAdopters[base + item] as number) / best;
        if (!(adoption >= settings.idealProfileAdoption)) continue;
        isIdeal[base + item] = 1;
        const margin = (cellMargin[base + item] as number) / (cellBuyers[base + item] as number);
        profile.push({ item, label: labels[item] ?? '', adoption, margin, score: adoption * margin });
      }
      profile.sort((a, b) => b.score - a.score || b.adoption - a.adoption || a.item - b.item);
    }
    profiles.push(profile);
    idealStart[s + 1] = (idealStart[s] as number) + profile.length;
  }
  const idealItem = new Int32Array(idealStart[segments] as number);
  const idealScore = new Float64Array(idealItem.length);
  for (let s = 0; s < segments; s++) {
    const profile = profiles[s] as IdealItem[];
    for (let j = 0; j < profile.length; j++) {
      const entry = profile[j] as IdealItem;
      idealItem[(idealStart[s] as number) + j] = entry.item;
      idealScore[(idealStart[s] as number) + j] = entry.score;
    }
  }

  // 5. Missing counts; typical profit from the best customers holding the full profile.
  const missingCount = new Int32Array(n);
  let offerCount = 0;
  for (let c = 0; c < n; c++) {
    const s = segmentOfBuyer[c] as number;
    if (s < 0) continue;
    const base = s * items;
    let held = 0;
    for (let q = pairStart[c] as number; q < (pairStart[c + 1] as number); q++) held += isIdeal[base + (pairItem[q] as number)] as number;
    const missing = (idealStart[s + 1] as number) - (idealStart[s] as number) - held;
    missingCount[c] = missing;
    offerCount += missing;
  }
  const segmentsOut: CrossSellSegment[] = [];
  const typical = new Float64Array(segments).fill(Number.NaN);
  for (let s = 0; s < segments; s++) {
    const from = groupStart[s] as number;
    const size = buyers[s] as number;
    let full = 0;
    let best = 0;
    for (let i = 0; i < size; i++) {
      const c = grouped[from + i] as number;
      if (isBest[c] === 1 && missingCount[c] === 0) scratch[full++] = profit[c] as number;
    }
    let basis: CrossSellSegment['typicalBasis'] = 'fullProfile';
    let value = medianInPlace(scratch, 0, full);
    if (full === 0) {
      for (let i = 0; i < size; i++) {
        const c = grouped[from + i] as number;
        if (isBest[c] === 1) scratch[best++] = profit[c] as number;
      }
      value = medianInPlace(scratch, 0, best);
      basis = best === 0 ? 'none' : 'bestCustomers';
    }
    typical[s] = value;
    segmentsOut.push({
      segment: s,
      buyers: size,
      bestCustomers: bestCount[s] as number,
      fullProfileBest: full,
      typicalProfit: Number.isNaN(value) ? null : value,
      typicalBasis: basis,
      ideal: profiles[s] as IdealItem[],
    });
  }

  // 6. Potential profit and the offer rows, ranked by the segment's score order.
  const potentialProfit = new Float64Array(n);
  const offers: CrossSellOffers = {
    count: offerCount,
    customer: new Int32Array(offerCount),
    item: new Int32Array(offerCount),
    rank: new Int32Array(offerCount),
    score: new Float64Array(offerCount),
  };
  const stamp = new Int32Array(items).fill(-1);
  let row = 0;
  for (let c = 0; c < n; c++) {
    const s = segmentOfBuyer[c] as number;
    if (s < 0) continue;
    const t = typical[s] as number;
    if (!Number.isNaN(t)) potentialProfit[c] = Math.max(0, t - (profit[c] as number));
    if (missingCount[c] === 0) continue;
    for (let q = pairStart[c] as number; q < (pairStart[c + 1] as number); q++) stamp[pairItem[q] as number] = c;
    let rank = 0;
    for (let j = idealStart[s] as number; j < (idealStart[s + 1] as number); j++) {
      const item = idealItem[j] as number;
      if (stamp[item] === c) continue;
      offers.customer[row] = c;
      offers.item[row] = item;
      offers.rank[row] = ++rank;
      offers.score[row] = idealScore[j] as number;
      row++;
    }
  }

  return { level, segments: segmentsOut, missingCount, potentialProfit, offers };
}
