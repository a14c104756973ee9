/**
 * The rows of a recognised export (profiles.ts) turned into plain transaction or customer rows:
 * lines grouped into orders with order-level cells filled down, statuses and cancellations left
 * out with their reason, refunds netted, tax and shipping taken out (or kept, by the import's
 * setting), the order's net spread over its lines, and the customer taken from the first key column
 * that has one. The rows come out in a fixed layout (`PROFILE_LAYOUTS`) for the ordinary row reader,
 * with numbers written plainly ("1234.5"), so that its checks and batches are the same for every
 * file; each keeps the file line it came from.
 */
import type { ImportKind } from '../../../shared/domain/import';
import { columnOf, headerIndex, type SkipReason, type SourceProfile, type StatusRule } from './profiles';

/** The fields of the rows a profile hands on, in order: the reader's mapping is their positions. */
export const PROFILE_LAYOUTS = {
  transactions: ['customerId', 'date', 'amount', 'orderId', 'productId', 'quantity', 'customerName', 'region', 'channel', 'category'],
  customers: ['customerId', 'name', 'acquiredDate', 'region', 'channel'],
} as const satisfies Partial<Record<ImportKind, readonly string[]>>;

export type TaxShipping = 'exclude' | 'include';

export interface ProfileEvents {
  /** A row to read, in the profile's layout. */
  row(fields: string[], line: number): void;
  /** A row left out on purpose. */
  skip(line: number, why: { code: 'status_skipped'; status: string; reason: SkipReason } | { code: 'group_row' | 'total_row' }): void;
  /** A row whose money cannot be read. */
  reject(line: number, column: string, value: string, code: 'not_a_number' | 'missing'): void;
}

/** What the profile saw besides rows: for the import's summary and warnings. */
export interface ProfileStats {
  /** Orders or rows with money given back (partly or wholly), and how much. */
  refunds: { count: number; amount: number };
  currencies: Set<string>;
  /** Status values the profile does not know (they counted), with how many rows had each. */
  unknownStatuses: Map<string, number>;
}

interface Line {
  fields: readonly string[];
  line: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;
const plain = (value: number) => String(cents(value));

/** Words of "Total for …" and "TOTAL" rows of grouped reports, and eBay's "N record(s) downloaded". */
const SUMMARY_RE = /^(total\b|totals\b|итого|всего|合计|总计|\d+\s+record\(s\)\s+downloaded)/i;

export class ProfileRows {
  readonly headers: string[];
  readonly mapping: Record<string, number | null>;
  readonly stats: ProfileStats = { refunds: { count: 0, amount: 0 }, currencies: new Set(), unknownStatuses: new Map() };
  private readonly col: (names: readonly string[] | undefined) => number | null;
  private readonly roles;
  private pending: Line[] = [];
  private pendingOrder: string | null = null;
  /** The customer of a grouped report's current group. */
  private group = '';

  constructor(
    private readonly profile: SourceProfile,
    private readonly sourceHeaders: readonly string[],
    private readonly parseNumber: (raw: string) => number,
    private readonly taxShipping: TaxShipping,
    private readonly events: ProfileEvents,
  ) {
    const index = headerIndex(sourceHeaders);
    this.col = (names) => columnOf(index, names);
    const col = this.col;
    this.roles = {
      key: profile.key.map((name) => col([name])).filter((column): column is number => column !== null),
      name: (profile.customerName ?? []).map((parts) => parts.map((part) => col([part])).filter((column): column is number => column !== null)).find((parts) => parts.length > 0) ?? [],
      order: col(profile.order),
      date: col(profile.date ?? profile.acquired),
      gross: col(profile.gross),
      net: col(profile.net),
      minus: (profile.minus ?? []).map((names) => col(names)).filter((column): column is number => column !== null),
      refund: col(profile.refund),
      adjusted: col(profile.adjusted),
      plus: col(profile.plus),
      statuses: (profile.statuses ?? []).flatMap((rule) => {
        const column = col(rule.column);
        return column === null ? [] : [{ rule, column, except: rule.except ? col(rule.except.column) : null }];
      }),
      cancelledAt: col(profile.cancelledAt),
      currency: col(profile.currency),
      product: col(profile.product),
      /** Every product column the file has, in order: a line's product is the first that is filled (Xero: item code, else description). */
      products: (profile.product ?? []).map((name) => col([name])).filter((column): column is number => column !== null),
      refundKey: (profile.refundKey ?? []).map((name) => col([name])).filter((column): column is number => column !== null),
      quantity: col(profile.quantity),
      linePrice: col(profile.linePrice),
      lineTotal: col(profile.lineTotal),
      category: col(profile.category),
      region: col(profile.region),
      channel: col(profile.channel),
      negative: profile.negativeWhen ? { column: col(profile.negativeWhen.column), values: new Set(profile.negativeWhen.values) } : null,
    };
    const header = (column: number | null | undefined, fallback: string) => (column === null || column === undefined ? fallback : (sourceHeaders[column] ?? fallback));
    const r = this.roles;
    if (profile.kind === 'customers') {
      this.headers = [header(r.key[0], 'customer'), header(r.name[0], 'name'), header(r.date, 'acquired'), header(r.region, 'region'), header(r.channel, 'channel')];
      this.mapping = { customerId: 0, name: r.name.length > 0 ? 1 : null, acquiredDate: r.date === null ? null : 2, region: r.region === null ? null : 3, channel: r.channel === null ? null : 4 };
    } else {
      this.headers = [
        header(r.key[0], 'customer'), header(r.date, 'date'), header(r.gross ?? r.net, 'amount'), header(r.order, 'order'), header(r.product, 'product'),
        header(r.quantity, 'quantity'), header(r.name[0], 'name'), header(r.region, 'region'), header(r.channel, 'channel'), header(r.category, 'category'),
      ];
      this.mapping = {
        customerId: 0, date: 1, amount: 2, orderId: r.order === null ? null : 3, productId: r.product === null ? null : 4, quantity: r.quantity === null ? null : 5,
        customerName: r.name.length > 0 ? 6 : null, region: r.region === null ? null : 7, channel: r.channel === null ? null : 8, category: r.category === null ? null : 9,
      };
    }
  }

  /** The source columns the profile reads money from (for detecting how numbers are written). */
  moneyColumns(): number[] {
    const r = this.roles;
    return [r.gross, r.net, r.refund, r.adjusted, r.plus, r.linePrice, r.lineTotal, ...r.minus].filter((column): column is number => column !== null);
  }

  /** The source column of the date (for detecting how dates are written). */
  dateColumn(): number | null {
    return this.roles.date;
  }

  private cell(fields: readonly string[], column: number | null): string {
    return column === null ? '' : (fields[column] ?? '').trim();
  }

  push(fields: readonly string[], line: number): void {
    const grain = this.profile.grain;
    if (grain === 'grouped' && this.groupRow(fields, line)) return;
    if (SUMMARY_RE.test((fields[0] ?? '').trim()) && this.cell(fields, this.roles.date) === '') return this.events.skip(line, { code: 'total_row' });
    if (grain !== 'lines') return this.order([{ fields, line }]);
    const order = this.cell(fields, this.roles.order);
    if (order !== '' && order !== this.pendingOrder) this.flush();
    if (order !== '') this.pendingOrder = order;
    this.pending.push({ fields, line });
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) this.order(this.pending);
    this.pending = [];
    this.pendingOrder = null;
  }

  /** A row of a grouped report that only names the group's customer (or ends it): true when it was one. */
  private groupRow(fields: readonly string[], line: number): boolean {
    const first = (fields[0] ?? '').trim();
    const rest = fields.slice(1).some((field) => field.trim() !== '');
    if (first !== '' && !rest) {
      this.group = first;
      this.events.skip(line, { code: 'group_row' });
      return true;
    }
    if (first !== '' && SUMMARY_RE.test(first)) {
      this.events.skip(line, { code: 'total_row' });
      return true;
    }
    return false;
  }

  /** The first non-empty value of a column among an order's lines. */
  private first(lines: readonly Line[], column: number | null): string {
    if (column === null) return '';
    for (const { fields } of lines) {
      const value = this.cell(fields, column);
      if (value !== '') return value;
    }
    return '';
  }

  /** Why an order is left out, by its statuses (and counting the values no rule knows); null when it counts. */
  private statusOf(lines: readonly Line[]): { status: string; reason: SkipReason } | null {
    for (const { rule, column, except } of this.roles.statuses) {
      const value = this.first(lines, column);
      if (value === '') continue;
      const lower = value.toLowerCase();
      if (except !== null && (rule.except as NonNullable<StatusRule['except']>).values.includes(this.first(lines, except).toLowerCase())) continue;
      const reason = rule.skipped[lower];
      if (reason) return { status: value, reason };
      if (rule.counted.length > 0 && !rule.counted.includes(lower)) this.stats.unknownStatuses.set(value, (this.stats.unknownStatuses.get(value) ?? 0) + lines.length);
    }
    if (this.first(lines, this.roles.cancelledAt) !== '') return { status: this.sourceHeaders[this.roles.cancelledAt as number] ?? 'cancelled', reason: 'cancelled' };
    return null;
  }

  /** A money cell as a number: 0 when empty, NaN when it is not a number. */
  private money(text: string): number {
    return text === '' ? 0 : this.parseNumber(text);
  }

  private order(lines: Line[]): void {
    const r = this.roles;
    const firstLine = (lines[0] as Line).line;
    const skipped = this.statusOf(lines);
    if (skipped) {
      if (skipped.reason === 'refunded') {
        // Given back in full: a refund of what was paid.
        const paid = this.money(this.first(lines, r.gross));
        this.stats.refunds.count++;
        if (!Number.isNaN(paid)) this.stats.refunds.amount += Math.abs(paid);
      }
      for (const { line } of lines) this.events.skip(line, { code: 'status_skipped', ...skipped });
      return;
    }
    if (this.profile.kind === 'customers') return this.customer(lines[0] as Line);

    // Money: every cell that is given must be a number.
    const read = (column: number | null): number | null => {
      const text = this.first(lines, column);
      const value = this.money(text);
      if (Number.isNaN(value)) {
        this.events.reject(firstLine, this.sourceHeaders[column as number] ?? '', text, 'not_a_number');
        return null;
      }
      return value;
    };
    const grossText = this.first(lines, r.gross);
    const gross = read(r.gross);
    const net = read(r.net);
    const refund = read(r.refund);
    const adjusted = read(r.adjusted);
    const plus = read(r.plus);
    const minus = r.minus.map((column) => read(column));
    if (gross === null || net === null || refund === null || adjusted === null || plus === null || minus.includes(null)) return;

    const weights = lines.map(({ fields }) => {
      const total = this.money(this.cell(fields, r.lineTotal));
      if (r.lineTotal !== null && this.cell(fields, r.lineTotal) !== '' && !Number.isNaN(total)) return total;
      const price = this.money(this.cell(fields, r.linePrice));
      const quantity = r.quantity === null || this.cell(fields, r.quantity) === '' ? 1 : this.money(this.cell(fields, r.quantity));
      return Number.isNaN(price) || Number.isNaN(quantity) ? 0 : price * quantity;
    });
    // The gross paid; for an export with line amounts only (no order total), their sum.
    let paid = gross;
    if (grossText === '' && r.gross !== null) {
      if (r.linePrice === null && r.lineTotal === null) {
        for (const { line } of lines) this.events.reject(line, this.sourceHeaders[r.gross] ?? '', '', 'missing');
        return;
      }
      paid = weights.reduce((sum, weight) => sum + weight, 0);
    }
    const refunded = refund !== 0 ? refund : adjusted !== 0 && r.adjusted !== null && this.first(lines, r.adjusted) !== '' ? paid - adjusted : 0;
    if (paid > 0 && refunded >= paid - 0.005) {
      this.stats.refunds.count++;
      this.stats.refunds.amount += paid;
      for (const { line } of lines) this.events.skip(line, { code: 'status_skipped', status: 'refunded', reason: 'refunded' });
      return;
    }
    const goods = this.taxShipping === 'exclude' ? (r.net !== null && this.first(lines, r.net) !== '' ? net : paid - (minus as number[]).reduce((sum, value) => sum + value, 0)) : paid;
    const kept = paid !== 0 && refunded !== 0 ? (paid - refunded) / paid : 1;
    let amount = goods * kept + plus;
    if (refunded > 0) {
      this.stats.refunds.count++;
      this.stats.refunds.amount += refunded * (paid !== 0 ? goods / paid : 1);
    } else if (plus < 0) {
      // A partial refund written as its own negative amount (Square).
      this.stats.refunds.count++;
      this.stats.refunds.amount -= plus;
    }
    if (r.negative && r.negative.column !== null && r.negative.values.has(this.first(lines, r.negative.column).toLowerCase())) amount = -Math.abs(amount);
    if (amount < 0 && this.profile.grain !== 'rows') {
      this.stats.refunds.count++;
      this.stats.refunds.amount += -amount;
    }
    const currency = this.first(lines, r.currency) || this.profile.fixedCurrency || '';
    if (currency) this.stats.currencies.add(currency.toUpperCase());

    // A refund row names the one it pays back to elsewhere (PayPal: the buyer is its recipient).
    const refundRow = amount < 0 && r.refundKey.length > 0;
    const customer = this.profile.grain === 'grouped' ? this.group : this.customerKey(lines, refundRow ? r.refundKey : r.key);
    const name = this.nameOf(lines);
    const date = this.first(lines, r.date);
    const orderId = this.first(lines, r.order);
    const region = this.first(lines, r.region);
    const channel = this.first(lines, r.channel);
    // The order's net over its lines by their value; lines without a product (a summary row) carry none when others have one.
    const products = lines.map(({ fields }) => r.products.map((column) => this.cell(fields, column)).find((value) => value !== '') ?? '');
    const withProduct = products.some((product) => product !== '');
    const shares = lines.map((_, k) => (withProduct && products[k] === '' ? 0 : Math.max(0, weights[k] as number)));
    let total = shares.reduce((sum, share) => sum + share, 0);
    if (total === 0) {
      lines.forEach((_, k) => (shares[k] = !withProduct || products[k] !== '' ? 1 : 0));
      total = shares.reduce((sum, share) => sum + share, 0);
    }
    // In whole cents, so that the lines add up to the order's amount exactly.
    const amountCents = Math.round(amount * 100);
    let given = 0;
    const last = shares.reduce((at, share, k) => (share > 0 ? k : at), 0);
    lines.forEach(({ fields, line }, k) => {
      const share = shares[k] as number;
      if (share === 0) return;
      const partCents = k === last ? amountCents - given : Math.round((amountCents * share) / total);
      given += partCents;
      const part = partCents / 100;
      const quantity = this.cell(fields, r.quantity);
      const parsedQuantity = quantity === '' ? Number.NaN : this.money(quantity);
      this.events.row(
        [customer, date, plain(part), orderId, products[k] as string, Number.isNaN(parsedQuantity) ? '' : String(parsedQuantity), name, region, channel, this.cell(fields, r.category)],
        line,
      );
    });
  }

  private customerKey(lines: readonly Line[], key: readonly number[] = this.roles.key): string {
    for (const column of key) {
      const value = this.first(lines, column);
      if (value !== '') return value;
    }
    return '';
  }

  private nameOf(lines: readonly Line[]): string {
    return this.roles.name
      .map((column) => this.first(lines, column))
      .filter((part) => part !== '')
      .join(' ');
  }

  private customer({ fields, line }: Line): void {
    const r = this.roles;
    this.events.row([this.customerKey([{ fields, line }]), this.nameOf([{ fields, line }]), this.cell(fields, r.date), this.cell(fields, r.region), this.cell(fields, r.channel)], line);
  }
}
