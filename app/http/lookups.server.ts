import type { AppLoadContext } from '@remix-run/node'

import { getCompany } from '#app/models/company/index.server.ts'
import { findThemeIdBySlug, getThemeBySlug } from '#app/models/theme/index.server.ts'
import { getWatchlist } from '#app/models/watchlist/index.server.ts'
import { SLUG_PATTERN } from '#app/schemas/scoring.ts'

import { requireFound, requireIdParam, requireParam } from './refusal.server.ts'

// The lookups several routes make from their URL: the thing, or a 404 page that names what
// was asked for.

export async function requireWatchlist(context: AppLoadContext, idParam: string | undefined) {
  const id = requireIdParam(idParam, 'watchlists.notFound')
  return requireFound(await getWatchlist(context.db, id), 'watchlists.notFound', { id: String(id) })
}

export async function requireThemeId(context: AppLoadContext, slugParam: string | undefined): Promise<number> {
  const slug = requireParam(slugParam, SLUG_PATTERN, 'theme.notFound', 'slug')
  return requireFound(await findThemeIdBySlug(context.db, slug), 'theme.notFound', { slug })
}

export async function requireTheme(context: AppLoadContext, slugParam: string | undefined) {
  const slug = requireParam(slugParam, SLUG_PATTERN, 'theme.notFound', 'slug')
  return requireFound(await getThemeBySlug(context.db, slug), 'theme.notFound', { slug })
}

export async function requireCompany(context: AppLoadContext, idParam: string | undefined) {
  const id = requireIdParam(idParam, 'company.notFound')
  return requireFound(await getCompany(context.db, id), 'company.notFound', { id: String(id) })
}
