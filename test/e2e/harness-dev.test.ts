/**
 * The developer harness in dev mode (Vite serving the sources, hot reload): the same token gate as a
 * build — no source file, no /@fs/ path under the repository without it — and the app's content
 * security policy, with only a nonce for Vite's inline preamble and its hot-reload WebSocket; the app
 * runs under it without a violation.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { collectPageErrors, launchChromium } from '../support/browser';
import { tempDir } from '../support/harness';

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startHarness({ renderer: 'dev', dataDir: tempDir('vl-harness-dev-') });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('the harness in dev mode', () => {
  const call = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${harness.port}${path}`, init);

  it('serves no file of the repository without the token', async () => {
    const inside = `/@fs${join(SOURCE_ROOT, 'package.json')}`;
    expect((await call(inside)).status).toBe(401);
    expect((await call('/renderer/src/main.tsx')).status).toBe(401);
    const opened = await call(`/?token=${harness.token}`);
    expect(opened.status).toBe(200);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await call(inside, { headers: { cookie } })).status).not.toBe(401);
  });

  it('runs the app under the app\'s policy, with a nonce for the preamble and the hot-reload socket', async () => {
    const opened = await call(`/?token=${harness.token}`);
    const policy = opened.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${harness.port}`);
    expect(policy).toContain("default-src 'none'");
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(harness.url);
    await page.locator('[data-route=home]').waitFor({ timeout: 45_000 });
    expect(errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
    await page.close();
  }, 60_000);
});
