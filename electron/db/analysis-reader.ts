/**
 * Reads a workspace into the columnar dataset the analytics work on (shared/analytics/dataset.ts):
 * customers by index, text as codes, transactions and service costs sorted by customer, then day.
 */
import { Interner, NO_CODE, NO_DAY, orderByCustomerDay, type AnalysisDataset } from '../../shared/analytics/dataset';
import { UNKNOWN_CUSTOMER_KEY } from '../../shared/domain/customer-key';
import type { SqliteDatabase } from './sqlite';

type Row = (string | number | null)[];

const num = (value: string | number | null | undefined): number => (typeof value === 'number' ? value : Number.NaN);

function permute<T extends Int32Array | Float64Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as new (length: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i] as number] as number;
  return out;
}

/**
 * Customer index by workspace id: a flat table when the ids are dense enough (they are the rowids
 * of the customers table, so nearly always), else a map.
 */
function customerIndexById(ids: Float64Array, count: number): (id: number) => number {
  let maxId = 0;
  let minId = 0;
  for (let i = 0; i < count; i++) {
    maxId = Math.max(maxId, ids[i] as number);
    minId = Math.min(minId, ids[i] as number);
  }
  if (minId >= 0 && maxId <= 4 * count + 1024) {
    const table = new Int32Array(maxId + 1);
    for (let i = 0; i < count; i++) table[ids[i] as number] = i;
    return (id) => (id >= 0 && id <= maxId ? (table[id] as number) : 0);
  }
  const map = new Map<number, number>();
  for (let i = 0; i < count; i++) map.set(ids[i] as number, i);
  return (id) => map.get(id) ?? 0;
}

const countRows = (db: SqliteDatabase, table: string): number => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0;

/**
 * Reads every row into typed arrays sized beforehand, one row at a time (a million rows held as
 * JavaScript arrays would cost several hundred megabytes for a moment).
 */
export function readAnalysisDataset(db: SqliteDatabase): AnalysisDataset {
  // One read transaction: the counts and the rows come from the same state of the workspace.
  return db.inTransaction ? readAll(db) : db.transaction(() => readAll(db))();
}

function readAll(db: SqliteDatabase): AnalysisDataset {
  const channels = new Interner();
  const regions = new Interner();
  const industries = new Interner();
  const sizes = new Interner();
  const products = new Interner();
  const categories = new Interner();

  // The unknown customer (guests, placeholder ids) is no customer: it and its rows stay out.
  const unknownId = (db.prepare('SELECT id FROM customers WHERE key = ?').pluck().get(UNKNOWN_CUSTOMER_KEY) as number | undefined) ?? Number.NaN;
  const customerCount = countRows(db, 'customers') - (Number.isNaN(unknownId) ? 0 : 1);
  const ids = new Float64Array(customerCount);
  const customers = {
    count: customerCount,
    labels: new Array<string>(customerCount),
    acquiredDay: new Int32Array(customerCount).fill(NO_DAY),
    channel: new Int32Array(customerCount).fill(NO_CODE),
    acquisitionCost: new Float64Array(customerCount).fill(Number.NaN),
    region: new Int32Array(customerCount).fill(NO_CODE),
    industry: new Int32Array(customerCount).fill(NO_CODE),
    size: new Int32Array(customerCount).fill(NO_CODE),
    age: new Float64Array(customerCount).fill(Number.NaN),
    income: new Float64Array(customerCount).fill(Number.NaN),
  };
  let n = 0;
  for (const row of db.prepare('SELECT id, label, acquired_day, channel, acquisition_cost, region, industry, size, age, income FROM customers ORDER BY id').raw(true).iterate() as Iterable<Row>) {
    if (row[0] === unknownId) continue;
    if (n === customerCount) break;
    const index = n++;
    ids[index] = row[0] as number;
    customers.labels[index] = String(row[1]);
    if (typeof row[2] === 'number') customers.acquiredDay[index] = row[2];
    customers.channel[index] = channels.code(row[3] as string | null);
    customers.acquisitionCost[index] = num(row[4]);
    customers.region[index] = regions.code(row[5] as string | null);
    customers.industry[index] = industries.code(row[6] as string | null);
    customers.size[index] = sizes.code(row[7] as string | null);
    customers.age[index] = num(row[8]);
    customers.income[index] = num(row[9]);
  }
  const indexOf = customerIndexById(ids, n);

  const productMarginByName = new Map<string, number>();
  for (const row of db.prepare('SELECT product_id, category, margin_rate FROM products').raw(true).iterate() as Iterable<Row>) {
    products.code(row[0] as string);
    if (typeof row[2] === 'number') productMarginByName.set(row[0] as string, row[2]);
  }

  const txCount = countRows(db, 'transactions');
  const customer = new Int32Array(txCount);
  const day = new Int32Array(txCount);
  const amount = new Float64Array(txCount);
  const cost = new Float64Array(txCount);
  const product = new Int32Array(txCount);
  const category = new Int32Array(txCount);
  const order = new Int32Array(txCount);
  const orders = new Interner();
  let i = 0;
  for (const row of db.prepare('SELECT customer_id, day, amount, cost, product_id, category, order_id FROM transactions').raw(true).iterate() as Iterable<Row>) {
    if (i === txCount) break;
    if (row[0] === unknownId) continue;
    customer[i] = indexOf(row[0] as number);
    day[i] = row[1] as number;
    amount[i] = row[2] as number;
    cost[i] = num(row[3]);
    product[i] = products.code(row[4] as string | null);
    category[i] = categories.code(row[5] as string | null);
    order[i] = orders.code(row[6] as string | null);
    i++;
  }
  const txOrder = orderByCustomerDay(customer, day, i, n);
  const transactions = {
    count: i,
    customer: permute(customer.subarray(0, i), txOrder),
    day: permute(day.subarray(0, i), txOrder),
    amount: permute(amount.subarray(0, i), txOrder),
    cost: permute(cost.subarray(0, i), txOrder),
    product: permute(product.subarray(0, i), txOrder),
    category: permute(category.subarray(0, i), txOrder),
    order: permute(order.subarray(0, i), txOrder),
  };

  const scCount = countRows(db, 'service_costs');
  const scCustomer = new Int32Array(scCount);
  const scDay = new Int32Array(scCount);
  const scCost = new Float64Array(scCount);
  let k = 0;
  for (const row of db.prepare('SELECT customer_id, day, cost FROM service_costs').raw(true).iterate() as Iterable<Row>) {
    if (k === scCount) break;
    if (row[0] === unknownId) continue;
    scCustomer[k] = indexOf(row[0] as number);
    scDay[k] = row[1] as number;
    scCost[k] = row[2] as number;
    k++;
  }
  const scOrder = orderByCustomerDay(scCustomer, scDay, k, n);

  const spendRows = db.prepare('SELECT channel, period_start, period_end, spend, new_customers FROM marketing_spend').raw(true).all() as Row[];
  const prospectRows = db.prepare('SELECT label, channel, region, industry, size, age, income FROM prospects ORDER BY id').raw(true).all() as Row[];

  const productMargin = Float64Array.from(products.values, (name) => productMarginByName.get(name) ?? Number.NaN);
  return {
    customers,
    transactions,
    serviceCosts: { count: k, customer: permute(scCustomer.subarray(0, k), scOrder), day: permute(scDay.subarray(0, k), scOrder), cost: permute(scCost.subarray(0, k), scOrder) },
    marketing: {
      count: spendRows.length,
      channel: Int32Array.from(spendRows, (row) => channels.code(row[0] as string)),
      start: Int32Array.from(spendRows, (row) => row[1] as number),
      end: Int32Array.from(spendRows, (row) => row[2] as number),
      spend: Float64Array.from(spendRows, (row) => row[3] as number),
      newCustomers: Float64Array.from(spendRows, (row) => num(row[4])),
    },
    prospects: {
      count: prospectRows.length,
      labels: prospectRows.map((row) => String(row[0])),
      channel: Int32Array.from(prospectRows, (row) => channels.code(row[1] as string | null)),
      region: Int32Array.from(prospectRows, (row) => regions.code(row[2] as string | null)),
      industry: Int32Array.from(prospectRows, (row) => industries.code(row[3] as string | null)),
      size: Int32Array.from(prospectRows, (row) => sizes.code(row[4] as string | null)),
      age: Float64Array.from(prospectRows, (row) => num(row[5])),
      income: Float64Array.from(prospectRows, (row) => num(row[6])),
    },
    dictionaries: { channels: channels.values, regions: regions.values, industries: industries.values, sizes: sizes.values, products: products.values, categories: categories.values },
    productMargin,
  };
}

/** Workspace ids of the customers, in the order of the dataset's customer index. */
export function readCustomerIds(db: SqliteDatabase): Int32Array {
  return Int32Array.from(db.prepare('SELECT id FROM customers WHERE key <> ? ORDER BY id').pluck().all(UNKNOWN_CUSTOMER_KEY) as number[]);
}
