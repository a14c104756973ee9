import { resolve } from 'node:path';
import { contract, type CallName, type FilePurpose, type PathUse } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';

/** What a path the person chose in a native dialog may be used for. */
const USES_OF_PURPOSE: Record<FilePurpose, readonly PathUse[]> = {
  openWorkspace: ['workspace'],
  createWorkspace: ['create', 'workspace'],
  importFile: ['read'],
  saveTable: ['save'],
  saveCalendar: ['save'],
  savePdf: ['save'],
};

/**
 * Paths as capabilities (the desktop app): the renderer may name only a path the main process handed
 * it — chosen in a native dialog, a dropped file's copy, a workspace of the recent list — and only
 * for what it was handed for (a file chosen to import cannot become a report's target). A path it
 * made up is refused before any service sees it. The harness and the CLI, whose callers are the
 * developer and the shell, name paths as they like.
 */
export class PathGrants {
  private readonly granted = new Map<string, Set<PathUse>>();

  constructor(private readonly knownWorkspaces: () => readonly string[]) {}

  chosen(path: string | null, purpose: FilePurpose): void {
    if (path) this.grant(path, USES_OF_PURPOSE[purpose]);
  }

  grant(path: string, uses: readonly PathUse[]): void {
    const key = resolve(path);
    const set = this.granted.get(key) ?? new Set<PathUse>();
    for (const use of uses) set.add(use);
    this.granted.set(key, set);
  }

  allows(path: string, use: PathUse): boolean {
    const key = resolve(path);
    if (this.granted.get(key)?.has(use)) return true;
    return use === 'workspace' && this.knownWorkspaces().some((known) => resolve(known) === key);
  }

  /** Refuses a call naming a path it was not handed for that use (contract's `paths`). */
  authorize(name: CallName, args: unknown): void {
    const paths = contract[name].paths;
    if (!paths) return;
    for (const [field, use] of Object.entries(paths)) {
      const value = (args as Record<string, unknown>)[field];
      if (typeof value === 'string' && !this.allows(value, use)) throw new AppError('pathNotGranted', { path: value });
    }
  }
}
