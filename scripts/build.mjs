#!/usr/bin/env node
// Builds the app into dist/:
//   dist/renderer/            the React renderer (Vite, config in vite.config.ts)
//   dist/electron/main.js     main process   (esbuild, ESM)
//   dist/electron/preload.cjs preload        (esbuild, CJS: sandboxed preloads cannot be ESM)
//   dist/electron/worker.mjs  worker thread  (esbuild, ESM; .mjs because the package unpacks it
//                             from app.asar, where no package.json says "type": "module")
// Usage: node scripts/build.mjs   or   import { build } from './build.mjs'
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'electron');

// Bundled CommonJS dependencies may call require(); ESM output has none, so give it one.
// (esbuild renames any top-level `require` in our own code, so this cannot clash.)
const requireShim = "import { createRequire as __vlCreateRequire } from 'node:module';\nconst require = __vlCreateRequire(import.meta.url);";

const common = {
  bundle: true,
  sourcemap: true,
  minify: false,
  logLevel: 'warning',
  absWorkingDir: root,
  // The renderer's Vite config defines this; keep bundled shared code consistent.
  define: { __HARNESS__: 'false' },
};

const targets = [
  {
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: join(outDir, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // electron is provided by the runtime; better-sqlite3 is a native addon loaded at run time.
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    banner: { js: requireShim },
  },
  {
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: join(outDir, 'preload.cjs'),
    // A sandboxed preload gets a browser-like context with only a few Node modules; building
    // for the browser makes any other Node import fail here instead of at run time.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url'],
  },
  {
    ...common,
    entryPoints: ['electron/workers/worker-entry.ts'],
    outfile: join(outDir, 'worker.mjs'), // the name electron/main/paths.ts and workers/pool.ts load
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3-multiple-ciphers'],
    banner: { js: requireShim },
  },
];

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

/** Builds renderer, main, preload and worker into dist/. Throws on any build error. */
export async function build() {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true }); // no stale bundles from renamed entries
  const [main, preload, worker] = targets;
  // The worker first: main.js carries its hash and refuses any other worker (electron/main/worker-integrity.ts).
  const builtWorker = esbuild.build(worker).then(() => {
    const hash = createHash('sha256').update(readFileSync(worker.outfile)).digest('hex');
    return esbuild.build({ ...main, define: { ...main.define, __WORKER_SHA256__: JSON.stringify(hash) } });
  });
  await Promise.all([buildRenderer(), esbuild.build(preload), builtWorker]);
  console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(`build: failed: ${error instanceof Error ? error.message.trim() : error}`);
    process.exit(1);
  });
}
