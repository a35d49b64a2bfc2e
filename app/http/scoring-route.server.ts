import type { AppLoadContext } from '@remix-run/node'

import { getScoringTheme } from '#app/models/scoring/index.server.ts'
import { SLUG_PATTERN } from '#app/schemas/scoring.ts'

import { requireFound, requireParam } from './refusal.server.ts'

// Shared by the scoring routes: the theme named in the URL, or a 404 that names the slug.

export async function requireScoringTheme(context: AppLoadContext, slug: string | undefined) {
  const valid = requireParam(slug, SLUG_PATTERN, 'scoring.themeNotFound', 'slug')
  return requireFound(await getScoringTheme(context.db, valid), 'scoring.themeNotFound', { slug: valid })
}
