import type { DB } from '#app/models/db.server.ts'
import type { HistoryPart } from '#app/schemas/theme.ts'
import { type DiffPart, diffText } from '#app/utils/text-diff.ts'

// A theme's history tab, read from the audit log: every change of the theme and its parts
// is stored as entity_type 'theme', entity_id = theme id (see auditTheme), so one indexed
// query finds them, and the part is in the action name ('theme.risk.edit').

const ACTIONS_OF_PART: Record<HistoryPart, readonly string[]> = {
  thesis: ['theme.thesis'],
  details: ['theme.create', 'theme.update', 'theme.archive', 'theme.unarchive', 'theme.topic_words'],
  points: ['theme.risk.%', 'theme.catalyst.%'],
  segments: ['theme.segment.%'],
  companies: ['theme.company.%'],
  data: ['theme.data_stock.%', 'theme.estimate.%', 'theme.estimate_series.%', 'theme.series_estimate.%'],
}

// Free text gets a word/character diff; everything else is shown as "before → after".
const TEXT_FIELDS = new Set([
  'thesisMd',
  'thesisZhMd',
  'nameEn',
  'nameZh',
  'summaryEn',
  'summaryZh',
  'textEn',
  'textZh',
  'noteEn',
  'noteZh',
  'note',
  'source',
])
// Identify the thing changed rather than describe the change.
const HIDDEN_FIELDS = new Set(['id', 'companyId', 'subject'])

export type HistoryValue = string | number | boolean | { nameEn: string; nameZh: string } | null

export type HistoryChange =
  { field: string; kind: 'text'; diff: DiffPart[] } | { field: string; kind: 'value'; before: HistoryValue; after: HistoryValue }

type Values = Record<string, unknown> | null

// jsonb keeps keys in its own order, so the order people read fields in is set here.
const FIELD_ORDER = [
  'nameEn',
  'nameZh',
  'summaryEn',
  'summaryZh',
  'stance',
  'status',
  'parent',
  'thesisMd',
  'thesisZhMd',
  'audience',
  'textEn',
  'textZh',
  'expectedOn',
  'position',
  'company',
  'role',
  'exposure',
  'estimatedOn',
  'source',
  'years',
  'noteEn',
  'noteZh',
  'note',
  'companies',
]
const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length)

/** An estimate's two years read as one range ("2030–2050 → 2028–2045"). */
function withYears(values: Values): Values {
  if (!values || typeof values.yearFrom !== 'number' || typeof values.yearTo !== 'number') return values
  const { yearFrom, yearTo, ...rest } = values
  return { ...rest, years: `${yearFrom}–${yearTo}` }
}

function asValue(value: unknown): HistoryValue {
  if (value == null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  const named = value as { nameEn?: unknown; nameZh?: unknown }
  if (typeof named.nameEn === 'string') return { nameEn: named.nameEn, nameZh: typeof named.nameZh === 'string' ? named.nameZh : '' }
  return JSON.stringify(value)
}

/** What changed between an audit row's old and new values, field by field. */
export function describeChanges(rawOld: Values, rawNew: Values): HistoryChange[] {
  const oldValue = withYears(rawOld)
  const newValue = withYears(rawNew)
  const before = oldValue ?? {}
  const after = newValue ?? {}
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .sort((a, b) => rank(a) - rank(b))
  const changes: HistoryChange[] = []
  for (const field of fields) {
    const a = before[field]
    const b = after[field]
    // A value present on both sides and equal is context (a moved risk's text), not a change.
    if (oldValue && newValue && JSON.stringify(a) === JSON.stringify(b)) continue
    if (TEXT_FIELDS.has(field) && (typeof a === 'string' || typeof b === 'string')) {
      const diff = diffText(typeof a === 'string' ? a : '', typeof b === 'string' ? b : '')
      if (diff.length) changes.push({ field, kind: 'text', diff })
    } else if (a != null || b != null) {
      changes.push({ field, kind: 'value', before: oldValue ? asValue(a) : null, after: newValue ? asValue(b) : null })
    }
  }
  return changes
}

/** The thing an entry is about: a segment, company or data stock, or a moved risk's text. */
function subjectOf(oldValue: Values, newValue: Values): { nameEn: string; nameZh: string } | null {
  const values = newValue ?? oldValue ?? {}
  const subject = asValue(values.subject)
  if (subject && typeof subject === 'object') return subject
  if (
    oldValue &&
    newValue &&
    oldValue.textEn === newValue.textEn &&
    oldValue.textZh === newValue.textZh &&
    typeof newValue.textEn === 'string'
  ) {
    return { nameEn: String(newValue.textEn), nameZh: String(newValue.textZh ?? '') }
  }
  return null
}

export async function listThemeHistory(db: DB, themeId: number, query: { before?: number; part?: HistoryPart; limit?: number } = {}) {
  const limit = query.limit ?? 30
  let q = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.old_value as oldValue',
      'audit_log.new_value as newValue',
      'app_user.display_name as actorName',
    ])
    .where('audit_log.entity_type', '=', 'theme')
    .where('audit_log.entity_id', '=', String(themeId))
    .orderBy('audit_log.id', 'desc')
    .limit(limit + 1)
  if (query.before) q = q.where('audit_log.id', '<', query.before)
  if (query.part) {
    const patterns = ACTIONS_OF_PART[query.part]
    q = q.where((eb) => eb.or(patterns.map((p) => eb('audit_log.action', 'like', p))))
  }
  const rows = await q.execute()
  const hasMore = rows.length > limit
  const entries = rows.slice(0, limit).map((row) => {
    const oldValue = row.oldValue as Values
    const newValue = row.newValue as Values
    const changes = describeChanges(oldValue, newValue)
    return {
      id: row.id,
      at: row.at,
      actorName: row.actorName,
      action: row.action.replace(/^theme\./, ''),
      subject: subjectOf(oldValue, newValue),
      changes,
    }
  })
  return { entries, nextBefore: hasMore ? entries[entries.length - 1].id : null }
}

export type ThemeHistoryEntry = Awaited<ReturnType<typeof listThemeHistory>>['entries'][number]
