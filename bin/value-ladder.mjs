#!/usr/bin/env node
// The CLI runs from its bundle (dist/cli/, built by `npm ci` and rebuilt here when a source is newer),
// so it starts without compiling TypeScript; without esbuild it falls back to the sources through tsx.
import { readFileSync } from 'node:fs';

const { CLI_BUNDLE, CLI_HELP, buildCli, cliBundleIsFresh } = await import('../scripts/build-cli.mjs');
const [first] = process.argv.slice(2);
const fresh = cliBundleIsFresh();

/** `--help` and `--version` answer without loading the CLI: the help the build wrote, the package's version. */
function answerAtOnce() {
  if (first === '--version') return `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`;
  if (fresh && (first === undefined || first === '--help' || first === '-h' || first === 'help')) return readFileSync(CLI_HELP, 'utf8');
  return null;
}

async function loadMain() {
  if (fresh) return (await import(CLI_BUNDLE)).main;
  try {
    await buildCli();
    return (await import(CLI_BUNDLE)).main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../electron/cli/main.ts')).main;
  }
}

const answer = answerAtOnce();
if (answer !== null) {
  process.stdout.write(answer);
  process.exitCode = first === undefined ? 2 : 0;
} else {
  const main = await loadMain();
  // Until main() settles, a timer keeps the event loop alive: replies that come through handles Node
  // does not count (an idle worker's) would otherwise let the loop run dry first, and Node ends a
  // process whose top-level await is still pending with exit code 13.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    process.exitCode = await main(process.argv.slice(2));
  } finally {
    clearInterval(keepAlive);
  }
}
