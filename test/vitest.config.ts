import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'integration',
          include: ['integration/**/*.test.ts'],
          // Sized for a loaded 2-core CI machine: a test that hangs still fails, a slow one passes.
          testTimeout: 120_000,
          hookTimeout: 180_000,
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
