import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root when running from source (CLI, harness, tests). */
export const SOURCE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Shipped sample files, when running from source; the packaged app passes its resources folder instead. */
export const SOURCE_SAMPLES_DIR = fileURLToPath(new URL('./samples/data/', import.meta.url));

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
