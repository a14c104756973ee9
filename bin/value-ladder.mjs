#!/usr/bin/env node
// The CLI runs from its bundle (dist/cli/, built by `npm ci` and rebuilt here when a source is newer),
// so it starts without compiling TypeScript; without esbuild it falls back to the sources through tsx.
const { CLI_BUNDLE, buildCli, cliBundleIsFresh } = await import('../scripts/build-cli.mjs');

async function loadMain() {
  if (cliBundleIsFresh()) return (await import(CLI_BUNDLE)).main;
  try {
    await buildCli();
    return (await import(CLI_BUNDLE)).main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../electron/cli/main.ts')).main;
  }
}

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
