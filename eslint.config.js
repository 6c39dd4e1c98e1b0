import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    // Operations scripts run by hand with node (docs/nginx/check.mjs).
    files: ['docs/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['client/src/offline/sw.js'],
    languageOptions: {
      // The two placeholders are replaced at build time (client/offlinePlugin.ts).
      globals: { ...globals.serviceworker, __PRECACHE_FILES__: 'readonly', __PRECACHE_VERSION__: 'readonly' },
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
