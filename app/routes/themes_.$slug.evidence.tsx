import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser } from '#app/http/auth.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { searchEvidence } from '#app/models/scoring/index.server.ts'

// The scoring page's evidence search (JSON for its search box): documents and mentions
// matching ?q=, the theme's own documents first.

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const { theme } = await requireScoringTheme(context, params.slug)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  return json(await searchEvidence(context.db, theme.id, q))
}
