#!/usr/bin/env node
// The CLI runs from the TypeScript sources through tsx, so it works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
// Until main() settles, a timer keeps the event loop alive: replies that come through handles Node
// does not count (an idle worker's, the module hooks thread's) would otherwise let the loop run dry
// first, and Node ends a process whose top-level await is still pending with exit code 13.
const keepAlive = setInterval(() => undefined, 1 << 30);
try {
  process.exitCode = await main(process.argv.slice(2));
} finally {
  clearInterval(keepAlive);
}
