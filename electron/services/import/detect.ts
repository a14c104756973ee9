/**
 * Detection: from the first rows of a source, the delimiter, the header row, what the file is
 * (transactions, customers, …), which column is which field, and how numbers and dates are
 * written. Every part can be overridden by the person (ImportOptions) and is remembered per source.
 */
import { IMPORT_FIELDS, type ImportDetection, type ImportKind, type ImportOptions } from '../../../shared/domain/import';
import { guessKind, matchHeaders, unitOfHeader } from './headers';
import { forEachRow, isBlank, sniffDelimiter, type RawRow } from './table';
import type { SourceContent } from './source';
import { detectDateFormat } from './values/dates';
import { detectNumberFormat } from './values/numbers';

/** Rows read for detection and preview. */
const SAMPLE_ROWS = 2000;
const HEADER_SEARCH = 10;

export interface RememberedMapping {
  kind: ImportKind;
  mapping: Record<string, number | null>;
  options: Pick<ImportOptions, 'numberFormat' | 'dateFormat' | 'keyRules'>;
}

export interface Detected {
  detection: ImportDetection;
  headers: string[];
  /** Rows after the header, as parsed, for the preview. */
  sampleRows: RawRow[];
  /** Identity of the source's layout, under which its mapping is remembered. */
  signature: string;
}

/** The layout of a source: its header texts (or column count), normalised. */
export function sourceSignature(headers: readonly string[], headerLine: number): string {
  return headerLine === 0 ? `columns:${headers.length}` : headers.map((header) => header.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u0001');
}

function headerScore(fields: readonly string[]): number {
  const numeric = fields.filter((field) => /^[\s\d.,\-+()%/:]+$/.test(field) && field.trim() !== '').length;
  return guessKind(fields).score - numeric;
}

/** The header is the row among the first non-blank ones that looks most like one; 0 when none does. */
function findHeaderLine(rows: readonly RawRow[]): number {
  const candidates = rows.filter((row) => !isBlank(row.fields)).slice(0, HEADER_SEARCH);
  let best: RawRow | undefined;
  let bestScore = 0;
  for (const row of candidates) {
    const score = headerScore(row.fields);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  if (best) return best.line;
  // No known header words: a first row of text over rows of numbers is still a header.
  const first = candidates[0];
  if (first && first.fields.every((field) => !/^[\s\d.,\-+()%/:]*$/.test(field))) return first.line;
  return 0;
}

export function columnSamples(rows: readonly RawRow[], column: number, limit = 1000): string[] {
  const samples: string[] = [];
  for (const row of rows) {
    const value = row.fields[column]?.trim();
    if (value) samples.push(value);
    if (samples.length >= limit) break;
  }
  return samples;
}

export function detect(content: SourceContent, options: ImportOptions, recall: (signature: string) => RememberedMapping | null): Detected {
  const delimiter = content.format === 'text' ? (options.delimiter ?? sniffDelimiter(content.text)) : null;
  const rows: RawRow[] = [];
  forEachRow(content, { delimiter, limit: SAMPLE_ROWS + HEADER_SEARCH }, (fields, line, start, end, unclosedQuote) => void rows.push({ fields, line, start, end, unclosedQuote }));

  const headerLine = options.headerLine ?? findHeaderLine(rows);
  const headerRow = rows.find((row) => row.line === headerLine);
  const width = Math.max(headerRow?.fields.length ?? 0, ...rows.slice(0, 50).map((row) => row.fields.length));
  const headers = headerRow ? headerRow.fields.map((field) => field.trim()) : Array.from({ length: width }, (_, index) => `Column ${index + 1}`);
  const sampleRows = rows.filter((row) => row.line > headerLine).slice(0, SAMPLE_ROWS);
  const signature = sourceSignature(headers, headerLine);
  const remembered = recall(signature);

  const kind: ImportKind = options.kind ?? remembered?.kind ?? guessKind(headers).kind;
  let mapping: Record<string, number | null>;
  if (options.mapping) mapping = { ...options.mapping };
  else if (remembered && remembered.kind === kind) mapping = { ...remembered.mapping };
  else {
    mapping = {};
    matchHeaders(kind, headers).forEach((field, column) => {
      if (field) mapping[field] = column;
    });
  }
  const fields = IMPORT_FIELDS[kind] as Record<string, { type: string }>;
  for (const field of Object.keys(fields)) mapping[field] ??= null;
  for (const field of Object.keys(mapping)) if (!(field in fields)) delete mapping[field];

  const columnsOfType = (types: string[]) =>
    Object.entries(mapping).flatMap(([field, column]) => (column !== null && types.includes(fields[field]?.type ?? '') ? [column] : []));
  const numberSamples = columnsOfType(['money', 'number', 'rate']).flatMap((column) => columnSamples(sampleRows, column, 400));
  const numbers = detectNumberFormat(numberSamples);
  const dateSamples = columnsOfType(['date']).flatMap((column) => columnSamples(sampleRows, column, 1000));
  const dates = dateSamples.length > 0 ? detectDateFormat(dateSamples) : null;
  const moneyColumn = columnsOfType(['money'])[0];
  const currency = numbers.currency ?? (moneyColumn === undefined ? null : unitOfHeader(headers[moneyColumn] ?? ''));

  return {
    headers,
    sampleRows,
    signature,
    detection: {
      format: content.format,
      encoding: content.format === 'text' ? content.encoding.encoding : null,
      encodingConfidence: content.format === 'text' ? content.encoding.confidence : 1,
      delimiter,
      headerLine,
      kind,
      numberFormat: options.numberFormat ?? remembered?.options.numberFormat ?? numbers.format,
      currency,
      dateFormat: options.dateFormat ?? remembered?.options.dateFormat ?? dates?.format ?? null,
      mapping,
      rememberedMapping: !options.mapping && remembered !== null && remembered.kind === kind,
    },
  };
}
