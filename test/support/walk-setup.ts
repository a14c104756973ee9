/**
 * The workspaces the walk-everything tests open: the demo, CDNOW and the edge workspaces, each
 * made through the contract (samples, or an import of its CSV export) and analysed.
 */
import { join } from 'node:path';
import type { Harness } from '../../electron/harness/loopback-server';
import type { ImportResult } from '../../shared/domain/import';
import { callHarness } from './app';
import { edgeWorkspaces, writeEdgeCsv } from './edge-workspaces';
import { tempDir } from './harness';

export interface WalkWorkspace {
  name: string;
  about: string;
  path: string;
  drill: string[];
}

/** Creates every workspace of the walk in `dir`; `only` keeps some of them (by name). */
export async function prepareWalkWorkspaces(harness: Harness, only?: string[]): Promise<WalkWorkspace[]> {
  const dir = tempDir('vl-walk-');
  const call = <T>(name: string, input: unknown) => callHarness<T>(harness, name, input);
  const out: WalkWorkspace[] = [];
  const wanted = (name: string) => !only || only.includes(name);
  if (wanted('demo')) {
    const demo = await call<{ path: string }>('workspace.createSample', { sample: 'demo', path: join(dir, 'demo.vlw') });
    out.push({ name: 'demo', about: 'the demo business', path: demo.path, drill: [] });
  }
  if (wanted('cdnow')) {
    const cdnow = await call<{ path: string }>('workspace.createSample', { sample: 'cdnow', path: join(dir, 'cdnow.vlw') });
    out.push({ name: 'cdnow', about: 'the CDNOW transactions', path: cdnow.path, drill: [] });
  }
  for (const edge of edgeWorkspaces()) {
    if (!wanted(edge.name)) continue;
    const path = join(dir, `${edge.name}.vlw`);
    await call('workspace.create', { path });
    const result = await call<ImportResult>('import.run', { path: writeEdgeCsv(edge, dir), options: {}, onPreviousImport: 'skip', strict: false, acceptWarnings: true });
    if (!result.committed) throw new Error(`${edge.name}: ${result.notCommittedReason}`);
    out.push({ name: edge.name, about: edge.about, path, drill: edge.drill });
  }
  for (const workspace of out) {
    await call('workspace.open', { path: workspace.path });
    await call('analysis.run', {});
  }
  return out;
}
