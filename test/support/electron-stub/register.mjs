// Maps `import … from 'electron'` to the stand-in, so the bundled main process can start in plain Node.
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
