/**
 * Per-customer metrics as of an analysis date D (DOMAIN.md "Per-customer metrics").
 * Only what happened on or before D counts. Definitions:
 * - order: an order id's lines; without order ids, a customer's lines of one day. Only orders
 *   with a positive net amount count as purchases (a refund alone is not an order).
 * - gross margin of a line: amount − cost of goods; without cost, amount × the product's margin
 *   rate, else amount × the default margin rate.
 * - cost to serve: service costs + cost per order × orders. Contribution = gross margin − cost to serve.
 * - a customer is in the analysis (present) with any line by D: one whose only line is a refund
 *   still costs money. hasPurchase marks those with at least one order.
 * - current window: (D − window months, D]; "current profit" is the contribution in it. The previous
 *   window is the same length before it; the two halves of the current window give the trend.
 */
import type { AnalysisSettings } from '../domain/settings';
import { addMonths } from './calendar';
import { NO_CODE, NO_DAY, offsetsByCustomer, type AnalysisDataset } from './dataset';

// Local copies: hot loops then read constants, not imported bindings (getters under tsx).
const ABSENT_CODE = NO_CODE;
const ABSENT_DAY = NO_DAY;

export interface CustomerMetrics {
  count: number;
  asOf: number;
  /** First day of the current window (exclusive bound: days > windowStart count). */
  windowStart: number;
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Days from first purchase to D. */
  tenureDays: Int32Array;
  /** Days from last purchase to D. */
  recencyDays: Int32Array;
  orders: Int32Array;
  revenue: Float64Array;
  grossMargin: Float64Array;
  costToServe: Float64Array;
  contribution: Float64Array;
  /** Revenue per order (monetary). */
  averageOrder: Float64Array;
  currentOrders: Int32Array;
  currentRevenue: Float64Array;
  currentMargin: Float64Array;
  currentCostToServe: Float64Array;
  /** Contribution in the current window: "current profit". */
  currentProfit: Float64Array;
  previousRevenue: Float64Array;
  previousProfit: Float64Array;
  /** Revenue in the later and the earlier half of the current window. */
  recentHalfRevenue: Float64Array;
  earlierHalfRevenue: Float64Array;
  /** 1 when the customer has at least one order on or before D. */
  hasPurchase: Uint8Array;
  /** 1 when the customer has any line (an order or a refund) or service cost on or before D: in the analysis. */
  present: Uint8Array;
}

/** Gross margin of one transaction line. */
export function lineMargin(dataset: AnalysisDataset, line: number, defaultMarginRate: number): number {
  const { amount, cost, product } = dataset.transactions;
  const value = amount[line] as number;
  const goods = cost[line] as number;
  if (!Number.isNaN(goods)) return value - goods;
  const code = product[line] as number;
  const rate = code === ABSENT_CODE ? Number.NaN : (dataset.productMargin[code] ?? Number.NaN);
  return value * (Number.isNaN(rate) ? defaultMarginRate : rate);
}

export function computeMetrics(dataset: AnalysisDataset, asOf: number, settings: Pick<AnalysisSettings, 'currentWindowMonths' | 'defaultMarginRate' | 'costPerOrder'>): CustomerMetrics {
  const n = dataset.customers.count;
  const tx = dataset.transactions;
  const sc = dataset.serviceCosts;
  const windowStart = addMonths(asOf, -settings.currentWindowMonths);
  const previousStart = addMonths(asOf, -2 * settings.currentWindowMonths);
  const halfStart = asOf - Math.round((asOf - windowStart) / 2);
  const m: CustomerMetrics = {
    count: n,
    asOf,
    windowStart,
    firstDay: new Int32Array(n).fill(ABSENT_DAY),
    lastDay: new Int32Array(n).fill(ABSENT_DAY),
    tenureDays: new Int32Array(n),
    recencyDays: new Int32Array(n),
    orders: new Int32Array(n),
    revenue: new Float64Array(n),
    grossMargin: new Float64Array(n),
    costToServe: new Float64Array(n),
    contribution: new Float64Array(n),
    averageOrder: new Float64Array(n),
    currentOrders: new Int32Array(n),
    currentRevenue: new Float64Array(n),
    currentMargin: new Float64Array(n),
    currentCostToServe: new Float64Array(n),
    currentProfit: new Float64Array(n),
    previousRevenue: new Float64Array(n),
    previousProfit: new Float64Array(n),
    recentHalfRevenue: new Float64Array(n),
    earlierHalfRevenue: new Float64Array(n),
    hasPurchase: new Uint8Array(n),
    present: new Uint8Array(n),
  };
  const previousCost = new Float64Array(n);
  const previousOrders = new Int32Array(n);
  const txOffsets = offsetsByCustomer(tx.customer, tx.count, n);
  const margin = settings.defaultMarginRate;
  // seenBy[order] = the customer who already opened that order (one array instead of a Set per customer).
  let maxOrder = -1;
  for (let i = 0; i < tx.count; i++) if ((tx.order[i] as number) > maxOrder) maxOrder = tx.order[i] as number;
  const seenBy = new Int32Array(maxOrder + 1).fill(-1);
  const { amount: amounts, cost: costs, product: products, day: days, order: orderCodes } = tx;
  const productMargin = dataset.productMargin;

  // The order being read (an "occasion"); closed when the next one starts or the customer ends.
  let c = 0;
  let orders = 0;
  let currentOrders = 0;
  let occasionDay = ABSENT_DAY;
  let occasionOrder: number;
  let occasionAmount = 0;
  let occasionOpen = false;
  const closeOccasion = () => {
    if (!occasionOpen) return;
    occasionOpen = false;
    if (occasionAmount <= 0) return;
    orders++;
    if (occasionDay > windowStart) currentOrders++;
    else if (occasionDay > previousStart) previousOrders[c] = (previousOrders[c] as number) + 1;
    if (m.firstDay[c] === ABSENT_DAY) m.firstDay[c] = occasionDay;
    m.lastDay[c] = occasionDay;
  };
  for (c = 0; c < n; c++) {
    const from = txOffsets[c] as number;
    const to = txOffsets[c + 1] as number;
    orders = 0;
    currentOrders = 0;
    occasionDay = ABSENT_DAY;
    occasionOrder = ABSENT_CODE;
    occasionAmount = 0;
    occasionOpen = false;
    let firstLine = ABSENT_DAY;
    for (let i = from; i < to; i++) {
      const day = days[i] as number;
      if (day > asOf) break;
      if (firstLine === ABSENT_DAY) firstLine = day;
      const order = orderCodes[i] as number;
      const value = amounts[i] as number;
      // lineMargin, inlined: this loop runs over every line, several times per analysis.
      const goods = costs[i] as number;
      let gross: number;
      if (goods === goods) gross = value - goods;
      else {
        const code = products[i] as number;
        const rate = code === ABSENT_CODE ? Number.NaN : (productMargin[code] ?? Number.NaN);
        gross = value * (rate === rate ? rate : margin);
      }
      if (order === ABSENT_CODE) {
        if (!occasionOpen || day !== occasionDay || occasionOrder !== ABSENT_CODE) {
          closeOccasion();
          occasionOpen = true;
          occasionDay = day;
          occasionOrder = ABSENT_CODE;
          occasionAmount = 0;
        }
        occasionAmount += value;
      } else if (seenBy[order] !== c) {
        closeOccasion();
        seenBy[order] = c;
        occasionOpen = true;
        occasionDay = day;
        occasionOrder = order;
        occasionAmount = value;
      } else if (occasionOpen && occasionOrder === order) {
        occasionAmount += value;
      }
      // (A later line of an already counted order — a refund against it — changes money, not orders.)
      m.revenue[c] = (m.revenue[c] as number) + value;
      m.grossMargin[c] = (m.grossMargin[c] as number) + gross;
      if (day > windowStart) {
        m.currentRevenue[c] = (m.currentRevenue[c] as number) + value;
        m.currentMargin[c] = (m.currentMargin[c] as number) + gross;
        if (day > halfStart) m.recentHalfRevenue[c] = (m.recentHalfRevenue[c] as number) + value;
        else m.earlierHalfRevenue[c] = (m.earlierHalfRevenue[c] as number) + value;
      } else if (day > previousStart) {
        m.previousRevenue[c] = (m.previousRevenue[c] as number) + value;
        m.previousProfit[c] = (m.previousProfit[c] as number) + gross;
      }
    }
    closeOccasion();
    if (firstLine !== ABSENT_DAY) m.present[c] = 1;
    m.orders[c] = orders;
    m.currentOrders[c] = currentOrders;
  }

  const scOffsets = offsetsByCustomer(sc.customer, sc.count, n);
  for (c = 0; c < n; c++) {
    let all = 0;
    let current = 0;
    let previous = 0;
    for (let i = scOffsets[c] as number; i < (scOffsets[c + 1] as number); i++) {
      const day = sc.day[i] as number;
      if (day > asOf) break;
      const cost = sc.cost[i] as number;
      m.present[c] = 1;
      all += cost;
      if (day > windowStart) current += cost;
      else if (day > previousStart) previous += cost;
    }
    previousCost[c] = previous;
    m.costToServe[c] = all + settings.costPerOrder * (m.orders[c] as number);
    m.currentCostToServe[c] = current + settings.costPerOrder * (m.currentOrders[c] as number);
  }

  for (c = 0; c < n; c++) {
    m.contribution[c] = (m.grossMargin[c] as number) - (m.costToServe[c] as number);
    m.currentProfit[c] = (m.currentMargin[c] as number) - (m.currentCostToServe[c] as number);
    m.previousProfit[c] = (m.previousProfit[c] as number) - (previousCost[c] as number) - settings.costPerOrder * (previousOrders[c] as number);
    const first = m.firstDay[c] as number;
    if (first !== ABSENT_DAY) {
      m.hasPurchase[c] = 1;
      m.tenureDays[c] = asOf - first;
      m.recencyDays[c] = asOf - (m.lastDay[c] as number);
      const orders = m.orders[c] as number;
      m.averageOrder[c] = orders > 0 ? (m.revenue[c] as number) / orders : 0;
    }
  }
  return m;
}
