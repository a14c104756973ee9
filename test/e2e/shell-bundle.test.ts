/**
 * The real bundles the desktop app runs (dist/electron/main.js, worker.mjs), started in plain
 * Node against a stand-in of the electron module — the closest this machine gets to `npm start`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/ipc/contract';
import { SOURCE_ROOT } from '../../electron/services/paths';

let report: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(() => {
  execFileSync(process.execPath, [join(SOURCE_ROOT, 'scripts', 'build.mjs')], { cwd: SOURCE_ROOT, stdio: 'pipe' });
  const stub = join(SOURCE_ROOT, 'test', 'support', 'electron-stub');
  const output = execFileSync(process.execPath, ['--import', join(stub, 'register.mjs'), join(stub, 'drive-main.mjs'), join(SOURCE_ROOT, 'dist', 'electron', 'main.js')], {
    cwd: SOURCE_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  report = JSON.parse(output.trim().split('\n').pop() ?? '{}');
}, 120_000);

describe('the bundled desktop shell', () => {
  it('builds the main process, preload, worker and renderer', () => {
    for (const file of ['electron/main.js', 'electron/preload.cjs', 'electron/worker.mjs', 'renderer/index.html']) expect(existsSync(join(SOURCE_ROOT, 'dist', file)), file).toBe(true);
  });

  it('opens a locked-down window on the app origin', () => {
    expect(report.sandboxEnabled).toBe(true);
    expect(report.schemes).toEqual(['app', 'report']);
    expect(report.window.loaded).toBe('app://bundle/index.html');
    expect(report.window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(report.window.webPreferences.preload).toMatch(/dist[/\\]electron[/\\]preload\.cjs$/);
    expect(report.menu).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
  });

  it('registers exactly the contract and answers it, creating the demo on first start in a worker', () => {
    expect([...report.channels].sort()).toEqual(CALL_NAMES.map((name) => `vl:call:${name}`).sort());
    expect(report.current).toMatchObject({ ok: true, value: { name: 'demo', customers: 3000, sample: 'demo' } });
    expect(report.refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(report.invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves the renderer with the CSP and nothing outside it, and cuts the network', () => {
    expect(report.page.status).toBe(200);
    expect(report.page.body).toContain('<div id="root">');
    expect(report.page.csp).toContain("default-src 'none'");
    expect(report.page.csp).toContain("script-src 'self'");
    expect(report.traversal).toBe(404);
    expect(report.blocked).toEqual({ cancel: true });
    expect(report.allowed).toEqual({ cancel: false });
    expect(report.permission).toBe(false);
  });
});
