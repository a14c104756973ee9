// Runs the TypeScript worker entry from source (tests, CLI, harness): the packaged app runs the bundled worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
