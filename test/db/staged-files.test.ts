/**
 * Copies of dropped files (file.stage) live only as long as their import: deleted once the import is
 * committed, when the wizard lets go of them, and when the services stop — and only those copies.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts } from '../../electron/services/backend';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { createApi } from '../../shared/ipc/client';
import { tempDir } from '../support/harness';

const CSV = 'customer,date,amount\nA,2024-01-02,10\nB,2024-01-03,12.5\nA,2024-02-01,7\n';
const base64 = Buffer.from(CSV).toString('base64');

function services(dataDir: string) {
  const backend = createBackend({ ports: headlessPorts('cli'), dataDir, ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  return { backend, api: createApi(directTransport(backend)) };
}

const stagedIn = (dataDir: string) => (existsSync(join(dataDir, 'staged')) ? readdirSync(join(dataDir, 'staged')) : []);

describe('copies of dropped files', () => {
  it('are deleted when their import is committed, when let go, and when the services stop', async () => {
    const dataDir = tempDir();
    const { backend, api } = services(dataDir);
    await api['workspace.create']({ path: join(tempDir(), 'w.vlw') });

    const first = await api['file.stage']({ name: 'orders.csv', base64 });
    expect(stagedIn(dataDir)).toHaveLength(1);
    const result = await api['import.run']({ path: first.path, options: {}, onPreviousImport: 'skip', strict: false });
    expect(result.committed).toBe(true);
    expect(stagedIn(dataDir)).toEqual([]);

    const second = await api['file.stage']({ name: 'again.csv', base64 });
    expect(stagedIn(dataDir)).toHaveLength(1);
    await api['file.unstage']({ path: second.path });
    expect(stagedIn(dataDir)).toEqual([]);

    // Only its own copies: a path it did not stage is left alone.
    const mine = join(tempDir(), 'keep.csv');
    writeFileSync(mine, CSV);
    await api['file.unstage']({ path: mine });
    expect(existsSync(mine)).toBe(true);

    await api['file.stage']({ name: 'left.csv', base64 });
    expect(stagedIn(dataDir)).toHaveLength(1);
    await backend.dispose();
    expect(stagedIn(dataDir)).toEqual([]);
  });
});
