import type { Migration } from 'kysely'
import * as foundation from './2026-11-23T14-00-00_foundation.ts'
import * as scoring from './2026-11-23T16-30-00_scoring.ts'

// Migrations are listed here rather than read from disk so the same list works in the
// Remix server bundle, in scripts and in tests. Names are timestamps; order is by name.
export const migrations: Record<string, Migration> = {
  '2026-11-23T14-00-00_foundation': foundation,
  '2026-11-23T16-30-00_scoring': scoring,
}
