/**
 * Synthetic but realistic exports of every platform profile (electron/services/import/profiles.ts),
 * written the way each platform writes them (header, delimiter, quoting, encoding, date and money
 * formats, grain) from the layouts in shared/data/platform-exports.md, with what an import must
 * find computed independently while the rows are generated: the model below follows the rules of
 * the profiles module comment and the profile entries, never the engine (profile-rows.ts).
 *
 * Everything is deterministic (a seeded PRNG); dates fall between 2022-01-01 and 2025-06-30, times
 * between 09:00 and 18:59 so that no offset moves a date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

/** What importing a fixture with no options must give. */
export interface ImportExpectation {
  kind: 'transactions' | 'customers';
  /** Distinct normalised customer keys of the committed rows, plus 1 when a committed row has no customer. */
  customers: number;
  /** Rows committed. */
  transactions: number;
  /** Sum of the committed net amounts (tax and shipping excluded, refunds netted). */
  revenue: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Rows (lines) skipped for a status, a cancellation or a full refund (`status_skipped`). */
  skippedByStatus: number;
  /** Committed rows with no customer key. */
  unknownCustomerRows: number;
  /** Orders or rows with money given back. */
  refunds: number;
  /** Warning codes raised before commit (sorted). */
  warnings: string[];
}

/** An export the importer must refuse. */
export interface RefusedExpectation {
  refusedWith: 'profileNoCustomer';
}

export type Expected = ImportExpectation | RefusedExpectation;

export interface PlatformFixture {
  /** The profile name the importer must recognise. */
  profile: string;
  fileName: string;
  /** Writes the file into `dir`; returns its path. */
  write(dir: string): string;
  expected: Expected;
}

export function isRefused(expected: Expected): expected is RefusedExpectation {
  return 'refusedWith' in expected;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return at(items, this.int(0, items.length - 1));
  }
  /** `n` different items, in random order. */
  distinct<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    return out;
  }
  /** Upper-case letters and digits. */
  code(length: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
  digits(length: number): string {
    return String(this.int(1, 9)) + this.code(length - 1, '0123456789');
  }
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 5, 30) / DAY_MS;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface When {
  day: number;
  y: number;
  m: number;
  d: number;
  hh: number;
  mi: number;
  ss: number;
}

function whenOf(day: number, hh: number, mi: number, ss: number): When {
  const date = new Date(day * DAY_MS);
  return { day, y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), hh, mi, ss };
}

/** A moment between 2022-01-01 and 2025-06-30 (or in [from, to] epoch days), 09:00–18:59. */
function randomWhen(rng: Rng, from = FIRST_DAY, to = LAST_DAY): When {
  return whenOf(rng.int(from, to), rng.int(9, 18), rng.int(0, 59), rng.int(0, 59));
}

/** `days` later, never after 2025-06-30. */
function later(rng: Rng, w: When, days: number): When {
  return whenOf(Math.min(LAST_DAY, w.day + days), rng.int(9, 18), rng.int(0, 59), rng.int(0, 59));
}

function byTime(a: When, b: When): number {
  return a.day - b.day || a.hh - b.hh || a.mi - b.mi || a.ss - b.ss;
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const iso = (w: When): string => `${w.y}-${p2(w.m)}-${p2(w.d)}`;
const hms = (w: When): string => `${p2(w.hh)}:${p2(w.mi)}:${p2(w.ss)}`;
const mdy = (w: When): string => `${p2(w.m)}/${p2(w.d)}/${w.y}`;
const mdy2 = (w: When): string => `${p2(w.m)}/${p2(w.d)}/${p2(w.y % 100)}`;
const dmy = (w: When): string => `${p2(w.d)}/${p2(w.m)}/${w.y}`;
const ebayDate = (w: When): string => `${MONTHS[w.m - 1]}-${p2(w.d)}-${p2(w.y % 100)}`;
const wixDate = (w: When): string => `${MONTHS[w.m - 1]} ${w.d}, ${w.y}`;
const ampm = (w: When): string => `${w.hh % 12 === 0 ? 12 : w.hh % 12}:${p2(w.mi)}:${p2(w.ss)} ${w.hh < 12 ? 'AM' : 'PM'}`;
/** US Eastern offset: daylight time from March to October (near enough for a fixture). */
const eastern = (w: When): string => (w.m >= 3 && w.m <= 10 ? '-0400' : '-0500');
const pacificAbbr = (w: When): string => (w.m >= 3 && w.m <= 10 ? 'PDT' : 'PST');

// ---------------------------------------------------------------------------------------------
// Money, in integer cents

function dec(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${p2(abs % 100)}`;
}
function grouped(cents: number): string {
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}${units}.${p2(abs % 100)}`;
}
/** `$1,234.50`; negatives `($3.20)` or `-$3.20`. */
function usd(cents: number, negative: 'parens' | 'minus' = 'minus'): string {
  const body = `$${grouped(Math.abs(cents))}`;
  if (cents >= 0) return body;
  return negative === 'parens' ? `(${body})` : `-${body}`;
}
const decComma = (cents: number): string => dec(cents).replace('.', ',');

/**
 * The net amount of the rules: (gross − minus) × (gross − refund) ÷ gross, to the cent; null when
 * it falls exactly on half a cent (the fixture then picks another refund, so that no rounding mode
 * decides the expectation).
 */
function netOf(gross: number, minus: number, refund: number): number | null {
  const base = gross - minus;
  if (refund === 0) return base;
  const num = base * (gross - refund);
  const twice = 2 * num;
  if (twice % gross === 0 && Math.abs(twice / gross) % 2 === 1) return null;
  return Math.round(num / gross);
}

/** A partial refund of `gross` (between lo and hi of it) whose net amount is not a half-cent tie. */
function partialRefund(rng: Rng, gross: number, minus: number, lo = 0.05, hi = 0.6): number {
  for (;;) {
    const refund = rng.int(Math.max(1, Math.ceil(gross * lo)), Math.max(1, Math.floor(gross * hi)));
    if (refund < gross && netOf(gross, minus, refund) !== null) return refund;
  }
}

function netOrThrow(gross: number, minus: number, refund: number): number {
  const net = netOf(gross, minus, refund);
  if (net === null) throw new Error('half-cent tie');
  return net;
}

/** An order's amount over its lines by their value, to the cent, the remainder on the last line. */
function spread(total: number, values: readonly number[]): number[] {
  const all = sum(values);
  const parts: number[] = [];
  let given = 0;
  values.forEach((value, i) => {
    if (i === values.length - 1) parts.push(total - given);
    else {
      const part = all > 0 ? Math.round((total * value) / all) : Math.round(total / values.length);
      parts.push(part);
      given += part;
    }
  });
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Customers and the expectation

/** The importer's default identity of a key: trimmed, no spaces, lower-case, leading zeros of a leading number dropped. */
function normalizeKey(raw: string): string {
  let key = raw.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();
  if (/^0+\d/.test(key)) key = key.replace(/^0+(?=\d)/, '');
  return key;
}

const PLACEHOLDERS = new Set(['', '(blank)', 'guest', '0', 'n/a', 'unknown']);

/** The first non-empty of the key cells, in the profile's order; null for none or a placeholder. */
function keyOf(...cells: readonly (string | undefined)[]): string | null {
  for (const cell of cells) {
    const value = (cell ?? '').trim();
    if (value) return PLACEHOLDERS.has(value.toLowerCase()) ? null : value;
  }
  return null;
}

class Tally {
  private readonly keys = new Set<string>();
  private unknown = false;
  private transactions = 0;
  private cents = 0;
  private first: string | null = null;
  private last: string | null = null;
  private skipped = 0;
  private unknownRows = 0;
  private refunds = 0;

  /** One committed row. */
  commit(key: string | null, cents: number, date: string): void {
    this.transactions += 1;
    this.cents += cents;
    if (key === null) {
      this.unknown = true;
      this.unknownRows += 1;
    } else this.keys.add(normalizeKey(key));
    if (this.first === null || date < this.first) this.first = date;
    if (this.last === null || date > this.last) this.last = date;
  }

  /** A committed order of lines (grain `lines`): its amount spread over the lines with a product. */
  commitOrder(key: string | null, cents: number, date: string, lineValues: readonly number[]): void {
    for (const part of spread(cents, lineValues)) this.commit(key, part, date);
  }

  skip(rows = 1): void {
    this.skipped += rows;
  }

  refund(): void {
    this.refunds += 1;
  }

  /** A customers file: one customer per row with a key. */
  customer(key: string): void {
    this.keys.add(normalizeKey(key));
  }

  expected(kind: 'transactions' | 'customers', extraWarnings: readonly string[] = []): ImportExpectation {
    const warnings = [...extraWarnings];
    if (this.unknownRows > 5) warnings.push('unknown_customers');
    return {
      kind,
      customers: this.keys.size + (this.unknown ? 1 : 0),
      transactions: this.transactions,
      revenue: this.cents / 100,
      firstDate: this.first,
      lastDate: this.last,
      skippedByStatus: this.skipped,
      unknownCustomerRows: this.unknownRows,
      refunds: this.refunds,
      warnings: warnings.sort(),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// People and goods

const EN_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Donald', 'Sandra', 'Steven', 'Ashley', 'Paul', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kevin', 'Michelle', 'Brian', 'Amanda', 'George', 'Melissa', 'Olivia', 'Noah', 'Liam', 'Emma', 'Ava', 'Sophia', 'Ethan', 'Lucas', 'Chloé', 'Zoë'];
const EN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', "O'Brien", 'McCarthy'];
const ES_FIRST = ['Sofía', 'Martín', 'Lucía', 'Mateo', 'Valentina', 'Benjamín', 'Camila', 'Joaquín', 'Martina', 'Tomás', 'Catalina', 'Agustín', 'Florencia', 'Nicolás', 'Julieta', 'Santiago', 'Renata', 'Ignacio', 'Micaela', 'Facundo'];
const ES_LAST = ['González', 'Rodríguez', 'Gómez', 'Fernández', 'López', 'Díaz', 'Martínez', 'Pérez', 'García', 'Sánchez', 'Romero', 'Sosa', 'Álvarez', 'Torres', 'Ruiz', 'Ramírez', 'Flores', 'Acosta', 'Benítez', 'Medina', 'Núñez', 'Muñoz'];
const PT_FIRST = ['João', 'Maria', 'José', 'Ana', 'Antônio', 'Francisca', 'Carlos', 'Adriana', 'Paulo', 'Juliana', 'Lucas', 'Márcia', 'Luís', 'Fernanda', 'Gabriel', 'Patrícia', 'Rafael', 'Aline', 'Marcos', 'Sandra', 'Conceição', 'Vinícius'];
const PT_LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Ribeiro', 'Carvalho', 'Araújo', 'Melo', 'Barbosa', 'Cardoso', 'Rocha', 'Dias', 'Nascimento', 'Castro', 'Simões', 'Gonçalves'];
const US_CITIES: readonly (readonly [string, string, string])[] = [
  ['New York', 'NY', '10001'], ['Brooklyn', 'NY', '11201'], ['Boston', 'MA', '02108'], ['Chicago', 'IL', '60601'], ['Austin', 'TX', '73301'], ['Denver', 'CO', '80202'],
  ['Seattle', 'WA', '98101'], ['Portland', 'OR', '97201'], ['San Diego', 'CA', '92101'], ['Atlanta', 'GA', '30301'], ['Newark', 'NJ', '07102'], ['Miami', 'FL', '33101'],
];
const STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Park Rd', 'Elm St', 'Lake View Blvd', 'Sunset Ave', 'Hillcrest Rd', 'River Rd'];

interface Person {
  first: string;
  last: string;
  full: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/**
 * `n` people whose names (and e-mails, phones) differ from each other and from anyone already in
 * `used` (compared the way the importer compares keys), so no two people share a key.
 */
function makePeople(rng: Rng, n: number, firsts: readonly string[], lasts: readonly string[], used: Set<string>, domain = 'example.com', twoLast = false): Person[] {
  const out: Person[] = [];
  while (out.length < n) {
    const first = rng.pick(firsts);
    const last = twoLast && rng.chance(0.5) ? `${rng.pick(lasts)} ${rng.pick(lasts)}` : rng.pick(lasts);
    const full = `${first} ${last}`;
    if (used.has(normalizeKey(full))) continue;
    const email = `${ascii(first)}.${ascii(last)}${rng.int(1, 99)}@${domain}`;
    if (used.has(normalizeKey(email))) continue;
    used.add(normalizeKey(full));
    used.add(normalizeKey(email));
    const [city, state, zip] = rng.pick(US_CITIES);
    out.push({ first, last, full, email, phone: `+1 555-${String(1000 + used.size).padStart(4, '0')}`, street: `${rng.int(1, 999)} ${rng.pick(STREETS)}`, city, state, zip });
  }
  return out;
}

interface Good {
  name: string;
  sku: string;
  price: number;
  category: string;
}

interface Line {
  good: Good;
  qty: number;
  /** Price × quantity, in cents. */
  value: number;
}

function goods(names: readonly (readonly [string, string, number])[], prefix: string, category = ''): Good[] {
  return names.map(([name, cat, price], i) => ({ name, sku: `${prefix}-${String(100 + i)}`, price, category: cat || category }));
}

/** `n` lines of different goods, mostly one of each. */
function lineItems(rng: Rng, from: readonly Good[], n: number, maxQty = 3): Line[] {
  return rng.distinct(from, n).map((good) => {
    const qty = rng.chance(0.7) ? 1 : rng.int(2, maxQty);
    return { good, qty, value: good.price * qty };
  });
}

const APPAREL = goods(
  [
    ['Organic Cotton Tee - Black / M', 'Tops', 2800], ['Organic Cotton Tee - White / S', 'Tops', 2800], ['Linen Shirt - Sand / L', 'Tops', 6400], ['Merino Crew Sweater - Navy / M', 'Knitwear', 11800],
    ['Wool Beanie - Charcoal', 'Accessories', 3200], ['Canvas Tote Bag', 'Accessories', 2400], ['Selvedge Denim - 32/32', 'Bottoms', 14800], ['Chino Shorts - Olive / 34', 'Bottoms', 5600],
    ['Rain Shell Jacket - Forest / M', 'Outerwear', 18900], ['Crew Socks 3-Pack', 'Accessories', 1800], ['Leather Belt - Tan / 34', 'Accessories', 4500], ['Hooded Sweatshirt - Heather / XL', 'Knitwear', 7200],
    ['Baseball Cap - Stone', 'Accessories', 2900], ['Quilted Vest - Black / L', 'Outerwear', 9800], ['Silk Scarf "Garden"', 'Accessories', 5400], ['Running Shorts, 2-in-1 / M', 'Bottoms', 4200],
    ['Gift Card $25', 'Gift cards', 2500], ['Flannel Overshirt - Red / M', 'Tops', 7900], ['Trail Runner Socks', 'Accessories', 1600], ['Packable Down Jacket - Navy / S', 'Outerwear', 21500],
  ],
  'NW',
);
const HANDMADE = goods(
  [
    ['Handmade Ceramic Mug, Speckled', 'Home', 3400], ['Personalized Leather Keychain', 'Accessories', 1850], ['Macrame Wall Hanging - Large', 'Home', 7900], ['Sterling Silver Stacking Ring', 'Jewelry', 4200],
    ['Beeswax Candle Set (3)', 'Home', 2600], ['Custom Pet Portrait, Digital', 'Art', 5500], ['Linen Napkins, Set of 4', 'Home', 3800], ['Pressed Flower Bookmark', 'Paper', 950],
    ['Hand-Knit Baby Blanket', 'Baby', 8900], ['Watercolor Print A4', 'Art', 2200], ['Wooden Cutting Board - Walnut', 'Home', 6400], ['Gold-Filled Initial Necklace', 'Jewelry', 3900],
    ['Crochet Plant Hanger', 'Home', 1700], ['Soy Wax Melts', 'Home', 1200], ['Embroidered Patch', 'Accessories', 800], ['Stoneware Planter, Small', 'Home', 2900],
  ],
  'ETSY',
);
const CAFE = goods(
  [
    ['Latte', 'Coffee', 475], ['Cappuccino', 'Coffee', 450], ['Cold Brew', 'Coffee', 495], ['Drip Coffee', 'Coffee', 325], ['Matcha Latte', 'Tea', 550], ['Chai Latte', 'Tea', 525],
    ['Croissant', 'Pastry', 395], ['Blueberry Muffin', 'Pastry', 375], ['Avocado Toast', 'Food', 1050], ['Breakfast Burrito', 'Food', 1195], ['Whole Bean 12oz', 'Retail', 1800], ['Ceramic Tumbler', 'Retail', 2800],
  ],
  'SQ',
);
const GADGETS = goods(
  [
    ['USB-C Charging Cable 6ft', 'Cables', 1299], ['Wireless Earbuds Pro', 'Audio', 7999], ['Phone Case - Clear', 'Cases', 1599], ['Bluetooth Speaker Mini', 'Audio', 3499], ['Laptop Stand Aluminum', 'Accessories', 4599],
    ['Mechanical Keyboard 87-key', 'Input', 8999], ['Wireless Mouse', 'Input', 2499], ['HDMI Adapter 4K', 'Cables', 1899], ['Power Bank 20000mAh', 'Power', 3999], ['Smart Plug 2-Pack', 'Smart Home', 2299],
    ['LED Desk Lamp', 'Lighting', 3299], ['Webcam 1080p', 'Video', 4999], ['Screen Protector 3-Pack', 'Cases', 999], ['Wall Charger 65W', 'Power', 2999], ['Vintage Film Camera', 'Collectibles', 12500],
  ],
  'GD',
);

// ---------------------------------------------------------------------------------------------
// Writing files

type Cells = Record<string, string>;

/** A header's names (quotes stripped); a repeated name gets `#2`, `#3` … so each cell can be addressed. */
function headerNames(line: string, delimiter: string): string[] {
  const seen = new Map<string, number>();
  return line.split(delimiter).map((raw) => {
    const name = raw.replace(/^"|"$/g, '');
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}#${count}`;
  });
}

function rowOf(header: readonly string[], cells: Cells): string[] {
  for (const name of Object.keys(cells)) if (!header.includes(name)) throw new Error(`no column ${name}`);
  return header.map((name) => cells[name] ?? '');
}

function quoteCell(cell: string, delimiter: string, all: boolean): string {
  return all || cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function lines(rows: readonly (readonly string[])[], delimiter: string, quoteAll = false): string[] {
  return rows.map((row) => row.map((cell) => quoteCell(cell, delimiter, quoteAll)).join(delimiter));
}

interface Built {
  fileName: string;
  content: string | Buffer;
  expected: Expected;
}

function fixture(profile: string, build: () => Built): PlatformFixture {
  const built = build();
  return {
    profile,
    fileName: built.fileName,
    expected: built.expected,
    write(dir: string): string {
      const path = join(dir, built.fileName);
      writeFileSync(path, built.content);
      return path;
    },
  };
}

const BOM = '\ufeff';
const SHOPIFY_ORDERS_HEADER = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";
const SHOPIFY_CUSTOMERS_HEADER = "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags";
const WOO_ORDERS_HEADER = "Date,Order #,N. Revenue (formatted),Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net Sales,Attribution";
const WOO_CUSTOMERS_HEADER = "Name,Username,Last Active,Sign Up,Email,Orders,Total Spend,AOV,Country / Region,City,Region,Postal Code";
const ETSY_ORDERS_HEADER = "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU";
const ETSY_ITEMS_HEADER = "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,Ship Address1,Ship Address2,Ship City,Ship State,Ship Zipcode,Ship Country,Order ID,Variations,Order Type,Listings Type,Payment Type,InPerson Discount,InPerson Location,VAT Paid by Buyer,SKU";
const STRIPE_PAYMENTS_HEADER = "id,Description,Seller Message,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Fee,Tax,Converted Currency,Mode,Status,Statement Descriptor,Customer ID,Customer Description,Customer Email,Captured,Card ID,Card Last4,Card Brand,Card Funding,Card Exp Month,Card Exp Year,Card Name,Card Address Line1,Card Address Line2,Card Address City,Card Address State,Card Address Country,Card Address Zip,Card Issue Country,Card Fingerprint,Card CVC Status,Card AVS Zip Status,Card AVS Line1 Status,Card Tokenization Method,Disputed Amount,Dispute Status,Dispute Reason,Dispute Date (UTC),Dispute Evidence Due (UTC),Invoice ID,Payment Source Type,Destination,Transfer,Interchange Costs,Merchant Service Charge,Transfer Group,PaymentIntent ID";
const STRIPE_CUSTOMERS_HEADER = "id,Description,Email,Name,Created (UTC),Delinquent,Plan,Status,Total Spend,Payment Count,Refunded Volume,Dispute Losses";
const SQUARE_TX_HEADER = "Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Gift Card Sales,Tax,Tip,Partial Refunds,Total Collected,Source,Card,Card Entry Methods,Cash,Square Gift Card,Installment,Other Tender,Other Tender Type,Other Tender Note,Fees,Net Total,Transaction ID,Payment ID,Card Brand,PAN Suffix,Device Name,Staff Name,Staff ID,Details,Description,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Device Nickname,Deposit ID,Deposit Date,Deposit Details,Fee Percentage Rate,Fee Fixed Rate,Refund Reason";
const SQUARE_ITEMS_HEADER = "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,Itemization Type,Commission,Employee,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix";
const PAYPAL_HEADER = "\"Date\",\"Time\",\"TimeZone\",\"Name\",\"Type\",\"Status\",\"Currency\",\"Gross\",\"Fee\",\"Net\",\"From Email Address\",\"To Email Address\",\"Transaction ID\",\"Shipping Address\",\"Address Status\",\"Item Title\",\"Item ID\",\"Shipping and Handling Amount\",\"Insurance Amount\",\"Sales Tax\",\"Option 1 Name\",\"Option 1 Value\",\"Option 2 Name\",\"Option 2 Value\",\"Reference Txn ID\",\"Invoice Number\",\"Custom Number\",\"Quantity\",\"Receipt ID\",\"Balance\",\"Address Line 1\",\"Address Line 2/District/Neighborhood\",\"Town/City\",\"State/Province/Region/County/Territory/Prefecture/Republic\",\"Zip/Postal Code\",\"Country\",\"Contact Phone Number\",\"Subject\",\"Note\",\"Country Code\",\"Balance Impact\"";
const AMAZON_HEADER = "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tcpf\tis-business-order\tpurchase-order-number\tprice-designation";
const EBAY_HEADER = "\"Sales Record Number\",\"Order Number\",\"Buyer Username\",\"Buyer Name\",\"Buyer Email\",\"Buyer Note\",Buyer Address 1,Buyer Address 2,Buyer City,\"Buyer State\",\"Buyer Zip\",\"Buyer Country\",\"Buyer Tax Identifier Name\",\"Buyer Tax Identifier Value\",Ship To Name,\"Ship To Phone\",Ship To Address 1,Ship To Address 2,Ship To City,\"Ship To State\",\"Ship To Zip\",\"Ship To Country\",\"Item Number\",\"Item Title\",Custom Label,\"Sold Via Promoted Listings\",\"Quantity\",\"Sold For\",\"Shipping And Handling\",Item Location,\"Item Zip Code\",\"Item Country\",\"eBay Collect And Remit Tax Rate\",\"eBay Collect And Remit Tax Type\",\"eBay Reference Name\",eBay Reference Value,Tax Status,\"Seller Collected Tax\",\"eBay Collected Tax\",\"Electronic Waste Recycling Fee\",\"Mattress Recycling Fee\",\"Battery Recycling Fee\",\"White Goods Disposal Tax\",\"Tire Recycling Fee\",\"Additional Fee\",\"Lumber Fee\",\"Prepaid Wireless Fee\",\"Road Improvement And Food Delivery Fee\",\"eBay Collected Charges\",\"Total Price\",\"eBay Collected Tax and Fees Included in Total\",\"Payment Method\",\"Sale Date\",\"Paid On Date\",\"Ship By Date\",\"Minimum Estimated Delivery Date\",\"Maximum Estimated Delivery Date\",\"Shipped On Date\",\"Feedback Left\",\"Feedback Received\",\"My Item Note\",\"PayPal Transaction ID\",\"Shipping Service\",\"Tracking Number\",\"Transaction ID\",Variation Details,\"Global Shipping Program\",\"Global Shipping Reference ID\",\"Click And Collect\",\"Click And Collect Reference Number\",\"eBay Plus\",\"Authenticity Verification Program\",\"Authenticity Verification Status\",\"Authenticity Verification Outcome Reason\",\"PSA Vault Program\",\"Vault Fulfillment Type\",\"eBay Fulfillment Program\",Tax City,\"Tax State\",\"Tax Zip\",\"Tax Country\",\"eBay International Shipping\"";
const TMALL_HEADER = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,定金排名,修改后的sku,修改后的收货地址,异常信息";
const TIENDANUBE_HEADER = "Número de orden;Email;Fecha;Estado de la orden;Estado del pago;Estado del envío;Moneda;Subtotal de productos;Descuento;Costo de envío;Total;Nombre del comprador;DNI / CUIT;Teléfono;Nombre para el envío;Teléfono para el envío;Dirección;Número;Piso;Localidad;Ciudad;Código postal;Provincia o estado;País;Medio de envío;Medio de pago;Cupón de descuento;Notas del comprador;Notas del vendedor;Fecha de pago;Fecha de envío;Nombre del producto;Precio del producto;Cantidad del producto;SKU;Canal;Código de tracking del envío;Identificador de la transacción en el medio de pago;Identificador de la orden;Producto Físico;Persona que registró la venta;Sucursal de venta;Vendedor;Fecha y hora de cancelación;Motivo de cancelación";
const XERO_HEADER = "ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,SAAddressLine1,SAAddressLine2,SAAddressLine3,SAAddressLine4,SACity,SARegion,SAPostalCode,SACountry,InvoiceNumber,Reference,InvoiceDate,DueDate,PlannedDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,InventoryItemCode,Description,Quantity,UnitAmount,Discount,LineAmount,AccountCode,TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,Type,Sent,Status";
const BIGCOMMERCE_HEADER = "\"Order ID\",\"Customer ID\",\"Customer Name\",\"Customer Email\",\"Customer Phone\",\"Order Date\",\"Order Status\",\"Subtotal (inc tax)\",\"Subtotal (ex tax)\",\"Tax Total\",\"Shipping Cost (inc tax)\",\"Shipping Cost (ex tax)\",\"Ship Method\",\"Handling Cost (inc tax)\",\"Handling Cost (ex tax)\",\"Store Credit Redeemed\",\"Gift Certificate Amount Redeemed\",\"Gift Certificate Code\",\"Gift Certificate Expiration Date\",\"Coupon Details\",\"Order Total (inc tax)\",\"Order Total (ex tax)\",\"Payment Method\",\"Total Quantity\",\"Total Shipped\",\"Date Shipped\",\"Order Currency Code\",\"Exchange Rate\",\"Order Notes\",\"Customer Message\",\"Billing First Name\",\"Billing Last Name\",\"Billing Company\",\"Billing Street 1\",\"Billing Street 2\",\"Billing Suburb\",\"Billing State\",\"Billing Zip\",\"Billing Country\",\"Billing Phone\",\"Billing Email\",\"Shipping First Name\",\"Shipping Last Name\",\"Shipping Company\",\"Shipping Street 1\",\"Shipping Street 2\",\"Shipping Suburb\",\"Shipping State\",\"Shipping Zip\",\"Shipping Country\",\"Shipping Phone\",\"Shipping Email\",\"Product Details\"";
const WIX_HEADER = "Order number,Date created,Time,Fulfill by,Total order quantity,Contact email,Note from customer,Additional checkout info,Item,Variant,SKU,Qty,Quantity refunded,Price,Weight,Custom text,Deposit amount,Delivery method,Delivery time,Recipient name,Recipient phone,Recipient company name,Delivery country,Delivery state,Delivery state name,Delivery city,Delivery address,Delivery zip/postal code,Billing name,Billing phone,Billing company name,Delivery country,Delivery state,Delivery state name,Delivery city,Delivery address,Delivery zip/postal code,Payment status,Payment method,Coupon code,Gift card amount,Shipping rate,Total tax,Total,Currency,Refunded amount,Net amount,Additional fees,Fulfillment status,Tracking number,Fulfillment service,Shipping label";
const NUVEMSHOP_HEADER = "Número do Pedido;E-mail;Data;Status do Pedido;Status do Pagamento;Status do Envio;Subtotal;Desconto;Valor do Frete;Total;Nome do comprador;CPF / CNPJ;Telefone;Endereço;Cupom de Desconto;Anotações do Comprador;Data de pagamento;Data de envío;Nome do Produto;Valor do Produto;Quantidade Comprada;SKU;Meio de pagamento;Identificador do pedido";

// ---------------------------------------------------------------------------------------------
// Shopify

/** Shopify orders: one row per line item, order cells on the first row, BOM, `2024-03-05 14:22:10 -0500`. */
function shopifyOrders(): Built {
  const rng = new Rng(1101);
  const t = new Tally();
  const header = headerNames(SHOPIFY_ORDERS_HEADER, ',');
  const used = new Set<string>();
  const buyers = makePeople(rng, 95, EN_FIRST, EN_LAST, used, 'example.com');
  const stamp = (w: When): string => `${iso(w)} ${hms(w)} ${eastern(w)}`;
  const dates = Array.from({ length: 190 }, () => randomWhen(rng)).sort(byTime);
  const orders: string[][][] = [];
  dates.forEach((w, i) => {
    const name = `#${1001 + i}`;
    const items = lineItems(rng, APPAREL, rng.chance(0.5) ? 1 : rng.int(2, 4));
    const itemsTotal = sum(items.map((line) => line.value));
    const discount = rng.chance(0.2) ? Math.round(itemsTotal / 10) : 0;
    const subtotal = itemsTotal - discount;
    const shipping = subtotal >= 10_000 ? 0 : rng.pick([0, 499, 799, 1299]);
    const taxes = Math.round(subtotal * 0.08875);
    const total = subtotal + shipping + taxes;

    // Who: e-mail (most), a phone-only guest, a name-only POS sale, or nobody at all.
    const who = rng.next();
    let email = '';
    let phone = '';
    let billing: Person | null = null;
    if (who < 0.84) {
      billing = rng.pick(buyers);
      email = billing.email;
      phone = rng.chance(0.3) ? billing.phone : '';
    } else if (who < 0.89) {
      billing = at(makePeople(rng, 1, EN_FIRST, EN_LAST, used), 0);
      phone = billing.phone;
    } else if (who < 0.93) {
      billing = at(makePeople(rng, 1, EN_FIRST, EN_LAST, used), 0);
    }
    const key = keyOf(email, phone, billing?.full);

    const s = rng.next();
    let status = 'paid';
    let refunded = 0;
    let cancelled: When | null = null;
    if (s < 0.1) {
      status = 'partially_refunded';
      refunded = partialRefund(rng, total, taxes + shipping);
    } else if (s < 0.15) {
      status = 'refunded';
      refunded = total;
      if (rng.chance(0.5)) cancelled = later(rng, w, rng.int(0, 2));
    } else if (s < 0.19) status = 'pending';
    else if (s < 0.21) status = 'authorized';
    else if (s < 0.23) {
      status = 'voided';
      cancelled = later(rng, w, rng.int(0, 1));
    } else if (s < 0.26) cancelled = later(rng, w, rng.int(0, 3)); // paid, cancelled without a refund
    else if (s < 0.28) status = 'partially_paid';

    const counted = ['paid', 'partially_refunded', 'partially_paid'].includes(status) && cancelled === null;
    if (refunded > 0) t.refund();
    if (counted) t.commitOrder(key, netOrThrow(total, taxes + shipping, refunded), iso(w), items.map((line) => line.value));
    else t.skip(items.length);

    const paid = !['pending', 'authorized', 'voided'].includes(status);
    const fulfilled = counted && rng.chance(0.8) ? later(rng, w, rng.int(1, 5)) : null;
    const source = billing === null || (email === '' && phone === '') ? 'pos' : rng.pick(['web', 'web', 'web', 'shopify_draft_order', 'pos']);
    const first: Cells = {
      'Financial Status': status,
      'Paid at': paid ? stamp(w) : '',
      'Fulfillment Status': fulfilled ? 'fulfilled' : 'unfulfilled',
      'Fulfilled at': fulfilled ? stamp(fulfilled) : '',
      'Accepts Marketing': rng.chance(0.4) ? 'yes' : 'no',
      Currency: 'USD',
      Subtotal: dec(subtotal),
      Shipping: dec(shipping),
      Taxes: dec(taxes),
      Total: dec(total),
      'Discount Code': discount ? 'WELCOME10' : '',
      'Discount Amount': dec(discount),
      'Shipping Method': shipping ? 'Standard Shipping' : 'Free Shipping',
      'Created at': stamp(w),
      'Billing Name': billing?.full ?? '',
      'Billing Street': billing?.street ?? '',
      'Billing Address1': billing?.street ?? '',
      'Billing City': billing?.city ?? '',
      'Billing Zip': billing ? `'${billing.zip}` : '',
      'Billing Province': billing?.state ?? '',
      'Billing Country': billing ? 'US' : '',
      'Billing Phone': phone,
      'Shipping Name': source === 'pos' ? '' : (billing?.full ?? ''),
      'Shipping Street': source === 'pos' ? '' : (billing?.street ?? ''),
      'Shipping Address1': source === 'pos' ? '' : (billing?.street ?? ''),
      'Shipping City': source === 'pos' ? '' : (billing?.city ?? ''),
      'Shipping Zip': source === 'pos' || !billing ? '' : `'${billing.zip}`,
      'Shipping Province': source === 'pos' ? '' : (billing?.state ?? ''),
      'Shipping Country': source === 'pos' || !billing ? '' : 'US',
      Notes: rng.chance(0.05) ? 'Please leave at the side door, thanks!' : '',
      'Cancelled at': cancelled ? stamp(cancelled) : '',
      'Payment Method': source === 'pos' ? 'Cash' : 'Shopify Payments',
      'Payment Reference': `c${rng.digits(11)}.1`,
      'Refunded Amount': dec(refunded),
      'Outstanding Balance': dec(status === 'partially_paid' ? Math.round(total / 2) : 0),
      Location: source === 'pos' ? 'Flagship Store' : '',
      Id: String(5_200_000_000 + i * 7919),
      Tags: rng.chance(0.1) ? 'VIP, wholesale' : '',
      'Risk Level': 'Low',
      Source: source,
      'Tax 1 Name': 'NY State Tax 8.875%',
      'Tax 1 Value': dec(taxes),
      Phone: phone,
      'Billing Province Name': billing ? billing.state : '',
      'Shipping Province Name': source === 'pos' || !billing ? '' : billing.state,
      'Payment ID': `c${rng.digits(11)}.1`,
      'Payment References': `c${rng.digits(11)}.1`,
    };
    orders.push(
      items.map((line, j) =>
        rowOf(header, {
          ...(j === 0 ? first : {}),
          Name: name,
          Email: email,
          'Lineitem quantity': String(line.qty),
          'Lineitem name': line.good.name,
          'Lineitem price': dec(line.good.price),
          'Lineitem compare at price': '',
          'Lineitem sku': line.good.sku,
          'Lineitem requires shipping': 'true',
          'Lineitem taxable': 'true',
          'Lineitem fulfillment status': fulfilled ? 'fulfilled' : 'pending',
          Vendor: 'Northwind Apparel',
          'Lineitem discount': '0.00',
        }),
      ),
    );
  });
  // Newest first, as Shopify writes them.
  const body = lines(orders.reverse().flat(), ',');
  return { fileName: 'orders_export_1.csv', content: BOM + [SHOPIFY_ORDERS_HEADER, ...body].join('\n') + '\n', expected: t.expected('transactions') };
}

/** Shopify customers (the newest layout, `Customer ID` with its leading apostrophe). */
function shopifyCustomers(): Built {
  const rng = new Rng(1202);
  const t = new Tally();
  const header = headerNames(SHOPIFY_CUSTOMERS_HEADER, ',');
  const people = makePeople(rng, 320, EN_FIRST, EN_LAST, new Set(), 'example.org');
  const rows = people.map((person, i) => {
    const id = String(6_800_000_000_000 + i * 104_729 + rng.int(0, 1000));
    t.customer(`'${id}`);
    const orders = rng.chance(0.15) ? 0 : rng.int(1, 14);
    const hasEmail = rng.chance(0.93);
    return rowOf(header, {
      'Customer ID': `'${id}`,
      'First Name': person.first,
      'Last Name': person.last,
      Email: hasEmail ? person.email : '',
      'Accepts Email Marketing': rng.chance(0.45) ? 'yes' : 'no',
      'Default Address Company': rng.chance(0.1) ? `${person.last} & Co.` : '',
      'Default Address Address1': person.street,
      'Default Address Address2': rng.chance(0.2) ? `Apt ${rng.int(1, 40)}` : '',
      'Default Address City': person.city,
      'Default Address Province Code': person.state,
      'Default Address Country Code': 'US',
      'Default Address Zip': `'${person.zip}`,
      'Default Address Phone': hasEmail ? '' : person.phone,
      Phone: hasEmail ? '' : person.phone,
      'Accepts SMS Marketing': 'no',
      'Total Spent': dec(orders * rng.int(1500, 16000)),
      'Total Orders': String(orders),
      Note: rng.chance(0.05) ? 'Prefers "eco" packaging, no plastic' : '',
      'Tax Exempt': 'no',
      Tags: rng.chance(0.1) ? 'newsletter, vip' : '',
    });
  });
  return { fileName: 'customers_export.csv', content: BOM + [SHOPIFY_CUSTOMERS_HEADER, ...lines(rows, ',')].join('\n') + '\n', expected: t.expected('customers') };
}

// ---------------------------------------------------------------------------------------------
// WooCommerce

/** Analytics › Orders download: one row per order, the customer by name only. */
function wooOrders(): Built {
  const rng = new Rng(1303);
  const t = new Tally();
  const header = headerNames(WOO_ORDERS_HEADER, ',');
  const people = makePeople(rng, 150, EN_FIRST, EN_LAST, new Set());
  const seen = new Set<string>();
  const dates = Array.from({ length: 430 }, () => randomWhen(rng)).sort(byTime);
  const rows = dates.map((w, i) => {
    const person = rng.pick(people);
    const items = lineItems(rng, HANDMADE, rng.chance(0.6) ? 1 : rng.int(2, 3));
    const gross = sum(items.map((line) => line.value));
    const coupon = rng.chance(0.15);
    const net = coupon ? gross - Math.round(gross * 0.15) : gross;
    const s = rng.next();
    const status = s < 0.62 ? 'completed' : s < 0.76 ? 'processing' : s < 0.81 ? 'on-hold' : s < 0.86 ? 'pending' : s < 0.91 ? 'cancelled' : s < 0.96 ? 'refunded' : 'failed';
    if (['completed', 'processing', 'on-hold'].includes(status)) t.commit(keyOf(person.full), net, iso(w));
    else t.skip();
    // An order whose status says it was refunded is a refund, whether or not the file says how much.
    if (status === 'refunded') t.refund();
    const type = seen.has(person.full) ? 'returning' : 'new';
    seen.add(person.full);
    return rowOf(header, {
      Date: `${iso(w)} ${hms(w)}`,
      'Order #': String(2101 + i),
      'N. Revenue (formatted)': usd(net),
      Status: status,
      Customer: person.full,
      'Customer type': type,
      'Product(s)': items.map((line) => `${line.qty}× ${line.good.name}`).join(', '),
      'Items sold': String(sum(items.map((line) => line.qty))),
      'Coupon(s)': coupon ? 'SPRING15' : '',
      'Net Sales': dec(net),
      Attribution: rng.pick(['Direct', 'Organic: Google', 'Referral: pinterest.com', 'Source: Newsletter', 'Unknown']),
    });
  });
  // Newest first, as the report lists them.
  return { fileName: 'wc-orders-report-export-17190.csv', content: [WOO_ORDERS_HEADER, ...lines(rows.reverse(), ',')].join('\n') + '\n', expected: t.expected('transactions') };
}

/** Analytics › Customers download: guests have no username. */
function wooCustomers(): Built {
  const rng = new Rng(1404);
  const t = new Tally();
  const header = headerNames(WOO_CUSTOMERS_HEADER, ',');
  const people = makePeople(rng, 310, EN_FIRST, EN_LAST, new Set(), 'mail.example.com');
  const rows = people.map((person, i) => {
    const registered = rng.chance(0.7);
    const signUp = randomWhen(rng, FIRST_DAY, LAST_DAY - 60);
    const active = later(rng, signUp, rng.int(0, 60));
    const orders = rng.int(1, 12);
    const spend = orders * rng.int(1200, 9000);
    t.customer(person.email);
    return rowOf(header, {
      Name: person.full,
      Username: registered ? `${ascii(person.first)}${ascii(person.last).slice(0, 3)}${i}` : '',
      'Last Active': `${iso(active)} ${hms(active)}`,
      'Sign Up': registered ? `${iso(signUp)} ${hms(signUp)}` : '',
      Email: person.email,
      Orders: String(orders),
      'Total Spend': dec(spend),
      AOV: dec(Math.round(spend / orders)),
      'Country / Region': 'US',
      City: person.city,
      Region: person.state,
      'Postal Code': person.zip,
    });
  });
  return { fileName: 'wc-customers-report-export-17191.csv', content: [WOO_CUSTOMERS_HEADER, ...lines(rows, ',')].join('\n') + '\n', expected: t.expected('customers') };
}

const WEBTOFFEE_HEADER = [
  'order_id', 'order_number', 'order_date', 'paid_date', 'status', 'shipping_total', 'shipping_tax_total', 'fee_total', 'fee_tax_total', 'tax_total', 'cart_discount', 'order_discount',
  'discount_total', 'order_total', 'order_subtotal', 'order_currency', 'payment_method', 'payment_method_title', 'transaction_id', 'customer_ip_address', 'customer_user_agent',
  'shipping_method', 'customer_id', 'customer_user', 'customer_email', 'billing_first_name', 'billing_last_name', 'billing_company', 'billing_email', 'billing_phone', 'billing_address_1',
  'billing_address_2', 'billing_postcode', 'billing_city', 'billing_state', 'billing_country', 'shipping_first_name', 'shipping_last_name', 'shipping_company', 'shipping_phone',
  'shipping_address_1', 'shipping_address_2', 'shipping_postcode', 'shipping_city', 'shipping_state', 'shipping_country', 'customer_note', 'wt_import_key', 'shipping_items', 'fee_items',
  'tax_items', 'coupon_items', 'refund_items', 'order_notes', 'download_permissions', 'line_item_1', 'line_item_2', 'line_item_3',
];

/** WebToffee Order Export: one row per order, `MM/DD/YYYY H:i:s`, registered customers, guests and orders with no e-mail at all. */
function wooWebtoffee(): Built {
  const rng = new Rng(1505);
  const t = new Tally();
  const used = new Set<string>();
  const members = makePeople(rng, 120, EN_FIRST, EN_LAST, used, 'example.de');
  const stamp = (w: When): string => `${mdy(w)} ${hms(w)}`;
  const dates = Array.from({ length: 420 }, () => randomWhen(rng)).sort(byTime);
  const rows = dates.map((w, i) => {
    const id = 4100 + i * 3;
    const who = rng.next();
    let person: Person;
    let customerId = '0';
    let customerEmail = '';
    let billingEmail = '';
    if (who < 0.75) {
      const m = rng.int(0, members.length - 1);
      person = at(members, m);
      customerId = String(12 + m * 5);
      customerEmail = person.email;
      billingEmail = person.email;
    } else if (who < 0.95) {
      person = at(makePeople(rng, 1, EN_FIRST, EN_LAST, used, 'example.de'), 0);
      billingEmail = person.email;
    } else {
      // Taken on the phone: no account, no e-mail.
      person = at(makePeople(rng, 1, EN_FIRST, EN_LAST, used, 'example.de'), 0);
    }
    const items = lineItems(rng, APPAREL, rng.chance(0.6) ? 1 : rng.int(2, 3));
    const subtotal = sum(items.map((line) => line.value));
    const discount = rng.chance(0.15) ? Math.round(subtotal * 0.1) : 0;
    const shipping = subtotal - discount >= 8000 ? 0 : 490;
    const shippingTax = Math.round(shipping * 0.19);
    const fee = rng.chance(0.05) ? 200 : 0;
    const tax = Math.round((subtotal - discount) * 0.19);
    const total = subtotal - discount + shipping + shippingTax + fee + tax;
    const s = rng.next();
    const status = s < 0.62 ? 'completed' : s < 0.76 ? 'processing' : s < 0.81 ? 'on-hold' : s < 0.86 ? 'pending' : s < 0.91 ? 'cancelled' : s < 0.96 ? 'refunded' : 'failed';
    if (['completed', 'processing', 'on-hold'].includes(status)) t.commit(keyOf(customerEmail, billingEmail, customerId), netOrThrow(total, tax + shipping, 0), iso(w));
    else t.skip();
    if (status === 'refunded') t.refund();
    const paid = ['completed', 'processing', 'refunded'].includes(status);
    const line = (n: number): string => {
      const item = items[n];
      return item ? `name:${item.good.name}|product_id:${300 + APPAREL.indexOf(item.good)}|sku:${item.good.sku}|quantity:${item.qty}|total:${dec(item.value)}|sub_total:${dec(item.value)}|tax:${dec(Math.round(item.value * 0.19))}` : '';
    };
    return rowOf(WEBTOFFEE_HEADER, {
      order_id: String(id),
      order_number: String(id),
      order_date: stamp(w),
      paid_date: paid ? stamp(w) : '',
      status,
      shipping_total: dec(shipping),
      shipping_tax_total: dec(shippingTax),
      fee_total: dec(fee),
      fee_tax_total: '0.00',
      tax_total: dec(tax),
      cart_discount: dec(discount),
      order_discount: '0.00',
      discount_total: dec(discount),
      order_total: dec(total),
      order_subtotal: dec(subtotal),
      order_currency: 'EUR',
      payment_method: 'stripe',
      payment_method_title: 'Credit Card (Stripe)',
      transaction_id: paid ? `pi_${rng.code(24, 'abcdefghijklmnopqrstuvwxyz0123456789')}` : '',
      customer_ip_address: `${rng.int(11, 220)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      customer_user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
      shipping_method: shipping ? 'Flat rate' : 'Free shipping',
      customer_id: customerId,
      customer_user: customerId,
      customer_email: customerEmail,
      billing_first_name: person.first,
      billing_last_name: person.last,
      billing_email: billingEmail,
      billing_phone: rng.chance(0.5) ? person.phone : '',
      billing_address_1: person.street,
      billing_postcode: person.zip,
      billing_city: person.city,
      billing_state: person.state,
      billing_country: 'US',
      shipping_first_name: person.first,
      shipping_last_name: person.last,
      shipping_address_1: person.street,
      shipping_postcode: person.zip,
      shipping_city: person.city,
      shipping_state: person.state,
      shipping_country: 'US',
      customer_note: rng.chance(0.05) ? 'Gift wrap, please' : '',
      shipping_items: `method_id:${shipping ? 'flat_rate' : 'free_shipping'}|total:${dec(shipping)}`,
      tax_items: `rate_id:1|code:DE-MWST-1|total:${dec(tax)}`,
      coupon_items: discount ? `code:welcome10|amount:${dec(discount)}` : '',
      line_item_1: line(0),
      line_item_2: line(1),
      line_item_3: line(2),
    });
  });
  return { fileName: 'Order_export_2025-07-01-09-12-44.csv', content: [WEBTOFFEE_HEADER.join(','), ...lines(rows, ',')].join('\n') + '\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Etsy

/** Sold Orders: one row per order, `MM/DD/YY`, refunds only through `Adjusted Order Total`. */
function etsyOrders(): Built {
  const rng = new Rng(1606);
  const t = new Tally();
  const header = headerNames(ETSY_ORDERS_HEADER, ',');
  const used = new Set<string>();
  const buyers = makePeople(rng, 170, EN_FIRST, EN_LAST, used).map((person, i) => ({ person, userId: String(38_000_000 + i * 9_173 + rng.int(0, 99)), username: `${ascii(person.first)}${ascii(person.last).slice(0, 4)}${rng.int(10, 99)}` }));
  const dates = Array.from({ length: 420 }, () => randomWhen(rng)).sort(byTime);
  const rows = dates.map((w, i) => {
    const guest = rng.chance(0.04);
    const buyer = guest ? { person: at(makePeople(rng, 1, EN_FIRST, EN_LAST, used), 0), userId: '', username: '' } : rng.pick(buyers);
    const items = lineItems(rng, HANDMADE, rng.chance(0.65) ? 1 : rng.int(2, 3));
    const value = sum(items.map((line) => line.value));
    const discount = rng.chance(0.15) ? Math.round(value * 0.2) : 0;
    const shipping = rng.pick([0, 450, 595, 895]);
    const tax = Math.round((value - discount + shipping) * 0.07);
    const total = value - discount + shipping + tax;
    const fees = Math.round(total * 0.03) + 25;
    const s = rng.next();
    const status = s < 0.82 ? 'Completed' : s < 0.9 ? 'Paid' : s < 0.96 ? 'Canceled' : 'Unpaid';
    let adjusted: string;
    let refund = 0;
    if (status === 'Canceled') adjusted = '0.00';
    else if (status !== 'Unpaid' && rng.chance(0.1)) {
      refund = partialRefund(rng, total, tax + shipping);
      adjusted = dec(total - refund);
    } else adjusted = rng.pick(['', '0.00', dec(total)]);
    const counted = status === 'Completed' || status === 'Paid';
    if (refund > 0) t.refund();
    if (counted) t.commit(keyOf(buyer.userId, buyer.username, buyer.person.full), netOrThrow(total, tax + shipping, refund), iso(w));
    else t.skip();
    const shipped = status === 'Completed' ? later(rng, w, rng.int(1, 6)) : null;
    return rowOf(header, {
      'Sale Date': mdy2(w),
      'Order ID': String(2_900_000_000 + i * 7_411),
      'Buyer User ID': buyer.userId,
      'Full Name': buyer.person.full,
      'First Name': buyer.person.first,
      'Last Name': buyer.person.last,
      'Number of Items': String(sum(items.map((line) => line.qty))),
      'Payment Method': rng.pick(['Credit Card', 'PayPal', 'Apple Pay', 'Etsy Gift Card']),
      'Date Shipped': shipped ? mdy2(shipped) : '',
      'Street 1': buyer.person.street,
      'Ship City': buyer.person.city,
      'Ship State': buyer.person.state,
      'Ship Zipcode': buyer.person.zip,
      'Ship Country': 'United States',
      Currency: 'USD',
      'Order Value': dec(value),
      'Coupon Code': discount ? 'SPRINGSALE20' : '',
      'Coupon Details': discount ? 'SPRINGSALE20 - 20% off' : '',
      'Discount Amount': dec(discount),
      'Shipping Discount': '0.00',
      Shipping: dec(shipping),
      'Sales Tax': dec(tax),
      'Order Total': dec(total),
      Status: status,
      'Card Processing Fees': dec(fees),
      'Order Net': dec(total - fees),
      'Adjusted Order Total': adjusted,
      'Adjusted Card Processing Fees': refund ? dec(Math.round((total - refund) * 0.03) + 25) : adjusted === '' ? '' : adjusted === '0.00' ? '0.00' : dec(fees),
      'Adjusted Net Order Amount': refund ? dec(total - refund - (Math.round((total - refund) * 0.03) + 25)) : adjusted === '' ? '' : adjusted === '0.00' ? '0.00' : dec(total - fees),
      Buyer: buyer.username,
      'Order Type': 'online',
      'Payment Type': 'online_cc',
      'InPerson Discount': '',
      'InPerson Location': '',
      SKU: items.map((line) => line.good.sku).join(','),
    });
  });
  return { fileName: 'EtsySoldOrders2025-6.csv', content: [ETSY_ORDERS_HEADER, ...lines(rows.reverse(), ',')].join('\n') + '\n', expected: t.expected('transactions') };
}

/** Sold Order Items: one row per transaction, each with its own `Item Total`. */
function etsyItems(): Built {
  const rng = new Rng(1707);
  const t = new Tally();
  const header = headerNames(ETSY_ITEMS_HEADER, ',');
  const used = new Set<string>();
  const buyers = makePeople(rng, 150, EN_FIRST, EN_LAST, used).map((person) => ({ person, username: `${ascii(person.first)}${ascii(person.last).slice(0, 3)}${rng.int(100, 999)}` }));
  const dates = Array.from({ length: 260 }, () => randomWhen(rng)).sort(byTime);
  const rows: string[][] = [];
  dates.forEach((w, i) => {
    const guest = rng.chance(0.04);
    const buyer = guest ? { person: at(makePeople(rng, 1, EN_FIRST, EN_LAST, used), 0), username: '' } : rng.pick(buyers);
    const items = lineItems(rng, HANDMADE, rng.chance(0.55) ? 1 : rng.int(2, 3));
    const shipping = rng.pick([0, 450, 595]);
    const tax = Math.round((sum(items.map((line) => line.value)) + shipping) * 0.07);
    const paid = later(rng, w, 0);
    const shipped = later(rng, w, rng.int(1, 5));
    const orderId = String(3_100_000_000 + i * 5_113);
    for (const line of items) {
      t.commit(keyOf(buyer.username, buyer.person.full), line.value, iso(w));
      rows.push(
        rowOf(header, {
          'Sale Date': mdy2(w),
          'Item Name': line.good.name,
          Buyer: buyer.username,
          Quantity: String(line.qty),
          Price: dec(line.good.price),
          'Discount Amount': '0.00',
          'Shipping Discount': '0.00',
          'Order Shipping': dec(shipping),
          'Order Sales Tax': dec(tax),
          'Item Total': dec(line.value),
          Currency: 'USD',
          'Transaction ID': String(4_000_000_000 + rows.length * 977 + rng.int(0, 900)),
          'Listing ID': String(1_500_000_000 + HANDMADE.indexOf(line.good) * 31_337),
          'Date Paid': mdy2(paid),
          'Date Shipped': mdy2(shipped),
          'Ship Name': buyer.person.full,
          'Ship Address1': buyer.person.street,
          'Ship City': buyer.person.city,
          'Ship State': buyer.person.state,
          'Ship Zipcode': buyer.person.zip,
          'Ship Country': 'United States',
          'Order ID': orderId,
          Variations: rng.chance(0.3) ? `Color:${rng.pick(['Sage', 'Terracotta', 'Cream'])}` : '',
          'Order Type': 'online',
          'Listings Type': 'listing',
          'Payment Type': 'online_cc',
          'VAT Paid by Buyer': '0.00',
          SKU: line.good.sku,
        }),
      );
    }
  });
  return { fileName: 'EtsySoldOrderItems2025-6.csv', content: [ETSY_ITEMS_HEADER, ...lines(rows, ',')].join('\n') + '\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Stripe

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Stripe ids compare without case, so mixed-case ids are made unique the importer's way. */
function stripeIds(rng: Rng, prefix: string, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const id = `${prefix}${rng.code(14, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    if (seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    out.push(id);
  }
  return out;
}

/**
 * Payments (the older charges layout): `Converted Amount` less `Converted Amount Refunded`; failed
 * and refunded charges, partial refunds, two charges refunded in full while still `Paid`, guests
 * with only an e-mail, card-only guests, and one charge settled in euros (the mixed currency).
 */
function stripePayments(): Built {
  const rng = new Rng(1808);
  const t = new Tally();
  const header = headerNames(STRIPE_PAYMENTS_HEADER, ',');
  const used = new Set<string>();
  const people = makePeople(rng, 160, EN_FIRST, EN_LAST, used, 'example.io');
  const ids = stripeIds(rng, 'cus_', people.length);
  const chargeIds = stripeIds(rng, 'ch_3', 480);
  const dates = Array.from({ length: 470 }, () => randomWhen(rng)).sort(byTime);
  let fullWhilePaid = 0;
  const euroRow = 137;
  const rows = dates.map((w, i) => {
    const who = rng.next();
    let customerId = '';
    let email = '';
    let description = '';
    let person: Person | null = null;
    if (who < 0.82) {
      const c = rng.int(0, people.length - 1);
      person = at(people, c);
      customerId = at(ids, c);
      email = person.email;
      description = person.full;
    } else if (who < 0.93) {
      person = at(makePeople(rng, 1, EN_FIRST, EN_LAST, used, 'example.io'), 0);
      email = person.email;
    }
    const amount = rng.pick([900, 1900, 2900, 4900, 9900, 14900, 29900]) + (rng.chance(0.3) ? rng.int(1, 99) * 50 : 0);
    const s = rng.next();
    let status = 'Paid';
    let refunded = 0;
    if (i === euroRow) status = 'Paid';
    else if (s < 0.08) status = 'Failed';
    else if (s < 0.13) {
      status = 'Refunded';
      refunded = amount;
    } else if (s < 0.21) refunded = partialRefund(rng, amount, 0);
    else if (s < 0.23 && fullWhilePaid < 2) {
      fullWhilePaid += 1;
      refunded = amount;
    }
    if (refunded > 0) t.refund();
    if (status === 'Paid' && refunded < amount) t.commit(keyOf(customerId, email, description), amount - refunded, iso(w));
    else t.skip();
    const currency = i === euroRow ? 'eur' : 'usd';
    const fee = status === 'Failed' ? 0 : Math.round(amount * 0.029) + 30;
    const brand = rng.pick(['Visa', 'MasterCard', 'American Express', 'Discover']);
    return rowOf(header, {
      id: at(chargeIds, i),
      Description: rng.pick(['Subscription update', 'Payment for Invoice', `Order ${7000 + i}`, '']),
      'Seller Message': status === 'Failed' ? 'The bank did not return any further details with this decline.' : 'Payment complete.',
      'Created (UTC)': `${iso(w)} ${p2(w.hh)}:${p2(w.mi)}`,
      Amount: dec(amount),
      'Amount Refunded': dec(refunded),
      Currency: currency,
      'Converted Amount': dec(status === 'Failed' ? 0 : amount),
      'Converted Amount Refunded': dec(refunded),
      Fee: dec(fee),
      Tax: '0.00',
      'Converted Currency': currency,
      Mode: 'Live',
      Status: status,
      'Statement Descriptor': 'ACME SOFTWARE',
      'Customer ID': customerId,
      'Customer Description': description,
      'Customer Email': email,
      Captured: status === 'Failed' ? 'false' : 'true',
      'Card ID': `card_${rng.code(24, LOWER_ALNUM)}`,
      'Card Last4': rng.code(4, '0123456789'),
      'Card Brand': brand,
      'Card Funding': rng.pick(['credit', 'debit']),
      'Card Exp Month': String(rng.int(1, 12)),
      'Card Exp Year': String(rng.int(2025, 2030)),
      'Card Name': person?.full ?? '',
      'Card Address Country': 'US',
      'Card Address Zip': person?.zip ?? '',
      'Card Issue Country': 'US',
      'Card Fingerprint': rng.code(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
      'Card CVC Status': 'pass',
      'Card AVS Zip Status': person ? 'pass' : 'unavailable',
      'Card AVS Line1 Status': person ? 'pass' : 'unavailable',
      'Invoice ID': rng.chance(0.5) ? `in_${rng.code(24, LOWER_ALNUM)}` : '',
      'Payment Source Type': 'card',
      'PaymentIntent ID': `pi_${rng.code(24, LOWER_ALNUM)}`,
    });
  });
  // Newest first.
  return { fileName: 'unified_payments.csv', content: [STRIPE_PAYMENTS_HEADER, ...lines(rows.reverse(), ',')].join('\n') + '\n', expected: t.expected('transactions', ['mixed_currency']) };
}

/** Customers export: one row per `cus_` id, some without an e-mail. */
function stripeCustomers(): Built {
  const rng = new Rng(1909);
  const t = new Tally();
  const header = headerNames(STRIPE_CUSTOMERS_HEADER, ',');
  const people = makePeople(rng, 300, EN_FIRST, EN_LAST, new Set(), 'example.io');
  const ids = stripeIds(rng, 'cus_', people.length);
  const rows = people.map((person, i) => {
    const id = at(ids, i);
    t.customer(id);
    const created = randomWhen(rng);
    const payments = rng.int(0, 30);
    const plan = rng.pick(['', 'starter-monthly', 'pro-monthly', 'pro-annual']);
    return rowOf(header, {
      id,
      Description: rng.chance(0.2) ? `Signed up via ${rng.pick(['web', 'sales', 'partner'])}` : '',
      Email: rng.chance(0.92) ? person.email : '',
      Name: person.full,
      'Created (UTC)': `${iso(created)} ${p2(created.hh)}:${p2(created.mi)}`,
      Delinquent: rng.chance(0.05) ? 'true' : 'false',
      Plan: plan,
      Status: plan ? rng.pick(['active', 'active', 'past_due', 'canceled']) : '',
      'Total Spend': dec(payments * rng.int(900, 9900)),
      'Payment Count': String(payments),
      'Refunded Volume': dec(rng.chance(0.1) ? rng.int(500, 5000) : 0),
      'Dispute Losses': '0.00',
    });
  });
  return { fileName: 'customers.csv', content: [STRIPE_CUSTOMERS_HEADER, ...lines(rows, ',')].join('\n') + '\n', expected: t.expected('customers') };
}

// ---------------------------------------------------------------------------------------------
// Square

/** The 2018 layout with the later columns (`Service Charges` after `Discounts`, the rest at the end). */
const SQUARE_TX_COLUMNS = (() => {
  const names = headerNames(SQUARE_TX_HEADER, ',');
  names.splice(names.indexOf('Discounts') + 1, 0, 'Service Charges');
  return [...names, 'Third Party Fees', 'Discount Name', 'Transaction Status', 'Cash App', 'Order Reference ID', 'Fulfillment Note', 'Free Processing Applied', 'Channel', 'Unattributed Tips', 'Table Info', 'International Fee'];
})();

interface SquareCustomer {
  id: string;
  name: string;
}

function squareCustomers(rng: Rng, n: number): SquareCustomer[] {
  const used = new Set<string>();
  return makePeople(rng, n, EN_FIRST, EN_LAST, used).map((person) => ({ id: rng.code(26, 'ABCDEFGHJKMNPQRSTVWXYZ0123456789'), name: person.full }));
}

/**
 * Transactions: payment and refund events, `MM/DD/YYYY`, `$1,234.50` and `($3.20)`; the amount is
 * `Net Sales` plus `Partial Refunds`; walk-ins have no customer.
 */
function squareTransactions(): Built {
  const rng = new Rng(2010);
  const t = new Tally();
  const customers = squareCustomers(rng, 110);
  const money = (cents: number): string => usd(cents, 'parens');
  const dates = Array.from({ length: 430 }, () => randomWhen(rng)).sort(byTime);
  const rows: { w: When; row: string[] }[] = [];
  dates.forEach((w, i) => {
    const customer = rng.chance(0.7) ? rng.pick(customers) : null;
    const items = lineItems(rng, CAFE, rng.int(1, 3), 2);
    const gross = sum(items.map((line) => line.value));
    const discount = rng.chance(0.1) ? -Math.round(gross * 0.1) : 0;
    const net = gross + discount;
    const tax = Math.round(net * 0.0875);
    const tip = rng.chance(0.4) ? rng.pick([100, 150, 200, 300]) : 0;
    const s = rng.next();
    const status = s < 0.93 ? 'Complete' : s < 0.95 ? 'Pending' : s < 0.97 ? 'Failed' : s < 0.99 ? 'Canceled' : 'Voided';
    const partial = status === 'Complete' && rng.chance(0.05) ? -rng.int(Math.ceil(net * 0.1), Math.floor(net * 0.4)) : 0;
    const total = net + tax + tip + partial;
    const card = rng.chance(0.75);
    const fees = card ? -(Math.round(total * 0.026) + 10) : 0;
    const txId = rng.code(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    const key = customer ? keyOf(customer.id, customer.name) : null;
    if (partial !== 0) t.refund();
    if (status === 'Complete') t.commit(key, net + partial, iso(w));
    else t.skip();
    const event = (when: When, sign: 1 | -1, type: 'Payment' | 'Refund', rowStatus: string, part: number): string[] =>
      rowOf(SQUARE_TX_COLUMNS, {
        Date: mdy(when),
        Time: hms(when),
        'Time Zone': 'Eastern Time (US & Canada)',
        'Gross Sales': money(sign * gross),
        Discounts: money(sign * discount),
        'Service Charges': money(0),
        'Net Sales': money(sign * net),
        'Gift Card Sales': money(0),
        Tax: money(sign * tax),
        Tip: money(sign * tip),
        'Partial Refunds': money(part),
        'Total Collected': money(sign * (net + tax + tip) + part),
        Source: rng.pick(['Point of Sale', 'Point of Sale', 'Square Online']),
        Card: money(card ? sign * (net + tax + tip) + part : 0),
        'Card Entry Methods': card ? rng.pick(['Contactless', 'EMV', 'Swiped']) : '',
        Cash: money(card ? 0 : sign * (net + tax + tip) + part),
        'Square Gift Card': money(0),
        Installment: money(0),
        'Other Tender': money(0),
        Fees: money(sign * fees),
        'Net Total': money(sign * (net + tax + tip) + part + sign * fees),
        'Transaction ID': txId,
        'Payment ID': rng.code(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
        'Card Brand': card ? rng.pick(['Visa', 'MasterCard', 'American Express']) : '',
        'PAN Suffix': card ? rng.code(4, '0123456789') : '',
        'Device Name': 'Front Counter',
        'Staff Name': rng.pick(['Alex', 'Jordan', 'Sam']),
        Details: `https://squareup.com/dashboard/sales/transactions/${txId}`,
        Description: items.map((line) => (line.qty > 1 ? `${line.good.name} x ${line.qty}` : line.good.name)).join(', '),
        'Event Type': type,
        Location: 'Main Street Cafe',
        'Dining Option': rng.pick(['For Here', 'To Go']),
        'Customer ID': customer?.id ?? '',
        'Customer Name': customer?.name ?? '',
        'Refund Reason': type === 'Refund' ? rng.pick(['Returned goods', 'Accidental charge', 'Canceled order']) : '',
        'Transaction Status': rowStatus,
        Channel: 'Point of Sale',
      });
    rows.push({ w, row: event(w, 1, 'Payment', status, partial) });
    // Now and then a payment is refunded in full later: a refund event of its own, negative.
    if (status === 'Complete' && partial === 0 && i % 29 === 7) {
      const when = later(rng, w, rng.int(0, 6));
      t.refund();
      t.commit(key, -net, iso(when));
      rows.push({ w: when, row: event(when, -1, 'Refund', 'Complete', 0) });
    }
  });
  rows.sort((a, b) => byTime(b.w, a.w));
  return { fileName: 'transactions-2022-01-01-2025-07-01.csv', content: [lines([SQUARE_TX_COLUMNS], ',')[0], ...lines(rows.map((r) => r.row), ',', true)].join('\r\n') + '\r\n', expected: t.expected('transactions') };
}

/** Item Sales detail: one row per itemization, ISO dates, `-$3.20`, refunds as negative rows. */
function squareItems(): Built {
  const rng = new Rng(2111);
  const t = new Tally();
  const header = headerNames(SQUARE_ITEMS_HEADER, ',');
  const customers = squareCustomers(rng, 100);
  const money = (cents: number): string => usd(cents, 'minus');
  const dates = Array.from({ length: 190 }, () => randomWhen(rng)).sort(byTime);
  const rows: { w: When; row: string[] }[] = [];
  dates.forEach((w, i) => {
    const customer = rng.chance(0.7) ? rng.pick(customers) : null;
    const key = customer ? keyOf(customer.id, customer.name) : null;
    const txId = rng.code(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    const paymentId = rng.code(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    const item = (when: When, line: Line, sign: 1 | -1, type: 'Payment' | 'Refund'): string[] => {
      const discount = line.qty > 1 && line.good.price >= 1000 ? -Math.round(line.value * 0.1) : 0;
      const net = line.value + discount;
      return rowOf(header, {
        Date: iso(when),
        Time: hms(when),
        'Time Zone': 'Pacific Time (US & Canada)',
        Category: line.good.category,
        Item: line.good.name,
        Qty: String(sign * line.qty),
        'Price Point Name': line.good.category === 'Coffee' ? rng.pick(['Small', 'Large']) : 'Regular',
        SKU: line.good.sku,
        'Modifiers Applied': line.good.category === 'Coffee' && rng.chance(0.3) ? 'Oat Milk' : '',
        'Gross Sales': money(sign * line.value),
        Discounts: money(sign * discount),
        'Net Sales': money(sign * net),
        Tax: money(sign * Math.round(net * 0.0875)),
        'Transaction ID': txId,
        'Payment ID': paymentId,
        'Device Name': 'Register 1',
        Details: `https://squareup.com/dashboard/sales/transactions/${txId}`,
        'Event Type': type,
        Location: 'Harbor Kiosk',
        'Dining Option': 'To Go',
        'Customer ID': customer?.id ?? '',
        'Customer Name': customer?.name ?? '',
        Unit: '',
        Count: String(sign * line.qty),
        'Itemization Type': 'Physical Item',
        Commission: money(0),
        Employee: rng.pick(['Riley P.', 'Casey M.']),
        Channel: 'Point of Sale',
        'Card Brand': customer ? 'Visa' : '',
        'PAN Suffix': customer ? rng.code(4, '0123456789') : '',
      });
    };
    const lineNet = (line: Line): number => line.value + (line.qty > 1 && line.good.price >= 1000 ? -Math.round(line.value * 0.1) : 0);
    const items = lineItems(rng, CAFE, rng.int(1, 4), 3);
    for (const line of items) {
      t.commit(key, lineNet(line), iso(w));
      rows.push({ w, row: item(w, line, 1, 'Payment') });
    }
    // Now and then one item is refunded later: a negative row of its own.
    if (i % 13 === 5) {
      const when = later(rng, w, rng.int(0, 3));
      const line = at(items, 0);
      t.refund();
      t.commit(key, -lineNet(line), iso(when));
      rows.push({ w: when, row: item(when, line, -1, 'Refund') });
    }
  });
  rows.sort((a, b) => byTime(b.w, a.w));
  return { fileName: 'items-2022-01-01-2025-07-01.csv', content: [SQUARE_ITEMS_HEADER, ...lines(rows.map((r) => r.row), ',')].join('\r\n') + '\r\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// PayPal

/**
 * Activity download (2018 default fields, every cell quoted): payments, partial and full refunds as
 * negative rows of their own, pending and denied payments, and the rows that are no sale
 * (withdrawals, currency conversions, holds and their reversals, authorisations, bank deposits).
 * A refund row's `From Email Address` is the merchant's (money goes from the merchant to the buyer).
 */
function paypalActivity(): Built {
  const rng = new Rng(2212);
  const t = new Tally();
  const header = headerNames(PAYPAL_HEADER, ',');
  const merchant = 'sales@harborgoods.example';
  const used = new Set<string>([normalizeKey(merchant)]);
  const buyers = makePeople(rng, 150, EN_FIRST, EN_LAST, used, 'example.net');
  type Ev = { w: When; cells: Cells; gross: number; fee: number };
  const events: Ev[] = [];
  const txId = (): string => rng.code(17, 'ABCDEFGHJKLMNPRSTUVWXY0123456789');
  const dates = Array.from({ length: 340 }, () => randomWhen(rng)).sort(byTime);
  dates.forEach((w) => {
    const buyer = rng.chance(0.9) ? rng.pick(buyers) : at(makePeople(rng, 1, EN_FIRST, EN_LAST, used, 'example.net'), 0);
    const item = rng.pick(GADGETS);
    const qty = rng.chance(0.85) ? 1 : 2;
    const shipping = rng.pick([0, 0, 599, 899]);
    const gross = item.price * qty + shipping;
    const fee = -(Math.round(gross * 0.0349) + 49);
    const id = txId();
    const s = rng.next();
    let status = 'Completed';
    let impact = 'Credit';
    if (s < 0.03) {
      status = 'Pending';
      impact = 'Memo';
    } else if (s < 0.045) {
      status = 'Denied';
      impact = 'Memo';
    }
    const refund = status === 'Completed' && rng.chance(0.07) ? (rng.chance(0.4) ? gross : rng.int(Math.ceil(gross * 0.1), Math.floor(gross * 0.5))) : 0;
    if (refund === gross) status = 'Refunded';
    else if (refund > 0) status = 'Partially Refunded';
    if (impact === 'Credit') t.commit(keyOf(buyer.email, buyer.full), gross, iso(w));
    else t.skip();
    const base: Cells = {
      Name: buyer.full,
      Currency: 'USD',
      'Shipping Address': `${buyer.full}, ${buyer.street}, ${buyer.city}, ${buyer.state}, ${buyer.zip}, United States`,
      'Address Status': 'Confirmed',
      'Item Title': item.name,
      'Item ID': item.sku,
      'Shipping and Handling Amount': dec(shipping),
      'Sales Tax': '0.00',
      Quantity: String(qty),
      'Address Line 1': buyer.street,
      'Town/City': buyer.city,
      'State/Province/Region/County/Territory/Prefecture/Republic': buyer.state,
      'Zip/Postal Code': buyer.zip,
      Country: 'United States',
      'Country Code': 'US',
    };
    events.push({ w, gross, fee: impact === 'Credit' ? fee : 0, cells: { ...base, Type: rng.pick(['Express Checkout Payment', 'Express Checkout Payment', 'Website Payment', 'Mobile Payment']), Status: status, 'From Email Address': buyer.email, 'To Email Address': merchant, 'Transaction ID': id, 'Invoice Number': `INV-${rng.digits(6)}`, 'Balance Impact': impact } });
    if (refund > 0) {
      const when = later(rng, w, rng.int(1, 20));
      t.refund();
      // A refund row is the merchant paying the buyer back: its buyer is the recipient.
      t.commit(keyOf(buyer.email, buyer.full), -refund, iso(when));
      events.push({ w: when, gross: -refund, fee: 0, cells: { ...base, Type: 'Payment Refund', Status: 'Completed', 'From Email Address': merchant, 'To Email Address': buyer.email, 'Transaction ID': txId(), 'Reference Txn ID': id, 'Balance Impact': 'Debit' } });
    }
  });
  // Rows that move money but are no sale, or move none.
  const other = (type: string, status: string, impact: string, gross: number, extra: Cells = {}): void => {
    const w = randomWhen(rng);
    t.skip();
    events.push({ w, gross, fee: 0, cells: { Name: extra.Name ?? '', Type: type, Status: status, Currency: 'USD', 'From Email Address': extra.from ?? merchant, 'To Email Address': extra.to ?? '', 'Transaction ID': txId(), 'Balance Impact': impact, 'Country Code': 'US' } });
  };
  for (let i = 0; i < 10; i++) other('General Withdrawal', 'Completed', 'Debit', -rng.int(20_000, 150_000), { Name: 'Bank Account', to: '' });
  for (let i = 0; i < 5; i++) other('General Currency Conversion', 'Completed', 'Credit', rng.int(1000, 30_000), { Name: 'From Euro', from: '' });
  for (let i = 0; i < 4; i++) {
    const amount = rng.int(2000, 12_000);
    other('Hold on Balance for Dispute Investigation', 'Completed', 'Debit', -amount, { Name: 'PayPal' });
    other('Reversal of General Account Hold', 'Completed', 'Credit', amount, { Name: 'PayPal' });
  }
  for (let i = 0; i < 6; i++) other('General Authorization', 'Pending', 'Memo', rng.int(1500, 9000), { Name: rng.pick(buyers).full });
  for (let i = 0; i < 3; i++) other('Bank Deposit to PP Account', 'Completed', 'Credit', rng.int(10_000, 50_000), { Name: 'Bank Account', from: '' });
  events.sort((a, b) => byTime(a.w, b.w));
  let balance = 250_000;
  const rows = events.map((ev) => {
    if (ev.cells['Balance Impact'] !== 'Memo') balance += ev.gross + ev.fee;
    return rowOf(header, { ...ev.cells, Date: mdy(ev.w), Time: hms(ev.w), TimeZone: pacificAbbr(ev.w), Gross: grouped(ev.gross), Fee: grouped(ev.fee), Net: grouped(ev.gross + ev.fee), Balance: grouped(balance) });
  });
  return { fileName: 'Download.CSV', content: BOM + [PAYPAL_HEADER, ...lines(rows, ',', true)].join('\r\n') + '\r\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Amazon

/** All Orders report: tab-delimited, one row per order item, no buyer identity: the importer refuses it. */
function amazonOrders(): Built {
  const rng = new Rng(2313);
  const header = headerNames(AMAZON_HEADER, '\t');
  const rows: string[][] = [];
  const dates = Array.from({ length: 240 }, () => randomWhen(rng)).sort(byTime);
  dates.forEach((w) => {
    const id = `${rng.digits(3)}-${rng.code(7, '0123456789')}-${rng.code(7, '0123456789')}`;
    const status = rng.pick(['Shipped', 'Shipped', 'Shipped', 'Pending', 'Cancelled']);
    for (const line of lineItems(rng, GADGETS, rng.chance(0.75) ? 1 : 2, 2)) {
      const [city, state, zip] = rng.pick(US_CITIES);
      rows.push(
        rowOf(header, {
          'amazon-order-id': id,
          'merchant-order-id': '',
          'purchase-date': `${iso(w)}T${hms(w)}+00:00`,
          'last-updated-date': `${iso(later(rng, w, 2))}T10:00:00+00:00`,
          'order-status': status,
          'fulfillment-channel': rng.pick(['Amazon', 'Merchant']),
          'sales-channel': 'Amazon.com',
          'order-channel': '',
          'ship-service-level': 'Standard',
          'product-name': line.good.name,
          sku: line.good.sku,
          asin: `B0${rng.code(8)}`,
          'item-status': status === 'Cancelled' ? 'Cancelled' : status === 'Pending' ? 'Unshipped' : 'Shipped',
          quantity: String(line.qty),
          currency: 'USD',
          'item-price': dec(line.value),
          'item-tax': dec(Math.round(line.value * 0.08)),
          'shipping-price': '0.00',
          'shipping-tax': '0.00',
          'gift-wrap-price': '',
          'gift-wrap-tax': '',
          'item-promotion-discount': '0.00',
          'ship-promotion-discount': '0.00',
          'ship-city': city.toUpperCase(),
          'ship-state': state,
          'ship-postal-code': zip,
          'ship-country': 'US',
          'promotion-ids': '',
          cpf: '',
          'is-business-order': 'false',
          'purchase-order-number': '',
          'price-designation': '',
        }),
      );
    }
  });
  return { fileName: 'All_Orders_20250701.txt', content: [AMAZON_HEADER, ...rows.map((row) => row.join('\t'))].join('\n') + '\n', expected: { refusedWith: 'profileNoCustomer' } };
}

// ---------------------------------------------------------------------------------------------
// eBay

/**
 * Orders report: a blank line before the header, every data cell quoted, `Mar-05-24`, `$12.50`; a
 * multi-item order is a summary row (totals, no item) followed by its item rows (no totals); the
 * file ends with a blank line and `N record(s) downloaded`.
 */
function ebayOrders(): Built {
  const rng = new Rng(2414);
  const t = new Tally();
  const header = headerNames(EBAY_HEADER, ',');
  const used = new Set<string>();
  const buyers = makePeople(rng, 140, EN_FIRST, EN_LAST, used).map((person) => ({ person, username: `${ascii(person.first).slice(0, 5)}_${ascii(person.last).slice(0, 4)}${rng.int(10, 9999)}` }));
  const dates = Array.from({ length: 240 }, () => randomWhen(rng)).sort(byTime);
  const rows: string[][] = [];
  dates.forEach((w, i) => {
    const buyer = rng.pick(buyers);
    const p = buyer.person;
    const items = lineItems(rng, GADGETS, rng.chance(0.7) ? 1 : rng.int(2, 3), 2);
    const itemsTotal = sum(items.map((line) => line.value));
    const shipping = rng.pick([0, 0, 499, 899, 1250]);
    const taxRate = rng.pick([0.0625, 0.08, 0.08875]);
    const ebayTax = Math.round((itemsTotal + shipping) * taxRate);
    const total = itemsTotal + shipping + ebayTax;
    t.commitOrder(keyOf(buyer.username, '', p.full), netOrThrow(total, ebayTax + shipping, 0), iso(w), items.map((line) => line.value));
    const paid = later(rng, w, 0);
    const shipped = later(rng, w, rng.int(1, 4));
    const orderNumber = `${p2(rng.int(1, 27))}-${rng.code(5, '0123456789')}-${rng.code(5, '0123456789')}`;
    const order: Cells = {
      'Sales Record Number': String(5001 + i),
      'Order Number': orderNumber,
      'Buyer Username': buyer.username,
      'Buyer Name': p.full,
      'Buyer Email': rng.chance(0.5) ? `${rng.code(12, 'abcdef0123456789')}@members.ebay.com` : '',
      'Buyer Address 1': p.street,
      'Buyer City': p.city,
      'Buyer State': p.state,
      'Buyer Zip': p.zip,
      'Buyer Country': 'United States',
      'Ship To Name': p.full,
      'Ship To Phone': p.phone,
      'Ship To Address 1': p.street,
      'Ship To City': p.city,
      'Ship To State': p.state,
      'Ship To Zip': p.zip,
      'Ship To Country': 'United States',
      'Shipping And Handling': usd(shipping),
      'eBay Collect And Remit Tax Rate': `${(taxRate * 100).toFixed(3).replace(/\.?0+$/, '')}%`,
      'eBay Collect And Remit Tax Type': 'Sales Tax',
      'Seller Collected Tax': usd(0),
      'eBay Collected Tax': usd(ebayTax),
      'Electronic Waste Recycling Fee': usd(0),
      'Mattress Recycling Fee': usd(0),
      'Battery Recycling Fee': usd(0),
      'White Goods Disposal Tax': usd(0),
      'Tire Recycling Fee': usd(0),
      'Additional Fee': usd(0),
      'Lumber Fee': usd(0),
      'Prepaid Wireless Fee': usd(0),
      'Road Improvement And Food Delivery Fee': usd(0),
      'eBay Collected Charges': usd(0),
      'Total Price': usd(total),
      'eBay Collected Tax and Fees Included in Total': 'Yes',
      'Payment Method': 'eBay Payments',
      'Sale Date': ebayDate(w),
      'Paid On Date': ebayDate(paid),
      'Ship By Date': ebayDate(later(rng, w, 3)),
      'Shipped On Date': ebayDate(shipped),
      'Feedback Left': 'No',
      'Feedback Received': rng.chance(0.4) ? 'Positive' : '',
      'Shipping Service': rng.pick(['USPS Ground Advantage', 'UPS Ground', 'USPS Priority Mail']),
      'Tracking Number': `9400${rng.code(18, '0123456789')}`,
      'Global Shipping Program': 'No',
      'Click And Collect': 'No',
      'eBay Plus': 'No',
      'Authenticity Verification Program': 'No',
      'PSA Vault Program': 'No',
      'eBay Fulfillment Program': 'No',
      'Tax City': p.city,
      'Tax State': p.state,
      'Tax Zip': p.zip,
      'Tax Country': 'US',
      'eBay International Shipping': 'No',
    };
    const item = (line: Line): Cells => ({
      'Item Number': String(125_400_000_000 + GADGETS.indexOf(line.good) * 7_919_311),
      'Item Title': line.good.name,
      'Custom Label': line.good.sku,
      'Sold Via Promoted Listings': rng.chance(0.2) ? 'Yes' : 'No',
      Quantity: String(line.qty),
      'Sold For': usd(line.good.price),
      'Item Location': 'Newark, NJ',
      'Item Zip Code': '07102',
      'Item Country': 'US',
      'Transaction ID': rng.digits(13),
      'Variation Details': '',
    });
    if (items.length === 1) rows.push(rowOf(header, { ...order, ...item(at(items, 0)) }));
    else {
      rows.push(rowOf(header, { ...order, Quantity: String(sum(items.map((line) => line.qty))) }));
      for (const line of items) {
        rows.push(rowOf(header, { 'Sales Record Number': order['Sales Record Number'] ?? '', 'Order Number': orderNumber, 'Buyer Username': buyer.username, 'Buyer Name': p.full, 'Sale Date': order['Sale Date'] ?? '', ...item(line) }));
      }
    }
  });
  const text = ['', EBAY_HEADER, ...lines(rows, ',', true), '', `${rows.length} record(s) downloaded`].join('\r\n') + '\r\n';
  return { fileName: 'eBay-OrdersReport-Jul-01-2025-09:14:22-0700-1234567890.csv'.replace(/:/g, ''), content: text, expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Tmall / Taobao

const ZH_NICK_A = ['小', '大', '阿', '老', '萌', '甜', '酷', '懒'];
const ZH_NICK_B = ['明', '红', '丽', '强', '伟', '芳', '静', '敏', '军', '磊', '猫', '鱼', '兔', '星'];
const ZH_SUR = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '军', '杰', '婷', '涛'];
const ZH_GOODS: readonly (readonly [string, number])[] = [
  ['纯棉短袖T恤男夏季宽松', 5900], ['加厚保温杯316不锈钢', 8900], ['无线蓝牙耳机降噪', 19900], ['儿童益智积木玩具', 12800], ['真丝围巾女春秋款', 15800],
  ['手机壳硅胶防摔', 2900], ['家用电热水壶1.7L', 9900], ['运动跑步鞋透气', 26900], ['有机绿茶250g礼盒', 16800], ['双肩包大容量通勤', 13900],
];
const ZH_CITIES = ['浙江省 杭州市 西湖区 文三路88号', '广东省 深圳市 南山区 科技园路12号', '上海 上海市 浦东新区 世纪大道100号', '北京 北京市 朝阳区 建国路66号', '江苏省 南京市 鼓楼区 中山路8号', '四川省 成都市 武侯区 人民南路5号'];

/** 订单报表: GBK, every cell quoted, one row per order, the amount paid less postage. */
function tmallOrders(): Built {
  const rng = new Rng(2515);
  const t = new Tally();
  const header = headerNames(TMALL_HEADER, ',');
  const nicks = new Set<string>();
  const buyers: { nick: string; name: string; phone: string; address: string }[] = [];
  while (buyers.length < 160) {
    const nick = rng.chance(0.5) ? `${rng.pick(ZH_NICK_A)}${rng.pick(ZH_NICK_B)}${rng.pick(ZH_NICK_B)}${rng.int(1, 999)}` : `tb${rng.digits(9)}`;
    if (nicks.has(normalizeKey(nick))) continue;
    nicks.add(normalizeKey(nick));
    buyers.push({ nick, name: `${rng.pick(ZH_SUR)}${rng.pick(ZH_GIVEN)}${rng.chance(0.5) ? rng.pick(ZH_GIVEN) : ''}`, phone: `1${rng.pick(['38', '39', '58', '86'])}${rng.code(8, '0123456789')}`, address: rng.pick(ZH_CITIES) });
  }
  const dates = Array.from({ length: 420 }, () => randomWhen(rng)).sort(byTime);
  const rows = dates.map((w) => {
    const buyer = rng.pick(buyers);
    const picks = rng.distinct(ZH_GOODS, rng.chance(0.75) ? 1 : 2).map(([title, price]) => ({ title, price, qty: rng.chance(0.8) ? 1 : 2 }));
    const goodsTotal = sum(picks.map((pick) => pick.price * pick.qty));
    const postage = goodsTotal >= 9900 ? 0 : rng.pick([0, 600, 1000]);
    const total = goodsTotal + postage;
    const coupon = rng.chance(0.25) ? rng.pick([500, 1000, 2000]) : 0;
    const s = rng.next();
    const status = s < 0.7 ? '交易成功' : s < 0.78 ? '卖家已发货，等待买家确认' : s < 0.84 ? '买家已付款，等待卖家发货' : s < 0.9 ? '等待买家付款' : '交易关闭';
    const unpaid = status === '等待买家付款' || (status === '交易关闭' && rng.chance(0.6));
    const paidAmount = unpaid ? 0 : total - coupon;
    const paidAt: When | null = unpaid ? null : whenOf(w.day, w.hh, Math.min(59, w.mi + rng.int(0, 20)), w.ss);
    if (status !== '等待买家付款' && status !== '交易关闭' && paidAt) t.commit(keyOf(buyer.nick, ''), paidAmount - postage, iso(paidAt));
    else t.skip();
    const ts = (x: When): string => `${iso(x)} ${hms(x)}`;
    return rowOf(header, {
      订单编号: `${rng.digits(19)}`,
      买家会员名: buyer.nick,
      买家支付宝账号: `${buyer.phone.slice(0, 3)}****${buyer.phone.slice(7)}`,
      买家应付货款: dec(goodsTotal),
      买家应付邮费: dec(postage),
      买家支付积分: '0',
      总金额: dec(total),
      返点积分: '0',
      买家实际支付金额: dec(paidAmount),
      买家实际支付积分: '0',
      订单状态: status,
      买家留言: rng.chance(0.1) ? '请尽快发货，谢谢！' : '',
      收货人姓名: buyer.name,
      收货地址: buyer.address,
      运送方式: '快递',
      联系电话: '',
      联系手机: `'${buyer.phone}`,
      订单创建时间: ts(w),
      订单付款时间: paidAt ? ts(paidAt) : '',
      宝贝标题: picks.map((pick) => pick.title).join('，'),
      宝贝种类: String(picks.length),
      物流单号: status === '交易成功' || status.startsWith('卖家已发货') ? `No:SF${rng.code(12, '0123456789')}` : '',
      物流公司: status === '交易成功' || status.startsWith('卖家已发货') ? '顺丰速运' : '',
      订单备注: '',
      宝贝总数量: String(sum(picks.map((pick) => pick.qty))),
      店铺Id: '0',
      店铺名称: '悦家生活旗舰店',
      订单关闭原因: status === '交易关闭' ? rng.pick(['买家不想买了', '退款', '超时未付款']) : '订单未关闭',
      卖家服务费: '0',
      买家服务费: '0元',
      发票抬头: '',
      是否手机订单: rng.chance(0.8) ? '手机订单' : '',
      分阶段订单信息: '',
      定金排名: '',
      修改后的sku: '',
      修改后的收货地址: '',
      异常信息: '',
    });
  });
  return { fileName: 'ExportOrderList202507011200.csv', content: iconv.encode([TMALL_HEADER, ...lines(rows.reverse(), ',', true)].join('\r\n') + '\r\n', 'gbk'), expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Tiendanube / Nuvemshop

const AR_GOODS = goods(
  [
    ['Remera de algodón (Talle: M, Color: Negro)', 'Indumentaria', 1_299_900], ['Buzo canguro (Talle: L)', 'Indumentaria', 3_450_000], ['Jean recto (Talle: 42)', 'Indumentaria', 4_599_900],
    ['Zapatillas urbanas (Número: 40)', 'Calzado', 8_999_900], ['Mate de calabaza con bombilla', 'Hogar', 1_850_000], ['Yerba orgánica 1 kg', 'Almacén', 680_000],
    ['Termo acero 1 L', 'Hogar', 3_299_900], ['Cartera de cuero', 'Accesorios', 6_200_000], ['Pañuelo estampado', 'Accesorios', 950_000], ['Vela aromática "Limón"', 'Hogar', 720_000],
  ],
  'TN',
);
const BR_GOODS = goods(
  [
    ['Camiseta básica algodão (Tamanho: M)', 'Roupas', 4990], ['Vestido midi floral (Tamanho: P)', 'Roupas', 15990], ['Tênis casual (Número: 39)', 'Calçados', 22990],
    ['Bolsa de palha', 'Acessórios', 8990], ['Caneca cerâmica artesanal', 'Casa', 3990], ['Café especial 500 g', 'Mercearia', 4590], ['Óculos de sol', 'Acessórios', 12990],
    ['Chinelo de borracha', 'Calçados', 2990], ['Kit sabonetes naturais', 'Beleza', 5490], ['Almofada bordada', 'Casa', 6990],
  ],
  'NV',
);

/** Ventas export: `;`, windows-1252, decimal comma, `DD/MM/YYYY HH:MM:SS`, order cells on the first row of each order. */
function tiendanubeOrders(): Built {
  const rng = new Rng(2616);
  const t = new Tally();
  const header = headerNames(TIENDANUBE_HEADER, ';');
  const used = new Set<string>();
  const dni = (): string => `${rng.int(20, 45)}.${rng.code(3, '0123456789')}.${rng.code(3, '0123456789')}`;
  const buyers = makePeople(rng, 90, ES_FIRST, ES_LAST, used, 'correo.com.ar', true).map((person) => ({ person, dni: dni() }));
  const dates = Array.from({ length: 175 }, () => randomWhen(rng)).sort(byTime);
  const orders: string[][][] = [];
  dates.forEach((w, i) => {
    const who = rng.next();
    let email = '';
    let doc: string;
    let person: Person;
    if (who < 0.88) {
      const buyer = rng.pick(buyers);
      person = buyer.person;
      email = person.email;
      doc = buyer.dni;
    } else {
      // Sold in the shop: no e-mail, sometimes the DNI.
      person = at(makePeople(rng, 1, ES_FIRST, ES_LAST, used, 'correo.com.ar', true), 0);
      doc = who < 0.95 ? dni() : '';
    }
    const pos = email === '';
    const items = lineItems(rng, AR_GOODS, rng.chance(0.5) ? 1 : rng.int(2, 3), 2);
    const subtotal = sum(items.map((line) => line.value));
    const discount = rng.chance(0.2) ? Math.round(subtotal * 0.1) : 0;
    const shipping = pos ? 0 : rng.pick([0, 350_000, 520_000]);
    const total = subtotal - discount + shipping;
    const s = rng.next();
    const payment = s < 0.72 ? 'Recibido' : s < 0.78 ? 'Confirmado' : s < 0.84 ? 'Pendiente' : s < 0.88 ? 'Rechazado' : s < 0.91 ? 'Reembolsado' : 'Recibido';
    const cancelled = s >= 0.91 && s < 0.96 ? later(rng, w, rng.int(0, 3)) : null;
    const counted = (payment === 'Recibido' || payment === 'Confirmado') && cancelled === null;
    if (counted) t.commitOrder(keyOf(email, doc, person.full), netOrThrow(total, shipping, 0), iso(w), items.map((line) => line.value));
    else t.skip(items.length);
    if (payment === 'Reembolsado' && cancelled === null) t.refund();
    const number = String(10_230 + i);
    const stamp = (x: When): string => `${dmy(x)} ${hms(x)}`;
    const order: Cells = {
      Fecha: stamp(w),
      'Estado de la orden': cancelled ? 'Cancelada' : counted ? rng.pick(['Abierta', 'Cerrada']) : 'Abierta',
      'Estado del pago': payment,
      'Estado del envío': counted && !pos ? rng.pick(['Enviado', 'No está empaquetado', 'Entregado']) : pos ? 'Entregado' : 'No está empaquetado',
      Moneda: 'ARS',
      'Subtotal de productos': decComma(subtotal),
      Descuento: decComma(discount),
      'Costo de envío': decComma(shipping),
      Total: decComma(total),
      'Nombre del comprador': person.full,
      'DNI / CUIT': doc,
      Teléfono: pos ? '' : `+54 9 11 ${rng.code(4, '0123456789')}-${rng.code(4, '0123456789')}`,
      'Nombre para el envío': pos ? '' : person.full,
      Dirección: pos ? '' : rng.pick(['Av. Corrientes', 'Calle Florida', 'Av. Santa Fe', 'Güemes', 'Av. Rivadavia']),
      Número: pos ? '' : String(rng.int(100, 5999)),
      Piso: pos || rng.chance(0.6) ? '' : `${rng.int(1, 12)}° ${rng.pick(['A', 'B', 'C'])}`,
      Localidad: pos ? '' : rng.pick(['Palermo', 'Recoleta', 'Caballito', 'Nueva Córdoba']),
      Ciudad: pos ? '' : rng.pick(['Buenos Aires', 'Córdoba', 'Rosario']),
      'Código postal': pos ? '' : String(rng.int(1000, 5999)),
      'Provincia o estado': pos ? '' : rng.pick(['Capital Federal', 'Córdoba', 'Santa Fe']),
      País: 'Argentina',
      'Medio de envío': pos ? 'Retiro en local' : shipping ? 'Correo Argentino - Envío a domicilio' : 'Envío gratis',
      'Medio de pago': pos ? 'Efectivo' : rng.pick(['Mercado Pago', 'Transferencia bancaria']),
      'Cupón de descuento': discount ? 'BIENVENIDA10' : '',
      'Notas del comprador': rng.chance(0.05) ? 'Timbre 3B; dejar en portería' : '',
      'Fecha de pago': counted ? stamp(w) : '',
      Canal: pos ? 'Punto de venta' : 'Tienda online',
      'Identificador de la orden': String(1_180_000_000 + i * 37),
      'Persona que registró la venta': pos ? 'Lucía (vendedora)' : '',
      'Sucursal de venta': pos ? 'Local Palermo' : '',
      'Fecha y hora de cancelación': cancelled ? stamp(cancelled) : '',
      'Motivo de cancelación': cancelled ? rng.pick(['El cliente se arrepintió', 'Sin stock']) : '',
    };
    orders.push(
      items.map((line, j) =>
        rowOf(header, {
          ...(j === 0 ? order : {}),
          'Número de orden': number,
          Email: email,
          'Nombre del producto': line.good.name,
          'Precio del producto': decComma(line.good.price),
          'Cantidad del producto': String(line.qty),
          SKU: line.good.sku,
          'Producto Físico': 'Sí',
        }),
      ),
    );
  });
  return { fileName: 'ventas-2025-07-01.csv', content: iconv.encode([TIENDANUBE_HEADER, ...lines(orders.reverse().flat(), ';')].join('\r\n') + '\r\n', 'win1252'), expected: t.expected('transactions') };
}

/** Vendas export (Portuguese): `;`, Latin-1, decimal point, order cells on the first row of each order. */
function nuvemshopOrders(): Built {
  const rng = new Rng(2717);
  const t = new Tally();
  const header = headerNames(NUVEMSHOP_HEADER, ';');
  const used = new Set<string>();
  const cpf = (): string => `${rng.code(3, '0123456789')}.${rng.code(3, '0123456789')}.${rng.code(3, '0123456789')}-${rng.code(2, '0123456789')}`;
  const buyers = makePeople(rng, 95, PT_FIRST, PT_LAST, used, 'email.com.br', true).map((person) => ({ person, cpf: cpf() }));
  const dates = Array.from({ length: 180 }, () => randomWhen(rng)).sort(byTime);
  const orders: string[][][] = [];
  dates.forEach((w, i) => {
    const pos = rng.chance(0.08);
    const buyer = pos ? { person: at(makePeople(rng, 1, PT_FIRST, PT_LAST, used, 'email.com.br', true), 0), cpf: cpf() } : rng.pick(buyers);
    const email = pos ? '' : buyer.person.email;
    const items = lineItems(rng, BR_GOODS, rng.chance(0.5) ? 1 : rng.int(2, 3), 2);
    const subtotal = sum(items.map((line) => line.value));
    const discount = rng.chance(0.2) ? Math.round(subtotal * 0.05) : 0;
    const shipping = pos ? 0 : rng.pick([0, 1590, 2290]);
    const total = subtotal - discount + shipping;
    const s = rng.next();
    const payment = s < 0.6 ? 'Confirmado' : s < 0.8 ? 'Recebido' : s < 0.88 ? 'Pendente' : s < 0.93 ? 'Recusado' : s < 0.97 ? 'Cancelado' : 'Estornado';
    const counted = payment === 'Confirmado' || payment === 'Recebido';
    if (counted) t.commitOrder(keyOf(email, buyer.cpf, buyer.person.full), netOrThrow(total, shipping, 0), iso(w), items.map((line) => line.value));
    else t.skip(items.length);
    if (payment === 'Estornado') t.refund();
    const stamp = (x: When): string => `${dmy(x)} ${hms(x)}`;
    const number = String(3_401 + i);
    const order: Cells = {
      Data: stamp(w),
      'Status do Pedido': counted ? rng.pick(['Aberto', 'Fechado']) : payment === 'Cancelado' ? 'Cancelado' : 'Aberto',
      'Status do Pagamento': payment,
      'Status do Envio': counted ? rng.pick(['Enviado', 'Entregue', 'Não está embalado']) : 'Não está embalado',
      Subtotal: dec(subtotal),
      Desconto: dec(discount),
      'Valor do Frete': dec(shipping),
      Total: dec(total),
      'Nome do comprador': buyer.person.full,
      'CPF / CNPJ': buyer.cpf,
      Telefone: `+55 11 9${rng.code(4, '0123456789')}-${rng.code(4, '0123456789')}`,
      Endereço: pos ? '' : `Rua ${rng.pick(['das Flores', 'São João', 'Augusta', 'da Consolação'])}, ${rng.int(10, 2000)}`,
      'Cupom de Desconto': discount ? 'BEMVINDO5' : '',
      'Anotações do Comprador': rng.chance(0.05) ? 'Entregar na portaria; obrigado!' : '',
      'Data de pagamento': counted ? stamp(w) : '',
      'Data de envío': '',
      'Meio de pagamento': pos ? 'Dinheiro' : rng.pick(['Pix', 'Cartão de crédito', 'Boleto']),
      'Identificador do pedido': String(980_000_000 + i * 53),
    };
    orders.push(items.map((line, j) => rowOf(header, { ...(j === 0 ? order : {}), 'Número do Pedido': number, 'E-mail': email, 'Nome do Produto': line.good.name, 'Valor do Produto': dec(line.good.price), 'Quantidade Comprada': String(line.qty), SKU: line.good.sku })));
  });
  return { fileName: 'vendas.csv', content: iconv.encode([NUVEMSHOP_HEADER, ...lines(orders.reverse().flat(), ';')].join('\r\n') + '\r\n', 'latin1'), expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// QuickBooks Online

const QB_ITEMS: readonly (readonly [string, string, number])[] = [
  ['Design', 'Custom landscape design', 7500], ['Gardening', 'Weekly garden service', 4500], ['Installation', 'Installation of landscape design', 5000], ['Pest Control', 'Pest control service', 3500],
  ['Rocks', 'Garden rocks, per ton', 12_000], ['Sprinkler Heads', 'Sprinkler heads', 200], ['Sprinkler Pipes', 'Sprinkler pipes, 10 ft', 400], ['Trimming', 'Tree and shrub trimming', 3500],
  ['Pump', 'Fountain pump', 1500], ['Soil', 'Soil mix, 2 cubic ft bag', 1000], ['Lighting', 'Garden lighting installation', 45_000],
];

/**
 * Sales by Customer Detail: a title preamble, the header with an empty first column, each customer a
 * row of its own above their lines, `Total for …` rows, a final `TOTAL` row and a footer; credit
 * memos and refund receipts written negative; estimates (no sale) among them.
 */
function quickbooksSales(): Built {
  const rng = new Rng(2818);
  const t = new Tally();
  const used = new Set<string>();
  const names: string[] = [];
  const trades = ['Landscaping', 'Plumbing', 'Construction', 'Bakery', 'Dental Care', 'Florist', 'Auto Repair', 'Realty'];
  while (names.length < 42) {
    const r = rng.next();
    const name =
      r < 0.45 ? `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}` : r < 0.85 ? `${rng.pick(EN_LAST)} ${rng.pick(trades)}` : r < 0.95 ? `${rng.pick(EN_LAST)} ${rng.pick(trades)}, Inc.` : `${rng.pick(EN_LAST)}'s ${rng.pick(trades)}`;
    if (used.has(normalizeKey(name))) continue;
    used.add(normalizeKey(name));
    names.push(name);
  }
  names.sort((a, b) => a.localeCompare(b));
  const rows: string[][] = [];
  const nums = { invoice: 1001, receipt: 5001, credit: 7001, refund: 8001, estimate: 3001 };
  let grand = 0;
  for (const name of names) {
    rows.push([name, '', '', '', '', '', '', '', '', '']);
    let balance = 0;
    const dates = Array.from({ length: rng.int(3, 11) }, () => randomWhen(rng)).sort(byTime);
    for (const w of dates) {
      const r = rng.next();
      const type = r < 0.55 ? 'Invoice' : r < 0.81 ? 'Sales Receipt' : r < 0.87 ? 'Credit Memo' : r < 0.91 ? 'Refund Receipt' : 'Estimate';
      const negative = type === 'Credit Memo' || type === 'Refund Receipt';
      let num: number;
      if (type === 'Invoice') num = nums.invoice++;
      else if (type === 'Sales Receipt') num = nums.receipt++;
      else if (type === 'Credit Memo') num = nums.credit++;
      else if (type === 'Refund Receipt') num = nums.refund++;
      else num = nums.estimate++;
      const picks = rng.distinct(QB_ITEMS, negative ? 1 : rng.int(1, 3));
      if (negative) t.refund();
      for (const [product, memo, price] of picks) {
        const qty = price >= 10_000 ? 1 : rng.int(1, 8);
        const amount = (negative ? -1 : 1) * qty * price;
        balance += amount;
        if (type === 'Estimate') t.skip();
        else t.commit(name, amount, iso(w));
        rows.push(['', mdy(w), type, String(num), product, memo, String(negative ? -qty : qty), dec(price), grouped(amount), grouped(balance)]);
      }
    }
    grand += balance;
    rows.push([`Total for ${name}`, '', '', '', '', '', '', '', grouped(balance), '']);
  }
  rows.push(['TOTAL', '', '', '', '', '', '', '', grouped(grand), '']);
  const text = [
    'Sales by Customer Detail',
    'Harbor Landscaping Supply LLC',
    '"January 1, 2022 - June 30, 2025"',
    '',
    ',Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Amount,Balance',
    ...lines(rows, ','),
    '',
    '',
    '"Accrual Basis Tuesday, July 1, 2025  09:14 AM GMT-07:00"',
  ];
  return { fileName: 'Harbor Landscaping Supply LLC_Sales by Customer Detail.csv', content: text.join('\n') + '\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Xero

const XERO_ITEMS: readonly (readonly [string, string, number])[] = [
  ['CONS-01', 'Consulting, per hour', 9500], ['WEB-DEV', 'Website development - fixed fee', 120_000], ['HOST-12', 'Hosting, 12 months', 24_000], ['SEO-M', 'SEO retainer (monthly)', 45_000],
  ['', 'Travel expenses recharged', 3_850], ['TRAIN', 'Training workshop, half day', 60_000], ['LIC-STD', 'Software licence - standard seat', 4_900], ['SUPP', 'Support hours', 7_500],
];

/** Invoices export: one row per line, invoice cells repeated on every line, `DD/MM/YYYY`, credit notes by `Type`. */
function xeroInvoices(): Built {
  const rng = new Rng(2919);
  const t = new Tally();
  const header = headerNames(XERO_HEADER, ',');
  const used = new Set<string>();
  const contacts: { name: string; email: string; city: string; postcode: string }[] = [];
  const kinds = ['Ltd', 'Limited', 'LLP', '& Co', 'Studio', 'Partners'];
  while (contacts.length < 70) {
    const name = rng.chance(0.7) ? `${rng.pick(EN_LAST)} ${rng.pick(['Design', 'Logistics', 'Bakery', 'Architects', 'Digital', 'Foods', 'Joinery'])} ${rng.pick(kinds)}` : `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
    if (used.has(normalizeKey(name))) continue;
    used.add(normalizeKey(name));
    const email = rng.chance(0.75) ? `accounts@${ascii(name).slice(0, 18)}.co.uk` : '';
    if (email && used.has(email)) continue;
    if (email) used.add(email);
    contacts.push({ name, email, city: rng.pick(['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh']), postcode: `${rng.pick(['EC1', 'M1', 'BS1', 'LS1', 'EH1'])} ${rng.int(1, 9)}${rng.code(2, 'ABDEFGHJLNPQRSTUWXYZ')}` });
  }
  const docs = Array.from({ length: 165 }, () => randomWhen(rng)).sort(byTime);
  let invoiceNo = 1;
  let creditNo = 1;
  const rows: string[][] = [];
  for (const w of docs) {
    const contact = rng.pick(contacts);
    const credit = rng.chance(0.07);
    const number = credit ? `CN-${String(creditNo++).padStart(4, '0')}` : `INV-${String(invoiceNo++).padStart(4, '0')}`;
    const picks = rng.distinct(XERO_ITEMS, credit ? rng.int(1, 2) : rng.int(1, 4)).map(([code, description, unit]) => {
      const qty = unit >= 45_000 ? 1 : rng.int(1, 6);
      const discount = !credit && rng.chance(0.15) ? 10 : 0;
      const amount = Math.round((qty * unit * (100 - discount)) / 100);
      return { code, description, unit, qty, discount, amount, tax: Math.round(amount * 0.2) };
    });
    const subtotal = sum(picks.map((p) => p.amount));
    const taxTotal = sum(picks.map((p) => p.tax));
    const total = subtotal + taxTotal;
    const s = rng.next();
    const status = credit ? 'Paid' : s < 0.76 ? 'Paid' : s < 0.88 ? 'Awaiting Payment' : s < 0.94 ? 'Draft' : 'Voided';
    if (status === 'Paid') {
      if (credit) t.refund();
      t.commitOrder(keyOf(contact.email, contact.name), (credit ? -1 : 1) * netOrThrow(total, taxTotal, 0), iso(w), picks.map((p) => p.amount));
    } else t.skip(picks.length);
    const paid = status === 'Paid' ? total : 0;
    const invoice: Cells = {
      ContactName: contact.name,
      EmailAddress: contact.email,
      POAddressLine1: `${rng.int(1, 200)} High Street`,
      POCity: contact.city,
      POPostalCode: contact.postcode,
      POCountry: 'United Kingdom',
      InvoiceNumber: number,
      Reference: credit ? `Refund ${rng.pick(['INV-0012', 'INV-0040', 'INV-0101'])}` : rng.chance(0.3) ? `PO ${rng.int(1000, 9999)}` : '',
      InvoiceDate: dmy(w),
      DueDate: dmy(later(rng, w, 30)),
      Total: dec(total),
      TaxTotal: dec(taxTotal),
      InvoiceAmountPaid: dec(paid),
      InvoiceAmountDue: dec(status === 'Voided' ? 0 : total - paid),
      Currency: 'GBP',
      Type: credit ? 'Sales credit note' : 'Sales invoice',
      Sent: status === 'Draft' ? '' : 'Sent',
      Status: status,
    };
    for (const p of picks) {
      rows.push(
        rowOf(header, {
          ...invoice,
          InventoryItemCode: p.code,
          Description: p.description,
          Quantity: `${p.qty}.0000`,
          UnitAmount: `${dec(p.unit)}00`,
          Discount: p.discount ? `${p.discount}.00` : '',
          LineAmount: dec(p.amount),
          AccountCode: '200',
          TaxType: '20% (VAT on Income)',
          TaxAmount: dec(p.tax),
          TrackingName1: 'Region',
          TrackingOption1: contact.city,
        }),
      );
    }
  }
  return { fileName: 'Invoices-export.csv', content: [XERO_HEADER, ...lines(rows, ',')].join('\n') + '\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// BigCommerce

const BIGCOMMERCE_FULL_HEADER = `${BIGCOMMERCE_HEADER},"Refund Amount","Channel Name"`;

/** Orders export (Default template, with the `Refund Amount` and `Channel Name` some templates add): one row per order, every cell quoted. */
function bigcommerceOrders(): Built {
  const rng = new Rng(3020);
  const t = new Tally();
  const header = headerNames(BIGCOMMERCE_FULL_HEADER, ',');
  const used = new Set<string>();
  const members = makePeople(rng, 130, EN_FIRST, EN_LAST, used, 'example.com.au');
  const dates = Array.from({ length: 400 }, () => randomWhen(rng)).sort(byTime);
  let fullWhileCompleted = 0;
  const rows = dates.map((w, i) => {
    const who = rng.next();
    let person: Person | null = null;
    let id = '0';
    if (who < 0.72) {
      const m = rng.int(0, members.length - 1);
      person = at(members, m);
      id = String(1 + m);
    } else if (who < 0.94) person = at(makePeople(rng, 1, EN_FIRST, EN_LAST, used, 'example.com.au'), 0);
    const email = person?.email ?? '';
    const items = lineItems(rng, GADGETS, rng.chance(0.6) ? 1 : rng.int(2, 3), 2);
    const subtotalEx = sum(items.map((line) => line.value));
    const coupon = rng.chance(0.1) ? Math.round(subtotalEx * 0.1) : 0;
    const tax = Math.round((subtotalEx - coupon) * 0.07);
    const shipping = rng.pick([0, 799, 1299]);
    const total = subtotalEx - coupon + tax + shipping;
    const s = rng.next();
    const status = s < 0.52 ? 'Completed' : s < 0.66 ? 'Shipped' : s < 0.72 ? 'Awaiting Fulfillment' : s < 0.78 ? 'Partially Refunded' : s < 0.82 ? 'Refunded' : s < 0.86 ? 'Cancelled' : s < 0.89 ? 'Pending' : s < 0.93 ? 'Awaiting Payment' : s < 0.95 ? 'Declined' : s < 0.97 ? 'Incomplete' : 'Completed';
    let refund = 0;
    if (status === 'Partially Refunded') refund = partialRefund(rng, total, tax + shipping);
    else if (status === 'Refunded') refund = total;
    else if (status === 'Completed' && s >= 0.97 && fullWhileCompleted < 3) {
      // Refunded at the payment gateway, the status left as it was.
      fullWhileCompleted += 1;
      refund = total;
    }
    const counted = ['Completed', 'Shipped', 'Awaiting Fulfillment', 'Partially Refunded'].includes(status) && refund < total;
    if (refund > 0) t.refund();
    if (counted) t.commit(keyOf(email, id, person?.full), netOrThrow(total, tax + shipping, refund), iso(w));
    else t.skip();
    const shipped = ['Completed', 'Shipped', 'Partially Refunded'].includes(status) ? later(rng, w, rng.int(1, 4)) : null;
    return rowOf(header, {
      'Order ID': String(100 + i),
      'Customer ID': id,
      'Customer Name': person?.full ?? '',
      'Customer Email': email,
      'Customer Phone': person?.phone ?? '',
      'Order Date': mdy(w),
      'Order Status': status,
      'Subtotal (inc tax)': dec(subtotalEx + Math.round(subtotalEx * 0.07)),
      'Subtotal (ex tax)': dec(subtotalEx),
      'Tax Total': dec(tax),
      'Shipping Cost (inc tax)': dec(shipping),
      'Shipping Cost (ex tax)': dec(shipping),
      'Ship Method': shipping ? 'Flat Rate' : 'Free Shipping',
      'Handling Cost (inc tax)': '0.00',
      'Handling Cost (ex tax)': '0.00',
      'Store Credit Redeemed': '0.00',
      'Gift Certificate Amount Redeemed': '0.00',
      'Coupon Details': coupon ? `SAVE10 (${dec(coupon)})` : '',
      'Order Total (inc tax)': dec(total),
      'Order Total (ex tax)': dec(total - tax),
      'Payment Method': rng.pick(['Credit Card', 'PayPal', 'Cash on Delivery']),
      'Total Quantity': String(sum(items.map((line) => line.qty))),
      'Total Shipped': shipped ? String(sum(items.map((line) => line.qty))) : '0',
      'Date Shipped': shipped ? mdy(shipped) : '',
      'Order Currency Code': 'USD',
      'Exchange Rate': '1.0000000000',
      'Order Notes': '',
      'Customer Message': rng.chance(0.05) ? 'Please ship ASAP, it is a gift' : '',
      'Billing First Name': person?.first ?? '',
      'Billing Last Name': person?.last ?? '',
      'Billing Street 1': person?.street ?? '',
      'Billing Suburb': person?.city ?? '',
      'Billing State': person?.state ?? '',
      'Billing Zip': person?.zip ?? '',
      'Billing Country': person ? 'United States' : '',
      'Billing Email': email,
      'Shipping First Name': person?.first ?? '',
      'Shipping Last Name': person?.last ?? '',
      'Shipping Street 1': person?.street ?? '',
      'Shipping Suburb': person?.city ?? '',
      'Shipping State': person?.state ?? '',
      'Shipping Zip': person?.zip ?? '',
      'Shipping Country': person ? 'United States' : '',
      'Product Details': items
        .map((line) => `Product ID: ${200 + GADGETS.indexOf(line.good)}, Product Qty: ${line.qty}, Product SKU: ${line.good.sku}, Product Name: ${line.good.name}, Product Weight: 0.5000, Product Variation Details: , Product Unit Price: ${dec(line.good.price)}, Product Total Price: ${dec(line.value)}`)
        .join('|'),
      'Refund Amount': dec(refund),
      'Channel Name': rng.pick(['Storefront', 'Storefront', 'Facebook by Meta']),
    });
  });
  return { fileName: 'orders-2025-07-01.csv', content: [BIGCOMMERCE_FULL_HEADER, ...lines(rows, ',', true)].join('\r\n') + '\r\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------
// Wix

/** Orders export: one row per line item with the order's cells on each, `Mar 5, 2024` and `2:22:10 PM`. */
function wixOrders(): Built {
  const rng = new Rng(3121);
  const t = new Tally();
  const header = headerNames(WIX_HEADER, ',');
  const used = new Set<string>();
  const buyers = makePeople(rng, 110, EN_FIRST, EN_LAST, used, 'example.co');
  const dates = Array.from({ length: 190 }, () => randomWhen(rng)).sort(byTime);
  const rows: string[][] = [];
  dates.forEach((w, i) => {
    const known = rng.chance(0.93);
    const person = known ? rng.pick(buyers) : at(makePeople(rng, 1, EN_FIRST, EN_LAST, used, 'example.co'), 0);
    const email = known ? person.email : '';
    const items = lineItems(rng, APPAREL, rng.chance(0.55) ? 1 : rng.int(2, 3));
    const subtotal = sum(items.map((line) => line.value));
    const coupon = rng.chance(0.12) ? Math.round(subtotal * 0.15) : 0;
    const shipping = rng.pick([0, 500, 900]);
    const tax = Math.round((subtotal - coupon) * 0.0825);
    const total = subtotal - coupon + shipping + tax;
    const s = rng.next();
    const status = s < 0.74 ? 'Paid' : s < 0.82 ? 'Partially refunded' : s < 0.87 ? 'Refunded' : s < 0.95 ? 'Unpaid' : 'Pending';
    const refund = status === 'Partially refunded' ? partialRefund(rng, total, tax + shipping) : status === 'Refunded' ? total : 0;
    const counted = status === 'Paid' || status === 'Partially refunded';
    if (refund > 0) t.refund();
    if (counted) t.commitOrder(keyOf(email, person.full, person.full), netOrThrow(total, tax + shipping, refund), iso(w), items.map((line) => line.value));
    else t.skip(items.length);
    const delivery: Cells = {
      'Delivery country': 'US',
      'Delivery state': `US-${person.state}`,
      'Delivery state name': person.state,
      'Delivery city': person.city,
      'Delivery address': person.street,
      'Delivery zip/postal code': person.zip,
    };
    const billing: Cells = Object.fromEntries(Object.entries(delivery).map(([name, value]) => [`${name}#2`, value]));
    for (const line of items) {
      rows.push(
        rowOf(header, {
          'Order number': String(10_001 + i),
          'Date created': wixDate(w),
          Time: ampm(w),
          'Total order quantity': String(sum(items.map((x) => x.qty))),
          'Contact email': email,
          'Note from customer': rng.chance(0.04) ? 'Can you gift-wrap this?' : '',
          Item: line.good.name,
          Variant: '',
          SKU: line.good.sku,
          Qty: String(line.qty),
          'Quantity refunded': status === 'Refunded' ? String(line.qty) : '0',
          Price: dec(line.good.price),
          Weight: '0.4',
          'Delivery method': shipping ? 'Standard Shipping' : 'Free Shipping',
          'Recipient name': person.full,
          'Recipient phone': person.phone,
          ...delivery,
          'Billing name': person.full,
          'Billing phone': person.phone,
          ...billing,
          'Payment status': status,
          'Payment method': rng.pick(['Credit/Debit Card', 'PayPal']),
          'Coupon code': coupon ? 'FALL15' : '',
          'Gift card amount': '0.00',
          'Shipping rate': dec(shipping),
          'Total tax': dec(tax),
          Total: dec(total),
          Currency: 'USD',
          'Refunded amount': dec(refund),
          'Net amount': dec(total - refund),
          'Additional fees': '0.00',
          'Fulfillment status': counted ? rng.pick(['Fulfilled', 'Unfulfilled']) : 'Unfulfilled',
        }),
      );
    }
  });
  return { fileName: 'orders.csv', content: [WIX_HEADER, ...lines(rows.reverse(), ',')].join('\n') + '\n', expected: t.expected('transactions') };
}

// ---------------------------------------------------------------------------------------------

/** One fixture per profile of profiles.ts. */
export const PLATFORM_FIXTURES: PlatformFixture[] = [
  fixture('shopify-orders', shopifyOrders),
  fixture('shopify-customers', shopifyCustomers),
  fixture('woocommerce-orders', wooOrders),
  fixture('woocommerce-customers', wooCustomers),
  fixture('woocommerce-webtoffee', wooWebtoffee),
  fixture('etsy-orders', etsyOrders),
  fixture('etsy-items', etsyItems),
  fixture('stripe-payments', stripePayments),
  fixture('stripe-customers', stripeCustomers),
  fixture('square-transactions', squareTransactions),
  fixture('square-items', squareItems),
  fixture('paypal-activity', paypalActivity),
  fixture('amazon-orders', amazonOrders),
  fixture('ebay-orders', ebayOrders),
  fixture('tmall-orders', tmallOrders),
  fixture('tiendanube-orders', tiendanubeOrders),
  fixture('nuvemshop-orders', nuvemshopOrders),
  fixture('quickbooks-sales', quickbooksSales),
  fixture('xero-invoices', xeroInvoices),
  fixture('bigcommerce-orders', bigcommerceOrders),
  fixture('wix-orders', wixOrders),
];
