/**
 * The report printer outside the desktop app (CLI, browser harness, tests, benches): Debian's
 * Chromium through playwright-core, printing the same HTML that Electron's printToPDF prints in the
 * app. One browser per printer, launched on the first report and kept for the next; `close()`
 * ends it. Pages get no network: every request is aborted (the document is self-contained).
 */
import type { Browser, Page } from 'playwright-core';
import type * as Playwright from 'playwright-core';
import { AppError } from '../../../shared/ipc/errors';
import type { PdfPrintOptions } from '../host/host-ports';

/** The flags of test/support/browser.ts: off any network, quiet, no GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

// Loaded when first needed, by a name the app's bundler leaves alone: the desktop app prints with
// Electron and ships no playwright-core.
const PLAYWRIGHT = 'playwright-core';

export class ChromiumPrinter {
  private browser: Promise<Browser> | null = null;
  private idle: Page | null = null;
  private closed = false;

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new AppError('printerClosed'));
    if (!this.browser) {
      const executablePath = chromiumPath();
      this.browser = (async () => {
        const { chromium } = (await import(PLAYWRIGHT)) as typeof Playwright;
        return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
      })().catch((error: unknown) => {
        this.browser = null;
        throw new AppError('printerUnavailable', { path: executablePath }, { cause: error });
      });
    }
    return this.browser;
  }

  /** Launches the browser ahead of the first print; a failure shows when printing. */
  warmUp(): void {
    this.launch().catch(() => undefined);
  }

  /** A page with no network, in a context of its own: the idle one kept from the last print, else a new one. */
  private async takePage(): Promise<Page> {
    const idle = this.idle;
    this.idle = null;
    if (idle && !idle.isClosed()) return idle;
    const browser = await this.launch();
    const context = await browser.newContext({ offline: true });
    await context.route('**/*', (route) => route.abort());
    return context.newPage();
  }

  /** Prints a self-contained HTML document; the CSS @page size wins over `pageSize` when both are given. */
  async print(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
    const page = await this.takePage();
    let reusable = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const displayHeaderFooter = Boolean(options.headerTemplate || options.footerTemplate);
      const pdf = await page.pdf({
        format: options.pageSize,
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter,
        ...(displayHeaderFooter ? { headerTemplate: options.headerTemplate ?? '<span></span>', footerTemplate: options.footerTemplate ?? '<span></span>' } : {}),
        preferCSSPageSize: true,
      });
      reusable = true;
      return pdf;
    } finally {
      // Keep one page for the next report (a blank document, so the last report's data does not stay in it).
      if (reusable && !this.idle && !this.closed) {
        await page.setContent('<!doctype html><title></title>').catch(() => undefined);
        this.idle = page;
      } else {
        await page.context().close().catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle = null;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
