import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, generateDemoDataset } from '../../electron/services/samples/demo';
import { normalizeCustomerKey } from '../../shared/domain/customer-key';
import { epochDayFromParts, isoFromEpochDay } from '../../shared/domain/dates';
import type { CustomerRecord, DatasetRecords, TransactionRecord } from '../../shared/domain/records';

const END = DEMO_DEFAULTS.endDay;
const WINDOW_START = END - 364; // the last 12 months, as the ladder's "current profit"

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function get<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`missing ${String(key)}`);
  return value;
}

interface CustomerFigures {
  customer: CustomerRecord;
  purchaseDays: number[];
  revenue12: number;
  gross12: number;
  serve12: number;
  contribution12: number;
  contributionLifetime: number;
  categories: Set<string>;
  revenueByYear: [number, number, number];
}

function figures(data: DatasetRecords): Map<string, CustomerFigures> {
  const byKey = new Map<string, CustomerFigures>();
  for (const customer of data.customers) {
    byKey.set(customer.key, {
      customer, purchaseDays: [], revenue12: 0, gross12: 0, serve12: 0, contribution12: 0,
      contributionLifetime: 0, categories: new Set(), revenueByYear: [0, 0, 0],
    });
  }
  for (const t of data.transactions) {
    const f = get(byKey, t.customerKey);
    const gross = t.amount - (t.cost ?? 0);
    f.contributionLifetime += gross;
    if (t.amount > 0) {
      if (f.purchaseDays[f.purchaseDays.length - 1] !== t.day) f.purchaseDays.push(t.day);
      if (t.category) f.categories.add(t.category);
    }
    const yearsBack = Math.floor((END - t.day) / 365);
    if (yearsBack >= 0 && yearsBack < 3) f.revenueByYear[2 - yearsBack] = (f.revenueByYear[2 - yearsBack] ?? 0) + t.amount;
    if (t.day >= WINDOW_START) {
      f.revenue12 += t.amount;
      f.gross12 += gross;
      f.contribution12 += gross;
    }
  }
  for (const s of data.serviceCosts) {
    const f = get(byKey, s.customerKey);
    f.contributionLifetime -= s.cost;
    if (s.day >= WINDOW_START) {
      f.serve12 += s.cost;
      f.contribution12 -= s.cost;
    }
  }
  return byKey;
}

/** Share of the given customers that together make 80 % of the positive profit. */
function paretoShare(profits: number[]): number {
  const sorted = [...profits].sort((a, b) => b - a);
  const positive = sorted.filter((p) => p > 0).reduce((a, b) => a + b, 0);
  let sum = 0;
  let count = 0;
  for (const p of sorted) {
    if (sum >= 0.8 * positive) break;
    sum += p;
    count++;
  }
  return count / profits.length;
}

const data = generateDemoDataset();
const byKey = figures(data);
const all = [...byKey.values()];

describe('demo dataset: determinism', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    const a = generateDemoDataset({ seed: 7, customers: 300 });
    const b = generateDemoDataset({ seed: 7, customers: 300 });
    expect(b).toEqual(a);
    const c = generateDemoDataset({ seed: 8, customers: 300 });
    expect(c.transactions.length).toBeGreaterThan(0);
    expect(JSON.stringify(c.transactions.slice(0, 50))).not.toBe(JSON.stringify(a.transactions.slice(0, 50)));
    expect(JSON.stringify(c.customers)).not.toBe(JSON.stringify(a.customers));
  });

  it('uses the documented defaults', () => {
    expect(DEMO_DEFAULTS.customers).toBe(3000);
    expect(DEMO_DEFAULTS.endDay).toBe(epochDayFromParts(2025, 12, 31));
    expect(data).toEqual(generateDemoDataset({ seed: DEMO_DEFAULTS.seed, customers: 3000, endDay: END }));
  });

  it('honours the customer count and the end day', () => {
    const end = epochDayFromParts(2024, 6, 15);
    const small = generateDemoDataset({ customers: 120, endDay: end, seed: 3 });
    expect(small.customers).toHaveLength(120);
    expect(small.prospects).toHaveLength(30);
    expect(Math.max(...small.transactions.map((t) => t.day))).toBeLessThanOrEqual(end);
    expect(Math.min(...small.transactions.map((t) => t.day))).toBeGreaterThanOrEqual(epochDayFromParts(2021, 6, 16));
    expect(generateDemoDataset({ customers: 0 }).transactions).toHaveLength(0);
  });
});

describe('demo dataset: sizes and integrity', () => {
  it('has the expected sizes', () => {
    expect(data.customers).toHaveLength(3000);
    expect(data.transactions.length).toBeGreaterThanOrEqual(25_000);
    expect(data.transactions.length).toBeLessThanOrEqual(45_000);
    expect(data.products.length).toBeGreaterThanOrEqual(35);
    expect(data.products.length).toBeLessThanOrEqual(45);
    expect(data.prospects).toHaveLength(750);
    expect(data.marketingSpend).toHaveLength(6 * 36);
  });

  it('has normalised, unique keys and references only known customers and products', () => {
    const keys = new Set(data.customers.map((c) => c.key));
    expect(keys.size).toBe(data.customers.length);
    for (const c of data.customers) {
      expect(c.label).toMatch(/^C-\d{5}$/);
      expect(c.key).toBe(normalizeCustomerKey(c.label));
    }
    const prospectKeys = new Set(data.prospects.map((p) => p.key));
    expect(prospectKeys.size).toBe(data.prospects.length);
    for (const p of data.prospects) {
      expect(p.label).toMatch(/^P-\d{5}$/);
      expect(p.key).toBe(normalizeCustomerKey(p.label));
      expect(keys.has(p.key)).toBe(false);
    }
    const products = new Map(data.products.map((p) => [p.productId, p]));
    expect(products.size).toBe(data.products.length);
    const badLines = data.transactions.filter((t) => !keys.has(t.customerKey) || products.get(t.productId ?? '')?.category !== t.category);
    expect(badLines).toEqual([]);
    expect(data.serviceCosts.filter((s) => !keys.has(s.customerKey))).toEqual([]);
  });

  it('groups lines into orders: one customer and one day per order id, ids follow the dates', () => {
    const orders = groupBy(data.transactions.filter((t) => t.amount > 0), (t) => t.orderId ?? '');
    expect(orders.has('')).toBe(false);
    let previous = '';
    let previousDay = -Infinity;
    const bad: string[] = [];
    for (const [id, lines] of [...orders].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const day = lines[0]?.day ?? NaN;
      if (!/^O-\d{6,}$/.test(id)) bad.push(`${id}: format`);
      if (new Set(lines.map((l) => `${l.customerKey}|${l.day}`)).size !== 1) bad.push(`${id}: several customers or days`);
      if (!(day >= previousDay) || !(id > previous)) bad.push(`${id}: out of date order`);
      previous = id;
      previousDay = day;
    }
    expect(bad).toEqual([]);
    const linesPerOrder = data.transactions.length / orders.size;
    expect(linesPerOrder).toBeGreaterThan(1.5);
    expect(linesPerOrder).toBeLessThan(3);
    // At most one order per customer and day.
    expect(new Set(data.transactions.filter((t) => t.amount > 0).map((t) => `${t.customerKey}|${t.day}`)).size).toBe(orders.size);
  });

  it('keeps transactions and service costs in date order', () => {
    const unordered = (rows: readonly { day: number }[]): number =>
      rows.filter((row, i) => i > 0 && row.day < (rows[i - 1]?.day ?? -Infinity)).length;
    expect(unordered(data.transactions)).toBe(0);
    expect(unordered(data.serviceCosts)).toBe(0);
  });
});

describe('demo dataset: value ranges', () => {
  it('has products in six categories with margins between 0.15 and 0.6', () => {
    const categories = new Set(data.products.map((p) => p.category));
    expect([...categories].sort()).toEqual(['Accessories', 'Beans', 'Equipment', 'Milk & syrups', 'Service contracts', 'Spare parts']);
    for (const p of data.products) {
      expect(p.name).toBeTruthy();
      expect(p.marginRate).toBeGreaterThanOrEqual(0.15);
      expect(p.marginRate).toBeLessThanOrEqual(0.6);
    }
  });

  it('has transaction lines with consistent amounts, costs and quantities within three years', () => {
    const margin = new Map(data.products.map((p) => [p.productId, p.marginRate ?? NaN]));
    const startLimit = epochDayFromParts(2023, 1, 1);
    const salesChannels = new Set(['web', 'phone', 'field']);
    const bad = data.transactions.filter(
      (t) =>
        !(t.day >= startLimit && t.day <= END) ||
        !Number.isFinite(t.amount) ||
        t.amount === 0 ||
        Math.abs(Math.round(t.amount * 100) - t.amount * 100) > 1e-6 ||
        !Number.isInteger(t.quantity) ||
        Math.sign(t.quantity ?? 0) !== Math.sign(t.amount) ||
        !(Math.abs((t.cost ?? NaN) - t.amount * (1 - get(margin, t.productId ?? ''))) <= 0.011) ||
        !salesChannels.has(t.channel ?? ''),
    );
    expect(bad).toEqual([]);
    // The whole period is used: purchases in the first and in the last month.
    expect(data.transactions[0]?.day).toBeLessThan(startLimit + 31);
    expect(data.transactions[data.transactions.length - 1]?.day).toBeGreaterThan(END - 31);
  });

  it('has customers with plausible attributes', () => {
    const count = (f: (c: CustomerRecord) => string | null): number => new Set(data.customers.map(f)).size;
    expect(count((c) => c.channel)).toBe(6);
    expect(count((c) => c.region)).toBe(6);
    expect([...new Set(data.customers.map((c) => c.industry))].sort()).toEqual(['Cafe', 'Hotel', 'Household', 'Office', 'Restaurant', 'Retail']);
    expect([...new Set(data.customers.map((c) => c.size))].sort()).toEqual(['L', 'M', 'S']);
    let withAge = 0;
    let withIncome = 0;
    for (const c of data.customers) {
      expect(c.name && c.name.length > 3).toBe(true);
      expect(c.acquisitionCost).toBeGreaterThanOrEqual(0);
      if (c.age !== null) {
        withAge++;
        expect(c.age).toBeGreaterThanOrEqual(22);
        expect(c.age).toBeLessThanOrEqual(70);
      }
      if (c.income !== null) {
        withIncome++;
        expect(c.income).toBeGreaterThan(0);
      }
      expect(Object.keys(c.attributes).length).toBeGreaterThanOrEqual(2);
      if (c.industry === 'Household') expect(c.size).toBe('S');
    }
    expect(withAge / data.customers.length).toBeGreaterThan(0.3);
    expect(withAge).toBeLessThan(data.customers.length);
    expect(withIncome / data.customers.length).toBeGreaterThan(0.2);
    expect(withIncome).toBeLessThan(data.customers.length);
    expect(count((c) => c.name)).toBeGreaterThan(data.customers.length * 0.5);
  });

  it('has service costs of the five kinds, all positive', () => {
    const kinds = new Set(data.serviceCosts.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['delivery', 'discount', 'payment fee', 'support', 'visit']);
    expect(data.serviceCosts.filter((s) => !(s.cost > 0) || s.day > END || s.day < END - 3 * 366)).toEqual([]);
  });
});

describe('demo dataset: business properties', () => {
  it('acquires every customer at or a few days before the first purchase, more of them later', () => {
    for (const f of all) {
      const acquired = f.customer.acquiredDay ?? NaN;
      const firstPurchase = f.purchaseDays[0] ?? NaN;
      expect(firstPurchase - acquired).toBeGreaterThanOrEqual(0);
      expect(firstPurchase - acquired).toBeLessThanOrEqual(10);
    }
    const firstYear = data.customers.filter((c) => (c.acquiredDay ?? 0) < END - 730).length;
    const lastYear = data.customers.filter((c) => (c.acquiredDay ?? 0) >= WINDOW_START).length;
    expect(lastYear).toBeGreaterThan(firstYear * 1.5);
  });

  it('has a heavy-tailed profit: 15–25 % of the active customers make 80 % of the current profit', () => {
    const active = all.filter((f) => f.purchaseDays.some((d) => d >= WINDOW_START));
    const share = paretoShare(active.map((f) => f.contribution12));
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.25);
    // Over all customers (lapsed ones count with their zero) the share is lower still.
    const shareAll = paretoShare(all.map((f) => f.contribution12));
    expect(shareAll).toBeGreaterThanOrEqual(0.1);
    expect(shareAll).toBeLessThan(share);
    // Lifetime profit is heavy-tailed too.
    expect(paretoShare(all.map((f) => f.contributionLifetime))).toBeLessThanOrEqual(0.28);
  });

  it('has 10–20 % below-zero customers, mostly small and high-service with a positive gross margin', () => {
    const below = all.filter((f) => f.contribution12 < 0);
    const share = below.length / all.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.2);
    const positiveGross = below.filter((f) => f.gross12 > 0).length;
    expect(positiveGross / below.length).toBeGreaterThan(0.8);
    const small = below.filter((f) => f.customer.size === 'S').length;
    expect(small / below.length).toBeGreaterThan(0.6);
    // They cost more to serve per unit of revenue than the profitable customers.
    const serveRatio = (list: CustomerFigures[]): number =>
      list.reduce((a, f) => a + f.serve12, 0) / list.reduce((a, f) => a + Math.max(0, f.revenue12), 0);
    const profitable = all.filter((f) => f.contribution12 > 0);
    expect(serveRatio(below)).toBeGreaterThan(2 * serveRatio(profitable));
  });

  it('has refunds on about 1 % of lines, each returning an earlier purchase of the same order', () => {
    const refunds = data.transactions.filter((t) => t.amount < 0);
    const share = refunds.length / data.transactions.length;
    expect(share).toBeGreaterThan(0.004);
    expect(share).toBeLessThan(0.02);
    const purchases = groupBy(data.transactions.filter((t) => t.amount > 0), (t) => `${t.orderId}|${t.productId}`);
    const orphans = refunds.filter((r) => {
      const source = purchases.get(`${r.orderId}|${r.productId}`) ?? [];
      return !source.some(
        (p: TransactionRecord) => p.customerKey === r.customerKey && p.day < r.day && (p.quantity ?? 0) >= -(r.quantity ?? 0) && p.amount >= -r.amount,
      );
    });
    expect(orphans).toEqual([]);
  });

  it('has acquisition channels that differ in cost and in customer quality', () => {
    const channels = groupBy(all, (f) => f.customer.channel ?? '');
    const cac = (name: string): number => {
      const list = get(channels, name);
      return list.reduce((a, f) => a + (f.customer.acquisitionCost ?? 0), 0) / list.length;
    };
    const value = (name: string): number => {
      const list = get(channels, name);
      return list.reduce((a, f) => a + f.contributionLifetime, 0) / list.length;
    };
    expect(cac('Direct')).toBeLessThan(10);
    expect(cac('Social')).toBeLessThan(cac('Search ads'));
    expect(cac('Search ads')).toBeLessThan(cac('Partner'));
    expect(cac('Partner')).toBeLessThan(cac('Trade show'));
    expect(value('Referral')).toBeGreaterThan(2 * value('Social'));
    expect(value('Partner')).toBeGreaterThan(2 * value('Social'));
    expect(value('Referral')).toBeGreaterThan(value('Search ads'));
    // LTV / CAC: Social is the weakest paid channel, Referral the best.
    expect(value('Social') / cac('Social')).toBeLessThan(value('Referral') / cac('Referral') / 3);
  });

  it('has marketing spend per channel and month that matches the new customers', () => {
    const newByChannelMonth = groupBy(data.customers, (c) => `${c.channel}|${isoFromEpochDay(c.acquiredDay ?? 0).slice(0, 7)}`);
    const totals = new Map<string, { spend: number; customers: number }>();
    for (const row of data.marketingSpend) {
      const start = isoFromEpochDay(row.periodStart);
      expect(start.endsWith('-01')).toBe(true);
      expect(isoFromEpochDay(row.periodEnd + 1).endsWith('-01')).toBe(true);
      expect(row.periodEnd - row.periodStart).toBeGreaterThanOrEqual(27);
      expect(row.spend).toBeGreaterThanOrEqual(0);
      expect(row.newCustomers).toBe(newByChannelMonth.get(`${row.channel}|${start.slice(0, 7)}`)?.length ?? 0);
      const total = totals.get(row.channel) ?? { spend: 0, customers: 0 };
      total.spend += row.spend;
      total.customers += row.newCustomers ?? 0;
      totals.set(row.channel, total);
    }
    expect(totals.size).toBe(6);
    expect(data.customers.length).toBe([...totals.values()].reduce((a, t) => a + t.customers, 0));
    const channels = groupBy(data.customers, (c) => c.channel ?? '');
    for (const name of ['Search ads', 'Social', 'Trade show', 'Partner', 'Referral']) {
      const list = get(channels, name);
      const meanCac = list.reduce((a, c) => a + (c.acquisitionCost ?? 0), 0) / list.length;
      const total = get(totals, name);
      const spendPerCustomer = total.spend / total.customers;
      expect(spendPerCustomer).toBeGreaterThan(meanCac * 0.9);
      expect(spendPerCustomer).toBeLessThan(meanCac * 1.5);
    }
    const allSpend = [...totals.values()].reduce((a, t) => a + t.spend, 0);
    expect(get(totals, 'Direct').spend / allSpend).toBeLessThan(0.03);
  });

  it('has growing, declining, lapsed and won-back customers', () => {
    const veterans = all.filter((f) => (f.customer.acquiredDay ?? END) < END - 730 && f.revenueByYear[1] > 0);
    expect(veterans.length).toBeGreaterThan(200);
    const growing = veterans.filter((f) => f.revenueByYear[2] > 1.5 * f.revenueByYear[1]).length;
    const declining = veterans.filter((f) => f.revenueByYear[2] < 0.5 * f.revenueByYear[1]).length;
    expect(growing / veterans.length).toBeGreaterThan(0.1);
    expect(declining / veterans.length).toBeGreaterThan(0.1);
    const lapsed = all.filter((f) => (f.purchaseDays[f.purchaseDays.length - 1] ?? 0) < WINDOW_START).length;
    expect(lapsed / all.length).toBeGreaterThan(0.1);
    expect(lapsed / all.length).toBeLessThan(0.4);
    // Won back: a gap of more than 200 days, then at least two purchases again.
    const wonBack = all.filter((f) => {
      const d = f.purchaseDays;
      for (let i = 1; i < d.length - 1; i++) if ((d[i] ?? 0) - (d[i - 1] ?? 0) > 200) return true;
      return false;
    }).length;
    expect(wonBack / all.length).toBeGreaterThan(0.03);
    expect(wonBack / all.length).toBeLessThan(0.2);
  });

  it('has customers of different breadth (cross-sell gaps)', () => {
    const repeat = all.filter((f) => f.purchaseDays.length >= 5);
    const narrow = repeat.filter((f) => f.categories.size <= 2).length;
    const broad = repeat.filter((f) => f.categories.size >= 4).length;
    expect(narrow / repeat.length).toBeGreaterThan(0.15);
    expect(broad / repeat.length).toBeGreaterThan(0.15);
  });

  it('charges more delivery to far regions and visits field customers', () => {
    const region = new Map(data.customers.map((c) => [c.key, c.region]));
    const deliveries = data.serviceCosts.filter((s) => s.kind === 'delivery');
    const mean = (name: string): number => {
      const list = deliveries.filter((s) => region.get(s.customerKey) === name);
      return list.reduce((a, s) => a + s.cost, 0) / list.length;
    };
    expect(mean('Islands')).toBeGreaterThan(1.5 * mean('Metro'));
    const orders = new Set(data.transactions.filter((t) => t.amount > 0).map((t) => t.orderId)).size;
    expect(deliveries).toHaveLength(orders);
    const fieldCustomers = new Set(data.transactions.filter((t) => t.channel === 'field').map((t) => t.customerKey));
    const visited = new Set(data.serviceCosts.filter((s) => s.kind === 'visit').map((s) => s.customerKey));
    expect(visited.size).toBeGreaterThan(50);
    const visitedInField = [...visited].filter((k) => fieldCustomers.has(k)).length;
    expect(visitedInField / visited.size).toBeGreaterThan(0.9);
  });

  it('has prospects with customer attributes, some looking like the best customers', () => {
    for (const p of data.prospects) {
      expect(p.channel && p.region && p.industry && p.size).toBeTruthy();
      if (p.age !== null) expect(p.age >= 22 && p.age <= 70).toBe(true);
    }
    // Attribute values over-represented among the top 10 % by lifetime profit are over-represented among prospects too.
    const ranked = [...all].sort((a, b) => b.contributionLifetime - a.contributionLifetime);
    const top = ranked.slice(0, Math.floor(all.length / 10));
    const share = <T>(list: readonly T[], test: (item: T) => boolean): number => list.filter(test).length / list.length;
    const large = (x: { size: string | null }): boolean => x.size !== 'S';
    const topLift = share(top.map((f) => f.customer), large) / share(data.customers, large);
    expect(topLift).toBeGreaterThan(1.5);
    expect(share(data.prospects, large)).toBeGreaterThan(1.15 * share(data.customers, large));
  });
});
