import { json, type LoaderFunctionArgs } from '@remix-run/node'

import { requireUser, resolveLocale } from '#app/http/auth.server.ts'
import { requireWatchlist } from '#app/http/lookups.server.ts'
import type { MessageKey } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import { getTeamTimeZone } from '#app/models/ops/index.server.ts'
import { listLiveEntries } from '#app/models/watchlist/index.server.ts'
import { ExportFormatSchema } from '#app/schemas/watchlist.ts'
import { calendarDateIn } from '#app/utils/iso-week.ts'
import { writeCsv, writeXlsx } from '#app/utils/spreadsheet.server.ts'
import { formatTicker } from '#app/utils/ticker.ts'

// GET /watchlists/:id/export?format=csv|xlsx: the live entries as a download, in the
// reader's language. Any signed-in user may export. The company, rationale, notes and
// tags columns are what the importer reads, so an export can be edited and imported back.

const HEADER_KEYS: MessageKey[] = [
  'watchlists.export.company',
  'watchlists.export.nameZh',
  'watchlists.export.tickers',
  'watchlists.export.region',
  'watchlists.export.vendorType',
  'watchlists.export.listing',
  'watchlists.export.tags',
  'watchlists.export.rationale',
  'watchlists.export.notes',
  'watchlists.export.addedBy',
  'watchlists.export.addedOn',
]
const WIDTHS = [22, 14, 18, 12, 20, 10, 28, 50, 50, 16, 12]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const format = ExportFormatSchema.safeParse(new URL(request.url).searchParams.get('format'))
  const locale = await resolveLocale(request, user)
  const t = makeTranslate(locale)
  if (!format.success) throw json({ errors: { form: 'watchlists.export.badFormat' } }, { status: 400 })
  const watchlist = await requireWatchlist(context, params.id)
  const [entries, timeZone] = await Promise.all([listLiveEntries(context.db, watchlist.id), getTeamTimeZone(context.db)])

  const dateOf = (instant: Date) => {
    const { year, month, day } = calendarDateIn(instant, timeZone)
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }
  // The date column names the zone its dates are in: the team's, as the page shows them.
  const header = HEADER_KEYS.map((key) =>
    key === 'watchlists.export.addedOn' ? t('exports.inZone', { label: t(key), zone: timeZone }) : t(key),
  )
  const rows = entries.map((e) => [
    e.nameEn,
    e.nameZh,
    e.tickers.map(formatTicker).join(', '),
    labelOf(t, 'region', e.region),
    labelOf(t, 'vendor', e.vendorType),
    e.isListed ? t('listing.listed') : t('listing.private'),
    e.tags.join(', '),
    e.rationale,
    e.notesMd,
    e.addedByName ?? '',
    dateOf(e.addedAt),
  ])

  const fileBase = `${watchlist.name}-${dateOf(new Date())}`
  const headers = new Headers({ 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
  let body: string | Uint8Array<ArrayBuffer>
  if (format.data === 'csv') {
    body = writeCsv(header, rows)
    headers.set('Content-Type', 'text/csv; charset=utf-8')
  } else {
    body = await writeXlsx(watchlist.name, header, rows, WIDTHS)
    headers.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  }
  headers.set('Content-Disposition', contentDisposition(`${fileBase}.${format.data}`, `watchlist-${watchlist.id}.${format.data}`))
  return new Response(body, { status: 200, headers })
}

/** attachment with an ASCII fallback and the real (often Chinese) name per RFC 6266/5987. */
function contentDisposition(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot stand in a file name
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').slice(0, 150)
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
