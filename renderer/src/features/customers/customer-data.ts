/**
 * Every customer of the last analysis, a few columns of them, read page by page through
 * `analysis.customers` (for the scatter of current against future profit). Kept per run and
 * columns, so that coming back to the screen does not read them again.
 */
import type { CustomerFilter } from '../../../../shared/domain/analysis';
import { api } from '../../api';
import type { CustomerColumn, CustomerValue } from './columns';

/** The largest page the contract allows. */
const PAGE = 10_000;
/** Beyond this many customers the scatter shows the first this many (and says so). */
export const MAX_POINTS = 200_000;

export interface AllCustomers {
  runId: number;
  columns: CustomerColumn[];
  rows: CustomerValue[][];
  total: number;
}

let cached: { key: string; value: Promise<AllCustomers> } | null = null;

/**
 * Every customer of the last analysis (up to MAX_POINTS), only the columns asked for (those the run
 * has): the first page, then the rest two pages at a time.
 */
export function readAllCustomers(runKey: string, columns: readonly string[], onProgress: (read: number, total: number) => void, filter?: CustomerFilter): Promise<AllCustomers> {
  const key = `${runKey}|${columns.join(',')}|${JSON.stringify(filter ?? {})}`;
  if (cached?.key === key) return cached.value;
  const value = (async () => {
    const request = (offset: number, limit: number) => api['analysis.customers']({ offset, limit, filter, columns: [...columns] });
    const first = await request(0, PAGE);
    const total = Math.min(first.total, MAX_POINTS);
    const pages: CustomerValue[][][] = [first.rows];
    let read = first.rows.length;
    onProgress(read, total);
    const offsets: number[] = [];
    for (let offset = first.rows.length; first.rows.length > 0 && offset < total; offset += PAGE) offsets.push(offset);
    for (let i = 0; i < offsets.length; i += 2) {
      const batch = await Promise.all(offsets.slice(i, i + 2).map((offset) => request(offset, Math.min(PAGE, total - offset))));
      for (const page of batch) {
        pages.push(page.rows);
        read += page.rows.length;
      }
      onProgress(read, total);
    }
    return { runId: first.runId, columns: first.columns, rows: pages.flat(), total: first.total };
  })();
  cached = { key, value };
  value.catch(() => {
    if (cached?.value === value) cached = null;
  });
  return value;
}
