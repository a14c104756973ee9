/**
 * `npm run web [-- --workspace FILE] [--data-dir DIR] [--built]`: the developer harness.
 * Prints the URL (with its token) to open in a browser on a line of its own.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SOURCE_ROOT } from '../services/paths';
import { toAppError } from '../services/api/to-app-error';
import { startHarness, type Harness } from './loopback-server';

const { values } = parseArgs({
  options: { workspace: { type: 'string' }, 'data-dir': { type: 'string' }, built: { type: 'boolean' } },
  strict: true,
});

let harness: Harness;
try {
  harness = await startHarness({
    workspace: values.workspace,
    dataDir: values['data-dir'] ?? join(SOURCE_ROOT, '.cache', 'harness-data'),
    renderer: values.built ? { dir: join(SOURCE_ROOT, 'dist', 'harness-renderer') } : 'dev',
    validateOutput: true,
    log: (line) => console.error(line),
  });
} catch (error) {
  // In words, as the CLI says it (a workspace that does not open, a port that cannot be had).
  const appError = toAppError(error);
  console.error(`value-ladder harness: ${appError.message}${appError.hint ? `\n${appError.hint}` : ''}`);
  process.exit(1);
}
console.log('Value Ladder harness — open this in a browser (Ctrl+C to stop):');
console.log(harness.url);

const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
