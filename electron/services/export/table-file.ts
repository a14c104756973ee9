/**
 * Writes a table as a file a spreadsheet opens: .xlsx (by the extension) with typed cells — numbers
 * as numbers, dates as dates, money in the workspace's currency format, percents as percents — a
 * frozen header row and filters on; anything else as UTF-8 CSV (with a byte-order mark, so that
 * spreadsheet programs read the names right, and a formula guard on text). The file appears whole
 * or not at all: it is written beside the target and renamed over it.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { toCsv, type CsvCell } from '../../../shared/analytics/exports';
import type { CellKind, TableCell } from '../../../shared/domain/export';

export interface TableFile {
  sheet: string;
  columns: readonly { header: string; kind: CellKind }[];
  rows: readonly (readonly TableCell[])[];
  /** ISO 4217 code of the workspace's money, or null for plain numbers. */
  currency: string | null;
}

export type TableFormat = 'xlsx' | 'csv';

export function tableFormat(path: string): TableFormat {
  return extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
}

/** Writes the table to `path` in the format its extension names; returns the number of rows written. */
export async function writeTable(path: string, table: TableFile): Promise<number> {
  const partial = `${path}.partial`;
  try {
    if (tableFormat(path) === 'xlsx') await writeWorkbook(partial, table);
    else writeFileSync(partial, `\uFEFF${toCsv(table.columns.map((column) => column.header), table.rows as CsvCell[][], { formulaGuard: true })}`);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return table.rows.length;
}

/** The currency's symbol as a spreadsheet number format shows it ("£", "₽", "CHF"). */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(1);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** Excel number formats by cell kind. */
export function numberFormat(kind: CellKind, currency: string | null): string | undefined {
  switch (kind) {
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.00';
    case 'money': {
      if (!currency) return '#,##0.00';
      const symbol = `"${currencySymbol(currency).replace(/"/g, '')}"`;
      return `${symbol}#,##0.00;-${symbol}#,##0.00`;
    }
    case 'percent':
      return '0.0%';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A cell as the workbook stores it: dates as Date (midnight UTC, which Excel shows as that day). */
function workbookValue(kind: CellKind, cell: TableCell): string | number | Date | null {
  if (cell === null) return null;
  if (kind === 'date' && typeof cell === 'string') {
    const day = ISO_DAY.exec(cell);
    return day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : cell;
  }
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell;
}

/** A column's width in characters: its header or its widest value among the first rows, within limits. */
function columnWidth(table: TableFile, column: number): number {
  const kind = table.columns[column]?.kind;
  let widest = (table.columns[column]?.header.length ?? 8) + 2;
  const rows = Math.min(table.rows.length, 2000);
  for (let r = 0; r < rows; r++) {
    const cell = table.rows[r]?.[column];
    if (cell === null || cell === undefined) continue;
    const text = typeof cell === 'number' ? (kind === 'money' ? cell.toFixed(2) + '    ' : String(Math.round(cell * 100) / 100)) + ' ' : cell;
    widest = Math.max(widest, text.length + 1);
  }
  return Math.min(Math.max(widest, kind === 'date' ? 12 : 8), 60);
}

async function writeWorkbook(path: string, table: TableFile): Promise<void> {
  // Loaded on first use: exceljs is large and most runs never write a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Value Ladder';
  const name = table.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = table.columns.map((column, index) => {
    const numFmt = numberFormat(column.kind, table.currency);
    return { header: column.header, key: String(index), width: columnWidth(table, index), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, index) => workbookValue(table.columns[index]?.kind ?? 'text', cell))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
