#!/usr/bin/env node
// Makes sure better-sqlite3 compiled for Electron's ABI exists at
//   .native/electron-<electronVersion>-<platform>-<arch>/better_sqlite3.node
// The main process loads it through better-sqlite3's `nativeBinding` option (and the packaged
// app ships it as resources/native/better_sqlite3.node). node_modules/better-sqlite3/build is
// never touched: it stays built for Node so `npm test` keeps working after `npm start`.
//
// How: copy the better-sqlite3 package to .cache/, then in that copy
//   1. prebuild-install --runtime electron (downloads a prebuilt binary), or else
//   2. node-gyp rebuild against Electron's headers (needs a C++ toolchain and Python).
// Usage: node scripts/electron-native.mjs [--platform linux|darwin|win32] [--arch x64|arm64|...] [--force]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** Where the Electron-ABI addon lives for a given target (same formula as the main process). */
export function nativeAddonPath({ platform = process.platform, arch = process.arch, version = electronVersion() } = {}) {
  return join(root, '.native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp, // set by npm when run as an npm script
    (() => {
      try {
        return require.resolve('node-gyp/bin/node-gyp.js');
      } catch {
        return undefined;
      }
    })(),
    // npm's bundled copy, next to this node binary
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file));
}

// npm passes its config to scripts as npm_config_* variables, and node-gyp/prebuild-install obey
// them over their arguments: a `nodedir` in .npmrc would silently build for Node's ABI instead.
const CLASHING_NPM_CONFIG = /^npm_config_(nodedir|target|target_arch|target_platform|runtime|disturl|dist_url|arch|platform|build_from_source|devdir)$/i;
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CLASHING_NPM_CONFIG.test(key)));

/** Runs a node script quietly; returns its combined output and whether it succeeded. */
function runNode(script, args, cwd) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env: childEnv, encoding: 'utf8', timeout: 15 * 60_000 });
  const output = `$ ${relative(root, script)} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}\n`;
  return { ok: result.status === 0, output };
}

/**
 * Ensures the addon exists and returns its path. Throws an Error with a one-line, actionable
 * message when it cannot be produced (no network, no compiler, ...).
 */
export function ensureElectronNative({ platform = process.platform, arch = process.arch, force = false } = {}) {
  const version = electronVersion();
  const target = nativeAddonPath({ platform, arch, version });
  if (existsSync(target) && !force) return target;

  const label = `Electron ${version} (${platform}-${arch})`;
  console.log(`electron-native: preparing better-sqlite3 for ${label}…`);

  // A scratch copy of the package, without its Node-ABI build/ folder.
  const source = join(root, 'node_modules/better-sqlite3-multiple-ciphers');
  const scratch = join(root, '.cache', `better-sqlite3-electron-${version}-${platform}-${arch}`);
  rmSync(scratch, { recursive: true, force: true });
  cpSync(source, scratch, { recursive: true, filter: (file) => relative(source, file).split(/[\\/]/)[0] !== 'build' });
  const built = join(scratch, 'build/Release/better_sqlite3.node');
  const log = join(root, '.cache', 'electron-native.log');
  let output = '';

  // 1. A prebuilt binary from better-sqlite3's releases (fast, no compiler needed).
  const prebuildInstall = createRequire(join(source, 'package.json')).resolve('prebuild-install/bin.js');
  const prebuilt = runNode(
    prebuildInstall,
    ['--runtime', 'electron', '--target', version, '--platform', platform, '--arch', arch, '--verbose'],
    scratch,
  );
  output += prebuilt.output;

  // 2. Compile from source against Electron's headers (only possible for this machine's platform).
  if (!(prebuilt.ok && existsSync(built))) {
    const nodeGyp = nodeGypScript();
    if (platform !== process.platform) {
      output += `no source build: cannot compile for ${platform} on ${process.platform}\n`;
    } else if (!nodeGyp) {
      output += 'no source build: node-gyp not found\n';
    } else {
      const compiled = runNode(
        nodeGyp,
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
          `--devdir=${join(homedir(), '.electron-gyp')}`, // same header cache as @electron/rebuild
        ],
        scratch,
      );
      output += compiled.output;
    }
  }

  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, output);
  const ok = existsSync(built);
  if (ok) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
  }
  rmSync(scratch, { recursive: true, force: true });
  if (!ok) {
    throw new Error(
      `electron-native: could not get better-sqlite3 for ${label}: the prebuilt download and the source build both failed ` +
        `(details: ${relative(root, log)}). It needs either github.com (prebuilt binary) or electronjs.org (headers) plus ` +
        `a C++ toolchain and Python (source build); fix that, then run "node scripts/electron-native.mjs" again.`,
    );
  }
  console.log(`electron-native: wrote ${relative(root, target)}`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { platform: { type: 'string' }, arch: { type: 'string' }, force: { type: 'boolean' } },
  });
  try {
    const file = ensureElectronNative({
      platform: values.platform ?? process.platform,
      arch: values.arch ?? process.arch,
      force: values.force ?? false,
    });
    console.log(`electron-native: ok ${relative(root, file)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
