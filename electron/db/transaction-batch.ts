/**
 * Accepted transaction rows in columns, the unit the importing thread hands to the writing
 * thread: numbers in typed arrays (cheap to copy between threads), text in plain arrays, a
 * column left null when the file has no such field.
 */
import type { TransactionRow } from './import-writer';

export interface TransactionBatch {
  size: number;
  customerKeys: string[];
  customerLabels: string[];
  days: Int32Array;
  amounts: Float64Array;
  /** NaN where the row has none. */
  costs: Float64Array;
  quantities: Float64Array;
  productIds: (string | null)[] | null;
  categories: (string | null)[] | null;
  orderIds: (string | null)[] | null;
  channels: (string | null)[] | null;
  customerNames: (string | null)[] | null;
  regions: (string | null)[] | null;
}

export type OptionalColumn = 'productIds' | 'categories' | 'orderIds' | 'channels' | 'customerNames' | 'regions';

export class TransactionBatchBuilder {
  private batch: TransactionBatch;

  constructor(private readonly capacity: number, private readonly columns: ReadonlySet<OptionalColumn>) {
    this.batch = this.empty();
  }

  private empty(): TransactionBatch {
    const text = (column: OptionalColumn) => (this.columns.has(column) ? [] : null);
    return {
      size: 0,
      customerKeys: [],
      customerLabels: [],
      days: new Int32Array(this.capacity),
      amounts: new Float64Array(this.capacity),
      costs: new Float64Array(this.capacity),
      quantities: new Float64Array(this.capacity),
      productIds: text('productIds'),
      categories: text('categories'),
      orderIds: text('orderIds'),
      channels: text('channels'),
      customerNames: text('customerNames'),
      regions: text('regions'),
    };
  }

  get size(): number {
    return this.batch.size;
  }

  get full(): boolean {
    return this.batch.size === this.capacity;
  }

  push(row: TransactionRow): void {
    const batch = this.batch;
    const i = batch.size++;
    batch.customerKeys.push(row.customerKey);
    batch.customerLabels.push(row.customerLabel);
    batch.days[i] = row.day;
    batch.amounts[i] = row.amount;
    batch.costs[i] = row.cost ?? Number.NaN;
    batch.quantities[i] = row.quantity ?? Number.NaN;
    batch.productIds?.push(row.productId);
    batch.categories?.push(row.category);
    batch.orderIds?.push(row.orderId);
    batch.channels?.push(row.channel);
    batch.customerNames?.push(row.customerName);
    batch.regions?.push(row.region);
  }

  /** The rows so far (typed arrays trimmed to them), and a fresh batch for the next ones. */
  take(): TransactionBatch {
    const batch = this.batch;
    this.batch = this.empty();
    if (batch.size < this.capacity) {
      batch.days = batch.days.slice(0, batch.size);
      batch.amounts = batch.amounts.slice(0, batch.size);
      batch.costs = batch.costs.slice(0, batch.size);
      batch.quantities = batch.quantities.slice(0, batch.size);
    }
    return batch;
  }
}

/** The typed arrays of a batch, to transfer rather than copy. */
export function transferables(batch: TransactionBatch): ArrayBuffer[] {
  return [batch.days.buffer, batch.amounts.buffer, batch.costs.buffer, batch.quantities.buffer] as ArrayBuffer[];
}
