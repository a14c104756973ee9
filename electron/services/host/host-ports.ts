import type { FilePurpose } from '../../../shared/ipc/contract';

/** How a host prints an HTML document to PDF (Electron's printToPDF, or Chromium outside the app). */
export interface PdfPrintOptions {
  pageSize: 'A4' | 'Letter';
  landscape?: boolean;
  /** HTML of the running header and footer; the footer can use <span class="pageNumber">. */
  headerTemplate?: string;
  footerTemplate?: string;
}

/**
 * What a host (the Electron shell, the browser harness, the CLI) gives the services that only it
 * can do: ask the person for a file, open a link outside the app, print a report. The services
 * never import Electron.
 */
export interface HostPorts {
  kind: 'electron' | 'harness' | 'cli';
  chooseFile(purpose: FilePurpose, suggestedName?: string): Promise<string | null>;
  /** Called only with URLs that passed `assertSafeExternalUrl`. */
  openExternal(url: string): Promise<void>;
  /** Called only with a file the services wrote in this session (a report): opened, or shown in its folder. */
  showFile(path: string, how: 'open' | 'folder'): Promise<void>;
  /** A self-contained HTML document (no scripts, no network) printed to PDF. */
  printPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
  /** Starts what printing needs (the CLI's browser) while a report is being put together. */
  warmUpPrinter?(): void;
  /** Frees what the host holds for the services (the CLI's and harness' browser); called on dispose. */
  close?(): Promise<void>;
}
