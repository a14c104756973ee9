import { app } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shell finds its parts, packaged or run from the repository with `npm start`. */
export function appPaths() {
  const distDir = dirname(fileURLToPath(import.meta.url)); // dist/electron (main.js is bundled there)
  const repoRoot = join(distDir, '..', '..');
  const resources = process.resourcesPath;
  const nativeDir = `electron-${process.versions.electron}-${process.platform}-${process.arch}`;
  return {
    rendererDir: join(distDir, '..', 'renderer'),
    preload: join(distDir, 'preload.cjs'),
    // Worker scripts cannot run from inside app.asar; the package unpacks this one.
    workerScript: join(distDir, 'worker.mjs').replace(`app.asar${process.platform === 'win32' ? '\\' : '/'}`, `app.asar.unpacked${process.platform === 'win32' ? '\\' : '/'}`),
    samplesDir: app.isPackaged ? join(resources, 'samples') : join(repoRoot, 'electron', 'services', 'samples', 'data'),
    nativeBinding: app.isPackaged ? join(resources, 'native', 'better_sqlite3.node') : join(repoRoot, '.native', nativeDir, 'better_sqlite3.node'),
  };
}
