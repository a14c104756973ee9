import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root when running from source or from the CLI's bundle (dist/cli/): the nearest
 * folder above this module with the package's package.json.
 */
export const SOURCE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'value-ladder') return `${dir}/`;
    if (dirname(dir) === dir) return fileURLToPath(new URL('../../', import.meta.url));
  }
}

/** Shipped sample files, when running from source; the packaged app passes its resources folder instead. */
export const SOURCE_SAMPLES_DIR = join(SOURCE_ROOT, 'electron', 'services', 'samples', 'data') + '/';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(SOURCE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
