import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

// Docs name files; files move. Every repo path a markdown file names (README.md, docs/,
// app/) must exist, so a move that forgets the docs fails here rather than in a reader's
// hands.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// Written by tools at run time, so absent in a fresh clone.
const generated = [/^tests\/bench\/out\//, /^tests\/e2e\/artifacts\//]

function markdownFiles(): string[] {
  const inFolder = (folder: string) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(folder, name))
  return ['README.md', ...inFolder('docs'), ...inFolder('app')].sort()
}

/** Paths the text names: `app/...`, `db/...`, `tests/...`, `seeds/...`, `docs/...` (also as `#app/...`). */
function repoPaths(text: string): string[] {
  const found = new Set<string>()
  // Stops at anything that cannot be in a path here (space, backtick, quote, <placeholder>, *glob).
  for (const match of text.matchAll(/(?<![\w./-])#?((?:app|db|tests|seeds|docs)\/[\w./$@-]*)/g)) {
    found.add(match[1].replace(/[.,:;]+$/, ''))
  }
  return [...found]
}

/** Targets of relative markdown links, resolved against the file's folder. */
function linkTargets(file: string, text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1].split('#')[0]
    if (!target || /^[a-z]+:/i.test(target)) continue
    found.add(relative(root, resolve(root, dirname(file), target)))
  }
  return [...found]
}

/** In a README inside app/, `file.ts` in backticks names a file of that folder. */
function siblingFiles(file: string, text: string): string[] {
  if (!file.startsWith('app/')) return []
  const found = new Set<string>()
  for (const match of text.matchAll(/`([\w.-]+\.tsx?)`/g)) found.add(join(dirname(file), match[1]))
  return [...found]
}

describe('paths named in the docs exist', () => {
  it.each(markdownFiles())('%s', (file) => {
    const text = readFileSync(join(root, file), 'utf8')
    const named = [...repoPaths(text), ...linkTargets(file, text), ...siblingFiles(file, text)]
    const missing = named.filter((path) => !generated.some((re) => re.test(path)) && !existsSync(join(root, path)))
    expect(missing).toEqual([])
  })

  it('finds the paths it is meant to check', () => {
    expect(repoPaths('see `app/models/db.server.ts`, #app/i18n/index.ts and app/routes/watchlists.$id.tsx.')).toEqual([
      'app/models/db.server.ts',
      'app/i18n/index.ts',
      'app/routes/watchlists.$id.tsx',
    ])
    expect(repoPaths('db/migrations/<timestamp>_<name>.ts and app/**/README.md')).toEqual(['db/migrations/', 'app/'])
    expect(repoPaths('https://example.org/app/x and myapp/y')).toEqual([])
  })
})
