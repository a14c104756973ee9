/**
 * The browser harness: serves the renderer to an ordinary browser on 127.0.0.1 and carries the
 * contract over HTTP (calls) and server-sent events (events). Tests and developers only — it is
 * never part of the packaged app. Bound to loopback, a random port and a random token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../services/host/content-security-policy';
import { fileErrorLog } from '../services/app/error-log';
import { createBackend, type Backend } from '../services/backend';
import type { HostPorts } from '../services/host/host-ports';
import { ChromiumPrinter } from '../services/report/chromium-printer';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR, packageVersion } from '../services/paths';

export const TOKEN_HEADER = 'x-value-ladder-token';
/** Request bodies: a dropped file (base64) may be large, a table to save fairly large, any other call is small. */
const MAX_BODY_BYTES: Record<string, number> = { 'file.stage': 720 * 1024 * 1024, 'table.save': 64 * 1024 * 1024 };
const MAX_CALL_BYTES = 4 * 1024 * 1024;
/** The cookie that carries the token to page loads and assets (set when the page is opened with ?token=). */
const TOKEN_COOKIE = 'vl-harness';

// Same policy as the desktop app's, so that the harness catches what the app would block.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface HarnessOptions {
  /** Workspace to open; else the last one opened in this data folder, else the demo. */
  workspace?: string;
  /** App data folder (settings, recent list, samples); a fresh temporary one by default. */
  dataDir?: string;
  /** `dev` serves the sources through Vite (hot reload); a folder serves a harness build of the renderer. */
  renderer: 'dev' | { dir: string };
  /** Also check every output against the contract (tests). */
  validateOutput?: boolean;
  log?: (line: string) => void;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  backend: Backend;
  /** Answers the next file dialogs will give, in order (tests script the person). */
  dialogAnswers: (string | null)[];
  /** Links the page asked to open outside the app. */
  openedLinks: string[];
  /** Files the app asked the desktop to open or show in their folder. */
  shownFiles: { path: string; how: 'open' | 'folder' }[];
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

/** The request's body, refused by its declared length before anything is read, and by its actual length as it arrives. */
async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value;
  }
  return undefined;
}

function send(response: ServerResponse, status: number, body: string, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? (() => undefined);
  const token = randomBytes(24).toString('hex');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'value-ladder-harness-'));
  const dialogAnswers: (string | null)[] = [];
  const openedLinks: string[] = [];
  const shownFiles: { path: string; how: 'open' | 'folder' }[] = [];
  let untitled = 0;
  const printer = new ChromiumPrinter();
  const ports: HostPorts = {
    kind: 'harness',
    async chooseFile(purpose, suggestedName) {
      if (dialogAnswers.length > 0) return dialogAnswers.shift() ?? null;
      if (purpose === 'createWorkspace') return join(dataDir, 'workspaces', `workspace-${++untitled}.vlw`);
      const extension = { saveTable: 'xlsx', saveCalendar: 'ics', savePdf: 'pdf' }[purpose as string];
      if (extension) {
        mkdirSync(join(dataDir, 'exports'), { recursive: true });
        return join(dataDir, 'exports', suggestedName ?? `export-${++untitled}.${extension}`);
      }
      log('The harness has no file dialog: start it with --workspace FILE, or drop a file on the page to import it.');
      return null;
    },
    async openExternal(url) {
      openedLinks.push(url);
      log(`open link: ${url}`);
    },
    async showFile(path, how) {
      shownFiles.push({ path, how });
      log(`${how === 'open' ? 'open' : 'show in folder'}: ${path}`);
    },
    printPdf: (html, pdfOptions) => printer.print(html, pdfOptions),
    warmUpPrinter: () => printer.warmUp(),
    close: () => printer.close(),
  };
  const backend = createBackend({
    ports,
    dataDir,
    samplesDir: SOURCE_SAMPLES_DIR,
    appVersion: packageVersion(),
    validateOutput: options.validateOutput ?? false,
    // As in the app: into the data folder's error log (and the harness' own output).
    logError: fileErrorLog(dataDir, log),
  });

  const server: Server = createServer();
  const listening = new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await listening;
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const eventStreams = new Set<ServerResponse>();
  const unsubscribe = backend.events.subscribe((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of eventStreams) stream.write(data);
  });

  let vite: ViteDevServer | undefined;
  // Dev mode keeps the app's policy: its inline preamble runs by a nonce, hot reload talks over this port's WebSocket.
  const nonce = randomBytes(16).toString('base64');
  const devPolicy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`).replace("connect-src 'self'", `connect-src 'self' ws://127.0.0.1:${port}`);
  if (options.renderer === 'dev') {
    const { createServer: createViteServer } = await import('vite');
    vite = await createViteServer({
      configFile: join(SOURCE_ROOT, 'vite.config.ts'),
      mode: 'development',
      server: { middlewareMode: true, ws: { server } },
      html: { cspNonce: nonce },
      appType: 'spa',
      logLevel: 'warn',
    });
  }
  const staticRoot = options.renderer === 'dev' ? null : normalize(options.renderer.dir + sep);
  if (staticRoot && !existsSync(join(staticRoot, 'index.html'))) throw new Error(`No renderer build in ${staticRoot}: run \`npx vite build --mode harness\` first.`);

  async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', origin);
    const file = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!file.startsWith(root)) return send(response, 404, 'Not found', 'text/plain');
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
      response.end(body);
    } catch {
      send(response, 404, 'Not found', 'text/plain');
    }
  }

  server.on('request', (request, response) => {
    void (async () => {
      // Refuse other hosts (DNS rebinding) and other origins (pages on other ports or sites).
      if (request.headers.host !== `127.0.0.1:${port}`) return send(response, 403, '{"error":"forbidden host"}');
      if (request.headers.origin && request.headers.origin !== origin) return send(response, 403, '{"error":"forbidden origin"}');
      const url = new URL(request.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (url.pathname === '/api/events' && request.method === 'GET') {
          if (!sameToken(url.searchParams.get('token'), token)) return send(response, 401, '{"error":"bad token"}');
          response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          response.write(': connected\n\n');
          eventStreams.add(response);
          request.on('close', () => eventStreams.delete(response));
          return;
        }
        const match = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
        if (!match || request.method !== 'POST') return send(response, 404, '{"error":"not found"}');
        if (!sameToken(request.headers[TOKEN_HEADER] as string | undefined, token)) return send(response, 401, '{"error":"bad token"}');
        let payload: { input?: unknown; jobId?: unknown };
        try {
          payload = JSON.parse(await readBody(request, MAX_BODY_BYTES[match[1] as string] ?? MAX_CALL_BYTES)) as typeof payload;
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            response.setHeader('connection', 'close');
            return send(response, 413, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request is too large.' } }));
          }
          return send(response, 400, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request body is not JSON.' } }));
        }
        const reply = await backend.dispatch(match[1], payload?.input, payload?.jobId);
        return send(response, 200, JSON.stringify(reply));
      }
      // Pages and assets (and, in dev mode, Vite's /@fs/ files) only for the page opened with the token.
      const given = url.searchParams.get('token');
      if (given !== null && sameToken(given, token)) response.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      else if (!sameToken(cookieToken(request), token)) return send(response, 401, 'Open the address the harness printed (it carries its token).', 'text/plain');
      if (vite) {
        response.setHeader('content-security-policy', devPolicy);
        vite.middlewares(request, response, () => send(response, 404, 'Not found', 'text/plain'));
        return;
      }
      if (staticRoot) return serveStatic(request, response, staticRoot);
    })().catch((error: unknown) => {
      log(`harness request failed: ${String(error)}`);
      if (!response.headersSent) send(response, 500, '{"error":"internal"}');
    });
  });

  const close = async () => {
    unsubscribe();
    for (const stream of eventStreams) stream.end();
    await vite?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await backend.dispose();
  };
  try {
    await backend.workspaces.restore(options.workspace);
  } catch (error) {
    // The workspace asked for does not open: nothing is left running, the caller says why.
    await close();
    throw error;
  }

  return { url: `${origin}/?token=${token}`, port, token, backend, dialogAnswers, openedLinks, shownFiles, close };
}
