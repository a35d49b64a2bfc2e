import { existsSync, readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

// `npm run migrate` once pointed at a file that had been moved away, and nothing noticed
// until someone ran it. Every file an npm script names must exist.

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts

describe('package.json scripts', () => {
  const named = Object.entries(scripts).flatMap(([name, command]) =>
    [...command.matchAll(/(?:^|\s)((?:app|db|seeds|tests)\/[\w./-]+\.(?:ts|mjs|cjs|js))/g)].map((match) => [name, match[1]] as const),
  )

  it('names files', () => {
    expect(named.map(([name]) => name)).toEqual(expect.arrayContaining(['migrate', 'seed', 'themeradar', 'bench']))
  })

  it.each(named)('%s runs %s, which exists', (_name, file) => {
    expect(existsSync(file)).toBe(true)
  })
})
