import { AppError } from '../../../shared/ipc/errors';

const SQLITE_MESSAGES: Record<string, [AppError['code'], string, string?]> = {
  SQLITE_BUSY: ['workspace_busy', 'The workspace is in use by another program.', 'Close the other program (or the other Value Ladder window) and try again.'],
  SQLITE_LOCKED: ['workspace_busy', 'The workspace is in use by another program.', 'Close the other program and try again.'],
  SQLITE_CORRUPT: ['workspace_corrupt', 'The workspace file is damaged.', 'Open a backup copy of the workspace, or re-create it from the original exports.'],
  SQLITE_NOTADB: ['not_a_workspace', 'This file is not a Value Ladder workspace.', 'Choose a .vlw file, or import the data into a new workspace.'],
  SQLITE_FULL: ['io', 'The disk is full.', 'Free some space and try again.'],
  SQLITE_READONLY: ['io', 'The workspace file is read-only.', 'Check the file permissions or copy the workspace to a folder you can write to.'],
  SQLITE_CANTOPEN: ['io', 'The workspace file cannot be opened.', 'Check that the folder exists and that you may write to it.'],
  SQLITE_IOERR: ['io', 'The workspace file could not be read or written.', 'Check the disk and try again.'],
};

const FS_MESSAGES: Record<string, [AppError['code'], string, string?]> = {
  ENOENT: ['not_found', 'The file or folder does not exist.', 'Check the path.'],
  EACCES: ['io', 'Permission denied.', 'Check the file permissions.'],
  EPERM: ['io', 'Permission denied.', 'Check the file permissions.'],
  ENOSPC: ['io', 'The disk is full.', 'Free some space and try again.'],
  EISDIR: ['invalid_input', 'That is a folder, not a file.', 'Choose a file.'],
  EROFS: ['io', 'The disk is read-only.', 'Choose a folder you can write to.'],
};

/** Maps anything thrown to an AppError with a message for people; unknown failures become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const sqlite = SQLITE_MESSAGES[code] ?? SQLITE_MESSAGES[code.replace(/_[A-Z]+$/, '')];
  if (code.startsWith('SQLITE_') && sqlite) return new AppError(sqlite[0], sqlite[1], { hint: sqlite[2], cause: error });
  const fsError = FS_MESSAGES[code];
  if (fsError) {
    const path = typeof error === 'object' && error !== null && 'path' in error ? ` (${String((error as { path: unknown }).path)})` : '';
    return new AppError(fsError[0], `${fsError[1]}${path}`, { hint: fsError[2], cause: error });
  }
  return new AppError('internal', 'Something went wrong inside Value Ladder. The details were written to the log.', {
    hint: 'Try again; if it happens again, send the log to support.',
    cause: error,
  });
}
