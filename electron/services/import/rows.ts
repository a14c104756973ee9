/**
 * Turning one parsed row into a record of its kind, or into the reason it is rejected or
 * skipped. A reader is built once per import (formats and columns resolved up front) and then
 * called for every row, so it does no detection work per row.
 */
import { normalizeCustomerKey, type CustomerKeyRules } from '../../../shared/domain/customer-key';
import type { ImportKind } from '../../../shared/domain/import';
import type { CustomerRecord, MarketingSpendRecord, ProductRecord, ProspectRecord } from '../../../shared/domain/records';
import type { DateFormat } from './values/dates';
import { dateParser } from './values/dates';
import { numberParser, rateParser, type NumberFormat } from './values/numbers';

export interface ImportedTransaction {
  customerKey: string;
  customerLabel: string;
  day: number;
  amount: number;
  cost: number | null;
  quantity: number | null;
  productId: string | null;
  category: string | null;
  orderId: string | null;
  channel: string | null;
  customerName: string | null;
  region: string | null;
}

export interface ImportedCost {
  customerKey: string;
  customerLabel: string;
  day: number;
  cost: number;
  kind: string | null;
}

export type ImportedRecord =
  | { kind: 'transactions'; row: ImportedTransaction }
  | { kind: 'customers'; row: CustomerRecord }
  | { kind: 'costs'; row: ImportedCost }
  | { kind: 'products'; row: ProductRecord }
  | { kind: 'marketing'; row: MarketingSpendRecord }
  | { kind: 'prospects'; row: ProspectRecord };

export type RowOutcome =
  | { type: 'accepted'; record: ImportedRecord; value: number }
  | { type: 'rejected'; column: string | null; value: string | null; reason: string }
  | { type: 'skipped'; reason: string };

export interface ReaderSetup {
  kind: ImportKind;
  headers: readonly string[];
  mapping: Readonly<Record<string, number | null>>;
  numberFormat: NumberFormat;
  dateFormat: DateFormat | null;
  keyRules: CustomerKeyRules;
  /** Dates after this epoch day are in the future. */
  latestDay: number;
}

const TOTAL_WORDS = new Set(['итого', 'всего', 'общо', 'всичко', 'total', 'totals', 'subtotal', 'sub-total', 'grand total', 'sum', 'totaluri', 'total general', '合计', '总计', '小计', '合計', '總計', 'جمع', 'جمع کل', 'مجموع']);

/** "Итого", "Total:", "合计", "جمع کل", "Total for March" … — a total or subtotal line of a report, not a customer. */
export function isTotalLabel(text: string): boolean {
  // Fast answer for the usual cell: ids and numbers start with a digit, totals are short.
  const first = text.charCodeAt(0);
  if (Number.isNaN(first) || (first >= 48 && first <= 57) || text.length > 24) return false;
  const value = text.trim().toLowerCase().replace(/[:.\s]+$/u, '');
  if (TOTAL_WORDS.has(value)) return true;
  const space = value.search(/[\s:]/u);
  return space > 0 && TOTAL_WORDS.has(value.slice(0, space));
}

/** Trimmed text of a cell; most cells need no trimming, and then no new string is made. */
function trimmed(value: string | undefined): string {
  if (value === undefined || value.length === 0) return '';
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first !== 160 && last > 32 && last !== 160 ? value : value.trim();
}

const DATE_HINT: Record<DateFormat, string> = {
  ymd: 'YYYY-MM-DD',
  dmy: 'DD.MM.YYYY',
  mdy: 'MM/DD/YYYY',
  excel: 'an Excel date number',
  jalali: 'a Solar Hijri date YYYY/MM/DD',
};

type Cell = (fields: readonly string[]) => string;

class RowError {
  constructor(readonly column: string | null, readonly value: string | null, readonly reason: string) {}
}

/** Builds the reader of rows of one import. */
export function createRowReader(setup: ReaderSetup): (fields: readonly string[]) => RowOutcome {
  const { kind, headers, mapping, keyRules, latestDay } = setup;
  const parseNumber = numberParser(setup.numberFormat);
  const parseRate = rateParser(setup.numberFormat);
  const parseDate = setup.dateFormat ? dateParser(setup.dateFormat) : () => Number.NaN;
  const dateHint = setup.dateFormat ? DATE_HINT[setup.dateFormat] : 'a date';

  const columnOf = (field: string): number | null => mapping[field] ?? null;
  const headerOf = (field: string): string => {
    const column = columnOf(field);
    return column === null ? field : (headers[column] || `column ${column + 1}`);
  };
  const cell = (field: string): Cell | null => {
    const column = columnOf(field);
    return column === null ? null : (fields) => trimmed(fields[column]);
  };

  const text = (field: string) => {
    const read = cell(field);
    return (fields: readonly string[]): string | null => {
      const value = read ? read(fields) : '';
      return value === '' ? null : value;
    };
  };
  const required = (field: string) => {
    const read = cell(field);
    return (fields: readonly string[]): string => {
      const value = read ? read(fields) : '';
      if (value === '') throw new RowError(headerOf(field), '', `${headerOf(field)} is missing`);
      return value;
    };
  };
  const number = (field: string, options: { required: boolean; rate?: boolean }) => {
    const read = cell(field);
    const parse = options.rate ? parseRate : parseNumber;
    return (fields: readonly string[]): number | null => {
      const raw = read ? read(fields) : '';
      if (raw === '') {
        if (options.required) throw new RowError(headerOf(field), '', `${headerOf(field)} is missing`);
        return null;
      }
      const value = parse(raw);
      if (Number.isNaN(value)) throw new RowError(headerOf(field), raw, `${headerOf(field)} is not a number`);
      return value;
    };
  };
  const date = (field: string, options: { required: boolean }) => {
    const read = cell(field);
    return (fields: readonly string[]): number | null => {
      const raw = read ? read(fields) : '';
      if (raw === '') {
        if (options.required) throw new RowError(headerOf(field), '', `${headerOf(field)} is missing`);
        return null;
      }
      const day = parseDate(raw);
      if (Number.isNaN(day)) throw new RowError(headerOf(field), raw, `not a valid date (expected ${dateHint})`);
      if (day > latestDay) throw new RowError(headerOf(field), raw, 'the date is in the future');
      return day;
    };
  };
  const customer = (field: string) => {
    const read = required(field);
    // A file names each customer many times: normalise each distinct id once.
    const keys = new Map<string, string>();
    return (fields: readonly string[]): { key: string; label: string } => {
      const label = read(fields);
      let key = keys.get(label);
      if (key === undefined) {
        key = normalizeCustomerKey(label, keyRules);
        keys.set(label, key);
      }
      if (key === '') throw new RowError(headerOf(field), label, `${headerOf(field)} is missing`);
      return { key, label };
    };
  };

  const guard = (build: (fields: readonly string[]) => RowOutcome) => (fields: readonly string[]): RowOutcome => {
    try {
      return build(fields);
    } catch (error) {
      if (error instanceof RowError) return { type: 'rejected', column: error.column, value: error.value, reason: error.reason };
      throw error;
    }
  };

  switch (kind) {
    case 'transactions': {
      const customerId = customer('customerId');
      const day = date('date', { required: true });
      const hasAmount = columnOf('amount') !== null;
      const amount = number('amount', { required: true });
      const quantity = number('quantity', { required: !hasAmount });
      const unitPrice = number('unitPrice', { required: !hasAmount });
      const cost = number('cost', { required: false });
      const margin = number('marginRate', { required: false, rate: true });
      const product = text('productId');
      const category = text('category');
      const order = text('orderId');
      const channel = text('channel');
      const name = text('customerName');
      const region = text('region');
      return guard((fields) => {
        const { key, label } = customerId(fields);
        const when = day(fields) as number;
        const count = quantity(fields);
        const value = hasAmount ? (amount(fields) as number) : (count as number) * (unitPrice(fields) as number);
        let goodsCost = cost(fields);
        if (goodsCost === null) {
          const rate = margin(fields);
          if (rate !== null) goodsCost = value * (1 - rate);
        }
        const row: ImportedTransaction = {
          customerKey: key, customerLabel: label, day: when, amount: value, cost: goodsCost, quantity: count,
          productId: product(fields), category: category(fields), orderId: order(fields), channel: channel(fields),
          customerName: name(fields), region: region(fields),
        };
        return { type: 'accepted', record: { kind, row }, value };
      });
    }
    case 'customers': {
      const customerId = customer('customerId');
      const name = text('name');
      const acquired = date('acquiredDate', { required: false });
      const channel = text('channel');
      const cac = number('acquisitionCost', { required: false });
      const region = text('region');
      const industry = text('industry');
      const size = text('size');
      const age = number('age', { required: false });
      const income = number('income', { required: false });
      const extra = headers.map((header, column) => (Object.values(mapping).includes(column) ? null : header || null));
      return guard((fields) => {
        const { key, label } = customerId(fields);
        const attributes: Record<string, string> = {};
        extra.forEach((header, column) => {
          const value = fields[column]?.trim();
          if (header && value) attributes[header] = value;
        });
        const acquisitionCost = cac(fields);
        const row: CustomerRecord = {
          key, label, name: name(fields), acquiredDay: acquired(fields), channel: channel(fields), acquisitionCost,
          region: region(fields), industry: industry(fields), size: size(fields), age: age(fields), income: income(fields), attributes,
        };
        return { type: 'accepted', record: { kind, row }, value: acquisitionCost ?? 0 };
      });
    }
    case 'costs': {
      const customerId = customer('customerId');
      const day = date('date', { required: true });
      const cost = number('cost', { required: true });
      const costKind = text('kind');
      return guard((fields) => {
        const { key, label } = customerId(fields);
        const row: ImportedCost = { customerKey: key, customerLabel: label, day: day(fields) as number, cost: cost(fields) as number, kind: costKind(fields) };
        return { type: 'accepted', record: { kind, row }, value: row.cost };
      });
    }
    case 'products': {
      const id = required('productId');
      const name = text('name');
      const category = text('category');
      const margin = number('marginRate', { required: false, rate: true });
      return guard((fields) => {
        const row: ProductRecord = { productId: id(fields), name: name(fields), category: category(fields), marginRate: margin(fields) };
        return { type: 'accepted', record: { kind, row }, value: 0 };
      });
    }
    case 'marketing': {
      const channel = required('channel');
      const day = date('date', { required: true });
      const spend = number('spend', { required: true });
      const newCustomers = number('newCustomers', { required: false });
      return guard((fields) => {
        const start = day(fields) as number;
        // A date on the 1st stands for its month; any other date for that day alone.
        const d = new Date(start * 86_400_000);
        const end = d.getUTCDate() === 1 ? Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000) : start;
        const count = newCustomers(fields);
        const row: MarketingSpendRecord = { channel: channel(fields), periodStart: start, periodEnd: end, spend: spend(fields) as number, newCustomers: count === null ? null : Math.round(count) };
        return { type: 'accepted', record: { kind, row }, value: row.spend };
      });
    }
    case 'prospects': {
      const id = required('prospectId');
      const name = text('name');
      const channel = text('channel');
      const region = text('region');
      const industry = text('industry');
      const size = text('size');
      const age = number('age', { required: false });
      const income = number('income', { required: false });
      const extra = headers.map((header, column) => (Object.values(mapping).includes(column) ? null : header || null));
      return guard((fields) => {
        const label = id(fields);
        const attributes: Record<string, string> = {};
        extra.forEach((header, column) => {
          const value = fields[column]?.trim();
          if (header && value) attributes[header] = value;
        });
        const row: ProspectRecord = {
          key: normalizeCustomerKey(label, keyRules), label, name: name(fields), channel: channel(fields), region: region(fields),
          industry: industry(fields), size: size(fields), age: age(fields), income: income(fields), attributes,
        };
        return { type: 'accepted', record: { kind, row }, value: 0 };
      });
    }
  }
}

/** The fields a kind needs that the mapping leaves out, in words; empty when the import can run. */
export function missingRequiredFields(kind: ImportKind, mapping: Readonly<Record<string, number | null>>): string[] {
  const mapped = (field: string) => mapping[field] !== null && mapping[field] !== undefined;
  const missing: string[] = [];
  const need: Record<ImportKind, string[]> = {
    transactions: ['customerId', 'date'],
    customers: ['customerId'],
    costs: ['customerId', 'date', 'cost'],
    products: ['productId'],
    marketing: ['channel', 'date', 'spend'],
    prospects: ['prospectId'],
  };
  for (const field of need[kind]) if (!mapped(field)) missing.push(field);
  if (kind === 'transactions' && !mapped('amount') && !(mapped('quantity') && mapped('unitPrice'))) missing.push('amount (or quantity and unitPrice)');
  return missing;
}
