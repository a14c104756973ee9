/**
 * Proves that packaging works, without Electron's binary or network access:
 * builds dist/, runs electron-builder for a Linux `dir` target against a stand-in Electron
 * distribution, then checks what landed in resources/ (app.asar, app.asar.unpacked, samples,
 * the native addon). One ✓/✗ line per check; exits non-zero on any failure.
 *   npx tsx scripts/package-check.ts        (npm run package:check, part of npm test)
 */
import { extractFile, listPackage } from '@electron/asar';
import { createHash } from 'node:crypto';
import { Arch, build, Platform } from 'electron-builder';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const pkg = readJson('package.json') as { main: string; devDependencies: Record<string, string> };
const electronVersion = (readJson('node_modules/electron/package.json') as { version: string }).version;
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const started = Date.now();

let failures = 0;
function check(ok: boolean, label: string, detail = ''): void {
  if (!ok) failures++;
  console.log(`${ok ? '✓' : '✗'} ${label}${!ok && detail ? ` — ${detail}` : ''}`);
}

// 1. Fresh bundles (a child process: build.mjs is plain JS without type declarations).
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  check(false, 'node scripts/build.mjs', `exit code ${built.status}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'vl-package-check-'));

// 2. A stand-in Electron distribution. For Linux, electron-builder copies an unpacked
//    electronDist directory into the output as is, renames `electron` to the executable name,
//    moves LICENSE to LICENSE.electron.txt and writes the app into resources/. Nothing runs the
//    executable, so a tiny script is enough.
const electronDist = join(work, 'electron-dist');
mkdirSync(join(electronDist, 'resources'), { recursive: true });
// It carries a fuse wire as Electron's binary does (sentinel, version 1, eight fuses in Electron's
// default states), so that the packaging flips it and this check can read the result back.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSES = '10110001'; // runAsNode, cookieEncryption, nodeOptions, inspect, asarIntegrity, onlyFromAsar, v8Snapshot, fileProtocol
writeFileSync(
  join(electronDist, 'electron'),
  Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron used by scripts/package-check.ts" >&2\nexit 1\n# '), Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_FUSES.length]), Buffer.from(DEFAULT_FUSES), Buffer.from('\n')]),
);
chmodSync(join(electronDist, 'electron'), 0o755);
writeFileSync(join(electronDist, 'LICENSE'), 'stand-in\n');
writeFileSync(join(electronDist, 'version'), `${electronVersion}\n`);

// 3. The Electron-ABI addon: the real one when scripts/electron-native.mjs has made it, else
//    the Node-ABI build as a stand-in (right file name and place, wrong ABI: fine for a check).
const config: Record<string, unknown> = {
  electronDist,
  electronVersion,
  npmRebuild: false,
  directories: { output: join(work, 'out') },
};
const realAddon = join(root, '.native', `electron-${electronVersion}-linux-${arch}`, 'better_sqlite3.node');
const usingStandIn = !existsSync(realAddon);
if (usingStandIn) {
  const nodeAddon = join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
  if (!existsSync(nodeAddon)) {
    check(false, 'stand-in addon available', `${nodeAddon} is missing: reinstall it (npm rebuild better-sqlite3-multiple-ciphers)`);
    process.exit(1);
  }
  const standIn = join(work, 'native-stand-in', 'better_sqlite3.node');
  mkdirSync(join(work, 'native-stand-in'));
  copyFileSync(nodeAddon, standIn);
  config.linux = { extraResources: [{ from: standIn, to: 'native/better_sqlite3.node' }] };
  console.log(`package-check: ${realAddon.slice(root.length)} is missing (run scripts/electron-native.mjs to make it); using the Node-ABI addon as a stand-in`);
}

// 4. Package.
try {
  await build({ projectDir: root, targets: Platform.LINUX.createTarget('dir', Arch[arch]), config, publish: 'never' });
  check(true, 'electron-builder packaged a Linux dir target');
} catch (error) {
  check(false, 'electron-builder packaged a Linux dir target', error instanceof Error ? error.message : String(error));
  console.log(`package-check: output kept in ${work}`);
  process.exit(1);
}

// 5. What is in the package.
const appOut = join(work, 'out', arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
const resources = join(appOut, 'resources');
const asarPath = join(resources, 'app.asar');
const entries = existsSync(asarPath) ? listPackage(asarPath, { isPack: false }).map((it) => it.replace(/\\/g, '/').replace(/^\//, '')) : [];
check(entries.length > 0, 'resources/app.asar exists and lists files');
check(existsSync(join(appOut, 'value-ladder')), 'stand-in Electron renamed to the executable "value-ladder"');

// The fuses as the packaging left them in the executable.
const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
const wire = existsSync(join(appOut, 'value-ladder')) ? await getCurrentFuseWire(join(appOut, 'value-ladder')) : null;
const fuse = (option: number) => (wire ? String.fromCharCode((wire as Record<number, number>)[option] ?? 0) : '?');
for (const [name, option, wanted] of [
  ['RunAsNode', FuseV1Options.RunAsNode, '0'],
  ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, '1'],
  ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, '0'],
  ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, '0'],
  ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, '1'],
  ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, '1'],
  ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, '0'],
] as const) {
  check(fuse(option) === wanted, `fuse ${name} is ${wanted === '1' ? 'on' : 'off'} in the packaged executable`, `found "${fuse(option)}"`);
}

for (const file of ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/electron/worker.mjs', 'dist/renderer/index.html', 'package.json', 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js']) {
  check(entries.includes(file), `app.asar contains ${file}`);
}
check(pkg.main === 'dist/electron/main.js' && entries.includes(pkg.main), `package.json "main" (${pkg.main}) is in app.asar`);

const inPackage = (name: string) => entries.filter((it) => new RegExp(`(^|/)node_modules/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`).test(it));
const devDepsFound = Object.keys(pkg.devDependencies).filter((name) => inPackage(name).length > 0);
check(devDepsFound.length === 0, `app.asar has none of the ${Object.keys(pkg.devDependencies).length} devDependencies`, devDepsFound.join(', '));

const runtimeModules = new Set(['better-sqlite3-multiple-ciphers', 'bindings', 'file-uri-to-path']);
const modules = new Set(entries.map((it) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(it)?.[1]).filter((it): it is string => !!it));
const extraModules = [...modules].filter((it) => !runtimeModules.has(it));
check(extraModules.length === 0, 'app.asar node_modules holds only better-sqlite3, bindings, file-uri-to-path', extraModules.join(', '));

const sources = entries.filter((it) => !it.startsWith('node_modules/') && /\.(ts|tsx|mts|cts)$/.test(it));
check(sources.length === 0, 'app.asar has no TypeScript sources outside node_modules', sources.slice(0, 5).join(', '));

const sqliteBuildParts = entries.filter((it) => /^node_modules\/better-sqlite3-multiple-ciphers\/(build|src|deps)(\/|$)/.test(it));
check(sqliteBuildParts.length === 0, 'app.asar has no better-sqlite3 build/, src/ or deps/', sqliteBuildParts.slice(0, 5).join(', '));

const maps = entries.filter((it) => it.endsWith('.map'));
check(maps.length === 0, 'app.asar has no source maps', maps.slice(0, 5).join(', '));

const unpacked = join(resources, 'app.asar.unpacked');
check(existsSync(join(unpacked, 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js')), 'app.asar.unpacked holds better-sqlite3');
check(existsSync(join(unpacked, 'dist/electron/worker.mjs')), 'app.asar.unpacked holds dist/electron/worker.mjs (workers cannot run from asar)');
// The unpacked worker is outside the archive's integrity check: main.js must carry its hash (electron/main/worker-integrity.ts).
if (existsSync(join(unpacked, 'dist/electron/worker.mjs')) && entries.includes('dist/electron/main.js')) {
  const workerHash = createHash('sha256').update(readFileSync(join(unpacked, 'dist/electron/worker.mjs'))).digest('hex');
  const mainSource = extractFile(asarPath, 'dist/electron/main.js').toString('utf8');
  check(mainSource.includes(`"${workerHash}"`), "main.js in app.asar carries the unpacked worker's SHA-256 and checks it before starting");
}

const samplesSrc = join(root, 'electron/services/samples/data');
const wantedSamples = existsSync(samplesSrc) ? readdirSync(samplesSrc).filter((it) => it.endsWith('.csv')) : [];
const shippedSamples = existsSync(join(resources, 'samples')) ? readdirSync(join(resources, 'samples')) : [];
const missingSamples = wantedSamples.filter((it) => !shippedSamples.includes(it));
check(wantedSamples.length > 0 && missingSamples.length === 0, `resources/samples/ holds the ${wantedSamples.length} sample CSVs`, missingSamples.join(', ') || 'no samples found');

for (const font of ['noto-sans', 'noto-sans-sc', 'vazirmatn']) {
  const dir = join(resources, 'fonts', font);
  const woff2 = existsSync(join(dir, 'files')) ? readdirSync(join(dir, 'files')).filter((it) => it.endsWith('.woff2')) : [];
  check(existsSync(join(dir, '400.css')) && existsSync(join(dir, '700.css')) && woff2.length > 0 && woff2.every((it) => /-(400|700)-normal\.woff2$/.test(it)), `resources/fonts/${font} holds the report's regular and bold faces only (${woff2.length} files)`);
}

check(
  existsSync(join(resources, 'native/better_sqlite3.node')),
  `resources/native/better_sqlite3.node exists${usingStandIn ? ' (stand-in: Node-ABI build)' : ' (Electron-ABI build)'}`,
);

// The addon paths in electron-builder.yml name the Electron version; they must follow upgrades.
const ymlVersions = [...readFileSync(join(root, 'electron-builder.yml'), 'utf8').matchAll(/\.native\/electron-([^-/]+)-/g)].map((m) => m[1]);
const staleVersions = ymlVersions.filter((v) => v !== electronVersion);
check(ymlVersions.length > 0 && staleVersions.length === 0, `electron-builder.yml addon paths use Electron ${electronVersion}`, staleVersions.join(', ') || 'no .native paths found');

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures === 0) {
  rmSync(work, { recursive: true, force: true });
  console.log(`package-check: all checks passed in ${seconds} s`);
} else {
  console.log(`package-check: ${failures} check(s) failed in ${seconds} s; output kept in ${work}`);
}
process.exit(failures === 0 ? 0 : 1);
