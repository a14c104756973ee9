import { BrowserWindow, protocol } from 'electron';
import { randomUUID } from 'node:crypto';

export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  landscape?: boolean;
  /** HTML of the running header and footer; the footer can use <span class="pageNumber">. */
  headerTemplate?: string;
  footerTemplate?: string;
}

const pending = new Map<string, string>();
const REPORT_SCHEME = 'report';

/** Must run before the app is ready, with the app scheme. */
export function reportScheme() {
  return { scheme: REPORT_SCHEME, privileges: { standard: true, secure: true } };
}

/** Serves documents handed to `printHtmlToPdf` to the hidden print window only, once each. */
export function serveReports(): void {
  protocol.handle(REPORT_SCHEME, (request) => {
    const id = new URL(request.url).hostname;
    const html = pending.get(id);
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data: file:" } });
  });
}

/** Prints a self-contained HTML document to PDF in a hidden, sandboxed window with scripts off. */
export async function printHtmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const id = randomUUID();
  pending.set(id, html);
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false } });
  try {
    await window.loadURL(`${REPORT_SCHEME}://${id}/`);
    return await window.webContents.printToPDF({
      pageSize: options.pageSize,
      landscape: options.landscape ?? false,
      printBackground: true,
      displayHeaderFooter: Boolean(options.headerTemplate || options.footerTemplate),
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      preferCSSPageSize: true,
    });
  } finally {
    pending.delete(id);
    window.destroy();
  }
}
