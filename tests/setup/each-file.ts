import { afterEach, beforeEach, vi } from 'vitest'

// An unexpected console.error fails the test: React warnings and swallowed errors
// should not scroll by unnoticed. Tests that expect one spy on console.error themselves.
let errorSpy: ReturnType<typeof vi.spyOn> | undefined
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
})
afterEach(() => {
  errorSpy?.mockRestore()
})
