/**
 * The import wizard in a real Chromium, over the harness: choose or drop a file, preview and
 * mapping, the check with its rejected rows, the import, and a second import of the same file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Harness } from '../../electron/harness/loopback-server';
import { SOURCE_ROOT } from '../../electron/services/paths';
import { collectPageErrors, launchChromium } from '../support/browser';
import { callHarness } from '../support/app';
import { startTestHarness, tempDir } from '../support/harness';
import { PLATFORM_FIXTURES } from '../support/platform-fixtures';

const SCREENSHOTS = join(SOURCE_ROOT, 'test-results', 'screenshots');
const BROKEN_ORDERS = join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv');
const PERSIAN_CAFE = join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'cafe_fa_jalali.csv');

let harness: Harness;
let browser: Browser;
/** The app data folder of the harness (where dropped files are copied). */
const dataDir = tempDir('vl-harness-');

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  harness = await startTestHarness({ dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function openApp(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  // Fail on the step that hangs (with its locator), well before the test's own time limit.
  page.setDefaultTimeout(12_000);
  onTestFailed(async ({ task }) => {
    if (!page.isClosed()) await page.screenshot({ path: join(SCREENSHOTS, `import-failed-${task.name.slice(0, 24).replace(/\W+/g, '-')}.png`) });
  });
  const errors = collectPageErrors(page);
  await page.goto(harness.url);
  await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'demo');
  return { page, errors };
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function transactionsCount(page: Page): Promise<number> {
  return digits(await page.locator('.tab', { hasText: 'Transactions' }).locator('.tab__count').textContent());
}

async function setLanguage(page: Page, locale: 'en' | 'fa' | 'ru'): Promise<void> {
  await page.click('[data-route=settings]');
  await page.selectOption('[data-testid=language]', locale);
  await page.waitForFunction((dir) => document.documentElement.dir === dir, locale === 'fa' ? 'rtl' : 'ltr');
}

describe('the import wizard', () => {
  it('imports a messy export: preview with the detected mapping, check with the rejected rows, import, then offers replace or skip for the same file', async () => {
    const { page, errors } = await openApp();
    await page.click('[data-route=data]');
    await page.locator('[data-testid=data-import]').waitFor();
    const before = await transactionsCount(page);
    expect(before).toBeGreaterThan(0);

    await page.click('[data-testid=data-import]');
    await page.locator('[data-testid=drop-zone]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-choose.png') });

    harness.dialogAnswers.push(BROKEN_ORDERS);
    await page.click('[data-testid=choose-file]');
    await page.locator('[data-testid=map-0]').waitFor({ timeout: 20_000 });
    const mapped = await Promise.all([0, 1, 2, 3].map((column) => page.locator(`[data-testid=map-${column}]`).inputValue()));
    expect(mapped).toEqual(['customerId', 'date', 'amount', 'cost']);
    expect(await page.locator('[data-testid=file-name]').textContent()).toBe('broken_orders.csv');
    expect(await page.locator('[data-testid=option-kind]').inputValue()).toBe('transactions');
    expect(await page.locator('[data-testid=option-delimiter]').inputValue()).toBe(',');
    expect(await page.locator('[data-testid=option-date-format]').inputValue()).toBe('ymd');
    expect(await page.locator('[data-testid=remembered-mapping]').count()).toBe(0);
    expect(await page.locator('[data-testid=previous-import]').count()).toBe(0);
    await page.locator('[data-testid=preview-grid] [role=row][row-index="0"] [col-id="c0"]').waitFor();
    expect(await page.locator('[data-testid=preview-grid] [role=row][row-index="0"] [col-id="c0"]').textContent()).toBe('C2');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png') });

    await page.click('[data-testid=step-next]');
    await page.locator('[data-figure=accepted]').waitFor({ timeout: 20_000 });
    // Line 12 has no customer id (kept under the unknown customer), line 73 repeats line 72 with no
    // order id to tell them apart (kept, as a possible duplicate): 295 rows, 6 rejected, none dropped.
    expect(await page.locator('[data-figure=accepted]').textContent()).toBe('295');
    expect(await page.locator('[data-figure=rejected]').textContent()).toBe('6');
    expect(await page.locator('[data-figure=duplicates]').textContent()).toBe('0');
    expect(await page.locator('[data-testid=check-facts] [data-fact]').evaluateAll((items) => items.map((item) => item.getAttribute('data-fact')))).toEqual(['unknown', 'possible']);
    expect(await page.locator('[data-testid=import-warnings]').count()).toBe(0);
    expect(await page.locator('[data-figure=skipped]').textContent()).toBe('0');
    expect(await page.locator('[data-figure=total]').textContent()).toMatch(/^[\d,]+\.\d\d/);
    const lineCell = (row: number) => page.locator(`[data-testid=rejected-grid] [role=row][row-index="${row}"] [col-id="line"]`);
    await lineCell(0).waitFor();
    const lines = await Promise.all([0, 1, 2, 3, 4, 5].map(async (row) => digits(await lineCell(row).textContent())));
    expect(lines).toEqual([22, 32, 42, 52, 62, 302]);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-check.png') });

    await page.click('[data-testid=issues-tab-duplicates]');
    await page.locator('[data-testid=duplicates-grid] [role=row][row-index="0"] [col-id="of"]').waitFor();
    expect(await page.locator('[data-testid=duplicates-grid] [role=row][row-index="0"] [col-id="line"]').textContent()).toBe('73');
    expect(await page.locator('[data-testid=duplicates-grid] [role=row][row-index="0"] [col-id="of"]').textContent()).toBe('72');

    await page.click('[data-testid=step-import]');
    await page.locator('[data-testid=import-result][data-committed=true]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=import-result] [data-figure=accepted]').textContent()).toBe('295');
    // The analysis follows the import without a click, and the ladder is one click away.
    await page.locator('[data-testid=import-analysed]').waitFor({ timeout: 30_000 });
    const analysed = await callHarness<{ stale: boolean; summary: { customers: number } } | null>(harness, 'analysis.latest', {});
    expect(analysed?.stale).toBe(false);
    expect(await page.locator('[data-testid=import-analysed]').textContent()).toContain(new Intl.NumberFormat('en-GB').format(analysed?.summary.customers ?? -1));
    await page.locator('[data-testid=open-ladder]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-done.png') });

    await page.click('[data-testid=open-data]');
    await expect.poll(() => transactionsCount(page)).toBe(before + 295);

    // The import log on the Data screen: one entry, its issues, and its CSV.
    await page.click('[data-testid=data-import-log]');
    await page.locator('[data-testid=import-log] [role=row][row-index="0"] [col-id="fileName"]').waitFor();
    expect(await page.locator('[data-testid=import-log] [role=row][row-index="0"] [col-id="fileName"]').textContent()).toBe('broken_orders.csv');
    expect(await page.locator('[data-testid=import-log] [role=row][row-index="0"] [col-id="rejected"]').textContent()).toBe('6');
    await page.click('[data-testid=import-log] [data-testid^=log-issues-]');
    await page.locator('[data-testid=log-issues] [role=row][row-index="6"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-log.png') });
    const csv = join(tempDir(), 'import-log.csv');
    harness.dialogAnswers.push(csv);
    await page.click('[data-testid=import-log] [data-testid^=log-export-]');
    await page.locator('[data-testid=log-saved]').waitFor();
    expect(existsSync(csv)).toBe(true);
    const exported = readFileSync(csv, 'utf8');
    expect(exported).toContain('broken_orders.csv');
    expect(exported).toContain('a quote is never closed');

    // Before sharing the workspace: the values of the rejected cells go, their lines and reasons stay.
    const valuesOf = async () => (await callHarness<{ value: string | null; kind: string }[]>(harness, 'import.issues', { importId: Number((await page.locator('[data-testid=import-log] [data-testid^=log-issues-]').first().getAttribute('data-testid'))?.replace('log-issues-', '')) })).filter((issue) => issue.kind === 'rejected');
    expect((await valuesOf()).some((issue) => issue.value !== null)).toBe(true);
    await page.click('[data-testid=forget-values]');
    await expect.poll(() => page.locator('[data-testid=forgot-values]').textContent()).toMatch(/^Cleared: \d+ values/);
    const rejected = await valuesOf();
    expect(rejected).toHaveLength(6);
    expect(rejected.every((issue) => issue.value === null)).toBe(true);

    // The same file again: detected by its content, with the mapping remembered.
    await page.click('[data-route=import]');
    await page.click('[data-testid=import-another]');
    harness.dialogAnswers.push(BROKEN_ORDERS);
    await page.click('[data-testid=choose-file]');
    await page.locator('[data-testid=previous-import]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=previous-replace]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=previous-skip]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=remembered-mapping]').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-previous.png') });

    // Import stays blocked until Replace is chosen; Skip leaves everything as it was.
    await page.click('[data-testid=step-next]');
    await page.locator('[data-figure=accepted]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=step-import]').isDisabled()).toBe(true);
    await page.click('[data-testid=previous-skip]');
    await page.locator('[data-testid=import-notice]').waitFor();
    await page.locator('[data-testid=drop-zone]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('imports a file dropped on the window (Ctrl+I opens the wizard)', async () => {
    const { page, errors } = await openApp();
    await page.keyboard.press('Control+i');
    await page.locator('[data-testid=drop-zone]').waitFor();
    await page.evaluate(() => {
      const csv = 'client,order_date,amount\r\nK-1,2024-01-05,10.50\r\nK-2,2024-01-06,20.00\r\nK-1,2024-02-01,7.25\r\n';
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], 'dropped orders.csv', { type: 'text/csv' }));
      const target = document.querySelector('[data-testid=drop-zone]');
      if (!target) throw new Error('no drop zone');
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.locator('[data-testid=map-0]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=file-name]').textContent()).toBe('dropped orders.csv');
    expect(await page.locator('[data-testid=preview-grid] [role=row][row-index="2"] [col-id="c2"]').textContent()).toBe('7.25');
    expect(await page.locator('[data-testid=map-2]').inputValue()).toBe('amount');

    // Changing the mapping by hand: the column is no longer imported, and a required field is missing.
    await page.selectOption('[data-testid=map-2]', '');
    await page.locator('[data-testid=missing-fields]').waitFor();
    expect(await page.locator('[data-testid=step-next]').isDisabled()).toBe(true);
    await page.selectOption('[data-testid=map-2]', 'amount');
    await page.locator('[data-testid=missing-fields]').waitFor({ state: 'detached' });
    await page.click('[data-testid=step-next]');
    await page.locator('[data-figure=accepted]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-figure=accepted]').textContent()).toBe('3');
    expect(await page.locator('[data-figure=rejected]').textContent()).toBe('0');

    // The copy of the dropped file lives as long as the wizard holds it: going back to the start lets it go.
    const staged = () => (existsSync(join(dataDir, 'staged')) ? readdirSync(join(dataDir, 'staged')) : []);
    expect(staged()).toHaveLength(1);
    await page.click('[data-testid=step-back]');
    await page.click('[data-testid=step-back]');
    await page.locator('[data-testid=drop-zone]').waitFor();
    await expect.poll(staged).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads right to left in Persian, with a Persian export in the preview', async () => {
    const { page, errors } = await openApp();
    try {
      await setLanguage(page, 'fa');
      await page.click('[data-route=import]');
      await page.locator('[data-testid=drop-zone]').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'import-choose-fa.png') });
      expect(await page.locator('[data-testid=choose-file]').textContent()).toBe('انتخاب فایل…');

      harness.dialogAnswers.push(PERSIAN_CAFE);
      await page.click('[data-testid=choose-file]');
      await page.locator('[data-testid=map-0]').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid=option-date-format]').inputValue()).toBe('jalali');
      await page.screenshot({ path: join(SCREENSHOTS, 'import-preview-fa.png') });
      await page.click('[data-testid=step-next]');
      await page.locator('[data-figure=accepted]').waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'import-check-fa.png') });
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why rows were rejected in the reader\'s language: Russian, then Persian with its digits', async () => {
    const { page, errors } = await openApp();
    const reason = (row: number) => page.locator(`[data-testid=rejected-grid] [role=row][row-index="${row}"] [col-id="reason"]`).textContent();
    try {
      for (const [locale, expected] of [
        ['ru', ['недопустимая дата (ожидается ГГГГ-ММ-ДД)', '«amount» — не число', 'ожидалось полей: 4, найдено: 3', 'ожидалось полей: 4, найдено: 5']],
        ['fa', ['تاریخ نامعتبر؛ قالب مورد انتظار: سال-ماه-روز (YYYY-MM-DD)', 'amount عدد نیست', '۴ ستون انتظار می‌رفت، ۳ ستون یافت شد', '۴ ستون انتظار می‌رفت، ۵ ستون یافت شد']],
      ] as const) {
        await setLanguage(page, locale);
        await page.click('[data-route=import]');
        await page.locator('[data-testid=drop-zone]').waitFor();
        harness.dialogAnswers.push(BROKEN_ORDERS);
        await page.click('[data-testid=choose-file]');
        await page.locator('[data-testid=map-0]').waitFor({ timeout: 20_000 });
        await page.click('[data-testid=step-next]');
        await page.locator('[data-testid=rejected-grid] [role=row][row-index="3"] [col-id="reason"]').waitFor({ timeout: 20_000 });
        expect(await Promise.all([0, 1, 2, 3].map(reason))).toEqual(expected);
        await page.screenshot({ path: join(SCREENSHOTS, `import-check-reasons-${locale}.png`) });
        // Back to the preview, then to choosing a file.
        await page.click('[data-testid=step-back]');
        await page.locator('[data-testid=map-0]').waitFor();
        await page.click('[data-testid=step-back]');
        await page.locator('[data-testid=drop-zone]').waitFor();
      }
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recognises a platform export, says what needs a yes before the Import button, and imports once it is given', async () => {
    const { page, errors } = await openApp();
    const stripe = PLATFORM_FIXTURES.find((fixture) => fixture.profile === 'stripe-payments')?.write(tempDir());
    if (!stripe) throw new Error('no Stripe fixture');
    await page.click('[data-route=import]');
    await page.locator('[data-testid=drop-zone]').waitFor();
    harness.dialogAnswers.push(stripe);
    await page.click('[data-testid=choose-file]');
    await page.locator('[data-testid=option-profile][data-profile=stripe-payments]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=option-profile] option[value=auto]').textContent()).toBe('Stripe payments');
    await page.click('[data-testid=step-next]');
    await page.locator('[data-testid=import-warnings]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=import-warnings] [data-warning]').evaluateAll((items) => items.map((item) => item.getAttribute('data-warning')).sort())).toEqual([
      'mixed_currency',
      'unknown_customers',
    ]);
    expect(await page.locator('[data-testid=check-facts] [data-fact=profile]').textContent()).toContain('Stripe payments');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-warnings.png') });
    expect(await page.locator('[data-testid=step-import]').isDisabled()).toBe(true);
    await page.check('[data-testid=accept-warnings]');
    expect(await page.locator('[data-testid=step-import]').isEnabled()).toBe(true);
    await page.click('[data-testid=step-import]');
    await page.locator('[data-testid=import-result][data-committed=true]').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts with the person\'s own data from Home, in a workspace beside the demo, and takes a file dropped on any screen', async () => {
    const { page, errors } = await openApp();
    const demo = await callHarness<{ path: string }>(harness, 'workspace.current', {});
    const own = join(tempDir(), 'own.vlw');
    try {
      await page.click('[data-route=home]');
      harness.dialogAnswers.push(own);
      await page.click('[data-testid=import-own-data]');
      await page.waitForFunction(() => document.querySelector('[data-testid=current-workspace] strong')?.textContent === 'own');
      await page.locator('[data-testid=drop-zone]').waitFor();
      // From another screen: a dropped export opens the wizard with it.
      await page.click('[data-route=ladder]');
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['customer,date,amount\r\nA,2024-01-05,10\r\nB,2024-02-05,20\r\n'], 'till.csv', { type: 'text/csv' }));
        for (const type of ['dragenter', 'dragover', 'drop']) document.querySelector('main')?.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await page.locator('[data-testid=map-0]').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid=file-name]').textContent()).toBe('till.csv');
      expect(errors).toEqual([]);
    } finally {
      await callHarness(harness, 'workspace.open', { path: demo.path });
      await page.close();
    }
  });

  it('says what a file that is not a table is, in the person\'s language, instead of a preview', async () => {
    const { page, errors } = await openApp();
    const dir = tempDir();
    const png = join(dir, 'orders.csv');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'customer,date,amount\n');
    await page.click('[data-route=import]');
    await page.locator('[data-testid=drop-zone]').waitFor();
    harness.dialogAnswers.push(png);
    await page.click('[data-testid=choose-file]');
    const alert = page.locator('.error-banner[data-error-key=fileNotTable]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.locator('strong').textContent()).toBe('orders.csv is a PNG file, not a table of data.');
    expect(await page.locator('[data-testid=map-0]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-not-a-table.png') });

    await setLanguage(page, 'ru');
    try {
      await page.click('[data-route=import]');
      await page.locator('[data-testid=drop-zone]').waitFor();
      harness.dialogAnswers.push(empty);
      await page.click('[data-testid=choose-file]');
      const header = page.locator('.error-banner[data-error-key=fileHeaderOnly]');
      await header.waitFor({ timeout: 20_000 });
      expect(await header.locator('strong').textContent()).toBe('В файле empty.csv есть только строка заголовков, строк с данными нет.');
      expect(await page.locator('[data-testid=map-0]').count()).toBe(0);
    } finally {
      await setLanguage(page, 'en');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
