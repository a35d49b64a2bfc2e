import { defineConfig } from 'vitest/config'

// Browser tests: the built app in a real Debian chromium (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: [],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
