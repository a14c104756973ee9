/**
 * Worker side of "Protect with a password" / "Change" / "Remove": the key derivation (about 0.75 s)
 * and the re-encryption of every page (seconds for a large workspace) run off the thread that
 * serves the UI, on the only connection to the file (the app closes its own first).
 */
import { attachWorkspaceDatabase } from '../../db/connection';
import { newKey, rekey, type WorkspaceKey } from '../../db/encryption';
import type { SqliteOptions } from '../../db/sqlite';

export interface SetPasswordInput {
  workspace: string;
  /** The new password, or null to store the workspace unencrypted. */
  password: string | null;
}

/** Re-encrypts the workspace; returns its new key (null: no longer protected). */
export function setPasswordTask(input: SetPasswordInput, sqlite: SqliteOptions): { key: WorkspaceKey | null } {
  const key = input.password === null ? null : newKey(input.password);
  const db = attachWorkspaceDatabase(input.workspace, { ...sqlite, readonly: false });
  try {
    rekey(db, key);
    return { key };
  } finally {
    db.close();
  }
}
