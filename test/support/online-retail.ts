/**
 * An invoice export in the UCI Online Retail layout (InvoiceNo, StockCode, Description, Quantity,
 * InvoiceDate month first, UnitPrice, CustomerID, Country), over three years instead of the real
 * file's one, so that a year can be projected and checked against the next: a gift wholesaler whose
 * shops buy in invoices of several lines, more often before Christmas, with cancellations
 * ("C" invoices of negative quantities) and a fifth of the lines from walk-in buyers without a
 * customer id. Customers buy at their own pace and stop at some point (the process BG/NBD
 * describes), with the season on top — the model knows nothing of the season.
 */
import { random } from './random';

const DAY_MS = 86_400_000;
/** More orders before Christmas, fewer after it (a month's factor on the buying rate). */
const SEASON = [0.7, 0.75, 0.9, 0.95, 1, 1, 0.95, 1, 1.2, 1.3, 1.6, 1.1];
const PRODUCTS = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2.55],
  ['71053', 'WHITE METAL LANTERN', 3.39],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 2.75],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', 7.65],
  ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', 4.25],
  ['22633', 'HAND WARMER UNION JACK', 1.85],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 1.69],
  ['22960', 'JAM MAKING SET WITH JARS', 4.25],
  ['21212', 'PACK OF 72 RETROSPOT CAKE CASES', 0.55],
  ['47566', 'PARTY BUNTING', 4.95],
] as const;

export interface OnlineRetailFile {
  csv: string;
  lines: number;
  customers: number;
  firstDate: string;
  lastDate: string;
}

export function onlineRetailLike(options: { customers?: number; seed?: number } = {}): OnlineRetailFile {
  const next = random(options.seed ?? 2011);
  const customerCount = options.customers ?? 3000;
  const start = Date.UTC(2009, 11, 1) / DAY_MS;
  const end = Date.UTC(2012, 11, 9) / DAY_MS;
  const gamma = (shape: number): number => {
    // Marsaglia–Tsang, with the boost for shape < 1.
    if (shape < 1) return gamma(shape + 1) * next() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(1 - next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const monthOf = (day: number) => new Date(day * DAY_MS).getUTCMonth();
  type Invoice = { day: number; customer: string; lines: [string, string, number, number][] };
  const invoices: Invoice[] = [];
  for (let k = 0; k < customerCount; k++) {
    const id = String(12_346 + k);
    // A third were already customers when the export starts; the others arrive over the three years.
    const first = next() < 0.33 ? start + Math.floor(next() * 60) : start + Math.floor(next() * (end - start));
    const rate = (gamma(0.9) * 7) / 365; // orders a day, 7 a year on average
    const dropout = Math.min(0.9, gamma(1.2) * 0.08); // chance to stop after an order
    const level = 280 * Math.exp(0.8 * normal() - 0.32); // the shop's usual invoice, £
    let day = first;
    for (;;) {
      const lineCount = 1 + Math.floor(next() * 8);
      const lines: Invoice['lines'] = [];
      const target = level * Math.exp(0.4 * normal() - 0.08);
      // Distinct products on an invoice (two identical lines would be read as a duplicate row).
      const offset = Math.floor(next() * PRODUCTS.length);
      for (let l = 0; l < lineCount; l++) {
        const [code, name, price] = PRODUCTS[(offset + l) % PRODUCTS.length] as (typeof PRODUCTS)[number];
        lines.push([code, name, Math.max(1, Math.round(target / lineCount / price)), price]);
      }
      invoices.push({ day, customer: id, lines });
      if (next() < dropout) break;
      // The next order: a Poisson process at the customer's rate × the season, by thinning.
      let candidate = day;
      for (;;) {
        candidate += Math.max(1, Math.round(-Math.log(1 - next()) / (rate * 1.6)));
        if (candidate > end || next() < (SEASON[monthOf(candidate)] as number) / 1.6) break;
      }
      if (candidate > end) break;
      day = candidate;
    }
  }
  // Walk-in buyers: a fifth of the lines, without a customer id.
  const walkIns = Math.round(invoices.length * 0.25);
  for (let w = 0; w < walkIns; w++) {
    const [code, name, price] = PRODUCTS[Math.floor(next() * PRODUCTS.length)] as (typeof PRODUCTS)[number];
    invoices.push({ day: start + Math.floor(next() * (end - start)), customer: '', lines: [[code, name, 1 + Math.floor(next() * 6), price]] });
  }
  invoices.sort((a, b) => a.day - b.day);
  const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  let number = 536_365;
  let lastDay = start;
  const when = (day: number, minute: number) => {
    const date = new Date(day * DAY_MS);
    return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${8 + (minute % 10)}:${String(minute % 60).padStart(2, '0')}`;
  };
  for (const invoice of invoices) {
    number++;
    lastDay = Math.max(lastDay, invoice.day);
    for (const [code, name, quantity, price] of invoice.lines) rows.push(`${number},${code},${name},${quantity},${when(invoice.day, number)},${price.toFixed(2)},${invoice.customer},United Kingdom`);
    // One invoice in fifty is partly cancelled a few days later.
    if (invoice.customer && next() < 0.02) {
      const [code, name, quantity, price] = invoice.lines[0] as Invoice['lines'][number];
      const day = Math.min(end, invoice.day + 1 + Math.floor(next() * 10));
      rows.push(`C${number},${code},${name},${-Math.max(1, Math.floor(quantity / 2))},${when(day, number)},${price.toFixed(2)},${invoice.customer},United Kingdom`);
    }
  }
  const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return { csv: `${rows.join('\n')}\n`, lines: rows.length - 1, customers: customerCount, firstDate: iso(start), lastDate: iso(lastDay) };
}
