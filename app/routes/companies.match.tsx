import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser } from '#app/http/auth.server.ts'
import { searchEverything } from '#app/models/company/index.server.ts'
import { SearchParamsSchema } from '#app/schemas/search.ts'
import { formatTicker } from '#app/utils/ticker.ts'

// GET /companies/match?q=腾讯: the companies the header search finds for a name, alias or
// ticker, as JSON for the company picker (app/components/company-picker.tsx). Best first.

const PICKER_LIMIT = 8

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const { q } = SearchParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { query, companies } = await searchEverything(context.db, q)
  return json(
    {
      query,
      companies: companies.slice(0, PICKER_LIMIT).map((c) => ({
        id: c.id,
        nameEn: c.nameEn,
        nameZh: c.nameZh,
        tickers: c.tickers.map(formatTicker),
        matchedBy: c.match.by,
        matchedText: c.match.text,
      })),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}
