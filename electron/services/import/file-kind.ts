/**
 * What a chosen file really is, from its first bytes, before anything is decoded or previewed: a
 * text export or an .xlsx workbook go on; an empty file, an image, a PDF, an archive, an old or
 * password-protected Excel workbook, an HTML page saved as .xls, or any other binary content get
 * their own plain message instead of a preview of garbage.
 */
import { AppError } from '../../../shared/ipc/errors';

/** How much of the start of a file the check reads. */
export const KIND_SAMPLE_BYTES = 8192;

/** Binary formats people pick by mistake, by their signature (the key is the error's `format`). */
const SIGNATURES: { format: string; bytes: number[] }[] = [
  { format: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { format: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { format: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { format: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { format: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  { format: 'SQLite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound file: an Excel 97–2003 .xls, or an .xlsx encrypted with a password. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

export type FileKind = 'text' | 'xlsx';

/**
 * `start`: the first bytes of the file (KIND_SAMPLE_BYTES or all of a smaller one); `name` the
 * file's name, for the messages; `size` its size in bytes. An .xlsx is a ZIP archive: a ZIP under
 * any name is read as a workbook (a renamed .xlsx works; anything else is told to be damaged).
 */
export function fileKind(start: Uint8Array, name: string, size: number): FileKind {
  if (size === 0 || isBlank(start)) throw new AppError('fileEmpty', { name });
  if (startsWith(start, ZIP)) return 'xlsx';
  if (startsWith(start, OLE2)) throw new AppError(/\.xlsx$/i.test(name) ? 'spreadsheetEncrypted' : 'spreadsheetLegacy', { name });
  const signature = SIGNATURES.find((candidate) => startsWith(start, candidate.bytes));
  if (signature) throw new AppError('fileNotTable', { name, format: signature.format });
  if (isHtml(start)) throw new AppError('fileIsHtml', { name });
  if (looksBinary(start)) throw new AppError('fileBinary', { name });
  return 'text';
}

/** Nothing but a byte-order mark and whitespace (zero bytes included: blank UTF-16). */
function isBlank(start: Uint8Array): boolean {
  const bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff) ? 2 : 0;
  for (let i = bom; i < start.length; i++) {
    const byte = start[i] as number;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x00) return false;
  }
  return true;
}

/** An HTML page (platforms' "Excel" downloads are often one, saved as .xls). */
function isHtml(start: Uint8Array): boolean {
  const head = Buffer.from(start.subarray(0, 1024)).toString('latin1').replace(/^[\ufeff\u00ef\u00bb\u00bf\s]+/, '').slice(0, 200).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table') || (head.startsWith('<?xml') && head.includes('<html'));
}

/**
 * Control bytes text never holds. UTF-16 text is full of zero bytes: with a byte-order mark, or
 * with zeros at every other position only, it is text.
 */
function looksBinary(start: Uint8Array): boolean {
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) return false;
  let zerosEven = 0;
  let zerosOdd = 0;
  let control = 0;
  for (let i = 0; i < start.length; i++) {
    const byte = start[i] as number;
    if (byte === 0) {
      if (i % 2 === 0) zerosEven++;
      else zerosOdd++;
    } else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) control++;
  }
  const half = start.length / 2;
  // UTF-16 without a mark: Latin text has a zero in nearly every high byte, none in the low ones.
  const utf16 = (zerosOdd > half * 0.5 && zerosEven === 0) || (zerosEven > half * 0.5 && zerosOdd === 0);
  if (utf16) return false;
  return zerosEven + zerosOdd > 0 || control > start.length * 0.01;
}
