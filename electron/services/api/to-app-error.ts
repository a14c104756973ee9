import type { ErrorKey } from '../../../shared/domain/error-messages';
import { AppError } from '../../../shared/ipc/errors';

const SQLITE_ERRORS: Record<string, ErrorKey> = {
  SQLITE_BUSY: 'workspaceBusy',
  SQLITE_LOCKED: 'workspaceBusy',
  SQLITE_CORRUPT: 'workspaceFileDamaged',
  SQLITE_NOTADB: 'notAWorkspaceFile',
  SQLITE_FULL: 'diskFull',
  SQLITE_READONLY: 'workspaceReadOnly',
  SQLITE_CANTOPEN: 'workspaceCannotOpen',
  SQLITE_IOERR: 'workspaceIo',
};

const FS_ERRORS: Record<string, ErrorKey> = {
  ENOENT: 'pathMissing',
  EACCES: 'permissionDenied',
  EPERM: 'permissionDenied',
  ENOSPC: 'diskFull',
  EISDIR: 'pathIsFolder',
  EROFS: 'diskReadOnly',
};

/** Maps anything thrown to an AppError with a message for people; unknown failures become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const sqlite = SQLITE_ERRORS[code] ?? SQLITE_ERRORS[code.replace(/_[A-Z]+$/, '')];
  if (code.startsWith('SQLITE_') && sqlite) return new AppError(sqlite, {}, { cause: error });
  const fsError = FS_ERRORS[code];
  if (fsError) {
    const path = typeof error === 'object' && error !== null && 'path' in error ? String((error as { path: unknown }).path) : '';
    return new AppError(fsError, { path }, { cause: error });
  }
  return new AppError('internal', {}, { cause: error });
}
