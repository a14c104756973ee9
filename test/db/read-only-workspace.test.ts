/**
 * A workspace in a folder the app cannot write to (a read-only disk, a locked share): SQLite cannot
 * open it in place, so it opens for viewing from a private copy — its figures and an analysis work,
 * an import and a password change are refused in words, and the original is never written (no
 * byte changes, nothing appears beside it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import { SOURCE_ROOT, SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { createApi, type Api } from '../../shared/ipc/client';
import { tempDir } from '../support/harness';
import { lockFolder } from '../support/read-only';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let backend: Backend;
let api: Api;
let folder: string;
let workspace: string;
let unlock: () => void;
const dataDir = tempDir();

beforeAll(async () => {
  backend = createBackend({ ports: headlessPorts('cli'), dataDir, ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  api = createApi(directTransport(backend));
  folder = tempDir();
  workspace = join(folder, 'client.vlw');
  await api['workspace.createSample']({ sample: 'demo', path: workspace });
  await api['workspace.close']({});
  unlock = lockFolder(folder);
}, 120_000);

afterAll(async () => {
  unlock?.();
  await backend.dispose();
});

describe('a workspace in a read-only folder', () => {
  it('opens for viewing from a copy: figures, analysis, and the original untouched', async () => {
    const before = sha(workspace);
    const summary = await api['workspace.open']({ path: workspace });
    expect(summary).toMatchObject({ path: workspace, name: 'client', viewOnly: true, customers: 3000, transactions: 28486 });
    expect((await api['workspace.current']({}))?.viewOnly).toBe(true);
    const run = await api['analysis.run']({});
    expect(run.summary.customers).toBe(3000);
    expect(run.summary.ladder.mvc.customers).toBeGreaterThan(0);
    expect(sha(workspace)).toBe(before);
    expect(readdirSync(folder)).toEqual(['client.vlw']);
  }, 120_000);

  it('refuses an import and a password change in words, and the original stays as it was', async () => {
    const before = sha(workspace);
    const file = join(SOURCE_ROOT, 'test', 'fixtures', 'messy', 'broken_orders.csv');
    await expect(api['import.run']({ path: file, options: {}, onPreviousImport: 'skip', strict: false })).rejects.toMatchObject({ key: 'workspaceViewOnly', message: `${workspace} is open for viewing only: it is in a folder Value Ladder cannot write to.` });
    await expect(api['workspace.setPassword']({ password: 'a long password' })).rejects.toMatchObject({ key: 'workspaceViewOnly' });
    expect(sha(workspace)).toBe(before);
    expect(readdirSync(folder)).toEqual(['client.vlw']);
  }, 120_000);

  it('removes its copy when it closes', async () => {
    const viewing = join(dataDir, 'viewing');
    expect(readdirSync(viewing)).toHaveLength(1);
    await api['workspace.close']({});
    expect(existsSync(viewing) ? readdirSync(viewing) : []).toEqual([]);
  });
});
