import { defineConfig } from 'vitest/config'

// Browser tests: the built app in a real Debian chromium (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: [],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // On CI's two busy cores a browser step now and then outruns the page; one retry there keeps a
    // timing blip from blocking a landing, while a real break still fails twice. Locally: no retry.
    retry: process.env.CI ? 1 : 0,
  },
})
