import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser } from '#app/http/auth.server.ts'
import { csvStream, type ExportPages, xlsxStream } from '#app/http/score-export.server.ts'
import { requireScoringTheme } from '#app/http/scoring-route.server.ts'
import {
  currentTeamWeek,
  getDisagreementThreshold,
  listConsensus,
  listDimensions,
  listModalities,
  pageScoreHistory,
} from '#app/models/scoring/index.server.ts'

// Score history as a download: ?format=csv (every analyst's scores) or ?format=xlsx (the
// same as a "Scores" sheet plus a "Consensus" sheet per modality x dimension x week).
// Both stream a few weeks at a time (app/scoring/score-export.server.ts).

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const format = new URL(request.url).searchParams.get('format')
  if (format !== 'csv' && format !== 'xlsx') throw json({ errors: { form: 'scoring.export.format' } }, { status: 400 })
  const db = context.db
  const name = `${theme.slug}-scores-${await currentTeamWeek(db)}`
  const [modalities, dimensions, threshold] = await Promise.all([
    listModalities(db, theme.id, { includeArchived: true }),
    listDimensions(db, theme.id, { includeArchived: true }),
    getDisagreementThreshold(db),
  ])
  const slug = (list: { id: number; slug: string }[], id: number) => list.find((x) => x.id === id)?.slug ?? String(id)
  async function* pages(): ExportPages {
    for await (const page of pageScoreHistory(db, theme.id)) {
      yield {
        rows: page.rows,
        consensus: async () =>
          rubric && format === 'xlsx'
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
  if (format === 'csv') {
    return new Response(csvStream(pages()), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
    })
  }
  return new Response(xlsxStream(pages()), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
    },
  })
}
