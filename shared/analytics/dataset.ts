/**
 * The workspace's data as the analytics read it: columns of typed arrays, text as small integer
 * codes into dictionaries. Transactions and service costs are sorted by customer, then day.
 */

/** An unknown day in an Int32Array of epoch days. */
export const NO_DAY = -2147483648;
/** An absent code (no product, no channel…). */
export const NO_CODE = -1;

export interface CustomerColumns {
  count: number;
  labels: string[];
  /** Acquisition date, if the customers table gives one (else NO_DAY; the first purchase is used). */
  acquiredDay: Int32Array;
  channel: Int32Array;
  /** CAC; NaN when unknown. */
  acquisitionCost: Float64Array;
  region: Int32Array;
  industry: Int32Array;
  size: Int32Array;
  age: Float64Array;
  income: Float64Array;
}

export interface TransactionColumns {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Cost of goods; NaN when the data has none (the product's margin, else the default margin, applies). */
  cost: Float64Array;
  product: Int32Array;
  category: Int32Array;
  /** Code of the order id; NO_CODE when the data has none (a customer's day is then one order). */
  order: Int32Array;
}

export interface ServiceCostColumns {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  cost: Float64Array;
}

export interface MarketingColumns {
  count: number;
  channel: Int32Array;
  start: Int32Array;
  end: Int32Array;
  spend: Float64Array;
  /** NaN when unknown. */
  newCustomers: Float64Array;
}

export interface ProspectColumns {
  count: number;
  labels: string[];
  channel: Int32Array;
  region: Int32Array;
  industry: Int32Array;
  size: Int32Array;
  age: Float64Array;
  income: Float64Array;
}

export interface Dictionaries {
  channels: string[];
  regions: string[];
  industries: string[];
  sizes: string[];
  products: string[];
  categories: string[];
}

export interface AnalysisDataset {
  customers: CustomerColumns;
  transactions: TransactionColumns;
  serviceCosts: ServiceCostColumns;
  marketing: MarketingColumns;
  prospects: ProspectColumns;
  dictionaries: Dictionaries;
  /** Margin rate per product code (NaN when unknown). */
  productMargin: Float64Array;
}

/** Start offsets of each customer's rows in a customer-sorted table: rows of customer c are [offsets[c], offsets[c + 1]). */
export function offsetsByCustomer(customer: Int32Array, rows: number, customers: number): Int32Array {
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < rows; i++) {
    const slot = (customer[i] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let c = 0; c < customers; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  return offsets;
}

/** Interns strings as codes, for building dictionaries. */
export class Interner {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return NO_CODE;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

/**
 * The order of `count` rows by (customer, day), rows of the same customer and day in the order
 * given (a stable sort). A counting sort on the customer, then each customer's rows by day: a
 * customer whose rows already come in day order costs one pass; one that does not is sorted in
 * O(k log k) — a POS export's "cash customer" may hold half a file in no order at all.
 */
export function orderByCustomerDay(customer: Int32Array, day: Int32Array, count: number, customers: number): Int32Array {
  const starts = new Int32Array(customers + 1);
  for (let i = 0; i < count; i++) {
    const slot = (customer[i] as number) + 1;
    starts[slot] = (starts[slot] as number) + 1;
  }
  for (let c = 0; c < customers; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const next = starts.slice(0, customers);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = customer[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  let keys: Float64Array | null = null;
  for (let c = 0; c < customers; c++) {
    const from = starts[c] as number;
    const to = starts[c + 1] as number;
    let sorted = true;
    for (let i = from + 1; i < to && sorted; i++) sorted = (day[order[i - 1] as number] as number) <= (day[order[i] as number] as number);
    if (sorted) continue;
    // Each key packs (day − first day) × k + position: distinct, exact in a double while days span
    // less than 2^53 / k, and sorted by the engine's numeric sort. The position keeps ties stable.
    const k = to - from;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i++) {
      const d = day[order[i] as number] as number;
      first = Math.min(first, d);
      last = Math.max(last, d);
    }
    if ((last - first + 1) * k > Number.MAX_SAFE_INTEGER) {
      order.subarray(from, to).sort((a, b) => (day[a] as number) - (day[b] as number) || a - b);
      continue;
    }
    if (!keys || keys.length < k) keys = new Float64Array(Math.max(k, keys ? keys.length * 2 : 0));
    const slice = keys.subarray(0, k);
    for (let i = 0; i < k; i++) slice[i] = ((day[order[from + i] as number] as number) - first) * k + i;
    slice.sort();
    const rows = order.slice(from, to);
    for (let i = 0; i < k; i++) order[from + i] = rows[(slice[i] as number) % k] as number;
  }
  return order;
}
