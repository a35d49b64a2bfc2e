import { json, type LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { listConsensus } from '#app/models/consensus.server.ts'
import { currentTeamWeek } from '#app/models/score-week.server.ts'
import { listScoreHistory } from '#app/models/score-export.server.ts'
import { getDisagreementThreshold, listDimensions, listModalities } from '#app/models/scoring-vocabulary.server.ts'
import { requireScoringTheme } from '#app/scoring/route.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'

// Score history as a download: ?format=csv (every analyst's scores, UTF-8 with a BOM so
// Excel reads the Chinese names) or ?format=xlsx (the same as a "Scores" sheet plus a
// "Consensus" sheet per modality x dimension x week).

const HEADER = ['week', 'modality', 'modality_en', 'modality_zh', 'dimension', 'dimension_en', 'dimension_zh', 'analyst', 'rubric', 'rubric_version', 'level', 'level_en', 'level_zh', 'reason', 'evidence', 'saved_at']

// A cell that starts like a formula would run as one when the CSV is opened in a spreadsheet.
const defuse = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const { theme, rubric } = await requireScoringTheme(context, params.slug)
  const format = new URL(request.url).searchParams.get('format')
  if (format !== 'csv' && format !== 'xlsx') throw json({ errors: { form: 'scoring.export.format' } }, { status: 400 })
  const history = await listScoreHistory(context.db, theme.id)
  const rows = history.map((r) => [r.week, r.modality, r.modalityEn, r.modalityZh, r.dimension, r.dimensionEn, r.dimensionZh, r.analyst, r.rubric, r.rubricVersion, r.level, r.levelEn, r.levelZh, r.reason, r.evidence, r.savedAt.toISOString()])
  const name = `${theme.slug}-scores-${await currentTeamWeek(context.db)}`
  if (format === 'csv') {
    const csv = Papa.unparse({ fields: HEADER, data: rows.map((row) => row.map(defuse)) })
    return new Response(`\uFEFF${csv}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` } })
  }
  const workbook = new ExcelJS.Workbook()
  const scores = workbook.addWorksheet('Scores')
  scores.addRow(HEADER).font = { bold: true }
  scores.addRows(rows)
  scores.views = [{ state: 'frozen', ySplit: 1 }]
  const consensus = workbook.addWorksheet('Consensus')
  consensus.addRow(['week', 'modality', 'dimension', 'median', 'mean', 'min', 'max', 'scorers', 'disagreement']).font = { bold: true }
  if (rubric) {
    const [modalities, dimensions, threshold] = await Promise.all([listModalities(context.db, { includeArchived: true }), listDimensions(context.db, { includeArchived: true }), getDisagreementThreshold(context.db)])
    const slug = (list: { id: number; slug: string }[], id: number) => list.find((x) => x.id === id)?.slug ?? String(id)
    const weeks = history.map((r) => r.week)
    const cells = weeks.length ? await listConsensus(context.db, theme.id, { rubricSlug: rubric.slug, fromWeek: weeks[0], toWeek: weeks[weeks.length - 1] }, threshold) : []
    consensus.addRows(cells.map((c) => [c.week, slug(modalities, c.modalityId), slug(dimensions, c.dimensionId), c.median, Math.round(c.mean * 100) / 100, c.min, c.max, c.count, c.disagreement ? 'yes' : 'no']))
  }
  consensus.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await workbook.xlsx.writeBuffer()
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${name}.xlsx"` },
  })
}
