/**
 * The report escapes every value in every context: names of customers and products, customer ids,
 * the client and the author end up in HTML text, attributes, CSS strings (the running header) and
 * chart SVG — none of them may add markup to the client's PDF, and no bidi override in a name may
 * disguise it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { REPORT_SECTIONS } from '../../shared/domain/report';
import { createApi, type Api } from '../../shared/ipc/client';
import { tempDir } from '../support/harness';

const HOSTILE = {
  name: '</style><h1 id=pwned-name>x</h1><style>',
  product: '<img src=x onerror=alert(1)>',
  id: '"><svg onload=alert(2)>',
  client: '</style><h1 id=pwned-client>x</h1><style>',
  author: '<script>alert(3)</script>',
  /** Reads "P11exe.png" when the override is obeyed. */
  disguised: 'P11\u202Egnp.exe',
};

let backend: Backend;
let api: Api;
const printed: string[] = [];

beforeAll(async () => {
  const ports = { ...headlessPorts('cli'), printPdf: async (html: string) => (printed.push(html), new TextEncoder().encode('%PDF-1.7 /Type /Page ')) };
  backend = createBackend({ ports, dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  const dir = tempDir();
  const lines = ['customer,name,date,amount,product'];
  for (let i = 0; i < 40; i++) {
    const id = i === 0 ? HOSTILE.id : `C${i}`;
    const name = i < 3 ? HOSTILE.name : i === 3 ? HOSTILE.disguised : `Customer ${i}`;
    for (let month = 1; month <= 12; month += 1 + (i % 3)) lines.push([`"${id.replace(/"/g, '""')}"`, `"${name}"`, `2024-${String(month).padStart(2, '0')}-1${i % 9}`, String(20 + i * 7 + month), i % 2 ? `"${HOSTILE.product}"` : 'Beans'].join(','));
  }
  writeFileSync(join(dir, 'orders.csv'), `${lines.join('\n')}\n`);
  await api['workspace.create']({ path: join(dir, 'hostile.vlw') });
  await api['import.run']({ path: join(dir, 'orders.csv'), options: {}, onPreviousImport: 'skip', strict: false });
  await api['analysis.run']({});
}, 60_000);
afterAll(() => backend.dispose());

describe('the report escapes what it is given', () => {
  it.each(['en', 'fa'] as const)('in %s: no name, product, id, client or author adds markup', async (locale) => {
    await api['report.create']({ path: join(tempDir(), 'report.pdf'), locale, sections: [...REPORT_SECTIONS], pageSize: 'A4', client: HOSTILE.client, author: HOSTILE.author });
    const html = printed.at(-1) ?? '';
    expect(html.length).toBeGreaterThan(1000);
    // Escaped they may appear; as markup, never.
    for (const injected of ['<h1 id=pwned', '<script', '<img src=x', '<svg onload', '"><svg']) expect(html, injected).not.toContain(injected);
    // The style elements are the report's own: each opened one is closed once.
    expect(html.match(/<style\b/g)?.length).toBe(html.match(/<\/style>/g)?.length);
    // The values are there, as text; a name's reordering control is shown, not obeyed.
    expect(html).toContain('&lt;/style&gt;&lt;h1 id=pwned-client&gt;');
    expect(html).toContain('P11⟦RLO⟧gnp.exe');
    const at = html.indexOf('\u202E');
    expect(at, html.slice(Math.max(0, at - 300), at + 100)).toBe(-1);
  });
});
