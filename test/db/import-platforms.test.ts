/**
 * Every platform export of the import profiles, generated the way the platform writes it
 * (test/support/platform-fixtures.ts), imported with no options through the contract: the profile
 * must be recognised, nothing rejected, and the workspace must hold what the fixture's own model
 * says (customers, transactions, revenue net of tax, shipping and refunds, dates), with the rows
 * skipped for their status, the unknown customer, the refunds and the warnings as expected.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../shared/ipc/client';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { tempDir } from '../support/harness';
import { isRefused, PLATFORM_FIXTURES, type PlatformFixture } from '../support/platform-fixtures';

let backend: Backend;
let api: Api;
let dir: string;

beforeAll(() => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  dir = tempDir('vl-platforms-');
});
afterAll(() => backend.dispose());

async function freshWorkspace() {
  return api['workspace.create']({ path: join(tempDir(), 'w.vlw') });
}

function importFixture(path: string, acceptWarnings: boolean) {
  return api['import.run']({ path, options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings });
}

describe('importing every platform export with no options', () => {
  it('has one fixture per profile', () => {
    expect(PLATFORM_FIXTURES.map((fixture) => fixture.profile)).toHaveLength(21);
    expect(new Set(PLATFORM_FIXTURES.map((fixture) => fixture.profile)).size).toBe(21);
  });

  it.each(PLATFORM_FIXTURES.map((fixture) => [fixture.profile, fixture] as const))('%s', async (_name, fixture: PlatformFixture) => {
    const path = fixture.write(dir);
    const expected = fixture.expected;
    await freshWorkspace();
    if (isRefused(expected)) {
      await expect(importFixture(path, true)).rejects.toMatchObject({ key: expected.refusedWith });
      return;
    }
    const result = await importFixture(path, true);
    expect.soft(result.detected.profile?.name).toBe(fixture.profile);
    expect.soft(result.kind).toBe(expected.kind);
    expect.soft(result.committed).toBe(true);
    expect.soft(result.rejectedCount).toBe(0);
    expect.soft(result.rejected.slice(0, 3)).toEqual([]);
    const workspace = await api['workspace.current']({});
    expect.soft(workspace?.customers).toBe(expected.customers);
    expect.soft(workspace?.transactions).toBe(expected.transactions);
    expect.soft(workspace?.revenue).toBeCloseTo(expected.revenue, 2);
    expect.soft(workspace?.firstDate).toBe(expected.firstDate);
    expect.soft(workspace?.lastDate).toBe(expected.lastDate);
    expect.soft(result.skipped.filter((issue) => issue.code === 'status_skipped')).toHaveLength(expected.skippedByStatus);
    expect.soft(result.unknownCustomer.rows).toBe(expected.unknownCustomerRows);
    expect.soft(result.refunds.count).toBe(expected.refunds);
    expect.soft([...new Set(result.warnings.map((warning) => warning.code))].sort()).toEqual(expected.warnings);

    if (expected.warnings.length > 0) {
      // Without acceptWarnings nothing is written.
      await freshWorkspace();
      const waiting = await importFixture(path, false);
      expect.soft(waiting.committed).toBe(false);
      expect.soft(waiting.notCommitted?.key).toBe('importWarnings');
      expect.soft((await api['workspace.current']({}))?.transactions).toBe(0);
    }
  });
});
