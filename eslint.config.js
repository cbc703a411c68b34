// Type-aware lint: the rules CONVENTIONS.md asks for from day one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'data',
      '.tmp',
      'bin',
      'dist',
      'coverage',
      'src/web/assets',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Fastify plugins and hooks are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'No .only in committed tests.' },
        { object: 'it', property: 'only', message: 'No .only in committed tests.' },
        { object: 'test', property: 'only', message: 'No .only in committed tests.' },
      ],
    },
  },
  {
    // SQL lives in *.store.ts files (and migrations): a route, service or rule that needs data
    // calls a store function. db/ is the kernel that runs the SQL; tests and benches set up data.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.store.ts', 'src/db/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL belongs in a *.store.ts file: call a store function here.',
        },
        {
          selector: "CallExpression[callee.name='one']",
          message: 'SQL belongs in a *.store.ts file: call a store function here.',
        },
        {
          selector: "CallExpression[callee.property.name='execAsOwner']",
          message: 'SQL belongs in a *.store.ts file (or a migration): call a store function here.',
        },
      ],
    },
  },
  {
    files: ['eslint.config.js', '.dependency-cruiser.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
