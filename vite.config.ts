import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer. `--mode harness` builds the copy the browser harness serves: it includes the
 * loopback transport, which the desktop build leaves out (there the preload bridge is the only way).
 */
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __HARNESS__: JSON.stringify(mode === 'harness' || mode === 'development') },
  build: {
    outDir: mode === 'harness' ? '../dist/harness-renderer' : '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1' },
}));
