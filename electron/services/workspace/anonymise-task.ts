/**
 * Worker side of "Share anonymised": the copy is written from a read-only connection of its own, off
 * the thread that serves the UI (a large workspace takes seconds to copy and rebuild).
 */
import { resolve } from 'node:path';
import { writeAnonymisedCopy, type AnonymisedCopy } from '../../db/anonymise';
import { attachWorkspaceDatabase } from '../../db/connection';
import type { SqliteOptions } from '../../db/sqlite';

export interface AnonymiseInput {
  workspace: string;
  target: string;
  keepAttributes: string[];
  shiftDates: boolean;
}

/** The copy, and its key (hex) for the original to keep. */
export function anonymiseTask(input: AnonymiseInput, sqlite: SqliteOptions): AnonymisedCopy & { keyHex: string } {
  const source = attachWorkspaceDatabase(input.workspace, { ...sqlite, readonly: true });
  try {
    const { key, ...copy } = writeAnonymisedCopy(source, input.target, { keepAttributes: input.keepAttributes, shiftDates: input.shiftDates, sourceKey: sqlite.keys?.get(resolve(input.workspace)) });
    return { ...copy, keyHex: key.toString('hex') };
  } finally {
    source.close();
  }
}
