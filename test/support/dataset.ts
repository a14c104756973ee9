import { NO_CODE, NO_DAY, type AnalysisDataset } from '../../shared/analytics/dataset';
import { epochDayFromIso } from '../../shared/domain/dates';

export interface LineSpec {
  customer: number;
  date: string;
  amount: number;
  cost?: number;
  order?: number;
  product?: number;
}

/** A small dataset written the way a person reads it; lines must be given per customer in date order. */
export function datasetFrom(spec: { customers: string[]; lines: LineSpec[]; serviceCosts?: [number, string, number][]; channels?: (number | null)[]; channelNames?: string[]; cac?: (number | null)[] }): AnalysisDataset {
  const n = spec.customers.length;
  const lines = [...spec.lines].sort((a, b) => a.customer - b.customer || epochDayFromIso(a.date) - epochDayFromIso(b.date));
  const costs = [...(spec.serviceCosts ?? [])].sort((a, b) => a[0] - b[0] || epochDayFromIso(a[1]) - epochDayFromIso(b[1]));
  return {
    customers: {
      count: n,
      labels: spec.customers,
      acquiredDay: new Int32Array(n).fill(NO_DAY),
      channel: Int32Array.from({ length: n }, (_, c) => spec.channels?.[c] ?? NO_CODE),
      acquisitionCost: Float64Array.from({ length: n }, (_, c) => spec.cac?.[c] ?? Number.NaN),
      region: new Int32Array(n).fill(NO_CODE),
      industry: new Int32Array(n).fill(NO_CODE),
      size: new Int32Array(n).fill(NO_CODE),
      age: new Float64Array(n).fill(Number.NaN),
      income: new Float64Array(n).fill(Number.NaN),
    },
    transactions: {
      count: lines.length,
      customer: Int32Array.from(lines, (line) => line.customer),
      day: Int32Array.from(lines, (line) => epochDayFromIso(line.date)),
      amount: Float64Array.from(lines, (line) => line.amount),
      cost: Float64Array.from(lines, (line) => line.cost ?? Number.NaN),
      product: Int32Array.from(lines, (line) => line.product ?? NO_CODE),
      category: Int32Array.from(lines, () => NO_CODE),
      order: Int32Array.from(lines, (line) => line.order ?? NO_CODE),
    },
    serviceCosts: {
      count: costs.length,
      customer: Int32Array.from(costs, (row) => row[0]),
      day: Int32Array.from(costs, (row) => epochDayFromIso(row[1])),
      cost: Float64Array.from(costs, (row) => row[2]),
    },
    marketing: { count: 0, channel: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), spend: new Float64Array(0), newCustomers: new Float64Array(0) },
    prospects: { count: 0, labels: [], channel: new Int32Array(0), region: new Int32Array(0), industry: new Int32Array(0), size: new Int32Array(0), age: new Float64Array(0), income: new Float64Array(0) },
    dictionaries: { channels: spec.channelNames ?? [], regions: [], industries: [], sizes: [], products: [], categories: [] },
    productMargin: new Float64Array(0),
  };
}
