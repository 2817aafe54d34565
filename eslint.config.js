// Lint keeps the runtime layers apart (see DESIGN.md): src-shared imports no runtime, and only the
// Electron shell and its preload import `electron`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Everything outside the Electron shell must run without Electron (browser host, CLI, tests).
    files: ['**/*.{ts,tsx}'],
    ignores: ['src-main/electron/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron and src-main/preload may import electron.' }] }],
    },
  },
  {
    // Both sides import src-shared, so it may use no runtime: no Node, Electron, DOM, React or Dexie.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie', ...nodeBuiltins].map((name) => ({
            name,
            message: 'src-shared must stay free of runtime imports (Node, Electron, DOM, React, Dexie).',
          })),
          patterns: [{ group: ['node:*', 'dexie*', 'react*', '../src-main/*', '../src-renderer/*', '../../src-main/*', '../../src-renderer/*'], message: 'src-shared must stay free of runtime imports.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage', 'process', 'Buffer'],
    },
  },
);
