/**
 * The values of rejected rows stay in the import log only as long as the person wants them: a
 * setting not to keep them at all, and a way to clear them that leaves no copy in the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { createApi, type Api } from '../../shared/ipc/client';
import { tempDir } from '../support/harness';

const SECRET = 'Marguerite-Delacroix-0472';

let backend: Backend | null = null;
afterEach(async () => {
  await backend?.dispose();
  backend = null;
});

async function importWithSecret(): Promise<{ api: Api; workspace: string; importId: number }> {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  const api = createApi(directTransport(backend));
  const dir = tempDir();
  const rows = Array.from({ length: 30 }, (_, i) => `C${i},2024-02-${String((i % 27) + 1).padStart(2, '0')},${12 + i}.25`);
  // The secret sits in a cell that is rejected (an amount that is not a number).
  rows.splice(10, 0, `C99,2024-02-03,${SECRET}`);
  writeFileSync(join(dir, 'orders.csv'), ['customer,date,amount', ...rows].join('\n'));
  const workspace = join(dir, 'w.vlw');
  await api['workspace.create']({ path: workspace });
  return { api, workspace, importId: 0 };
}

async function runImport(api: Api, dir: string): Promise<number> {
  const result = await api['import.run']({ path: join(dir, 'orders.csv'), options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
  expect(result.committed).toBe(true);
  return result.importId as number;
}

const fileHolds = (workspace: string, text: string) => readFileSync(workspace).includes(text) || readFileSync(`${workspace}-wal`, { flag: 'a+' }).includes(text);

describe('values of rejected rows', () => {
  it('are kept by default, then cleared on request with no copy left in the file', async () => {
    const { api, workspace } = await importWithSecret();
    const importId = await runImport(api, join(workspace, '..'));
    const issues = await api['import.issues']({ importId });
    expect(issues.find((issue) => issue.line === 12)?.value).toBe(SECRET);
    expect(await api['import.forgetValues']({ importId: null })).toEqual({ issues: 1 });
    const after = await api['import.issues']({ importId });
    expect(after.find((issue) => issue.line === 12)).toMatchObject({ value: null, column: 'amount' });
    await api['workspace.close']({});
    expect(fileHolds(workspace, SECRET)).toBe(false);
  });

  it('are not kept at all when the setting says so', async () => {
    const { api, workspace } = await importWithSecret();
    await api['app.updateSettings']({ keepRejectedValues: false });
    const importId = await runImport(api, join(workspace, '..'));
    const issue = (await api['import.issues']({ importId })).find((candidate) => candidate.line === 12);
    expect(issue).toMatchObject({ value: null, column: 'amount', kind: 'rejected' });
    await api['workspace.close']({});
    expect(fileHolds(workspace, SECRET)).toBe(false);
  });
});
