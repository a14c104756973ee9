/**
 * The app's error log: `<data dir>/logs/errors.log`, one entry per error with its time, where it
 * happened and its stack. People never see a stack; when something goes wrong they are told the
 * details are here, to send to support. Kept small: past 2 MB the file starts again (the previous
 * one is kept as errors.1.log).
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 2 * 1024 * 1024;

export function errorLogPath(dataDir: string): string {
  return join(dataDir, 'logs', 'errors.log');
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** A logger that appends to the error log (and echoes to stderr); never throws itself. */
export function fileErrorLog(dataDir: string, echo: (line: string) => void = (line) => console.error(line)): (where: string, error: unknown) => void {
  const path = errorLogPath(dataDir);
  return (where, error) => {
    const entry = `[${new Date().toISOString()}] ${where}: ${describe(error)}\n`;
    echo(`[value-ladder] ${entry.trimEnd()}`);
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true });
      try {
        if (statSync(path).size > MAX_BYTES) renameSync(path, join(dataDir, 'logs', 'errors.1.log'));
      } catch {
        // No log yet.
      }
      appendFileSync(path, entry);
    } catch {
      // A log that cannot be written must not turn one failure into two.
    }
  };
}
