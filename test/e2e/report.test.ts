/**
 * Issue 9: the PDF report of the demo workspace, made with the CLI as a consultant would, read back
 * as text (pdftotext) and as images (pdftoppm). The key figures must be those of `value-ladder
 * analyze`, written in the client's language; the fonts must be the bundled ones (no fallback to
 * the machine's); Persian must be laid out right to left with Persian digits. Page images go to
 * test-results/screenshots/report-<locale>-*.png to be looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { catalogueKeys, createFormats, createTranslator, REPORT_CATALOGUES } from '../../electron/services/report/i18n';
import type { Locale } from '../../shared/domain/app-settings';
import type { BacktestRun } from '../../shared/domain/models';
import { cliBackend, prepareReportWorkspace } from '../../bench/report';

const SCREENSHOTS = join(SOURCE_ROOT, 'test-results', 'screenshots');
const CLI = join(SOURCE_ROOT, 'bin', 'value-ladder.mjs');

type BacktestResult = BacktestRun['result'];

interface Summary {
  customers: number;
  profit: number;
  ladder: Record<'mvc' | 'mgc' | 'middle' | 'belowZero', { customers: number; profit: number }>;
  settings: { currency: string | null };
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** pdftotext's text with the invisible bidi marks removed and every kind of space made one space. */
function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const text = execFileSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '').replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/**
 * Text compared without what text extraction cannot keep: spaces (pdftotext moves them around
 * digits in right-to-left lines), bidi marks, zero-width non-joiners and Arabic combining marks
 * (it moves them too), and the lam-alef ligature, which comes out as alef-lam.
 */
const squash = (value: string) =>
  value
    .replace(/[\s\u00a0\u202f\u2009\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .replace(/[\u064b-\u065f\u0670]/gu, '')
    .replace(/\u0644\u0627/g, '\u0627\u0644');

function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

/** Words of one page with their left edge (pdftotext -bbox). */
function wordsOf(pdf: string, page: number): { word: string; xMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({ xMin: Number(match[1]), word: match[2] as string }));
}

function saveImages(pdf: string, locale: string, pages: number[]): string[] {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const old of readdirSync(SCREENSHOTS).filter((name) => name.startsWith(`report-${locale}-`))) rmSync(join(SCREENSHOTS, old));
  const saved: string[] = [];
  for (const page of pages) {
    const prefix = join(SCREENSHOTS, `report-${locale}-tmp`);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
    const target = join(SCREENSHOTS, `report-${locale}-${String(page).padStart(2, '0')}.png`);
    renameSync(`${prefix}.png`, target);
    saved.push(target);
  }
  return saved;
}

describe('the PDF report (value-ladder report)', () => {
  let dir: string;
  let workspace: string;
  let summary: Summary;
  let backtest: BacktestResult;
  const reports = new Map<Locale, { path: string; pages: number; bytes: number }>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vl-report-'));
    workspace = join(dir, 'demo.vlw');
    const { backend, api } = cliBackend(join(dir, 'data'));
    try {
      await prepareReportWorkspace(api, workspace);
      // The client's currency, and a logo for the cover from the workspace's report settings.
      await api['analysis.updateSettings']({ currency: 'EUR', reportLogoPath: join(SOURCE_ROOT, 'build', 'icon.png') });
    } finally {
      await backend.dispose();
    }
    const analysed = await cli(['analyze', workspace, '--json']);
    expect(analysed.code, analysed.err).toBe(0);
    summary = JSON.parse(analysed.out) as Summary;
    // The back-test the report's methods section quotes (the report reuses it while the data is unchanged).
    const tested = await cli(['backtest', workspace, '--json']);
    expect(tested.code, tested.err).toBe(0);
    backtest = JSON.parse(tested.out) as BacktestResult;
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the same keys in its six catalogues', () => {
    const reference = catalogueKeys(REPORT_CATALOGUES.en).sort();
    expect(reference.length).toBeGreaterThan(250);
    for (const locale of ['ru', 'bg', 'ro', 'zh', 'fa'] as const) expect(catalogueKeys(REPORT_CATALOGUES[locale]).sort(), locale).toEqual(reference);
  });

  it.each(['en', 'ru', 'zh', 'fa'] as const)('in %s: the figures of the analysis, in the client\'s language and fonts', async (locale) => {
    const path = join(dir, `report-${locale}.pdf`);
    const made = await cli(['report', workspace, '--out', path, '--locale', locale, '--client', 'Demo Coffee Supply', '--author', 'A. Consultant', '--json']);
    expect(made.code, made.err).toBe(0);
    const result = JSON.parse(made.out) as { path: string; pages: number; bytes: number };
    reports.set(locale, result);
    expect(result.path).toBe(path);
    expect(pdfPages(path)).toBe(result.pages);
    expect(result.pages).toBeGreaterThanOrEqual(15);

    const f = createFormats(locale, summary.settings.currency);
    const t = createTranslator(locale, f);
    const text = squash(pdfText(path));
    // The key figures of `value-ladder analyze`, as the locale writes them.
    const figures = [f.integer(summary.customers), f.money(summary.profit), ...(['mvc', 'mgc', 'middle', 'belowZero'] as const).map((tier) => f.integer(summary.ladder[tier].customers))].map(squash);
    for (const figure of figures) expect(text, `${locale}: ${figure}`).toContain(figure);
    // Its words: the title, the section headings, the page numbers in the running footer.
    expect(text).toContain(squash(t('meta.title')));
    for (const section of ['summary', 'ladder', 'actions', 'methods']) expect(text).toContain(squash(t(`sections.${section}`)));
    // How the projections held up: the back-test's own figures.
    expect(text).toContain(squash(t('methods.backtestTitle')));
    for (const figure of [f.integer(backtest.actual.activeCustomers), f.money(backtest.actual.revenue)]) expect(text, `${locale}: back-test ${figure}`).toContain(squash(figure));
    expect(text).toContain(squash(t('meta.page', { page: f.integer(2), pages: f.integer(result.pages) })));
    expect(text).toContain(squash(t('meta.page', { page: f.integer(result.pages), pages: f.integer(result.pages) })));
    expect(text).toContain('DemoCoffeeSupply');
    expect(f.money(summary.profit)).toContain('€');
    // The logo on the cover.
    expect(execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', path], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThan(2);

    // Only the bundled fonts, all embedded: nothing fell back to the machine's fonts.
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line, line).toMatch(/^(\w{6}\+(NotoSans|NotoSansSC\w*|Vazirmatn)-(Regular|Bold)|\[none\]\s+Type 3)\s/);
      expect(line, line).toMatch(/\syes\s+yes\s+yes\s/);
    }

    if (locale === 'fa') {
      expect(f.money(summary.profit)).toMatch(/^[^0-9]*[۰-۹][۰-۹٬٫]*$/);
      // Right to left: the summary's heading starts at the right of the page, the English one at the left.
      // -bbox lists the glyphs of a right-to-left word in visual order.
      const heading = wordsOf(path, 2).find((word) => squash([...word.word].reverse().join('')) === squash(t('sections.summary')));
      expect(heading?.xMin).toBeGreaterThan(400);
    } else {
      const heading = wordsOf(path, 2).find((word) => t('sections.summary').startsWith(word.word) || word.word.includes(t('sections.summary')));
      expect(heading?.xMin).toBeLessThan(150);
    }

    const images = saveImages(path, locale, [1, 2, 3, 5, 7, 10]);
    for (const image of images) expect(existsSync(image)).toBe(true);
  });

  it('makes fewer pages with --sections, on Letter paper', async () => {
    const full = reports.get('en') ?? { pages: 15 };
    const path = join(dir, 'summary-only.pdf');
    const made = await cli(['report', workspace, '--out', path, '--sections', 'cover,summary,ladder', '--page-size', 'Letter', '--json']);
    expect(made.code, made.err).toBe(0);
    const result = JSON.parse(made.out) as { pages: number; sections: string[] };
    expect(result.sections).toEqual(['cover', 'summary', 'ladder']);
    expect(result.pages).toBeLessThan(full.pages);
    expect(result.pages).toBeGreaterThanOrEqual(3);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = pdfText(path);
    expect(text).toContain('The value ladder');
    expect(text).not.toContain('Action lists');
  });

  it('refuses a locale it does not have, in words, with the usage exit code', () => {
    const path = join(dir, 'german.pdf');
    const run = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', path, '--locale', 'de'], { cwd: SOURCE_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('value-ladder: unknown locale "de": choose one of en, ru, bg, ro, zh, fa');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses an unknown section and a file that is not a PDF', async () => {
    const sections = await cli(['report', workspace, '--out', join(dir, 'x.pdf'), '--sections', 'summary,appendix']);
    expect(sections.code).toBe(2);
    expect(sections.err).toMatch(/^value-ladder: unknown section "appendix": choose from cover, summary, ladder, /);
    const notPdf = await cli(['report', workspace, '--out', join(dir, 'report.docx')]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.err).toBe(`value-ladder: --out must name a .pdf file, not "${join(dir, 'report.docx')}"`);
  });
});
