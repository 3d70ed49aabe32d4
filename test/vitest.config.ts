import { defineConfig } from 'vitest/config'

const integration = {
  include: ['integration/**/*.test.ts'],
  // Sized for a loaded 2-core CI machine: a test that hangs still fails, a slow one passes.
  testTimeout: 120_000,
  hookTimeout: 180_000,
}

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'integration', ...integration } },
      {
        // The same tests on PostgreSQL: a throwaway cluster for the run, a database per
        // server under test (support/database.ts, docs/decisions/028).
        test: {
          name: 'integration-pg',
          ...integration,
          env: { CAITIEN_TEST_ENGINE: 'pg' },
          globalSetup: ['./support/pg-global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One browser story at a time: two cores, and each spec owns a server.
          fileParallelism: false,
        },
      },
    ],
  },
})
