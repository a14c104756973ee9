/**
 * Detection: from the rows of a source, the delimiter, the header row, the platform export it is
 * (profiles.ts) or else what the file is (transactions, customers, …) and which column is which
 * field — by the header's words, checked against the column's values — and how numbers and dates
 * are written (dates from rows all over the file). Every part can be overridden by the person
 * (ImportOptions) and is remembered per layout of file.
 */
import { IMPORT_FIELDS, type FieldType, type ImportDetection, type ImportKind, type ImportOptions } from '../../../shared/domain/import';
import { AppError } from '../../../shared/ipc/errors';
import { guessKind, matchHeaders, unitOfHeader } from './headers';
import { columnOf, headerIndex, profileByName, PROFILE_NAMES, recogniseProfile, type SourceProfile } from './profiles';
import { forEachRow, isBlank, sniffDelimiter, spreadRows, type RawRow } from './table';
import type { SourceContent } from './source';
import { valuesFit } from './value-checks';
import { detectDateFormat } from './values/dates';
import { detectNumberFormat } from './values/numbers';

/** Rows read for detection and preview. */
const SAMPLE_ROWS = 2000;
const HEADER_SEARCH = 10;
/** Rows taken from all over the file to tell day-first from month-first dates. */
const SPREAD_ROWS = 2000;

export interface RememberedMapping {
  kind: ImportKind;
  mapping: Record<string, number | null>;
  options: Pick<ImportOptions, 'numberFormat' | 'dateFormat' | 'keyRules' | 'profile'>;
}

export interface Detected {
  detection: ImportDetection;
  headers: string[];
  /** Rows after the header, as parsed, for the preview. */
  sampleRows: RawRow[];
  /** Identity of the source's layout, under which its mapping is remembered. */
  signature: string;
  /** The platform export the rows are read as; null for a file read column by column. */
  profile: SourceProfile | null;
}

/** The layout of a source: its header texts (or column count), normalised. */
export function sourceSignature(headers: readonly string[], headerLine: number): string {
  return headerLine === 0 ? `columns:${headers.length}` : headers.map((header) => header.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u0001');
}

function headerScore(fields: readonly string[]): number {
  const numeric = fields.filter((field) => /^[\s\d.,\-+()%/:]+$/.test(field) && field.trim() !== '').length;
  // A platform's header row is a header, whatever its words.
  return (recogniseProfile(fields) ? 100 : 0) + guessKind(fields).score - numeric;
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

export function columnSamples(rows: readonly RawRow[] | readonly (readonly string[])[], column: number, limit = 1000): string[] {
  const samples: string[] = [];
  for (const row of rows) {
    const fields = 'fields' in row ? row.fields : row;
    const value = fields[column]?.trim();
    if (value) samples.push(value);
    if (samples.length >= limit) break;
  }
  return samples;
}

/** The profile the person chose, or the one the header shows (none when a kind or mapping is given). */
function chooseProfile(headers: readonly string[], options: ImportOptions, remembered: RememberedMapping | null): SourceProfile | null {
  const chosen = options.profile ?? remembered?.options.profile;
  if (chosen === 'none') return null;
  if (chosen) {
    const profile = profileByName(chosen);
    if (!profile) throw new AppError('unknownProfile', { name: chosen, names: ['none', ...PROFILE_NAMES].join(', ') });
    return profile;
  }
  if (options.mapping || (options.kind && options.kind !== recogniseProfile(headers)?.kind)) return null;
  return recogniseProfile(headers);
}

/** The source columns of a profile's fields, for the preview (the rows themselves are read by profile-rows.ts). */
function profileMapping(profile: SourceProfile, headers: readonly string[]): Record<string, number | null> {
  const index = headerIndex(headers);
  const col = (names: readonly string[] | undefined) => columnOf(index, names);
  // A grouped report's customer is the group row above, written in its first column.
  const key = profile.grain === 'grouped' ? 0 : (profile.key.map((name) => col([name])).find((column) => column !== null) ?? null);
  if (profile.kind === 'customers') {
    return { customerId: key, name: col(profile.customerName?.[0]), acquiredDate: col(profile.acquired), region: col(profile.region), channel: col(profile.channel) };
  }
  return {
    customerId: key, date: col(profile.date), amount: col(profile.gross ?? profile.net), orderId: col(profile.order), productId: col(profile.product),
    quantity: col(profile.quantity), unitPrice: col(profile.linePrice), customerName: col(profile.customerName?.[0]), region: col(profile.region),
    channel: col(profile.channel), category: col(profile.category),
  };
}

/** The column of each field by header words, with pairs whose values do not fit the field left out. */
function checkedMapping(kind: ImportKind, headers: readonly string[], rows: readonly RawRow[]): Record<string, number | null> {
  const fields = IMPORT_FIELDS[kind] as Record<string, { type: FieldType }>;
  const excluded = new Set<string>();
  let mapping: Record<string, number | null> = {};
  for (let round = 0; round < 8; round++) {
    mapping = {};
    matchHeaders(kind, headers, excluded).forEach((field, column) => {
      if (field) mapping[field] = column;
    });
    const misfits = Object.entries(mapping).filter(([field, column]) => column !== null && !valuesFit(field, fields[field]?.type ?? 'text', columnSamples(rows, column, 400)));
    if (misfits.length === 0) break;
    for (const [field, column] of misfits) excluded.add(`${column}:${field}`);
  }
  return mapping;
}

/**
 * What a header row describes, and whether its file looks like sales (a date and an amount): a
 * file of sales is read as transactions (or costs or marketing spend when those fit better), never
 * as products or customers.
 */
function kindOf(headers: readonly string[]): { kind: ImportKind; salesLike: boolean } {
  const guess = guessKind(headers);
  const sales = new Set(matchHeaders('transactions', headers).filter(Boolean));
  const salesLike = sales.has('date') && (sales.has('amount') || (sales.has('quantity') && sales.has('unitPrice')));
  if (salesLike && (guess.kind === 'products' || guess.kind === 'customers' || guess.kind === 'prospects')) return { kind: 'transactions', salesLike };
  return { kind: guess.kind, salesLike };
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
  const profile = chooseProfile(headers, options, remembered);
  const guessed = kindOf(headers);

  const kind: ImportKind = profile?.kind ?? options.kind ?? remembered?.kind ?? guessed.kind;
  let mapping: Record<string, number | null>;
  if (profile) mapping = profileMapping(profile, headers);
  else if (options.mapping) mapping = { ...options.mapping };
  else if (remembered && remembered.kind === kind && (remembered.options.profile ?? 'none') === 'none') mapping = { ...remembered.mapping };
  else mapping = checkedMapping(kind, headers, sampleRows);
  const fields = IMPORT_FIELDS[kind] as Record<string, { type: string }>;
  for (const field of Object.keys(fields)) mapping[field] ??= null;
  for (const field of Object.keys(mapping)) if (!(field in fields)) delete mapping[field];

  const columnsOfType = (types: string[]) =>
    Object.entries(mapping).flatMap(([field, column]) => (column !== null && types.includes(fields[field]?.type ?? '') ? [column] : []));
  const moneyColumns = profile ? profileMoneyColumns(profile, headers) : columnsOfType(['money', 'number', 'rate']);
  const numbers = detectNumberFormat(moneyColumns.flatMap((column) => columnSamples(sampleRows, column, 400)));
  // Dates from the first rows and from rows all over the file: the first rows may all fall on days 1 to 12.
  const spread = spreadRows(content, delimiter, SPREAD_ROWS);
  const dateSamples = columnsOfType(['date']).flatMap((column) => [...columnSamples(sampleRows, column, 1000), ...columnSamples(spread, column, SPREAD_ROWS)]);
  const dates = dateSamples.length > 0 ? detectDateFormat(dateSamples) : null;
  const moneyColumn = moneyColumns[0];
  const currency = numbers.currency ?? profileCurrency(profile, headers, sampleRows) ?? (moneyColumn === undefined ? null : unitOfHeader(headers[moneyColumn] ?? ''));
  const dateFormat = options.dateFormat ?? remembered?.options.dateFormat ?? dates?.format ?? null;

  return {
    headers,
    sampleRows,
    signature,
    profile,
    detection: {
      format: content.format,
      encoding: content.format === 'text' ? content.encoding.encoding : null,
      encodingConfidence: content.format === 'text' ? content.encoding.confidence : 1,
      delimiter,
      headerLine,
      kind,
      numberFormat: options.numberFormat ?? remembered?.options.numberFormat ?? numbers.format,
      currency,
      dateFormat,
      mapping,
      rememberedMapping: !profile && !options.mapping && remembered !== null && remembered.kind === kind,
      profile: profile ? { name: profile.name, label: profile.label, platform: profile.platform, export: profile.export } : null,
      dateAmbiguous: !options.dateFormat && !remembered?.options.dateFormat && (dates?.ambiguous ?? false),
      salesLike: guessed.salesLike,
    },
  };
}

function profileMoneyColumns(profile: SourceProfile, headers: readonly string[]): number[] {
  const index = headerIndex(headers);
  return [profile.gross, profile.net, profile.refund, profile.linePrice, profile.lineTotal, ...(profile.minus ?? [])].flatMap((names) => {
    const column = columnOf(index, names);
    return column === null ? [] : [column];
  });
}

/** The currency a profile's file names (its currency column's first value, or the platform's own). */
function profileCurrency(profile: SourceProfile | null, headers: readonly string[], rows: readonly RawRow[]): string | null {
  if (!profile) return null;
  const column = columnOf(headerIndex(headers), profile.currency);
  const value = column === null ? '' : (columnSamples(rows, column, 1)[0] ?? '');
  return /^[a-z]{3}$/i.test(value) ? value.toUpperCase() : (profile.fixedCurrency ?? null);
}
