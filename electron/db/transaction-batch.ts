/**
 * Accepted transaction rows in columns, the unit the importing thread hands to the writing
 * thread: numbers in typed arrays (moved, not copied, between threads), each text column as one
 * string (copying one string costs a fraction of copying thousands of small ones), a column left
 * null when the file has no such field. A customer travels once, the first time the import names
 * it; rows carry its index in that list.
 */

/** The cells of a text column one after another, and the length of each (-1: no value). */
export interface TextColumn {
  text: string;
  lengths: Int32Array;
}

export interface TransactionBatch {
  size: number;
  /** Per row, the index of its customer in the import's list of customers. */
  customers: Int32Array;
  /** The customers added to that list since the previous batch, in order: key, label, key, label, … */
  newCustomers: string[];
  days: Int32Array;
  amounts: Float64Array;
  /** NaN where the row has none. */
  costs: Float64Array;
  quantities: Float64Array;
  productIds: TextColumn | null;
  categories: TextColumn | null;
  orderIds: TextColumn | null;
  channels: TextColumn | null;
  customerNames: TextColumn | null;
  regions: TextColumn | null;
}

export type OptionalColumn = 'productIds' | 'categories' | 'orderIds' | 'channels' | 'customerNames' | 'regions';

/** A text column being filled: its cells kept apart until the batch is taken. */
class TextColumnBuilder {
  private cells: string[] = [];
  private lengths: Int32Array;

  constructor(capacity: number) {
    this.lengths = new Int32Array(capacity);
  }

  push(value: string | null): void {
    this.lengths[this.cells.length] = value === null ? -1 : value.length;
    this.cells.push(value ?? '');
  }

  pop(): void {
    this.cells.pop();
  }

  take(): TextColumn {
    const column = { text: this.cells.join(''), lengths: this.lengths.slice(0, this.cells.length) };
    this.cells = [];
    return column;
  }
}

/** Reads a text column back, cell after cell. */
export class TextColumnReader {
  private at = 0;
  private row = 0;

  constructor(private readonly column: TextColumn | null) {}

  next(): string | null {
    if (this.column === null) return null;
    const length = this.column.lengths[this.row++] as number;
    if (length < 0) return null;
    this.at += length;
    return this.column.text.slice(this.at - length, this.at);
  }
}

const OPTIONAL_COLUMNS: readonly OptionalColumn[] = ['productIds', 'categories', 'orderIds', 'channels', 'customerNames', 'regions'];

export class TransactionBatchBuilder {
  private rows = 0;
  private customers!: Int32Array;
  private newCustomers: string[] = [];
  private customerCount = 0;
  private days!: Int32Array;
  private amounts!: Float64Array;
  private costs!: Float64Array;
  private quantities!: Float64Array;
  private readonly text: Record<OptionalColumn, TextColumnBuilder | null>;

  constructor(private readonly capacity: number, columns: ReadonlySet<OptionalColumn>) {
    this.text = Object.fromEntries(OPTIONAL_COLUMNS.map((column) => [column, columns.has(column) ? new TextColumnBuilder(capacity) : null])) as Record<OptionalColumn, TextColumnBuilder | null>;
    this.allocate();
  }

  /** Fresh typed arrays (the previous ones were handed over with their batch). */
  private allocate(): void {
    this.customers = new Int32Array(this.capacity);
    this.days = new Int32Array(this.capacity);
    this.amounts = new Float64Array(this.capacity);
    this.costs = new Float64Array(this.capacity);
    this.quantities = new Float64Array(this.capacity);
  }

  get size(): number {
    return this.rows;
  }

  get full(): boolean {
    return this.rows === this.capacity;
  }

  /** Adds a customer to the import's list and returns its index. */
  addCustomer(key: string, label: string): number {
    this.newCustomers.push(key, label);
    return this.customerCount++;
  }

  /** Appends one row (positional: no object per row). */
  add(
    customer: number, day: number, amount: number, cost: number | null, quantity: number | null,
    productId: string | null, category: string | null, orderId: string | null, channel: string | null, customerName: string | null, region: string | null,
  ): void {
    const i = this.rows++;
    this.customers[i] = customer;
    this.days[i] = day;
    this.amounts[i] = amount;
    this.costs[i] = cost ?? Number.NaN;
    this.quantities[i] = quantity ?? Number.NaN;
    const text = this.text;
    text.productIds?.push(productId);
    text.categories?.push(category);
    text.orderIds?.push(orderId);
    text.channels?.push(channel);
    text.customerNames?.push(customerName);
    text.regions?.push(region);
  }

  /** Takes back the last row added (it turned out to repeat an earlier one). */
  pop(): void {
    this.rows--;
    for (const column of OPTIONAL_COLUMNS) this.text[column]?.pop();
  }

  /** The rows so far (typed arrays trimmed to them), and a fresh batch for the next ones. */
  take(): TransactionBatch {
    const size = this.rows;
    const trim = <A extends Int32Array | Float64Array>(array: A) => (size < this.capacity ? (array.slice(0, size) as A) : array);
    const text = (column: OptionalColumn) => this.text[column]?.take() ?? null;
    const batch: TransactionBatch = {
      size,
      customers: trim(this.customers),
      newCustomers: this.newCustomers,
      days: trim(this.days),
      amounts: trim(this.amounts),
      costs: trim(this.costs),
      quantities: trim(this.quantities),
      productIds: text('productIds'),
      categories: text('categories'),
      orderIds: text('orderIds'),
      channels: text('channels'),
      customerNames: text('customerNames'),
      regions: text('regions'),
    };
    this.rows = 0;
    this.newCustomers = [];
    if (size === this.capacity) this.allocate();
    return batch;
  }
}

/** The typed arrays of a batch, to transfer rather than copy. */
export function transferables(batch: TransactionBatch): ArrayBuffer[] {
  const text = [batch.productIds, batch.categories, batch.orderIds, batch.channels, batch.customerNames, batch.regions].flatMap((column) => (column ? [column.lengths.buffer] : []));
  return [batch.customers.buffer, batch.days.buffer, batch.amounts.buffer, batch.costs.buffer, batch.quantities.buffer, ...text] as ArrayBuffer[];
}
