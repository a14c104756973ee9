/**
 * A deterministic, made-up demo business: "a specialty coffee & kitchen-equipment supplier" that sells
 * beans, milk & syrups, machines, spare parts, maintenance plans and accessories to cafes, offices,
 * restaurants, hotels, shops and households over the three years that end at `endDay`.
 *
 * Every customer has latent traits (purchase rate, dropout, spend level, trend, breadth, cost to
 * serve) and buys according to them, so that each analysis screen has something real to show:
 * a heavy-tailed profit distribution (MVC), loss-makers caused by cost to serve (BZ, Redesign),
 * growing and declining customers (MGC, Harvest), lapsed and won-back customers, cross-sell gaps,
 * acquisition channels with different CAC and quality (LTV/CAC), monthly marketing spend and prospects
 * that partly look like the best customers.
 *
 * Pure code: no I/O, no Math.random. The same options always give the same dataset.
 */
import { normalizeCustomerKey } from '../../../shared/domain/customer-key';
import { epochDayFromParts, isoFromEpochDay } from '../../../shared/domain/dates';
import type {
  CustomerRecord,
  DatasetRecords,
  MarketingSpendRecord,
  ProductRecord,
  ProspectRecord,
  ServiceCostRecord,
  TransactionRecord,
} from '../../../shared/domain/records';

export interface DemoOptions {
  /** PRNG seed; the same seed gives the same dataset. */
  seed?: number;
  /** Number of customers. */
  customers?: number;
  /** Last day of the data (epoch day); the data covers the three years up to it. */
  endDay?: number;
}

export const DEMO_DEFAULTS: Readonly<Required<DemoOptions>> = Object.freeze({
  seed: 20_251_231,
  customers: 3000,
  endDay: epochDayFromParts(2025, 12, 31),
});

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** sfc32 (Small Fast Chaotic) seeded through splitmix32, with the draws the generator needs. */
export class DemoRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    const whole = Number.isFinite(seed) ? Math.floor(seed) : 0;
    let x = whole >>> 0;
    const hi = Math.floor(whole / 4_294_967_296) >>> 0;
    const mix = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ hi;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, the second value is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = Number.NaN;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma²)). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Gamma(shape, scale) by Marsaglia & Tsang; mean = shape × scale. */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) {
      const u = 1 - this.next();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = this.normal();
      let v = 1 + c * x;
      while (v <= 0) {
        x = this.normal();
        v = 1 + c * x;
      }
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Gamma with mean 1 and the given shape (smaller shape = more heterogeneity). */
  gammaMean1(shape: number): number {
    return this.gamma(shape, 1 / shape);
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('DemoRng.pick: empty list');
    return item;
  }

  /** Index drawn with probability proportional to the weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// The business
// ---------------------------------------------------------------------------------------------

const BEANS = 0;
const MILK = 1;
const EQUIPMENT = 2;
const PARTS = 3;
const SERVICE = 4;
const ACCESSORIES = 5;
const CATEGORY_NAMES = ['Beans', 'Milk & syrups', 'Equipment', 'Spare parts', 'Service contracts', 'Accessories'] as const;

/** Who a product is for: anyone, households only, businesses only. */
type Audience = 'any' | 'home' | 'pro';

interface ProductDef {
  id: string;
  name: string;
  cat: number;
  price: number;
  margin: number;
  audience: Audience;
}

const PRODUCTS: readonly ProductDef[] = [
  { id: 'BN-01', name: 'House Espresso Blend 1kg', cat: BEANS, price: 24.0, margin: 0.42, audience: 'any' },
  { id: 'BN-02', name: 'Brazil Santos 1kg', cat: BEANS, price: 21.0, margin: 0.38, audience: 'any' },
  { id: 'BN-03', name: 'Colombia Huila 1kg', cat: BEANS, price: 27.0, margin: 0.4, audience: 'any' },
  { id: 'BN-04', name: 'Ethiopia Yirgacheffe 1kg', cat: BEANS, price: 34.0, margin: 0.45, audience: 'any' },
  { id: 'BN-05', name: 'Decaf Swiss Water 1kg', cat: BEANS, price: 29.0, margin: 0.36, audience: 'any' },
  { id: 'BN-06', name: 'Guatemala Antigua 1kg', cat: BEANS, price: 30.0, margin: 0.41, audience: 'any' },
  { id: 'BN-07', name: 'Office Filter Blend 1kg', cat: BEANS, price: 19.5, margin: 0.33, audience: 'pro' },
  { id: 'BN-08', name: 'Single Origin of the Month 250g', cat: BEANS, price: 12.5, margin: 0.5, audience: 'home' },
  { id: 'BN-09', name: 'Espresso Blend 250g', cat: BEANS, price: 9.9, margin: 0.48, audience: 'home' },
  { id: 'BN-10', name: 'Kenya AA 1kg', cat: BEANS, price: 36.0, margin: 0.47, audience: 'any' },
  { id: 'MS-01', name: 'Barista Oat Milk 12x1L', cat: MILK, price: 28.8, margin: 0.24, audience: 'any' },
  { id: 'MS-02', name: 'Barista Almond Milk 12x1L', cat: MILK, price: 31.2, margin: 0.22, audience: 'any' },
  { id: 'MS-03', name: 'Whole Milk UHT 12x1L', cat: MILK, price: 14.4, margin: 0.15, audience: 'pro' },
  { id: 'MS-04', name: 'Vanilla Syrup 1L', cat: MILK, price: 9.5, margin: 0.52, audience: 'any' },
  { id: 'MS-05', name: 'Caramel Syrup 1L', cat: MILK, price: 9.5, margin: 0.52, audience: 'any' },
  { id: 'MS-06', name: 'Hazelnut Syrup 1L', cat: MILK, price: 9.5, margin: 0.5, audience: 'any' },
  { id: 'MS-07', name: 'Chai Concentrate 1L', cat: MILK, price: 12.0, margin: 0.44, audience: 'any' },
  { id: 'EQ-01', name: 'Espresso Machine 2-Group', cat: EQUIPMENT, price: 6900, margin: 0.18, audience: 'pro' },
  { id: 'EQ-02', name: 'Espresso Machine 3-Group', cat: EQUIPMENT, price: 9400, margin: 0.17, audience: 'pro' },
  { id: 'EQ-03', name: 'Commercial Grinder', cat: EQUIPMENT, price: 1150, margin: 0.22, audience: 'pro' },
  { id: 'EQ-04', name: 'Batch Brewer', cat: EQUIPMENT, price: 980, margin: 0.24, audience: 'pro' },
  { id: 'EQ-05', name: 'Home Espresso Machine', cat: EQUIPMENT, price: 649, margin: 0.2, audience: 'home' },
  { id: 'EQ-06', name: 'Home Burr Grinder', cat: EQUIPMENT, price: 229, margin: 0.25, audience: 'home' },
  { id: 'EQ-07', name: 'Bean-to-Cup Office Machine', cat: EQUIPMENT, price: 2450, margin: 0.19, audience: 'pro' },
  { id: 'SP-01', name: 'Group Head Gasket', cat: PARTS, price: 8.5, margin: 0.58, audience: 'any' },
  { id: 'SP-02', name: 'Shower Screen', cat: PARTS, price: 14.0, margin: 0.55, audience: 'any' },
  { id: 'SP-03', name: 'Portafilter Basket', cat: PARTS, price: 19.0, margin: 0.52, audience: 'any' },
  { id: 'SP-04', name: 'Grinder Burr Set', cat: PARTS, price: 89.0, margin: 0.45, audience: 'any' },
  { id: 'SP-05', name: 'Water Filter Cartridge', cat: PARTS, price: 39.0, margin: 0.4, audience: 'any' },
  { id: 'SP-06', name: 'Steam Wand Tip', cat: PARTS, price: 12.0, margin: 0.56, audience: 'any' },
  { id: 'SP-07', name: 'Pump Assembly', cat: PARTS, price: 145.0, margin: 0.38, audience: 'pro' },
  { id: 'SC-01', name: 'Basic Maintenance Plan (annual)', cat: SERVICE, price: 390, margin: 0.55, audience: 'pro' },
  { id: 'SC-02', name: 'Premium Maintenance Plan (annual)', cat: SERVICE, price: 890, margin: 0.6, audience: 'pro' },
  { id: 'SC-03', name: 'Home Machine Care Plan (annual)', cat: SERVICE, price: 119, margin: 0.5, audience: 'home' },
  { id: 'SC-04', name: 'Office Machine Care Plan (annual)', cat: SERVICE, price: 540, margin: 0.57, audience: 'pro' },
  { id: 'AC-01', name: 'Takeaway Cups 8oz x1000', cat: ACCESSORIES, price: 62.0, margin: 0.3, audience: 'pro' },
  { id: 'AC-02', name: 'Takeaway Lids x1000', cat: ACCESSORIES, price: 38.0, margin: 0.32, audience: 'pro' },
  { id: 'AC-03', name: 'Milk Jug 600ml', cat: ACCESSORIES, price: 18.0, margin: 0.45, audience: 'any' },
  { id: 'AC-04', name: 'Tamper 58mm', cat: ACCESSORIES, price: 35.0, margin: 0.48, audience: 'any' },
  { id: 'AC-05', name: 'Cleaning Tablets x100', cat: ACCESSORIES, price: 24.0, margin: 0.46, audience: 'any' },
  { id: 'AC-06', name: 'Knock Box', cat: ACCESSORIES, price: 29.0, margin: 0.44, audience: 'any' },
  { id: 'AC-07', name: 'Reusable Cup', cat: ACCESSORIES, price: 14.0, margin: 0.5, audience: 'home' },
];

interface ChannelDef {
  name: string;
  /** Share of new customers. */
  share: number;
  /** Typical acquisition cost per customer. */
  cac: number;
  /** Fixed monthly spend (brand, tools, fees) on top of the per-customer cost. */
  fixedMonthly: number;
  /** Customer quality multipliers. */
  rate: number;
  spend: number;
  dropout: number;
  breadth: number;
  support: number;
  /** Industry mix, in INDUSTRIES order. */
  industries: readonly number[];
  /** Multipliers on the M and L size shares. */
  sizeBoost: readonly [number, number];
}

const INDUSTRIES = ['Cafe', 'Office', 'Restaurant', 'Household', 'Hotel', 'Retail'] as const;
const HOUSEHOLD = 3;

const CHANNELS: readonly ChannelDef[] = [
  {
    name: 'Search ads', share: 0.27, cac: 180, fixedMonthly: 150,
    rate: 1.0, spend: 1.0, dropout: 1.0, breadth: 1.0, support: 1.0,
    industries: [0.22, 0.16, 0.12, 0.32, 0.06, 0.12], sizeBoost: [1, 1],
  },
  {
    name: 'Social', share: 0.22, cac: 85, fixedMonthly: 100,
    rate: 0.8, spend: 0.8, dropout: 1.5, breadth: 0.85, support: 1.35,
    industries: [0.12, 0.06, 0.08, 0.62, 0.03, 0.09], sizeBoost: [0.8, 0.5],
  },
  {
    name: 'Referral', share: 0.13, cac: 70, fixedMonthly: 0,
    rate: 1.2, spend: 1.15, dropout: 0.6, breadth: 1.15, support: 0.9,
    industries: [0.32, 0.12, 0.2, 0.18, 0.08, 0.1], sizeBoost: [1.2, 1.3],
  },
  {
    name: 'Trade show', share: 0.07, cac: 600, fixedMonthly: 0,
    rate: 1.1, spend: 1.25, dropout: 0.85, breadth: 1.1, support: 1.0,
    industries: [0.36, 0.12, 0.22, 0, 0.18, 0.12], sizeBoost: [1.3, 1.8],
  },
  {
    name: 'Partner', share: 0.09, cac: 320, fixedMonthly: 200,
    rate: 1.2, spend: 1.2, dropout: 0.65, breadth: 1.15, support: 0.9,
    industries: [0.2, 0.3, 0.12, 0.06, 0.2, 0.12], sizeBoost: [1.3, 1.8],
  },
  {
    name: 'Direct', share: 0.22, cac: 0, fixedMonthly: 40,
    rate: 1.0, spend: 1.0, dropout: 0.95, breadth: 1.0, support: 1.0,
    industries: [0.2, 0.14, 0.12, 0.36, 0.06, 0.12], sizeBoost: [1, 1],
  },
];
const CHANNEL_SHARES = CHANNELS.map((c) => c.share);
const DIRECT = 5;
const TRADE_SHOW = 3;
const SOCIAL = 1;

/** S, M, L shares per industry. */
const SIZE_MIX: readonly (readonly number[])[] = [
  [0.62, 0.3, 0.08], // Cafe
  [0.5, 0.35, 0.15], // Office
  [0.55, 0.35, 0.1], // Restaurant
  [1, 0, 0], // Household
  [0.25, 0.5, 0.25], // Hotel
  [0.6, 0.3, 0.1], // Retail
];
const SIZES = ['S', 'M', 'L'] as const;

const REGIONS = ['Metro', 'North', 'South', 'East', 'West', 'Islands'] as const;
const REGION_SHARES = [0.3, 0.15, 0.17, 0.13, 0.15, 0.1];
/** Delivery distance factor per region. */
const REGION_DISTANCE = [1.0, 1.35, 1.3, 1.5, 1.4, 2.4];

/** Orders per year, by industry (before size, channel and individual variation). */
const INDUSTRY_RATE = [9, 5.5, 7, 2.8, 8, 5.5];
const SIZE_RATE = [0.8, 1.2, 1.6];
/** Support tickets per year. */
const SUPPORT_RATE = [0.9, 1.2, 1.8];
const HOUSEHOLD_SUPPORT_RATE = 0.55;

/** Base quantity per line by category, for a household and for S, M, L businesses. */
const BASE_QTY: readonly (readonly number[])[] = [
  [1.8, 6, 12, 22], // Beans
  [1.2, 4, 7, 12], // Milk & syrups
  [1, 1, 1, 1.2], // Equipment
  [1.2, 1.5, 2, 3], // Spare parts
  [1, 1, 1, 1], // Service contracts
  [1.3, 2, 4, 8], // Accessories
];

/** Chance that a customer's range includes a category, for households and businesses. */
const RANGE_BASE: readonly (readonly number[])[] = [
  [0.93, 0.3, 0.3, 0.15, 0.06, 0.4],
  [0.96, 0.65, 0.35, 0.4, 0.3, 0.4],
];
/** Chance that an order has a line of a category in the customer's range. */
const ORDER_INCLUSION = [0.85, 0.6, 0.02, 0.17, 0, 0.25];

const SALES_CHANNELS = ['web', 'phone', 'field'] as const;
const WEB = 0;
const PHONE = 1;
const FIELD = 2;

// Names -------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca',
  'Maya', 'Nikolai', 'Olivia', 'Pavel', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Wei', 'Yara',
  'Zoe', 'Mihai', 'Leila', 'Dara', 'Ioana', 'Chen', 'Sofia', 'Tom', 'Nadia', 'Omar', 'Petra', 'Reza',
] as const;
const LAST_NAMES = [
  'Adams', 'Baker', 'Costa', 'Dimitrov', 'Evans', 'Fischer', 'Garcia', 'Hoffmann', 'Ivanova', 'Jensen',
  'Kowalski', 'Lambert', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quintero', 'Rossi', 'Sato', 'Tanaka',
  'Ungureanu', 'Varga', 'Wagner', 'Xu', 'Young', 'Zhang', 'Popescu', 'Karimi', 'Hosseini', 'Lin', 'Moore',
] as const;
const NAME_ADJECTIVES = [
  'Golden', 'Blue', 'Little', 'Old Town', 'Northside', 'Green', 'Copper', 'Silver', 'Corner', 'Harbor',
  'Velvet', 'Maple', 'Red Door', 'Sunny', 'Urban', 'Riverside', 'Hidden', 'Crimson', 'Oak', 'Morning',
] as const;
const NAME_NOUNS = [
  'Bean', 'Cup', 'Fox', 'Lantern', 'Mill', 'Sparrow', 'Anchor', 'Garden', 'Bridge', 'Orchard', 'Kettle',
  'Crown', 'Harbour', 'Tulip', 'Owl', 'Pine', 'Square', 'Market', 'Dune', 'Compass',
] as const;
const NAME_SUFFIXES: readonly (readonly string[])[] = [
  ['Cafe', 'Coffee', 'Espresso Bar', 'Coffee House', 'Roastery Cafe'],
  ['Consulting', 'Partners', 'Studio', 'Group', 'Labs', 'Solutions', 'Law Office'],
  ['Bistro', 'Kitchen', 'Trattoria', 'Grill', 'Brasserie', 'Diner'],
  [],
  ['Hotel', 'Inn', 'Suites', 'Lodge', 'Guesthouse'],
  ['Deli', 'Market', 'Store', 'Provisions', 'Bakery'],
];

function makeName(rng: DemoRng, industry: number): string {
  if (industry === HOUSEHOLD) return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const suffixes = NAME_SUFFIXES[industry] ?? ['Ltd'];
  const suffix = rng.pick(suffixes);
  if (industry === 1 && rng.chance(0.35)) return `${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)} ${suffix}`;
  if (rng.chance(0.2)) return `${rng.pick(LAST_NAMES)}'s ${suffix}`;
  return `${rng.pick(NAME_ADJECTIVES)} ${rng.pick(NAME_NOUNS)} ${suffix}`;
}

// Helpers -------------------------------------------------------------------------------------------

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`Index ${index} out of range`);
  return item;
}

/** Year, month (1–12) and day of an epoch day. */
function partsOf(day: number): [number, number, number] {
  const [y = '1970', m = '01', d = '01'] = isoFromEpochDay(day).split('-');
  return [Number(y), Number(m), Number(d)];
}

/** The attributes a customer and a prospect share. */
interface Profile {
  channel: number;
  industry: number;
  size: number;
  region: number;
  age: number | null;
  income: number | null;
  loyaltyCard: boolean;
  invoice: boolean;
}

function drawProfile(rng: DemoRng, channel: number): Profile {
  const ch = at(CHANNELS, channel);
  const industry = rng.weighted(ch.industries);
  const mix = at(SIZE_MIX, industry);
  const size = rng.weighted([at(mix, 0), at(mix, 1) * ch.sizeBoost[0], at(mix, 2) * ch.sizeBoost[1]]);
  const region = rng.weighted(REGION_SHARES);
  const household = industry === HOUSEHOLD;
  const drawAge = (): number => Math.round(clamp(42 + 12 * rng.normal(), 22, 70));
  let age: number | null = null;
  let income: number | null = null;
  if (household) {
    age = drawAge();
    // Income rises with age up to the fifties.
    const ageEffect = 1 + 0.012 * (Math.min(age, 55) - 40);
    income = rng.chance(0.15) ? null : Math.round((52_000 * ageEffect * rng.logNormal(0, 0.45)) / 100) * 100;
  } else if (size === 0 && rng.chance(0.6)) {
    age = drawAge();
  }
  const loyaltyCard = rng.chance(household ? 0.45 : 0.3);
  const invoice = household ? false : rng.chance(size === 0 ? 0.4 : size === 1 ? 0.8 : 0.97);
  return { channel, industry, size, region, age, income, loyaltyCard, invoice };
}

function profileAttributes(p: Profile): Record<string, string> {
  return { loyaltyCard: p.loyaltyCard ? 'yes' : 'no', paymentTerms: p.invoice ? 'invoice' : 'card' };
}

interface PendingRefund {
  line: TransactionRecord;
  /** The purchase line it returns (its order id is known by the time the refund is written out). */
  source: TransactionRecord;
}

/** The shape of the period: three years up to endDay, its months and its trade shows. */
interface Calendar {
  startDay: number;
  endDay: number;
  span: number;
  monthStarts: number[];
  monthEnds: number[];
  /** Month index of each day of the period (day − startDay). */
  monthOfDay: Int32Array;
  showDays: number[];
}

function makeCalendar(endDay: number): Calendar {
  const [endYear, endMonth, endDate] = partsOf(endDay);
  let threeYearsBefore = epochDayFromParts(endYear - 3, endMonth, endDate);
  if (Number.isNaN(threeYearsBefore)) threeYearsBefore = epochDayFromParts(endYear - 3, endMonth, endDate - 1); // 29 Feb
  const startDay = threeYearsBefore + 1;
  const span = endDay - startDay + 1;
  const monthStarts: number[] = [];
  const monthEnds: number[] = [];
  let [y, m] = partsOf(startDay);
  for (let first = epochDayFromParts(y, m, 1); first <= endDay; ) {
    monthStarts.push(first);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    const next = epochDayFromParts(y, m, 1);
    monthEnds.push(next - 1);
    first = next;
  }
  const monthOfDay = new Int32Array(span);
  for (let mi = 0, d = 0; d < span; d++) {
    while (startDay + d > (monthEnds[mi] ?? Number.POSITIVE_INFINITY)) mi++;
    monthOfDay[d] = mi;
  }
  // Trade shows: two a year, mid-March and early October.
  const showDays: number[] = [];
  for (let year = endYear - 3; year <= endYear; year++) {
    for (const show of [epochDayFromParts(year, 3, 14), epochDayFromParts(year, 10, 9)]) {
      if (show >= startDay && show <= endDay) showDays.push(show);
    }
  }
  return { startDay, endDay, span, monthStarts, monthEnds, monthOfDay, showDays };
}

/** Eligible product indexes by audience (0 household, 1 business) and category. */
const ELIGIBLE: readonly (readonly (readonly number[])[])[] = [0, 1].map((aud) =>
  CATEGORY_NAMES.map((_, cat) =>
    PRODUCTS.flatMap((p, i) =>
      p.cat === cat && (p.audience === 'any' || p.audience === (aud === 0 ? 'home' : 'pro')) ? [i] : [],
    ),
  ),
);

/**
 * Simulates customers one after the other. Lines, refunds and service costs go into per-day buckets,
 * so the tables come out in date order and order ids can follow the dates. The state of the current
 * customer and order lives in fields (no closures per order: the 100k-customer run stays fast).
 */
class DemoSimulation {
  readonly lineBuckets: TransactionRecord[][];
  readonly refundBuckets: PendingRefund[][];
  readonly costBuckets: ServiceCostRecord[][];
  readonly acquisitionSpend: Float64Array;
  readonly acquisitionCount: Int32Array;
  /** The customers made to lapse and come back, with the day they came back. */
  readonly returns: { key: string; day: number }[] = [];
  private readonly growth = Math.log(3); // about three times as many new customers a month at the end as at the start
  private readonly favourite = new Int32Array(CATEGORY_NAMES.length);
  private readonly inRange = new Uint8Array(CATEGORY_NAMES.length);

  // The current customer.
  private key = '';
  private audience = 0;
  private size = 0;
  private household = false;
  private qtyColumn = 0;
  private lineDiscount = 0;
  private profit = 0;
  // The current order.
  private day = 0;
  private salesChannel = 'web';
  private quantityLevel = 1;
  private orderAmount = 0;
  private orderLines = 0;
  private hasMachine = false;

  constructor(
    private readonly rng: DemoRng,
    private readonly cal: Calendar,
  ) {
    this.lineBuckets = Array.from({ length: cal.span }, () => []);
    this.refundBuckets = Array.from({ length: cal.span }, () => []);
    this.costBuckets = Array.from({ length: cal.span }, () => []);
    this.acquisitionSpend = new Float64Array(CHANNELS.length * cal.monthStarts.length);
    this.acquisitionCount = new Int32Array(CHANNELS.length * cal.monthStarts.length);
  }

  /** Draws customer number `index` (1-based label), simulates its history and returns its profile and lifetime profit. */
  customer(index: number): { record: CustomerRecord; profile: Profile; profit: number } {
    const { rng, cal, inRange, favourite } = this;
    const { startDay, endDay, span } = cal;
    const label = `C-${pad(index, 5)}`;
    const key = normalizeCustomerKey(label);
    const channel = rng.weighted(CHANNEL_SHARES);
    const ch = at(CHANNELS, channel);
    const profile = drawProfile(rng, channel);
    const { industry, size, region } = profile;
    const household = industry === HOUSEHOLD;
    const audience = household ? 0 : 1;
    const distance = at(REGION_DISTANCE, region);
    this.key = key;
    this.audience = audience;
    this.size = size;
    this.household = household;
    this.qtyColumn = household ? 0 : size + 1;
    this.profit = 0;

    // Acquisition: more customers in later months; trade-show customers arrive at the shows.
    const u = Math.log(1 + rng.next() * (Math.exp(this.growth) - 1)) / this.growth;
    let acquiredDay = startDay + Math.min(span - 1, Math.floor(u * span));
    if (channel === TRADE_SHOW && cal.showDays.length > 0) {
      let best = at(cal.showDays, 0);
      for (const show of cal.showDays) if (Math.abs(show - acquiredDay) < Math.abs(best - acquiredDay)) best = show;
      acquiredDay = Math.min(endDay, best + rng.int(3));
    }
    const firstDay = rng.chance(0.4) ? Math.min(endDay, acquiredDay + 1 + rng.int(10)) : acquiredDay;
    const sizeCac = size === 2 ? 1.4 : size === 1 ? 1.15 : 1;
    const acquisitionCost =
      channel === DIRECT
        ? r2(rng.chance(0.7) ? 0 : rng.exponential(8))
        : r2(ch.cac * sizeCac * rng.logNormal(-0.045, 0.3));
    const slot = channel * cal.monthStarts.length + (cal.monthOfDay[acquiredDay - startDay] ?? 0);
    this.acquisitionSpend[slot] = (this.acquisitionSpend[slot] ?? 0) + acquisitionCost;
    this.acquisitionCount[slot] = (this.acquisitionCount[slot] ?? 0) + 1;

    // Latent traits.
    const incomeEffect = profile.income === null ? 1 : Math.pow(profile.income / 52_000, 0.5);
    const ageEffect = profile.age === null || !household ? 1 : 0.8 + (0.4 * (profile.age - 22)) / 48;
    // Orders a year (heterogeneous: gamma), spend level (gamma), dropout chance after a purchase (beta).
    const rate = at(INDUSTRY_RATE, industry) * at(SIZE_RATE, size) * ch.rate * ageEffect * rng.gammaMean1(1.6);
    const spendLevel = ch.spend * incomeEffect * rng.gammaMean1(3);
    const dropout = clamp(rng.beta(1.2, 11) * ch.dropout * (household ? 1.25 : 1) * (size === 2 ? 0.6 : 1), 0.005, 0.8);
    const trendKind = rng.weighted([0.25, 0.5, 0.25]); // growing, stable, declining
    const trendRate = trendKind === 0 ? rng.uniform(0.25, 0.6) : trendKind === 2 ? -rng.uniform(0.35, 0.8) : 0;
    const trendSpend = trendKind === 0 ? rng.uniform(0.1, 0.3) : trendKind === 2 ? -rng.uniform(0.1, 0.35) : 0;
    // Breadth: which categories the customer buys at all (the rest is the cross-sell gap).
    const breadth = rng.logNormal(0, 0.3) * ch.breadth;
    const rangeBase = at(RANGE_BASE, audience);
    let consumables = 0;
    for (let c = 0; c < CATEGORY_NAMES.length; c++) {
      inRange[c] = rng.chance(Math.min(0.97, at(rangeBase, c) * breadth)) ? 1 : 0;
      if (inRange[c] === 1 && c !== EQUIPMENT && c !== SERVICE) consumables++;
      const options = at(at(ELIGIBLE, audience), c);
      favourite[c] = options.length > 0 ? rng.pick(options) : -1;
    }
    if (consumables === 0) inRange[BEANS] = 1;
    const hasEquipment = inRange[EQUIPMENT] === 1;
    const hasContract = inRange[SERVICE] === 1 && (favourite[SERVICE] ?? -1) >= 0;
    let nextContractDay = hasContract ? firstDay + (rng.chance(0.5) ? 0 : rng.int(200)) : Number.POSITIVE_INFINITY;
    const preferred = household
      ? rng.chance(0.85)
        ? WEB
        : PHONE
      : rng.weighted(size === 2 ? [0.1, 0.3, 0.6] : size === 1 ? [0.35, 0.4, 0.25] : [0.65, 0.3, 0.05]);
    this.lineDiscount =
      size === 2 ? rng.uniform(0.03, 0.08) : size === 1 && rng.chance(0.5) ? rng.uniform(0, 0.04) : 0;
    const supportRate =
      (household ? HOUSEHOLD_SUPPORT_RATE : at(SUPPORT_RATE, size)) *
      ch.support *
      (hasEquipment ? 1.4 : 1) *
      rng.gammaMean1(0.6);
    // Some lapse for a long time and then come back ("won back").
    const winBack = firstDay < endDay - 330 && rng.chance(0.09);
    let gapStart = Number.POSITIVE_INFINITY;
    let gapLength = 0;
    if (winBack) {
      gapStart = firstDay + 60 + rng.int(Math.max(1, endDay - firstDay - 330));
      gapLength = Math.min(200 + rng.int(250), endDay - gapStart - 20);
    }

    const record: CustomerRecord = {
      key,
      label,
      name: makeName(rng, industry),
      acquiredDay,
      channel: ch.name,
      acquisitionCost,
      region: at(REGIONS, region),
      industry: at(INDUSTRIES, industry),
      size: at(SIZES, size),
      age: profile.age,
      income: profile.income,
      attributes: profileAttributes(profile),
    };

    // Orders: BG/NBD-like — a purchase rhythm that trends, and a dropout chance after each purchase.
    let day = firstDay;
    let first = true;
    let gapPending = winBack;
    for (;;) {
      this.day = day;
      this.quantityLevel = spendLevel * Math.exp((trendSpend * (day - firstDay)) / 365);
      const sales = rng.chance(0.85) ? preferred : household ? (preferred === WEB ? PHONE : WEB) : rng.int(3);
      this.salesChannel = at(SALES_CHANNELS, sales);
      this.orderAmount = 0;
      this.orderLines = 0;
      this.hasMachine = false;

      if (inRange[BEANS] === 1 && rng.chance(at(ORDER_INCLUSION, BEANS))) {
        this.addLine(BEANS);
        if (rng.chance(0.4)) this.addLine(BEANS);
      }
      if (inRange[MILK] === 1 && rng.chance(at(ORDER_INCLUSION, MILK))) this.addLine(MILK);
      if (inRange[ACCESSORIES] === 1 && rng.chance(at(ORDER_INCLUSION, ACCESSORIES))) this.addLine(ACCESSORIES);
      if (inRange[PARTS] === 1 && rng.chance(at(ORDER_INCLUSION, PARTS) * (hasEquipment ? 1.5 : 1))) this.addLine(PARTS);
      if (hasEquipment && rng.chance(first ? 0.4 : at(ORDER_INCLUSION, EQUIPMENT))) this.addLine(EQUIPMENT);
      if (hasContract && day >= nextContractDay) {
        this.addLine(SERVICE);
        nextContractDay = day + 365;
      }
      if (this.orderLines === 0) {
        for (const cat of [BEANS, MILK, ACCESSORIES, PARTS]) {
          if (inRange[cat] === 1) {
            this.addLine(cat);
            break;
          }
        }
      }
      if (this.orderLines > 0) {
        // Cost to serve of the order: delivery (more for small orders, far regions, machines),
        // card or invoice payment fee, loyalty rewards, volume rebates and welcome coupons.
        const amount = this.orderAmount;
        const deliveryCost = 6 * distance * rng.uniform(0.85, 1.15) + (amount < 60 ? 5 : 0) + (this.hasMachine ? 55 * distance : 0);
        this.addCost(day, r2(deliveryCost), 'delivery');
        this.addCost(day, r2(profile.invoice ? 0.004 * amount + 0.2 : 0.019 * amount + 0.3), 'payment fee');
        if (profile.loyaltyCard && rng.chance(0.2)) this.addCost(day, r2(0.08 * amount), 'discount');
        if (size === 2 && rng.chance(0.25)) this.addCost(day, r2(0.03 * amount), 'discount');
        if (first && channel === SOCIAL) this.addCost(day, r2(rng.uniform(8, 20)), 'discount');
      }
      first = false;

      // Dropout after the purchase (a won-back customer lapses at its gap instead).
      if (!gapPending && rng.chance(dropout)) break;
      const currentRate = Math.max(0.15, rate * Math.exp((trendRate * (day - firstDay)) / 365));
      let next = day + Math.max(1, Math.round(rng.exponential(365 / currentRate)));
      if (gapPending && next >= gapStart) {
        next = Math.max(next, gapStart + gapLength);
        gapPending = false;
        if (next <= endDay) this.returns.push({ key, day: next });
      }
      if (next > endDay) break;
      day = next;
    }
    const lastDay = day;

    // Support tickets while the customer is active (and a little after).
    const activeEnd = Math.min(endDay, lastDay + 60);
    const activeDays = activeEnd - firstDay + 1;
    const tickets = rng.poisson((supportRate * activeDays) / 365);
    for (let t = 0; t < tickets; t++) {
      this.addCost(firstDay + rng.int(activeDays), r2((10 + rng.exponential(20)) * (hasEquipment ? 1.3 : 1)), 'support');
    }
    // Field visits for customers served by the field sales team.
    if (preferred === FIELD) {
      const interval = 35 + rng.int(55);
      const visitEnd = Math.min(endDay, lastDay + 45);
      for (let v = firstDay + rng.int(interval); v <= visitEnd; v += interval) {
        this.addCost(v, r2((30 + 22 * distance) * rng.uniform(0.8, 1.2)), 'visit');
      }
    }
    return { record, profile, profit: this.profit };
  }

  private addCost(day: number, cost: number, kind: string): void {
    if (cost <= 0) return;
    const bucket = this.costBuckets[day - this.cal.startDay];
    if (!bucket) return;
    bucket.push({ customerKey: this.key, day, cost, kind });
    this.profit -= cost;
  }

  private addLine(cat: number): void {
    const { rng, day } = this;
    const options = at(at(ELIGIBLE, this.audience), cat);
    if (options.length === 0) return;
    const bucket = this.lineBuckets[day - this.cal.startDay];
    if (!bucket) return;
    const favourite = this.favourite[cat] ?? -1;
    const product = at(PRODUCTS, favourite >= 0 && rng.chance(0.7) ? favourite : rng.pick(options));
    let quantity: number;
    if (cat === SERVICE) quantity = 1;
    else if (cat === EQUIPMENT) quantity = this.size === 2 && !this.household && rng.chance(0.2) ? 2 : 1;
    else {
      const base = at(at(BASE_QTY, cat), this.qtyColumn);
      quantity = Math.max(1, Math.round(base * this.quantityLevel * rng.logNormal(-0.06, 0.35)));
    }
    const discount =
      cat === SERVICE ? 0 : cat === EQUIPMENT ? this.lineDiscount + (this.household ? 0 : 0.04) : this.lineDiscount;
    const amount = r2(quantity * product.price * (1 - discount));
    const cost = r2(amount * (1 - product.margin));
    const line: TransactionRecord = {
      customerKey: this.key,
      day,
      amount,
      cost,
      productId: product.id,
      category: at(CATEGORY_NAMES, cat),
      quantity,
      orderId: null,
      channel: this.salesChannel,
    };
    bucket.push(line);
    this.orderLines++;
    this.orderAmount += amount;
    this.profit += amount - cost;
    if (cat === EQUIPMENT) this.hasMachine = true;
    // About 1 % of lines are partly or fully returned a few days later (same order id, negative amount and quantity).
    if (cat !== SERVICE && rng.chance(0.01)) {
      const refundDay = day + 2 + rng.int(28);
      const refunds = this.refundBuckets[refundDay - this.cal.startDay];
      if (refunds) {
        const back = quantity === 1 ? 1 : 1 + rng.int(Math.min(quantity, 3));
        const refundAmount = r2(back * product.price * (1 - discount));
        const refundCost = r2(refundAmount * (1 - product.margin));
        refunds.push({
          source: line,
          line: { ...line, day: refundDay, amount: -refundAmount, cost: -refundCost, quantity: -back },
        });
        this.profit -= refundAmount - refundCost;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

export function generateDemoDataset(options: DemoOptions = {}): DatasetRecords {
  return simulateDemo(options).records;
}

/**
 * What the generator made happen that the data can only show, for checking the analysis against
 * it: the customers it made lapse for 200–450 days and come back, and the day they came back.
 */
export function demoTruth(options: DemoOptions = {}): { returns: { key: string; day: number }[] } {
  return { returns: simulateDemo(options).returns };
}

function simulateDemo(options: DemoOptions): { records: DatasetRecords; returns: { key: string; day: number }[] } {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const customerCount = Math.max(0, Math.floor(options.customers ?? DEMO_DEFAULTS.customers));
  const endDay = Math.floor(options.endDay ?? DEMO_DEFAULTS.endDay);
  if (!Number.isFinite(endDay)) throw new Error('generateDemoDataset: endDay must be a finite epoch day');
  const rng = new DemoRng(seed);
  const cal = makeCalendar(endDay);
  const sim = new DemoSimulation(rng, cal);

  const products: ProductRecord[] = PRODUCTS.map((p) => ({
    productId: p.id,
    name: p.name,
    category: at(CATEGORY_NAMES, p.cat),
    marginRate: p.margin,
  }));

  const customers: CustomerRecord[] = [];
  const profiles: Profile[] = [];
  const lifetimeProfit = new Float64Array(customerCount);
  for (let i = 0; i < customerCount; i++) {
    const { record, profile, profit } = sim.customer(i + 1);
    customers.push(record);
    profiles.push(profile);
    lifetimeProfit[i] = profit;
  }

  // Chronological tables. A customer has at most one order a day and its lines sit together in the
  // day's bucket, so a change of customer starts a new order; order ids follow the dates.
  const transactions: TransactionRecord[] = [];
  const serviceCosts: ServiceCostRecord[] = [];
  let orderSeq = 0;
  for (let d = 0; d < cal.span; d++) {
    let previousKey = '';
    let orderId = '';
    for (const line of sim.lineBuckets[d] ?? []) {
      if (line.customerKey !== previousKey) {
        previousKey = line.customerKey;
        orderSeq++;
        orderId = `O-${pad(orderSeq, 6)}`;
      }
      line.orderId = orderId;
      transactions.push(line);
    }
    for (const refund of sim.refundBuckets[d] ?? []) {
      refund.line.orderId = refund.source.orderId;
      transactions.push(refund.line);
    }
    for (const cost of sim.costBuckets[d] ?? []) serviceCosts.push(cost);
  }

  // Marketing spend: one row per channel and month ≈ the acquisition costs of its new customers + a fixed part.
  const marketingSpend: MarketingSpendRecord[] = [];
  const monthCount = cal.monthStarts.length;
  for (let c = 0; c < CHANNELS.length; c++) {
    const ch = at(CHANNELS, c);
    for (let m = 0; m < monthCount; m++) {
      const perCustomer = sim.acquisitionSpend[c * monthCount + m] ?? 0;
      const fixed = ch.fixedMonthly * rng.uniform(0.8, 1.2);
      marketingSpend.push({
        channel: ch.name,
        periodStart: at(cal.monthStarts, m),
        periodEnd: at(cal.monthEnds, m),
        spend: r2(Math.max(0, perCustomer * (1 + 0.05 * rng.normal()) + fixed)),
        newCustomers: sim.acquisitionCount[c * monthCount + m] ?? 0,
      });
    }
  }

  // Prospects: fresh leads; about a third are look-alikes of the best customers (top 10 % by profit).
  const ranked = Array.from({ length: customerCount }, (_, i) => i).sort(
    (a, b) => (lifetimeProfit[b] ?? 0) - (lifetimeProfit[a] ?? 0) || a - b,
  );
  const top = ranked.slice(0, Math.max(1, Math.floor(customerCount * 0.1)));
  const prospectCount = Math.round(customerCount * 0.25);
  const prospects: ProspectRecord[] = [];
  const leadStatuses = ['new', 'contacted', 'qualified'] as const;
  for (let p = 0; p < prospectCount; p++) {
    const label = `P-${pad(p + 1, 5)}`;
    const model = rng.chance(0.35) ? profiles[at(top, rng.int(top.length))] : undefined;
    let profile: Profile;
    if (model) {
      profile = {
        ...model,
        channel: rng.chance(0.7) ? model.channel : rng.weighted(CHANNEL_SHARES),
        region: rng.chance(0.85) ? model.region : rng.weighted(REGION_SHARES),
        age: model.age === null ? null : Math.round(clamp(model.age + 4 * rng.normal(), 22, 70)),
        income: model.income === null ? null : Math.round((model.income * rng.logNormal(0, 0.15)) / 100) * 100,
        loyaltyCard: false,
      };
    } else {
      profile = { ...drawProfile(rng, rng.weighted(CHANNEL_SHARES)), loyaltyCard: false };
    }
    prospects.push({
      key: normalizeCustomerKey(label),
      label,
      name: makeName(rng, profile.industry),
      channel: at(CHANNELS, profile.channel).name,
      region: at(REGIONS, profile.region),
      industry: at(INDUSTRIES, profile.industry),
      size: at(SIZES, profile.size),
      age: profile.age,
      income: profile.income,
      attributes: { ...profileAttributes(profile), leadStatus: rng.pick(leadStatuses) },
    });
  }

  return { records: { transactions, customers, serviceCosts, products, marketingSpend, prospects }, returns: sim.returns };
}
