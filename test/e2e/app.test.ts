/**
 * The renderer in a real Chromium, through the harness' loopback transport, over the same
 * contract and services as the desktop app.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { inspectWorkspaceFile } from '../../electron/db/connection';
import { isProtectedFile, keyForFile, newKey, rekey } from '../../electron/db/encryption';
import { openSqlite } from '../../electron/db/sqlite';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { CONTENT_SECURITY_POLICY } from '../../electron/services/host/content-security-policy';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { setLanguage } from '../support/app';
import { collectPageErrors, launchChromium } from '../support/browser';
import { startTestHarness, tempDir } from '../support/harness';
import { lockFolder } from '../support/read-only';
import { AG_GRID_LOCALE_IR } from '@ag-grid-community/locale';

const SCREENSHOTS = join(SOURCE_ROOT, 'test-results', 'screenshots');

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  harness = await startTestHarness();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** The tests after one that opened a workspace of its own read the demo and count the recent workspaces. */
function backToDemo(demo: string, opened: string): void {
  harness.backend.workspaces.open(demo);
  harness.backend.workspaces.forget(opened);
}

async function openApp(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  const errors = collectPageErrors(page);
  await page.goto(harness.url);
  return { page, errors };
}

describe('the app in Chromium', () => {
  it('opens the demo workspace on first start and lists it on the home screen, with no console errors', async () => {
    const { page, errors } = await openApp();
    const card = page.locator('[data-testid=recent-workspace]');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.first().getAttribute('data-path')).toMatch(/samples[/\\]demo\.vlw$/);
    expect(await page.locator('[data-testid=current-workspace] strong').textContent()).toBe('demo');
    expect(await card.first().locator('[data-figure=customers]').textContent()).toBe('3,000');
    await page.screenshot({ path: join(SCREENSHOTS, 'home.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares an anonymised copy from the Data screen: same customers, no name in the file, dates moved when asked', async () => {
    const { page, errors } = await openApp();
    await page.click('[data-route=data]');
    await page.locator('[role=row][row-index="0"] [col-id="amount"]').waitFor();
    const copy = join(tempDir(), 'shared.vlw');
    harness.dialogAnswers.push(copy);
    await page.click('[data-testid=share-anonymised]');
    await page.check('[data-testid=anonymise-shift-dates]');
    await page.click('[data-testid=anonymise-save]');
    const notice = page.locator('[data-testid=anonymised]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/^Anonymised copy with 3,000 customers written to .*shared\.vlw\. Dates moved by -?[\d,]+ days\.$/);
    const bytes = readFileSync(copy);
    expect(bytes.includes('Morning Tulip Bakery')).toBe(false);
    expect(bytes.includes('C-00001')).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'share-anonymised.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a protected workspace with its password, changes the password and removes it from the Data screen', async () => {
    const file = join(tempDir(), 'client.vlw');
    const demo = harness.backend.workspaces.requirePath();
    copyFileSync(demo, file);
    const db = openSqlite(file, { fileMustExist: true });
    rekey(db, newKey('first password'));
    db.close();
    const { page, errors } = await openApp();
    await page.locator('[data-testid=recent-workspace]').first().waitFor();
    harness.dialogAnswers.push(file);
    await page.click('[data-testid=open-workspace]');
    const dialog = page.locator('[data-testid=unlock-dialog]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('client.vlw is protected with a password.');
    await page.fill('[data-testid=unlock-password]', 'not the password');
    await page.click('[data-testid=unlock-open]');
    await dialog.locator('[role=alert]').waitFor({ timeout: 15_000 });
    expect(await dialog.locator('[role=alert]').textContent()).toBe('That password does not open this workspace. Check capital letters and the keyboard layout.');
    await page.screenshot({ path: join(SCREENSHOTS, 'unlock-wrong.png') });
    await page.fill('[data-testid=unlock-password]', 'first password');
    await page.click('[data-testid=unlock-open]');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'client');
    await page.locator('[data-testid=recent-workspace][data-path$="client.vlw"] [data-testid=protected-badge]').waitFor();

    await page.click('[data-route=data]');
    await page.locator('[role=row][row-index="0"] [col-id="amount"]').waitFor();
    expect(await page.locator('[data-testid=workspace-password]').textContent()).toBe('Password…');
    await page.click('[data-testid=workspace-password]');
    await page.fill('[data-testid=password-new]', 'short');
    await page.fill('[data-testid=password-again]', 'short');
    await page.click('[data-testid=password-set]');
    expect(await page.locator('.workspace-password [role=alert]').textContent()).toBe('A password needs at least 8 characters.');
    await page.fill('[data-testid=password-new]', 'second password');
    await page.fill('[data-testid=password-again]', 'second password');
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-password.png') });
    await page.click('[data-testid=password-set]');
    // Re-encrypted under the new password (the worker may still hold the file for a moment).
    const opensWith = (password: string) => {
      try {
        return inspectWorkspaceFile(file, { keys: new Map([[file, keyForFile(file, password)]]) }).schemaVersion > 0;
      } catch {
        return false;
      }
    };
    await expect.poll(() => opensWith('second password'), { timeout: 30_000, interval: 500 }).toBe(true);
    expect(opensWith('first password')).toBe(false);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    await page.waitForFunction(() => !document.querySelector('.job-bar'));

    await page.click('[data-testid=workspace-password]');
    await page.click('[data-testid=password-remove]');
    await page.waitForFunction(() => document.querySelector('[data-testid=workspace-password]')?.textContent === 'Protect with a password…');
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(readFileSync(file).includes('Morning Tulip Bakery')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
    backToDemo(demo, file);
  }, 90_000);

  it('creates a workspace protected with a password from the start', async () => {
    const file = join(tempDir(), 'new-client.vlw');
    const demo = harness.backend.workspaces.requirePath();
    const { page, errors } = await openApp();
    await page.locator('[data-testid=recent-workspace]').first().waitFor();
    await page.click('[data-testid=new-workspace]');
    await page.check('[data-testid=new-workspace-protect]');
    await page.fill('[data-testid=password-new]', 'a new client');
    await page.fill('[data-testid=password-again]', 'a new cliend');
    await page.click('[data-testid=new-workspace-create]');
    expect(await page.locator('.workspace-password [role=alert]').textContent()).toBe('The two passwords differ.');
    await page.fill('[data-testid=password-again]', 'a new client');
    await page.screenshot({ path: join(SCREENSHOTS, 'new-workspace-password.png') });
    harness.dialogAnswers.push(file);
    await page.click('[data-testid=new-workspace-create]');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'new-client', undefined, { timeout: 15_000 });
    expect(isProtectedFile(file)).toBe(true);
    expect(inspectWorkspaceFile(file, { keys: new Map([[file, keyForFile(file, 'a new client')]]) }).schemaVersion).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
    backToDemo(demo, file);
  }, 60_000);

  it('opens a workspace in a read-only folder for viewing, says so, and still analyses it', async () => {
    const demo = harness.backend.workspaces.requirePath();
    const folder = tempDir();
    const file = join(folder, 'on-a-cd.vlw');
    copyFileSync(demo, file);
    const unlock = lockFolder(folder);
    try {
      const { page, errors } = await openApp();
      await page.locator('[data-testid=recent-workspace]').first().waitFor();
      harness.dialogAnswers.push(file);
      await page.click('[data-testid=open-workspace]');
      const banner = page.locator('[data-testid=view-only]');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toBe(`Open for viewing only: ${file} is in a folder Value Ladder cannot write to. Analyses work on a copy that goes when the workspace closes; importing and changing the password need a copy in a folder you can write to.`);
      // The analysis is written into the copy: the ladder shows, and the original stays as it was.
      await page.click('[data-route=ladder]');
      await page.locator('[data-testid=ladder-tiers], [data-testid=analyse-empty]').first().waitFor({ timeout: 30_000 });
      if ((await page.locator('[data-testid=analyse-empty]').count()) > 0) await page.click('[data-testid=analyse-empty]');
      await page.locator('[data-testid=ladder-tiers]').waitFor({ timeout: 60_000 });
      expect(readdirSync(folder)).toEqual(['on-a-cd.vlw']);
      await page.screenshot({ path: join(SCREENSHOTS, 'view-only.png') });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      backToDemo(demo, file);
      unlock();
    }
  }, 60_000);

  it('shows the transactions of the workspace in the data grid, sorted on request', async () => {
    const { page, errors } = await openApp();
    await page.click('[data-route=data]');
    const firstAmount = page.locator('[role=row][row-index="0"] [col-id="amount"]');
    await firstAmount.waitFor();
    await page.click('.ag-header-cell[col-id="amount"] .ag-header-cell-label');
    await page.click('.ag-header-cell[col-id="amount"] .ag-header-cell-label');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[role=row][row-index] [col-id="amount"]')].map((cell) => Number((cell.textContent ?? '').replace(/[^\d.-]/g, '')));
      return cells.length > 5 && cells.every((value, index) => index === 0 || value <= (cells[index - 1] ?? Infinity)) && (cells[0] ?? 0) > 1000;
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'data.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to Persian, right to left', async () => {
    const { page, errors } = await openApp();
    await page.click('[data-route=settings]');
    await page.selectOption('[data-testid=language]', 'fa');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'fa');
    await page.click('[data-route=home]');
    await page.locator('[data-testid=recent-workspace]').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'home-fa.png') });
    // The data grid is mirrored, and AG Grid's own texts (here its paging panel's, in the page though hidden) are Persian.
    await page.click('[data-route=data]');
    await page.locator('[data-testid=data-grid] .ag-rtl [role=row][row-index="0"]').first().waitFor();
    expect(await page.locator('[data-testid=data-grid]').innerHTML()).toContain(AG_GRID_LOCALE_IR.firstPage as string);
    await page.screenshot({ path: join(SCREENSHOTS, 'data-fa.png') });
    await page.click('[data-route=settings]');
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a workspace through the (scripted) file dialog and opens the CDNOW sample with a progress bar', async () => {
    const { page, errors } = await openApp();
    const path = join(tempDir(), 'client.vlw');
    harness.dialogAnswers.push(path);
    await page.click('text=New workspace…');
    await page.click('[data-testid=new-workspace-create]');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'client');
    await page.click('[data-testid=sample-cdnow] button');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'cdnow', undefined, { timeout: 30_000 });
    const cards = page.locator('[data-testid=recent-workspace]');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await page.locator('[data-testid=recent-workspace][data-path$="cdnow.vlw"] [data-figure=customers]').textContent()).toBe('23,570');
    // CDNOW holds no cost to serve: the ladder says why nobody is below zero, and how to change that.
    await page.click('[data-route=ladder]');
    await page.locator('[data-testid=ladder-tiers], [data-testid=analyse-empty]').first().waitFor({ timeout: 30_000 });
    if ((await page.locator('[data-testid=analyse-empty]').count()) > 0) await page.click('[data-testid=analyse-empty]');
    await page.locator('[data-testid=ladder-tiers]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=ladder-tiers] [data-tier=belowZero] [data-figure=customers]').textContent()).toBe('0');
    await page.locator('[data-testid=no-cost-to-serve]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows an error in words, not a stack trace, when a workspace cannot be opened', async () => {
    const { page } = await openApp();
    harness.dialogAnswers.push(join(tempDir(), 'missing.vlw'));
    await page.click('text=Open workspace…');
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('There is no workspace at');
    expect(text).toContain('Check the path, or create a new workspace.');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    await page.close();
  });

  it('says the error in the person\'s language, its parameters in their formats (Persian)', async () => {
    const { page } = await openApp();
    await setLanguage(page, 'fa');
    try {
      const missing = join(tempDir(), 'missing.vlw');
      harness.dialogAnswers.push(missing);
      await page.click('[data-route=home]');
      await page.click('[data-testid=open-workspace]');
      const alert = page.locator('.error-banner[data-error-key=workspaceMissing]');
      await alert.waitFor();
      const fa = JSON.parse(readFileSync(join(SOURCE_ROOT, 'renderer', 'src', 'i18n', 'locales', 'fa.json'), 'utf8')) as { errors: { messages: { workspaceMissing: { message: string; hint: string } } } };
      expect(await alert.locator('strong').textContent()).toBe(fa.errors.messages.workspaceMissing.message.replace('{{path}}', missing));
      expect(await alert.locator('p').textContent()).toBe(fa.errors.messages.workspaceMissing.hint);
    } finally {
      await setLanguage(page, 'en');
      await page.close();
    }
  });
});

describe('the loopback transport', () => {
  const call = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${harness.port}${path}`, init);

  it('listens on loopback only and refuses calls without the token, from other hosts or other origins', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const body = JSON.stringify({ input: {}, jobId: 'x' });
    expect((await call('/api/call/app.info', { method: 'POST', body })).status).toBe(401);
    expect((await call('/api/call/app.info', { method: 'POST', body, headers: { 'x-value-ladder-token': 'f'.repeat(48) } })).status).toBe(401);
    expect((await call('/api/call/app.info', { method: 'POST', body, headers: { 'x-value-ladder-token': harness.token, origin: 'http://evil.example' } })).status).toBe(403);
    const ok = await call('/api/call/app.info', { method: 'POST', body, headers: { 'x-value-ladder-token': harness.token } });
    expect(await ok.json()).toMatchObject({ ok: true, value: { host: 'harness', name: 'Value Ladder' } });
    expect((await call(`/api/events?token=wrong`)).status).toBe(401);
  });

  it('serves the page and its files only with the token, under the app\'s content security policy', async () => {
    expect((await call('/')).status).toBe(401);
    expect((await call('/index.html?token=wrong')).status).toBe(401);
    const opened = await call(`/?token=${harness.token}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const script = `/${(/src="\.?\/?([^"]+\.js)"/.exec(await opened.text())?.[1] ?? '')}`;
    expect((await call(script)).status).toBe(401);
    expect((await call(script, { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a large request by its declared size before reading it, and a call\'s body beyond a few MB', async () => {
    const headers = { 'x-value-ladder-token': harness.token, 'content-type': 'application/json' };
    // Declares 800 MB and sends a few bytes: refused at once, nothing read.
    const declared = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: harness.port, path: '/api/call/file.stage', method: 'POST', headers: { ...headers, 'content-length': String(800 * 1024 * 1024) } }, (response) => resolve(response.statusCode ?? 0));
      request.on('error', reject);
      request.write('{"input":');
    });
    expect(declared).toBe(413);
    const big = JSON.stringify({ input: { path: 'x'.repeat(5 * 1024 * 1024) }, jobId: 'y' });
    expect((await call('/api/call/workspace.open', { method: 'POST', body: big, headers })).status).toBe(413);
  });

  it('carries a malformed payload to the same validation as every transport', async () => {
    const reply = await call('/api/call/workspace.open', { method: 'POST', body: JSON.stringify({ input: { path: 7 } }), headers: { 'x-value-ladder-token': harness.token } });
    expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('path') } });
  });
});
