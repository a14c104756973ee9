/**
 * Paths as capabilities in the desktop app: the renderer may name only a path the main process
 * handed it — from a native dialog, for that dialog's use; a dropped file's copy; a workspace of the
 * recent list. A made-up path is refused before any service sees it; the CLI names any path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directTransport } from '../../electron/services/api/direct-transport';
import { createBackend, headlessPorts, type Backend } from '../../electron/services/backend';
import type { HostPorts } from '../../electron/services/host/host-ports';
import { SOURCE_SAMPLES_DIR } from '../../electron/services/paths';
import { REPORT_SECTIONS } from '../../shared/domain/report';
import { createApi, type Api } from '../../shared/ipc/client';
import { CALL_NAMES, contract } from '../../shared/ipc/contract';
import { tempDir } from '../support/harness';

let backend: Backend | null = null;
afterEach(async () => {
  await backend?.dispose();
  backend = null;
});

/** The desktop app's services, with a native dialog that answers from a list. */
function desktop(answers: (string | null)[]): Api {
  const ports: HostPorts = { ...headlessPorts('cli'), kind: 'electron', chooseFile: async () => answers.shift() ?? null };
  backend = createBackend({ ports, dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test', validateOutput: true });
  return createApi(directTransport(backend));
}

const CSV = 'customer,date,amount\nA,2024-01-02,10\nB,2024-01-03,12.5\nA,2024-02-01,7\n';

describe('paths in the desktop app', () => {
  it('declares every path a call takes', () => {
    // Each input field named path (or ending in Path) has its use in the contract.
    for (const name of CALL_NAMES) {
      const shape = (contract[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const field of Object.keys(shape).filter((key) => key === 'path' || key.endsWith('Path'))) {
        if (name === 'file.unstage') continue; // lets go of a dropped copy only: any other path is ignored
        expect(contract[name].paths?.[field], `${name}.${field}`).toBeDefined();
      }
    }
  });

  it('refuses a made-up path and takes one chosen in the dialog, for that use only', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'chosen.vlw');
    const orders = join(dir, 'orders.csv');
    writeFileSync(orders, CSV);
    const api = desktop([workspace, orders]);

    await expect(api['workspace.create']({ path: join(dir, 'made-up.vlw') })).rejects.toMatchObject({ code: 'invalid_input', key: 'pathNotGranted' });
    const chosen = await api['dialog.chooseFile']({ purpose: 'createWorkspace' });
    expect(chosen).toBe(workspace);
    await api['workspace.create']({ path: workspace });

    await expect(api['import.preview']({ path: '/etc/passwd', options: {} })).rejects.toMatchObject({ key: 'pathNotGranted' });
    await api['dialog.chooseFile']({ purpose: 'importFile' });
    const result = await api['import.run']({ path: orders, options: {}, onPreviousImport: 'skip', strict: false });
    expect(result.committed).toBe(true);

    // A file chosen to import is not a report's target, and no made-up target is either.
    await expect(api['report.create']({ path: orders, locale: 'en', sections: [...REPORT_SECTIONS], pageSize: 'A4' })).rejects.toMatchObject({ key: 'pathNotGranted' });
    await expect(api['analysis.export']({ list: 'customers', path: join(dir, 'x.csv') })).rejects.toMatchObject({ key: 'pathNotGranted' });
    await expect(api['table.save']({ path: join(dir, 'x.xlsx'), table: { sheet: 'x', columns: [{ header: 'a', kind: 'text' }], rows: [] } })).rejects.toMatchObject({ key: 'pathNotGranted' });
    // The recent list's workspaces open without a dialog.
    await api['workspace.close']({});
    await api['workspace.open']({ path: workspace });
  });

  it('takes a dropped file\'s copy for import', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'w.vlw');
    const api = desktop([workspace]);
    await api['dialog.chooseFile']({ purpose: 'createWorkspace' });
    await api['workspace.create']({ path: workspace });
    const { path } = await api['file.stage']({ name: 'orders.csv', base64: Buffer.from(CSV).toString('base64') });
    expect((await api['import.run']({ path, options: {}, onPreviousImport: 'skip', strict: false })).committed).toBe(true);
  });

  it('leaves the CLI and the harness their own way', async () => {
    backend = createBackend({ ports: headlessPorts('cli'), dataDir: tempDir(), ephemeralState: true, samplesDir: SOURCE_SAMPLES_DIR, appVersion: 'test' });
    const api = createApi(directTransport(backend));
    await api['workspace.create']({ path: join(tempDir(), 'any.vlw') });
  });
});
