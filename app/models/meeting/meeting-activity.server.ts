import type { DB } from '#app/models/db.server.ts'
import { revisionsBySource, sourceOrder } from '#app/utils/estimate-sources.ts'

// The meeting's other slides, each between two instants of the team's time zone (the
// meeting week, or since the previous meeting) and never past the end of the week, so a
// past meeting shows what was known then.

export interface Span {
  from: Date
  to: Date
}

/** Adds to and removals from the theme's watchlists within the span, with the rationale or reason. */
export async function listWatchlistChanges(db: DB, themeId: number, span: Span) {
  const rows = await db
    .selectFrom('watchlist_entry as e')
    .innerJoin('watchlist as w', 'w.id', 'e.watchlist_id')
    .innerJoin('company as c', 'c.id', 'e.company_id')
    .leftJoin('app_user as adder', 'adder.id', 'e.added_by')
    .leftJoin('app_user as remover', 'remover.id', 'e.removed_by')
    .select([
      'e.id',
      'w.id as watchlistId',
      'w.name as watchlist',
      'c.id as companyId',
      'c.name_en as nameEn',
      'c.name_zh as nameZh',
      'e.rationale',
      'e.added_at as addedAt',
      'adder.display_name as addedBy',
      'e.removed_at as removedAt',
      'e.removed_reason as removedReason',
      'remover.display_name as removedBy',
    ])
    .where('w.theme_id', '=', themeId)
    .where((eb) =>
      eb.or([
        eb.and([eb('e.added_at', '>=', span.from), eb('e.added_at', '<=', span.to)]),
        eb.and([eb('e.removed_at', '>=', span.from), eb('e.removed_at', '<=', span.to)]),
      ]),
    )
    .execute()
  const events = rows.flatMap((r) => {
    const base = {
      entryId: r.id,
      watchlistId: r.watchlistId,
      watchlist: r.watchlist,
      companyId: r.companyId,
      nameEn: r.nameEn,
      nameZh: r.nameZh,
    }
    const list: {
      kind: 'add' | 'remove'
      at: Date
      by: string | null
      text: string
      entryId: number
      watchlistId: number
      watchlist: string
      companyId: number
      nameEn: string
      nameZh: string
    }[] = []
    if (r.addedAt >= span.from && r.addedAt <= span.to)
      list.push({
        ...base,
        kind: 'add',
        at: r.addedAt,
        by: r.addedBy,
        text: r.rationale,
      })
    if (r.removedAt && r.removedAt >= span.from && r.removedAt <= span.to)
      list.push({
        ...base,
        kind: 'remove',
        at: r.removedAt,
        by: r.removedBy,
        text: r.removedReason ?? '',
      })
    return list
  })
  events.sort((a, b) => a.watchlist.localeCompare(b.watchlist) || a.at.getTime() - b.at.getTime() || a.entryId - b.entryId)
  // How many companies each watchlist held at the end of the span.
  const sizes = await db
    .selectFrom('watchlist as w')
    .leftJoin('watchlist_entry as e', (join) =>
      join
        .onRef('e.watchlist_id', '=', 'w.id')
        .on('e.added_at', '<=', span.to)
        .on((eb) => eb.or([eb('e.removed_at', 'is', null), eb('e.removed_at', '>', span.to)])),
    )
    .select((eb) => ['w.id', 'w.name', eb.fn.count<number>('e.id').as('size')])
    .where('w.theme_id', '=', themeId)
    .where('w.created_at', '<=', span.to)
    .groupBy(['w.id', 'w.name'])
    .orderBy('w.name')
    .execute()
  return {
    events,
    watchlists: sizes.map((s) => ({ ...s, size: Number(s.size) })),
  }
}

/**
 * Data-exhaustion estimates as they stood at `asOf` (entered by then): the current one per
 * data stock, and the revisions entered since the previous meeting with how far they
 * moved the range.
 */
export async function loadEstimatesAsOf(db: DB, themeId: number, since: Date, asOf: Date) {
  const rows = await db
    .selectFrom('data_exhaustion_estimate as e')
    .innerJoin('data_stock as s', 's.id', 'e.data_stock_id')
    .select([
      'e.id',
      's.id as stockId',
      's.name_en as nameEn',
      's.name_zh as nameZh',
      's.position',
      'e.source',
      'e.estimated_on as estimatedOn',
      'e.year_from as yearFrom',
      'e.year_to as yearTo',
      'e.note',
      'e.created_at as createdAt',
    ])
    .where('s.theme_id', '=', themeId)
    .where('e.created_at', '<=', asOf)
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('e.estimated_on')
    .orderBy('e.id')
    .execute()
  const byStock = new Map<number, typeof rows>()
  for (const row of rows) byStock.set(row.stockId, [...(byStock.get(row.stockId) ?? []), row])
  // Sources stand side by side: the current estimate is per source, and a revision is the
  // same source changing its estimate (app/utils/estimate-sources.ts).
  const order = sourceOrder(rows)
  const marked = [...byStock.values()].map((list) => revisionsBySource(list))
  const current = marked.flatMap((list) =>
    list.filter((e) => e.isCurrent).sort((a, b) => order.indexOf(a.sourceKey) - order.indexOf(b.sourceKey)),
  )
  const revisions = marked.flatMap((list) =>
    list.flatMap((e) =>
      // A source's first estimate is on the chart, not in this list.
      e.createdAt <= since || e.shiftFrom == null || e.shiftTo == null ? [] : [{ ...e, shiftFrom: e.shiftFrom, shiftTo: e.shiftTo }],
    ),
  )
  return { current, revisions }
}

export const DOCUMENT_TITLES_SHOWN = 24

/** Documents of the theme added within the span: counts by publisher and the newest titles. */
export async function listNewDocuments(db: DB, themeId: number, span: Span) {
  const inSpan = db
    .selectFrom('document')
    .innerJoin('document_theme', 'document_theme.document_id', 'document.id')
    .where('document_theme.theme_id', '=', themeId)
    .where('document.created_at', '>=', span.from)
    .where('document.created_at', '<=', span.to)
  const [publishers, newest] = await Promise.all([
    inSpan
      .select((eb) => ['document.publisher', eb.fn.countAll<number>().as('count')])
      .groupBy('document.publisher')
      .orderBy('count', 'desc')
      .orderBy('document.publisher')
      .execute(),
    inSpan
      .select([
        'document.id',
        'document.title',
        'document.publisher',
        'document.published_on as publishedOn',
        'document.created_at as createdAt',
      ])
      .orderBy('document.created_at', 'desc')
      .orderBy('document.id', 'desc')
      .limit(DOCUMENT_TITLES_SHOWN)
      .execute(),
  ])
  const list = publishers.map((p) => ({
    publisher: p.publisher,
    count: Number(p.count),
  }))
  return {
    total: list.reduce((sum, p) => sum + p.count, 0),
    publishers: list,
    newest,
  }
}
