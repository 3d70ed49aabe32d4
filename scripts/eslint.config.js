// Flat config for the whole workspace (STYLE B9). Kept in scripts/ so the top level holds
// only the entries the project agreed on; `pnpm lint` points ESLint at it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const restrict = (patterns) => ['error', { patterns }]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/data/**',
      'bench/results/**',
      'test/.scratch/**',
      'test/.artifacts/**',
      'scripts/**',
      '**/*.config.ts',
      'server/bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: new URL('..', import.meta.url).pathname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // `!card || card.planId !== id` reads as the two checks it is.
      '@typescript-eslint/prefer-optional-chain': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-definitions': 'off',
      '@typescript-eslint/prefer-nullish-coalescing': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in server/src/env.ts only.',
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@caitien/*', 'node:*', 'react', 'react-dom', 'hono', 'hono/*', 'kysely'],
          message: 'shared/ is pure: no I/O, no framework.',
        },
      ]),
    },
  },
  {
    files: ['db/**'],
    ignores: ['db/src/create-db.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@caitien/server', '@caitien/web', 'better-sqlite3', 'pg'],
          message: 'Only db/src/create-db.ts knows the driver.',
        },
      ]),
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['better-sqlite3', 'pg'], message: 'Only db/src/create-db.ts knows the driver.' },
      ]),
    },
  },
  {
    // SQL lives in repositories (docs/decisions/020): a query anywhere else in the server is
    // refused, so a use case or a route cannot grow one back.
    files: ['server/src/**'],
    ignores: ['server/src/**/*.repository.ts', 'server/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom)$/]',
          message: 'SQL belongs in a *.repository.ts file (docs/decisions/020).',
        },
      ],
    },
  },
  {
    // Routes and the CLI call use cases, which call repositories (docs/decisions/020).
    files: ['server/src/routes/**', 'server/src/cli.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['better-sqlite3', 'pg'], message: 'Only db/src/create-db.ts knows the driver.' },
        {
          group: ['**/*.repository.ts', 'kysely'],
          message: 'Routes and the CLI call use cases, not repositories (docs/decisions/020).',
        },
      ]),
    },
  },
  {
    // Migrations take Kysely<any> on purpose: they are frozen in time, not typed by today's schema.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['server/src/env.ts', 'test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@caitien/server', '@caitien/db'].map((name) => ({
            name,
            message: 'web may import @caitien/shared and @caitien/server/client only.',
          })),
          patterns: [
            {
              group: ['@caitien/server/testing', '@caitien/db/*'],
              message: 'web may import @caitien/shared and @caitien/server/client only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
)
