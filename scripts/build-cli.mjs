#!/usr/bin/env node
// Bundles the CLI and its worker into dist/cli/ (esbuild, ESM, packages left to node_modules), so
// `value-ladder` starts without compiling TypeScript: run by `npm ci` (prepare) and by
// bin/value-ladder.mjs when a source is newer than the bundle.
//   dist/cli/value-ladder.mjs   electron/cli/main.ts
//   dist/cli/worker.mjs         electron/workers/worker-entry.ts (found by workers/pool.ts next to the CLI bundle)
// Usage: node scripts/build-cli.mjs   or   import { buildCli, cliBundleIsFresh } from './build-cli.mjs'
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'cli');
export const CLI_BUNDLE = join(outDir, 'value-ladder.mjs');
export const CLI_HELP = join(outDir, 'help.txt');
const ENTRIES = [
  { source: 'electron/cli/main.ts', name: 'value-ladder' },
  { source: 'electron/workers/worker-entry.ts', name: 'worker' },
];
/** Where the CLI's code comes from: a change under these makes the bundle stale. */
const SOURCE_DIRS = ['electron', 'shared'].map((dir) => join(root, dir));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether both bundles exist and are newer than every source file (and package.json). */
export function cliBundleIsFresh() {
  let built;
  try {
    built = Math.min(...ENTRIES.map(({ name }) => statSync(join(outDir, `${name}.mjs`)).mtimeMs));
  } catch {
    return false;
  }
  const newest = Math.max(statSync(join(root, 'package.json')).mtimeMs, ...SOURCE_DIRS.map(newestSource));
  return built > newest;
}

/**
 * Builds both bundles, with the code only a running command needs in chunks loaded on demand. The
 * build goes to a folder of its own that then takes dist/cli's place: CLI processes started together
 * (the tests do) never read half a build. Replaced builds are removed an hour later, when no process
 * started from them can still be loading a chunk.
 */
export async function buildCli() {
  const esbuild = await import('esbuild');
  const building = join(root, 'dist', `cli-build-${process.pid}-${Date.now()}`);
  rmSync(building, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: Object.fromEntries(ENTRIES.map(({ source, name }) => [name, join(root, source)])),
    outdir: building,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __HARNESS__: 'false' },
  });
  // `value-ladder --help` is printed from this file, without loading the CLI at all.
  const { main } = await import(pathToFileURL(join(building, 'value-ladder.mjs')).href);
  let help = '';
  await main(['--help'], { out: (text) => (help += `${text}\n`), err: () => undefined });
  writeFileSync(join(building, 'help.txt'), help);
  const replaced = join(root, 'dist', `cli-old-${process.pid}-${Date.now()}`);
  try {
    renameSync(outDir, replaced);
  } catch {
    // No earlier build.
  }
  try {
    renameSync(building, outDir);
  } catch (error) {
    // Another process put its build in place first: it is as fresh as this one.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(CLI_BUNDLE)) throw error;
  }
  for (const entry of readdirSync(join(root, 'dist'))) {
    const path = join(root, 'dist', entry);
    if (/^cli-(old|build)-/.test(entry) && statSync(path).mtimeMs < Date.now() - 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildCli();
  console.log(`build-cli: dist/cli/ in ${Date.now() - started} ms`);
}
