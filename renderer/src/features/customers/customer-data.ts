/**
 * Every customer of the last analysis, a few columns of them, read page by page through
 * `analysis.customers` (for the scatter of current against future profit). Kept per run, so that
 * coming back to the screen does not read them again.
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

export function readAllCustomers(runKey: string, onProgress: (read: number, total: number) => void, filter?: CustomerFilter): Promise<AllCustomers> {
  const key = `${runKey}|${JSON.stringify(filter ?? {})}`;
  if (cached?.key === key) return cached.value;
  const value = (async () => {
    const first = await api['analysis.customers']({ offset: 0, limit: PAGE, filter });
    const rows = [...first.rows];
    const total = Math.min(first.total, MAX_POINTS);
    onProgress(rows.length, total);
    while (rows.length < total) {
      const page = await api['analysis.customers']({ offset: rows.length, limit: Math.min(PAGE, total - rows.length), filter });
      if (page.rows.length === 0) break;
      rows.push(...page.rows);
      onProgress(rows.length, total);
    }
    return { runId: first.runId, columns: first.columns, rows, total: first.total };
  })();
  cached = { key, value };
  value.catch(() => {
    if (cached?.value === value) cached = null;
  });
  return value;
}
