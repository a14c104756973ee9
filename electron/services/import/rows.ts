/**
 * Turning one parsed row into a record of its kind, or into the reason it is rejected. A reader
 * is built once per import (formats and columns resolved up front) and then called for every row,
 * so it does no detection work per row; accepted transactions go straight into a columnar batch.
 */
import { isPlaceholderId, normalizeCustomerKey, UNKNOWN_CUSTOMER_KEY, UNKNOWN_CUSTOMER_LABEL, type CustomerKeyRules } from '../../../shared/domain/customer-key';
import { describeIssue, type DateHint, type ImportKind, type IssueCode, type IssueParams } from '../../../shared/domain/import';
import type { CustomerRecord, MarketingSpendRecord, ProductRecord, ProspectRecord } from '../../../shared/domain/records';
import type { TransactionBatchBuilder } from '../../db/transaction-batch';
import type { DateFormat } from './values/dates';
import { StringTable } from './string-table';
import { dateParser } from './values/dates';
import { numberParser, rateParser, type NumberFormat } from './values/numbers';

export interface ImportedCost {
  customerKey: string;
  customerLabel: string;
  day: number;
  cost: number;
  kind: string | null;
}

/** An accepted row of any kind but transactions (those go into batches). */
export type ImportedRecord = CustomerRecord | ImportedCost | ProductRecord | MarketingSpendRecord | ProspectRecord;

/** Where a reader puts the rows it accepts. */
export interface RowSink {
  transactions: TransactionBatchBuilder;
  records: ImportedRecord[];
}

/** Why a row is rejected: the column (header) and cell at fault, and the reason as a code with its parameters. */
export class RowRejection {
  constructor(readonly column: string | null, readonly value: string | null, readonly code: IssueCode, readonly params: IssueParams) {}

  /** In English. */
  get reason(): string {
    return describeIssue(this.code, this.params);
  }
}

export interface RowReader {
  /** Rows that named no customer (a placeholder id, or none) and went to the unknown customer, with their amounts. */
  readonly unknown: { rows: number; amount: number };
  /**
   * Reads one row. An accepted row goes to the sink and its value (amount, cost or spend, for the
   * file's total) is returned; a rejected one returns why.
   */
  read(fields: readonly string[]): number | RowRejection;
  /** Fetches what the next rows will look up (see ReadOptions.lookAhead). */
  lookAhead(rows: readonly (readonly string[])[], count: number): void;
}

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

/** 1 for the ASCII letters a total word starts with (t, s, g): any other ASCII letter starts no total. */
const TOTAL_INITIALS = new Uint8Array(128);
for (const word of TOTAL_WORDS) if (word.charCodeAt(0) < 128) TOTAL_INITIALS[word.charCodeAt(0)] = 1;

/** "Итого", "Total:", "合计", "جمع کل", "Total for March" … — a total or subtotal line of a report, not a customer. */
export function isTotalLabel(text: string): boolean {
  // Fast answer for the usual cell: ids and numbers start with a digit or another letter, totals are short.
  const first = text.charCodeAt(0);
  if (Number.isNaN(first) || (first >= 48 && first <= 57) || text.length > 24) return false;
  const lower = first | 0x20;
  if (lower >= 97 && lower <= 122 && TOTAL_INITIALS[lower] === 0) return false;
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

/**
 * The parts every kind's reader is made of: per field, a reader of its cell as text, number, date or
 * customer, each resolved once (formats and columns) and rejecting the row with the reason.
 */
function cellReaders(setup: ReaderSetup) {
  const { headers, mapping, keyRules, latestDay } = setup;
  const parseNumber = numberParser(setup.numberFormat);
  const parseRate = rateParser(setup.numberFormat);
  const parseDate = setup.dateFormat ? dateParser(setup.dateFormat) : () => Number.NaN;
  const dateHint: DateHint = setup.dateFormat ?? 'none';

  const columnOf = (field: string): number | null => mapping[field] ?? null;
  const headerOf = (field: string): string => {
    const column = columnOf(field);
    return column === null ? field : (headers[column] || `column ${column + 1}`);
  };
  /** The trimmed cell of a field; '' when the file has no column for it. */
  const cell = (field: string): ((fields: readonly string[]) => string) => {
    const column = columnOf(field);
    return column === null ? () => '' : (fields) => trimmed(fields[column]);
  };

  const text = (field: string) => {
    const read = cell(field);
    return (fields: readonly string[]): string | null => {
      const value = read(fields);
      return value === '' ? null : value;
    };
  };
  const required = (field: string) => {
    const read = cell(field);
    return (fields: readonly string[]): string => {
      const value = read(fields);
      if (value === '') throw new RowRejection(headerOf(field), '', 'missing', { column: headerOf(field) });
      return value;
    };
  };
  const number = (field: string, options: { required: boolean; rate?: boolean }) => {
    const read = cell(field);
    const parse = options.rate ? parseRate : parseNumber;
    return (fields: readonly string[]): number | null => {
      const raw = read(fields);
      if (raw === '') {
        if (options.required) throw new RowRejection(headerOf(field), '', 'missing', { column: headerOf(field) });
        return null;
      }
      const value = parse(raw);
      if (Number.isNaN(value)) throw new RowRejection(headerOf(field), raw, 'not_a_number', { column: headerOf(field) });
      return value;
    };
  };
  const date = (field: string, options: { required: boolean }) => {
    const read = cell(field);
    return (fields: readonly string[]): number | null => {
      const raw = read(fields);
      if (raw === '') {
        if (options.required) throw new RowRejection(headerOf(field), '', 'missing', { column: headerOf(field) });
        return null;
      }
      const day = parseDate(raw);
      if (Number.isNaN(day)) throw new RowRejection(headerOf(field), raw, 'bad_date', { dateFormat: dateHint });
      if (day > latestDay) throw new RowRejection(headerOf(field), raw, 'future_date', {});
      return day;
    };
  };
  /**
   * A customer id cell, read as the number `identify` gives each distinct id. A file names each
   * customer many times: each distinct id is normalised, and identified, once. A cell that names no
   * customer (empty, "(blank)", "guest" …) is the unknown customer where `unknownAllowed`, else missing.
   */
  const customer = (field: string, identify: (key: string, label: string) => number, unknownAllowed: boolean) => {
    const read = cell(field);
    const known = new StringTable();
    let unknown = -1;
    const first = (label: string) => {
      if (isPlaceholderId(label)) {
        if (!unknownAllowed) return -1;
        if (unknown === -1) unknown = identify(UNKNOWN_CUSTOMER_KEY, UNKNOWN_CUSTOMER_LABEL);
        return unknown;
      }
      const key = normalizeCustomerKey(label, keyRules);
      return key === '' ? -1 : identify(key, label);
    };
    const lookup = (fields: readonly string[]): number => {
      const label = read(fields);
      const identity = known.get(label, first);
      if (identity === -1) throw new RowRejection(headerOf(field), label, 'missing', { column: headerOf(field) });
      return identity;
    };
    lookup.isUnknown = (identity: number) => identity === unknown;
    const cellOf = cell(field);
    const labels: string[] = [];
    lookup.lookAhead = (rows: readonly (readonly string[])[], count: number) => {
      for (let k = 0; k < count; k++) labels[k] = cellOf(rows[k] as readonly string[]);
      known.lookAhead(labels, count);
    };
    return lookup;
  };
  /** For kinds that keep the key and label in their records. */
  const keysAndLabels = (unknownAllowed: boolean) => {
    const seen: { key: string; label: string }[] = [];
    const read = customer('customerId', (key, label) => seen.push({ key, label }) - 1, unknownAllowed);
    return (fields: readonly string[]) => seen[read(fields)] as { key: string; label: string };
  };

  const unknown = { rows: 0, amount: 0 };
  const guard = (build: (fields: readonly string[]) => number, lookAhead: RowReader['lookAhead'] = () => undefined): RowReader => ({
    unknown,
    read(fields) {
      try {
        return build(fields);
      } catch (error) {
        if (error instanceof RowRejection) return error;
        throw error;
      }
    },
    lookAhead,
  });

  return { columnOf, text, required, number, date, customer, keysAndLabels, guard, unknown };
}

type Parts = ReturnType<typeof cellReaders>;

/** Transactions go straight into the columnar batch; rows name customers by their index in the batches' list (see TransactionBatch). */
function transactionsReader(parts: Parts, setup: ReaderSetup, sink: RowSink): RowReader {
  const { columnOf, text, number, date, customer, guard, unknown } = parts;
  // Rows name customers by their index in the batches' list (see TransactionBatch).
  const customerId = customer('customerId', (key, label) => sink.transactions.addCustomer(key, label), true);
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
    const who = customerId(fields);
    const when = day(fields) as number;
    const count = quantity(fields);
    const value = hasAmount ? (amount(fields) as number) : (count as number) * (unitPrice(fields) as number);
    let goodsCost = cost(fields);
    if (goodsCost === null) {
      const rate = margin(fields);
      if (rate !== null) goodsCost = value * (1 - rate);
    }
    sink.transactions.add(who, when, value, goodsCost, count, product(fields), category(fields), order(fields), channel(fields), name(fields), region(fields));
    if (customerId.isUnknown(who)) {
      unknown.rows++;
      unknown.amount += value;
    }
    return value;
  }, customerId.lookAhead);
}

/** Customers, with every column the mapping does not use kept as an attribute. */
function customersReader(parts: Parts, setup: ReaderSetup, sink: RowSink): RowReader {
  const { text, number, date, keysAndLabels, guard } = parts;
  const customerId = keysAndLabels(false);
  const name = text('name');
  const acquired = date('acquiredDate', { required: false });
  const channel = text('channel');
  const cac = number('acquisitionCost', { required: false });
  const region = text('region');
  const industry = text('industry');
  const size = text('size');
  const age = number('age', { required: false });
  const income = number('income', { required: false });
  const attributesOf = unmappedAttributes(setup);
  return guard((fields) => {
    const { key, label } = customerId(fields);
    const attributes = attributesOf(fields);
    const acquisitionCost = cac(fields);
    sink.records.push({
      key, label, name: name(fields), acquiredDay: acquired(fields), channel: channel(fields), acquisitionCost,
      region: region(fields), industry: industry(fields), size: size(fields), age: age(fields), income: income(fields), attributes,
    });
    return acquisitionCost ?? 0;
  });
}

/** Service costs of customers. */
function costsReader(parts: Parts, setup: ReaderSetup, sink: RowSink): RowReader {
  const { text, number, date, keysAndLabels, guard } = parts;
  const customerId = keysAndLabels(true);
  const day = date('date', { required: true });
  const cost = number('cost', { required: true });
  const costKind = text('kind');
  return guard((fields) => {
    const { key, label } = customerId(fields);
    const row: ImportedCost = { customerKey: key, customerLabel: label, day: day(fields) as number, cost: cost(fields) as number, kind: costKind(fields) };
    sink.records.push(row);
    return row.cost;
  });
}

/** Products with their category and margin rate. */
function productsReader(parts: Parts, setup: ReaderSetup, sink: RowSink): RowReader {
  const { text, required, number, guard } = parts;
  const id = required('productId');
  const name = text('name');
  const category = text('category');
  const margin = number('marginRate', { required: false, rate: true });
  return guard((fields) => {
    sink.records.push({ productId: id(fields), name: name(fields), category: category(fields), marginRate: margin(fields) });
    return 0;
  });
}

/** Marketing spend per channel and period: a date on the 1st stands for its month. */
function marketingReader(parts: Parts, setup: ReaderSetup, sink: RowSink): RowReader {
  const { required, number, date, guard } = parts;
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
    sink.records.push(row);
    return row.spend;
  });
}

/** A row's cells in the columns the mapping leaves unused, by header: the customer's or prospect's own attributes. */
function unmappedAttributes(setup: ReaderSetup): (fields: readonly string[]) => Record<string, string> {
  const used = new Set(Object.values(setup.mapping));
  const extra = setup.headers.map((header, column) => (used.has(column) ? null : header || null));
  return (fields) => {
    const attributes: Record<string, string> = {};
    extra.forEach((header, column) => {
      const value = fields[column]?.trim();
      if (header && value) attributes[header] = value;
    });
    return attributes;
  };
}

/** Prospects, with every column the mapping does not use kept as an attribute. */
function prospectsReader(parts: Parts, setup: ReaderSetup, sink: RowSink): RowReader {
  const { text, required, number, guard } = parts;
  const { keyRules } = setup;
  const id = required('prospectId');
  const name = text('name');
  const channel = text('channel');
  const region = text('region');
  const industry = text('industry');
  const size = text('size');
  const age = number('age', { required: false });
  const income = number('income', { required: false });
  const attributesOf = unmappedAttributes(setup);
  return guard((fields) => {
    const label = id(fields);
    const attributes = attributesOf(fields);
    sink.records.push({
      key: normalizeCustomerKey(label, keyRules), label, name: name(fields), channel: channel(fields), region: region(fields),
      industry: industry(fields), size: size(fields), age: age(fields), income: income(fields), attributes,
    });
    return 0;
  });
}

const READERS: Record<ImportKind, (parts: Parts, setup: ReaderSetup, sink: RowSink) => RowReader> = {
  transactions: transactionsReader,
  customers: customersReader,
  costs: costsReader,
  products: productsReader,
  marketing: marketingReader,
  prospects: prospectsReader,
};

/** Builds the reader of rows of one import: one reader per kind of file, made of the same parts. */
export function createRowReader(setup: ReaderSetup, sink: RowSink): RowReader {
  return READERS[setup.kind](cellReaders(setup), setup, sink);
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
