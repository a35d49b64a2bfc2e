import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'

import { requireUser } from '#app/http/auth.server.ts'
import { scoresCsv } from '#app/http/score-csv.server.ts'
import { changesCsv, type ScoreExport, scoresXlsx } from '#app/http/score-export.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import {
  currentTeamWeek,
  getDisagreementThreshold,
  listConsensus,
  listDimensions,
  listModalities,
  pageScoreChanges,
  pageScoreHistory,
} from '#app/models/scoring/index.server.ts'

// Score history as a download: ?format=csv (every analyst's scores), ?format=csv&part=changes
// (the saves a later save replaced), or ?format=xlsx (both as sheets, plus a "Consensus"
// sheet per modality x dimension x week). All stream a few weeks at a time, in the team's time zone.

const ExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  part: z.enum(['scores', 'changes']).default('scores'),
})

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const query = ExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw json({ errors: { form: 'scoring.export.format' } }, { status: 400 })
  const { format, part } = query.data
  const db = context.db
  const [modalities, dimensions, threshold, timeZone, week] = await Promise.all([
    listModalities(db, theme.id, { includeArchived: true }),
    listDimensions(db, theme.id, { includeArchived: true }),
    getDisagreementThreshold(db),
    getTeamTimeZone(db),
    currentTeamWeek(db),
  ])
  const slug = (list: { id: number; slug: string }[], id: number) => list.find((x) => x.id === id)?.slug ?? String(id)
  async function* pages(): ScoreExport['pages'] {
    for await (const page of pageScoreHistory(db, theme.id)) {
      yield {
        rows: page.rows,
        consensus: async () =>
          rubric
            ? (await listConsensus(db, theme.id, { rubricSlug: rubric.slug, fromWeek: page.fromWeek, toWeek: page.toWeek }, threshold)).map(
                (c) => [
                  c.week,
                  slug(modalities, c.modalityId),
                  slug(dimensions, c.dimensionId),
                  c.median,
                  Math.round(c.mean * 100) / 100,
                  c.min,
                  c.max,
                  c.count,
                  c.disagreement ? 'yes' : 'no',
                ],
              )
            : [],
      }
    }
  }
  const exported: ScoreExport = { timeZone, pages: pages(), changes: () => pageScoreChanges(db, theme.id) }
  const name = `${theme.slug}-${part === 'changes' ? 'earlier-saves' : 'scores'}-${week}`
  if (format === 'csv') {
    return new Response(part === 'changes' ? changesCsv(exported) : scoresCsv(exported), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
    })
  }
  return new Response(scoresXlsx(exported), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${theme.slug}-scores-${week}.xlsx"`,
    },
  })
}
