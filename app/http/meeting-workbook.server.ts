import ExcelJS from 'exceljs'

import { type Locale, localName, type MessageKey } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import type { MeetingView } from '#app/models/meeting/index.server.ts'
import { neutraliseCell } from '#app/utils/spreadsheet.server.ts'
import { makeZonedClock } from '#app/utils/zoned-time.ts'

// The meeting's data as a workbook, one sheet per slide, in the reader's language. Every
// text cell is neutralised (a leading =, +, -, @ gets an apostrophe), so a reason or a
// company name typed as "=HYPERLINK(...)" opens as text, never as a formula. Times are on
// the team's clock, as the page shows them, and each time column names the zone.

type Cell = string | number | null

const cell = (value: Cell) => (typeof value === 'string' ? neutraliseCell(value) : value)

type Theme = { nameEn: string; nameZh: string }

/** Excel's limit on a sheet name, and the characters it refuses in one. */
const SHEET_NAME_MAX = 31
const sheetSafe = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ')

/** A theme's short name for sheet prefixes: its leading words up to 14 characters (人形机器人, "Humanoid"). */
export function themeShortName(name: string, max = 14): string {
  const words = sheetSafe(name).trim().split(/\s+/)
  let short = words[0].slice(0, max)
  for (const word of words.slice(1)) {
    if (short.length + 1 + word.length > max) break
    short += ` ${word}`
  }
  return short
}

/** Sheet names in one workbook: at most 31 characters, unique regardless of case (as Excel wants). */
function sheetNamer() {
  const taken = new Set<string>()
  return (wanted: string) => {
    const base = sheetSafe(wanted).slice(0, SHEET_NAME_MAX).trim()
    let name = base
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, SHEET_NAME_MAX - String(n).length - 1).trim()} ${n}`
    taken.add(name.toLowerCase())
    return name
  }
}

/**
 * The meeting's workbook: its own theme's sheets, then, when the meeting covers further
 * themes (decision 040), each further theme's sheets together, their names prefixed by the
 * theme's short name ("Humanoid · Consensus matrix").
 */
export async function writeMeetingWorkbook(
  view: MeetingView,
  theme: Theme,
  locale: Locale,
  more: { view: MeetingView; theme: Theme }[] = [],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date()
  const nameSheet = sheetNamer()
  addThemeSheets(workbook, view, theme, locale, (title) => nameSheet(title))
  for (const extra of more) {
    const prefix = themeShortName(localName(locale, extra.theme))
    addThemeSheets(workbook, extra.view, extra.theme, locale, (title) => nameSheet(`${prefix} · ${title}`))
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** One theme's sheets, one per slide. */
function addThemeSheets(workbook: ExcelJS.Workbook, view: MeetingView, theme: Theme, locale: Locale, sheetName: (title: string) => string) {
  const t = makeTranslate(locale)
  const name = (thing: { nameEn: string; nameZh: string }) => localName(locale, thing)
  const clock = makeZonedClock(view.timeZone)
  const local = (instant: string | Date) => clock.text(new Date(instant).getTime())
  const inZone = (key: MessageKey) => t('exports.inZone', { label: t(key), zone: view.timeZone })
  const sheet = (title: MessageKey, header: string[], rows: Cell[][]) => {
    const ws = workbook.addWorksheet(sheetName(t(title)))
    ws.addRow(header.map(cell)).font = { bold: true }
    for (const row of rows) ws.addRow(row.map(cell))
    ws.views = [{ state: 'frozen', ySplit: 1 }]
    header.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 28 : 20))
  }
  sheet(
    'meeting.xlsx.about',
    [t('meeting.xlsx.field'), t('meeting.xlsx.value')],
    [
      [t('meeting.theme'), name(theme)],
      [t('meeting.xlsx.week'), view.week],
      [inZone('meeting.xlsx.asOf'), local(view.asOf)],
      [t('exports.timeZone'), view.timeZone],
      [t('meeting.xlsx.previousMeeting'), view.previousWeek],
      [t('meeting.notes.actions'), view.notes?.actionsMd ?? ''],
      [t('meeting.notes.notes'), view.notes?.notesMd ?? ''],
    ],
  )
  sheet(
    'meeting.slide.matrix',
    [
      t('scoring.grid.modality'),
      t('meeting.xlsx.dimension'),
      t('meeting.xlsx.median'),
      t('meeting.xlsx.previous'),
      'min',
      'max',
      t('meeting.xlsx.scorers'),
      t('meeting.xlsx.disagreement'),
    ],
    view.modalities.flatMap((m) =>
      view.dimensions.flatMap((d) => {
        const c = view.matrix.cells[`${m.slug}.${d.slug}`]
        return c ? [[name(m), name(d), c.median, c.previousMedian, c.min, c.max, c.count, c.disagreement ? '⚑' : '']] : []
      }),
    ),
  )
  sheet(
    'meeting.slide.moves',
    [
      t('scoring.grid.modality'),
      t('meeting.xlsx.dimension'),
      t('scoring.moved.analyst'),
      t('meeting.xlsx.from'),
      t('meeting.xlsx.to'),
      t('scoring.moved.reason'),
      t('scoring.editor.evidence'),
      inZone('scoring.moved.savedAt'),
    ],
    view.moves.map((m) => [
      name(m.modality),
      name(m.dimension),
      m.analyst,
      m.from,
      m.to,
      m.reason,
      m.evidence.map((e) => e.title).join('; '),
      local(m.savedAt),
    ]),
  )
  sheet(
    'meeting.slide.discuss',
    [
      t('scoring.grid.modality'),
      t('meeting.xlsx.dimension'),
      t('scoring.moved.analyst'),
      t('meeting.discuss.level'),
      t('scoring.moved.reason'),
    ],
    view.matrix.disagreements.flatMap((c) => c.scores.map((s) => [name(c.modality), name(c.dimension), s.analyst, s.level, s.reason])),
  )
  sheet(
    'meeting.slide.mentions',
    [t('meeting.mentions.company'), t('company.region'), t('meeting.mentions.mentions'), t('meeting.xlsx.documents')],
    view.mentions.top.map((c) => [name(c), labelOf(t, 'region', c.region), c.mentions, c.documents]),
  )
  sheet(
    'meeting.slide.watchlists',
    [
      t('meeting.watchlists.change'),
      t('meeting.mentions.company'),
      t('meeting.watchlists.list'),
      t('meeting.watchlists.why'),
      t('meeting.watchlists.who'),
      inZone('meeting.xlsx.when'),
    ],
    view.watchlists.events.map((e) => [
      e.kind === 'add' ? t('meeting.watchlists.added') : t('meeting.watchlists.removed'),
      name(e),
      e.watchlist,
      e.text,
      e.by,
      local(e.at),
    ]),
  )
  sheet(
    'meeting.slide.exhaustion',
    [
      t('theme.dataStock'),
      t('meeting.xlsx.yearFrom'),
      t('meeting.xlsx.yearTo'),
      t('theme.estimateSource'),
      t('theme.estimatedOn'),
      t('meeting.xlsx.revisedThisWeek'),
    ],
    view.estimates.current.map((e) => [
      name(e),
      e.yearFrom,
      e.yearTo,
      e.source,
      e.estimatedOn,
      view.estimates.revisions.some((r) => r.id === e.id) ? '✓' : '',
    ]),
  )
  sheet(
    'meeting.slide.documents',
    [t('meeting.documents.publisher'), t('meeting.documents.count')],
    view.documents.publishers.map((p) => [p.publisher?.trim() ? p.publisher : t('meeting.documents.unknownPublisher'), p.count]),
  )
}
