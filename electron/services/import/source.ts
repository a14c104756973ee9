/**
 * Reading an export: its bytes, the text encoding (a real detector, chardet, behind BOM and
 * UTF-8 checks) decoded by a real decoder (iconv-lite), or the cells of an .xlsx sheet (exceljs).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/ipc/errors';
import { fileKind, KIND_SAMPLE_BYTES } from './file-kind';

export interface EncodingGuess {
  encoding: string;
  /** 0–1; 1 for a byte-order mark or valid UTF-8. */
  confidence: number;
  bom: boolean;
}

const MAX_FILE_BYTES = 2 * 1024 ** 3;
const DETECTION_SAMPLE = 256 * 1024;

/** Names people may type for `--encoding`, mapped to what iconv-lite calls them. */
export function normalizeEncodingName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, string> = { cp1251: 'windows-1251', 'win-1251': 'windows-1251', cp1252: 'windows-1252', gbk: 'gbk', gb2312: 'gbk', 'utf8': 'utf-8', 'utf-16': 'utf-16le', ucs2: 'utf-16le', latin1: 'iso-8859-1' };
  const normalized = aliases[lower] ?? lower;
  if (!iconv.encodingExists(normalized)) throw new AppError('unknownEncoding', { name });
  return normalized;
}

/** `bytes` may be only the start of the file when whether the whole of it is UTF-8 is known. */
export function detectEncoding(bytes: Buffer, wholeIsUtf8 = isUtf8(bytes)): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', confidence: 1, bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1, bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', confidence: 1, bom: true };
  if (wholeIsUtf8) return { encoding: 'utf-8', confidence: 1, bom: false };
  const [best] = chardet.analyse(bytes.subarray(0, DETECTION_SAMPLE));
  if (!best) return { encoding: 'windows-1252', confidence: 0, bom: false };
  // GBK files are reported as GB18030, its superset: decoding with GB18030 reads both.
  return { encoding: normalizeEncodingName(best.name), confidence: best.confidence / 100, bom: false };
}

export function decodeText(bytes: Buffer, encoding: string): string {
  return withoutBom(iconv.decode(bytes, encoding, { stripBOM: true }));
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface SourceFile {
  path: string;
  name: string;
  sizeBytes: number;
  /** SHA-256 of the bytes: tells a re-import of the same file. */
  hash: string;
  format: 'text' | 'xlsx';
}

export type SourceContent =
  | { format: 'text'; text: string; encoding: EncodingGuess }
  | { format: 'xlsx'; rows: string[][]; sheet: string };

/** The size of a file that can be imported; a clear error for anything else. */
function checkedSize(path: string): number {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new AppError('pathIsFolder', { path });
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('fileUnreadable', { path }, { cause: error });
  }
  if (size > MAX_FILE_BYTES) throw new AppError('fileTooLarge', { name: basename(path) });
  return size;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace('T', ' ');
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The first worksheet's cells as text; dates as ISO (YYYY-MM-DD), numbers as JavaScript writes them. */
async function readSpreadsheet(bytes: Buffer): Promise<{ rows: string[][]; sheet: string }> {
  // Loaded on first use: exceljs is large, and a worker thread that never reads a spreadsheet
  // (every CSV import, the writer thread) should not pay for starting it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('spreadsheetDamaged', {}, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('spreadsheetEmpty');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { rows, sheet: sheet.name };
}

/** A whole file in one buffer of its own (never a pooled one, so nothing else keeps it alive). */
function readWhole(path: string, size: number): Buffer {
  const bytes = Buffer.allocUnsafeSlow(size);
  let length = 0;
  const fd = openSync(path, 'r');
  try {
    for (let read = -1; read !== 0 && length < size; length += read) read = readSync(fd, bytes, length, size - length, null);
  } finally {
    closeSync(fd);
  }
  return length < size ? bytes.subarray(0, length) : bytes;
}

/**
 * A file's description and content (its hash left empty when not asked for: checking rows needs
 * none). The file is read once into one buffer; its first bytes say what it is (file-kind.ts: a
 * workbook by its content, not its name; anything that is not a table is refused in words). A
 * text file is then hashed, checked for UTF-8, and decoded from the buffer. Valid UTF-8 is decoded
 * by Node (plain ASCII, the usual large export, as Latin-1: one copy of the bytes, where UTF-8
 * decoding looks at each one). Nothing keeps the buffer once this returns, before the import
 * allocates much else, so that the first collection of young objects frees it rather than it
 * staying, next to the text, to the end of the import.
 */
export async function readSource(path: string, encoding?: string, options: { hash: boolean } = { hash: true }): Promise<{ file: SourceFile; content: SourceContent }> {
  const bytes = readWhole(path, checkedSize(path));
  const name = basename(path);
  const format = fileKind(bytes.subarray(0, KIND_SAMPLE_BYTES), name, bytes.length);
  const hash = options.hash ? createHash('sha256').update(bytes).digest('hex') : '';
  const file: SourceFile = { path, name, sizeBytes: bytes.length, hash, format };
  if (format === 'xlsx') return { file, content: { format: 'xlsx', ...(await readSpreadsheet(bytes)) } };
  const utf8 = isUtf8(bytes);
  const guess: EncodingGuess = encoding ? { encoding: normalizeEncodingName(encoding), confidence: 1, bom: false } : detectEncoding(bytes.subarray(0, DETECTION_SAMPLE), utf8);
  // Valid UTF-8 decodes the same by any decoder; anything else goes through iconv-lite.
  const text = guess.encoding === 'utf-8' && utf8 ? withoutBom(withoutBom(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'))) : decodeText(bytes, guess.encoding);
  return { file, content: { format: 'text', text, encoding: guess } };
}
