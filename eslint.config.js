import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'better-sqlite3'], message: 'Pure code: no I/O here (see ARCHITECTURE in README).' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.cache/**', '.native/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Open links only through safeOpenExternal (electron/main/security.ts).' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Shared code runs in the renderer, the main process and workers: pure, no Electron, no I/O.
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: [NODE_BUILTINS] }] },
  },
  {
    // Services, storage and workers run in plain Node (tests, CLI, harness): never Electron.
    files: ['electron/services/**/*.ts', 'electron/db/**/*.ts', 'electron/workers/**/*.ts', 'electron/cli/**/*.ts', 'electron/harness/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may use Electron.' }] }] },
  },
  {
    // Only the storage module writes SQL against workspaces.
    files: ['electron/services/**/*.ts', 'electron/workers/**/*.ts', 'electron/main/**/*.ts', 'electron/harness/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may use Electron.' }, { name: 'better-sqlite3', message: 'Use the storage module (electron/db).' }] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: 'Use the storage module (electron/db).' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [NODE_BUILTINS, { group: ['**/electron/**'], message: 'The renderer reaches the services only through the contract.' }] }],
    },
  },
);
