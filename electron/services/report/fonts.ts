/**
 * The report's fonts, embedded in its HTML so that the PDF looks the same on every machine:
 * Noto Sans (Latin, Cyrillic), Vazirmatn (Persian) and Noto Sans SC (Chinese), all under the
 * SIL Open Font License, from the @fontsource packages. Those packages cut each font into files by
 * Unicode range; a report embeds only the files whose range holds a character it uses (a Chinese
 * report takes a few dozen of Noto Sans SC's hundred), as base64 @font-face rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';

export interface FontFamily {
  /** The @fontsource package (without the scope). */
  pkg: string;
  /** The CSS family name the report uses. */
  family: string;
  /** Fontsource subsets to take (file names hold them); others (Greek, Vietnamese, Devanagari…) are left out. */
  subsets: RegExp;
  weights: readonly number[];
}

/** In the order of the CSS font stack: a character takes the first family that covers it. */
export const REPORT_FONTS: readonly FontFamily[] = [
  { pkg: 'noto-sans', family: 'Noto Sans', subsets: /-(latin|latin-ext|cyrillic|cyrillic-ext)-\d+-normal\.woff2$/, weights: [400, 700] },
  { pkg: 'vazirmatn', family: 'Vazirmatn', subsets: /-arabic-\d+-normal\.woff2$/, weights: [400, 700] },
  { pkg: 'noto-sans-sc', family: 'Noto Sans SC', subsets: /-\d+-\d+-normal\.woff2$/, weights: [400, 700] },
];

interface Face {
  family: string;
  weight: number;
  file: string;
  /** Inclusive code point ranges, sorted. */
  ranges: [number, number][];
  rangeText: string;
}

function parseRanges(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'F'), 16)];
      const [from, to] = part.split('-');
      return [parseInt(from as string, 16), parseInt((to ?? from) as string, 16)];
    })
    .sort((a, b) => a[0] - b[0]);
}

const require = createRequire(import.meta.url);

/** Where a font package is: node_modules from source; the app's resources folder when packaged. */
function packageDir(pkg: string): string {
  const candidates: string[] = [];
  if (process.env.VALUE_LADDER_FONTS_DIR) candidates.push(join(process.env.VALUE_LADDER_FONTS_DIR, pkg));
  try {
    candidates.push(dirname(require.resolve(`@fontsource/${pkg}/400.css`)));
  } catch {
    // not installed here: try the resources folder
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'fonts', pkg));
  const found = candidates.find((dir) => existsSync(join(dir, '400.css')));
  if (!found) throw new AppError('reportFontMissing', { name: pkg });
  return found;
}

let faces: Face[] | null = null;

/** Every face of the report fonts, read from the packages' CSS once per process. */
export function reportFaces(): Face[] {
  if (faces) return faces;
  const all: Face[] = [];
  for (const font of REPORT_FONTS) {
    const dir = packageDir(font.pkg);
    for (const weight of font.weights) {
      const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
      for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
        if (!file || !range || !font.subsets.test(file)) continue;
        all.push({ family: font.family, weight, file: join(dir, 'files', file), ranges: parseRanges(range), rangeText: range.trim() });
      }
    }
  }
  faces = all;
  return all;
}

function covers(face: Face, codePoint: number): boolean {
  let lo = 0;
  let hi = face.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = face.ranges[mid] as [number, number];
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

const base64Cache = new Map<string, string>();

function base64Of(file: string): string {
  let data = base64Cache.get(file);
  if (data === undefined) {
    data = readFileSync(file).toString('base64');
    base64Cache.set(file, data);
  }
  return data;
}

/** Characters that need no font: controls, spaces and the invisible marks of bidirectional text. */
function needsGlyph(codePoint: number): boolean {
  if (codePoint < 0x21 || (codePoint >= 0x7f && codePoint <= 0xa0)) return false;
  if (codePoint >= 0x200b && codePoint <= 0x200f) return false;
  if (codePoint >= 0x2028 && codePoint <= 0x202f) return false;
  if (codePoint >= 0x2060 && codePoint <= 0x206f) return false;
  return codePoint !== 0xfeff && codePoint !== 0x061c;
}

export interface EmbeddedFonts {
  css: string;
  /** The font files embedded, with their sizes in bytes (before base64). */
  files: { family: string; weight: number; file: string; bytes: number }[];
  /** Characters of the text no embedded font covers (they would fall back to the machine's fonts). */
  uncovered: string[];
}

/**
 * The @font-face rules for a text: for each family in stack order, the files of each weight whose
 * range holds a character not covered by an earlier family. `boldText` (headings, table heads,
 * emphasis) decides which files of the bold weight are needed.
 */
export function embedFonts(text: string, boldText: string, families: readonly string[]): EmbeddedFonts {
  const all = reportFaces();
  const used = new Set<number>();
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (needsGlyph(codePoint)) used.add(codePoint);
  }
  const bold = new Set<number>();
  for (const char of boldText) {
    const codePoint = char.codePointAt(0) as number;
    if (needsGlyph(codePoint)) bold.add(codePoint);
  }
  let needed = used;
  const chosen: Face[] = [];
  for (const family of families) {
    const own = all.filter((face) => face.family === family);
    for (const face of own) {
      const pool = face.weight >= 600 ? bold : needed;
      for (const codePoint of pool) {
        if (needed.has(codePoint) && covers(face, codePoint)) {
          chosen.push(face);
          break;
        }
      }
    }
    needed = new Set([...needed].filter((codePoint) => !own.some((face) => face.weight === 400 && covers(face, codePoint))));
  }
  const rules = chosen.map(
    (face) =>
      `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:url(data:font/woff2;base64,${base64Of(face.file)}) format('woff2');unicode-range:${face.rangeText};}`,
  );
  return {
    css: rules.join('\n'),
    files: chosen.map((face) => ({ family: face.family, weight: face.weight, file: face.file, bytes: Buffer.byteLength(base64Of(face.file), 'base64') })),
    uncovered: [...needed].map((codePoint) => String.fromCodePoint(codePoint)),
  };
}

/** The font families of a locale's CSS font stack, the script's own font first. */
export function fontFamilies(locale: string): string[] {
  if (locale === 'fa') return ['Vazirmatn', 'Noto Sans', 'Noto Sans SC'];
  if (locale === 'zh') return ['Noto Sans', 'Noto Sans SC', 'Vazirmatn'];
  return ['Noto Sans', 'Vazirmatn', 'Noto Sans SC'];
}
