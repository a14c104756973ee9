import { z } from 'zod';
import { Locale } from './app-settings';

/**
 * Tables written to a file (.xlsx or CSV, by the file's extension): the action lists of an analysis
 * and any table a screen shows. Cells are typed so that a spreadsheet gets real numbers and dates.
 */
export const CELL_KINDS = ['text', 'integer', 'number', 'money', 'percent', 'date'] as const;
export const CellKind = z.enum(CELL_KINDS);
export type CellKind = z.infer<typeof CellKind>;

/** A cell: text, a number (a percent as a fraction: 0.25 is 25 %), a date as YYYY-MM-DD, or empty. */
export const TableCell = z.union([z.string().max(10_000), z.number(), z.null()]);
export type TableCell = z.infer<typeof TableCell>;

export const TableColumnSpec = z.object({ header: z.string().max(200), kind: CellKind }).strict();
export type TableColumnSpec = z.infer<typeof TableColumnSpec>;

/** A table a screen shows, in the person's words, as the renderer sends it to be saved. */
export const TableToSave = z
  .object({
    /** The worksheet's name (Excel allows 31 characters; longer names are cut). */
    sheet: z.string().min(1).max(100),
    columns: z.array(TableColumnSpec).min(1).max(200),
    rows: z.array(z.array(TableCell).max(200)).max(200_000),
  })
  .strict()
  .refine((table) => table.rows.every((row) => row.length === table.columns.length), { message: 'every row needs one cell per column' });
export type TableToSave = z.infer<typeof TableToSave>;

const Word = z.string().max(500);
const Key = z.string().min(1).max(64);

/**
 * The words of an action list in the person's language: column headers by key, codes by kind
 * (tier, quadrant, strategy, lifecycle, rfmSegment, reason, contactReason), yes / no, and the
 * reason sentences as templates with {{name}} for the customer's numbers. Without words, a list
 * is written with its keys and codes (stable for scripts).
 */
export const ExportWords = z
  .object({
    locale: Locale,
    headers: z.record(Key, Word),
    codes: z.record(Key, z.record(Key, Word)),
    yes: Word,
    no: Word,
    reasons: z.record(Key, Word),
  })
  .strict();
export type ExportWords = z.infer<typeof ExportWords>;

/** The keys of the columns an action list may have besides the customer columns (so the renderer can name them). */
export const LIST_COLUMN_KEYS = ['reasonText', 'offer', 'rank', 'score', 'potentialProfit', 'date', 'contactReason', 'lastPurchase', 'probabilityActive', 'expectedPurchases', 'expectedRevenue', 'probabilityAlive', 'clv', 'futureProfit'] as const;
