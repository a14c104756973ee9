import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Makes a folder read-only: its mode for anyone, and (for root, whom modes do not stop) the immutable attribute. */
export function lockFolder(folder: string): () => void {
  chmodSync(folder, 0o555);
  try {
    writeFileSync(join(folder, 'probe'), '');
  } catch {
    return () => chmodSync(folder, 0o755);
  }
  rmSync(join(folder, 'probe'), { force: true });
  const locked = spawnSync('chattr', ['+i', folder]).status === 0;
  if (!locked) throw new Error('cannot make a folder read-only here: neither its mode nor chattr +i stops this user');
  return () => {
    spawnSync('chattr', ['-i', folder]);
    chmodSync(folder, 0o755);
  };
}
