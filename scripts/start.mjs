#!/usr/bin/env node
// `npm start`: check Electron is installed → Electron-ABI better-sqlite3 → build → run Electron
// on the repo root (package.json "main" is dist/electron/main.js). Extra arguments go to the app.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { ensureElectronNative } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Path of the Electron executable, or null when the binary was never downloaded. */
function electronBinary() {
  try {
    // node_modules/electron's CommonJS entry exports the executable's path (and throws without path.txt).
    const file = createRequire(import.meta.url)('electron');
    return typeof file === 'string' && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

// Checked first: without Electron there is nothing to prepare the addon or the bundles for.
const electron = electronBinary();
if (!electron) {
  fail(
    'start: the Electron binary is missing (node_modules/electron/dist was not downloaded, e.g. installed with ' +
      'ELECTRON_SKIP_BINARY_DOWNLOAD=1). Get it with "node node_modules/electron/install.js", or reinstall ' +
      'without that variable: "rm -rf node_modules/electron && npm install".',
  );
}

try {
  ensureElectronNative();
  await build();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });

// Ctrl+C / kill reach the app, which then exits and we follow with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail(`start: could not run Electron: ${error.message}`));
child.on('exit', (code, signal) => {
  if (signal) console.error(`start: Electron exited with signal ${signal}`);
  process.exit(code ?? 1);
});
