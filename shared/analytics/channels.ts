/**
 * LTV against CAC by acquisition channel (DOMAIN.md):
 * - customers of a channel: those whose acquisition channel it is;
 * - CAC: the average of the customers' own acquisition costs where given, else the channel's
 *   marketing spend up to the analysis date / its new customers (as counted by the spend table,
 *   else by the customers acquired through it);
 * - LTV: the average of (contribution to date + expected future profit) of its customers;
 * - payback months: CAC / average monthly contribution of its customers over the current window.
 */
import { NO_CODE, type AnalysisDataset } from './dataset';
import type { CustomerMetrics } from './metrics';

export interface ChannelRow {
  channel: string;
  customers: number;
  cac: number | null;
  ltv: number;
  ltvToCac: number | null;
  paybackMonths: number | null;
  spend: number;
}

export function channelEconomics(dataset: AnalysisDataset, metrics: CustomerMetrics, future: Float64Array, windowMonths: number): ChannelRow[] {
  const names = dataset.dictionaries.channels;
  const k = names.length;
  const customers = new Float64Array(k);
  const cacSum = new Float64Array(k);
  const cacKnown = new Float64Array(k);
  const value = new Float64Array(k);
  const monthly = new Float64Array(k);
  const { channel, acquisitionCost } = dataset.customers;
  for (let c = 0; c < metrics.count; c++) {
    const code = channel[c] as number;
    if (code === NO_CODE || !metrics.hasPurchase[c]) continue;
    customers[code] = (customers[code] as number) + 1;
    const cac = acquisitionCost[c] as number;
    if (!Number.isNaN(cac)) {
      cacSum[code] = (cacSum[code] as number) + cac;
      cacKnown[code] = (cacKnown[code] as number) + 1;
    }
    value[code] = (value[code] as number) + (metrics.contribution[c] as number) + (future[c] as number);
    monthly[code] = (monthly[code] as number) + (metrics.currentProfit[c] as number) / windowMonths;
  }
  const spend = new Float64Array(k);
  const newCustomers = new Float64Array(k);
  const m = dataset.marketing;
  for (let i = 0; i < m.count; i++) {
    const code = m.channel[i] as number;
    if (code === NO_CODE || (m.start[i] as number) > metrics.asOf) continue;
    spend[code] = (spend[code] as number) + (m.spend[i] as number);
    const count = m.newCustomers[i] as number;
    if (!Number.isNaN(count)) newCustomers[code] = (newCustomers[code] as number) + count;
  }
  const rows: ChannelRow[] = [];
  for (let code = 0; code < k; code++) {
    const count = customers[code] as number;
    if (count === 0 && (spend[code] as number) === 0) continue;
    let cac: number | null = null;
    if ((cacKnown[code] as number) > 0) cac = (cacSum[code] as number) / (cacKnown[code] as number);
    else if ((spend[code] as number) > 0) {
      const acquired = (newCustomers[code] as number) || count;
      cac = acquired > 0 ? (spend[code] as number) / acquired : null;
    }
    const ltv = count > 0 ? (value[code] as number) / count : 0;
    const perMonth = count > 0 ? (monthly[code] as number) / count : 0;
    rows.push({
      channel: names[code] as string,
      customers: count,
      cac,
      ltv,
      ltvToCac: cac && cac > 0 ? ltv / cac : null,
      paybackMonths: cac !== null && perMonth > 0 ? cac / perMonth : null,
      spend: spend[code] as number,
    });
  }
  return rows.sort((a, b) => (b.ltvToCac ?? -Infinity) - (a.ltvToCac ?? -Infinity));
}
