import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies the app makes for a while (dropped files, workspaces opened for viewing) live in folders
 * under the data folder and go when they are done with; one a crashed session left behind goes at
 * a later start, after a day, so that another process using the same data folder keeps its own.
 */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Deletes the folders under `root` not touched for a day. */
export function removeAbandonedFolders(root: string, now = Date.now()): void {
  let folders: string[];
  try {
    folders = readdirSync(root);
  } catch {
    return;
  }
  for (const folder of folders) {
    const path = join(root, folder);
    try {
      if (statSync(path).mtimeMs < now - ABANDONED_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: nothing to do.
    }
  }
}
