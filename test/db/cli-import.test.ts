/**
 * `value-ladder import` as a person uses it on real exports: the profile it recognised and the
 * warnings said before anything is committed, --dry-run, --accept-warnings, --profile, --map,
 * --mapping and --date-format.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { PLATFORM_FIXTURES } from '../support/platform-fixtures';
import { tempDir } from '../support/harness';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = tempDir('vl-cli-import-');
const fixture = (profile: string) => {
  const found = PLATFORM_FIXTURES.find((candidate) => candidate.profile === profile);
  if (!found) throw new Error(`no fixture ${profile}`);
  return found.write(dir);
};

describe('value-ladder import on real exports', () => {
  it('says the profile and the warnings, commits nothing until --accept-warnings, and --dry-run reports without importing', async () => {
    const file = fixture('stripe-payments');
    const workspace = join(dir, 'stripe.vlw');
    const held = await run(['import', workspace, file, '--json']);
    expect(held.code).toBe(1);
    const report = JSON.parse(held.out) as { committed: boolean; profile: { name: string } | null; warnings: { code: string; message: string }[]; notCommittedReason: string };
    expect(report.committed).toBe(false);
    expect(report.profile?.name).toBe('stripe-payments');
    expect(report.warnings.map((warning) => warning.code).sort()).toEqual(['mixed_currency', 'unknown_customers']);
    expect(report.warnings.every((warning) => warning.message.length > 20)).toBe(true);
    expect(held.err).toMatch(/^value-ladder: Nothing was imported: the check found 2 things to look at first\./);

    const text = await run(['import', workspace, file, '--dry-run']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^checked \(nothing imported\): \d+ transactions rows from unified_payments\.csv/);
    expect(text.out).toContain('recognised: Stripe payments (--profile stripe-payments)');
    expect(text.out).toMatch(/warning: the amounts are in more than one currency \(\w{3}, \w{3}\)/);
    expect(JSON.parse((await run(['info', workspace, '--json'])).out)).toMatchObject({ transactions: 0 });

    const done = await run(['import', workspace, file, '--accept-warnings', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ committed: true, profile: { name: 'stripe-payments' } });
  }, 120_000);

  it('reads a platform export column by column with --profile none, and refuses a profile it does not have', async () => {
    const file = fixture('shopify-orders');
    const plain = await run(['import', join(dir, 'plain.vlw'), file, '--profile', 'none', '--dry-run', '--json']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.out)).toMatchObject({ profile: null });
    const unknown = await run(['import', join(dir, 'plain.vlw'), file, '--profile', 'shopify-everything']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('There is no import profile named "shopify-everything".');
  }, 120_000);

  it('takes the columns from --map and --mapping when the headers say nothing, and the date order from --date-format', async () => {
    const file = join(dir, 'odd.csv');
    writeFileSync(file, ['who,when,how much', ...Array.from({ length: 40 }, (_, i) => `P${i % 6},${String((i % 12) + 1).padStart(2, '0')}/${String((i % 9) + 1).padStart(2, '0')}/2024,${(20 + i).toFixed(2)}`)].join('\n'));
    const refused = await run(['import', join(dir, 'odd.vlw'), file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('no column is chosen for customerId');
    const mapped = ['--map', 'customerId=who', '--map', 'date=when', '--map', 'amount=how much'];
    // Every date reads both ways: refused until the order is said.
    const ambiguous = await run(['import', join(dir, 'odd.vlw'), file, ...mapped]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('every date could be read day first or month first (such as 01/01/2024)');
    const done = await run(['import', join(dir, 'odd.vlw'), file, ...mapped, '--date-format', 'dmy', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ committed: true, accepted: 40, detected: { dateFormat: 'dmy', mapping: { customerId: 'who', date: 'when', amount: 'how much' } } });
    // The same from a saved mapping file (columns by header, or by 0-based index as the wizard keeps them).
    const saved = join(dir, 'mapping.json');
    writeFileSync(saved, JSON.stringify({ kind: 'transactions', mapping: { customerId: 'who', date: 'when', amount: 2 }, dateFormat: 'mdy' }));
    const fromFile = await run(['import', join(dir, 'odd2.vlw'), file, '--mapping', saved, '--json']);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.out)).toMatchObject({ committed: true, detected: { dateFormat: 'mdy' } });
    // Asked wrongly: a field that does not exist, a column the file does not have.
    expect(await run(['import', join(dir, 'odd3.vlw'), file, '--map', 'shoeSize=who'])).toMatchObject({ code: 2 });
    const noColumn = await run(['import', join(dir, 'odd3.vlw'), file, '--map', 'customerId=nobody']);
    expect(noColumn.code).toBe(2);
    expect(noColumn.err).toContain('the file has no column "nobody"');
  }, 120_000);
});
