import type { Region, VendorType } from '#db/types.ts'

import { normaliseText } from './normalise.ts'

// The watchlist table's filters and sort order: pure, so the server renders the same rows
// as the browser (the view lives in the URL: ?q=&region=&sort=-addedAt) and it can be tested.

/** Tags match whatever their case: "2C", "2c" and "２Ｃ" are one tag (each keeps the case it was typed in). */
export function sameTag(tag: string): string {
  return tag.normalize('NFKC').toLowerCase()
}

export const SORT_KEYS = ['company', 'tickers', 'region', 'vendorType', 'listing', 'tags', 'themes', 'rationale', 'added'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export interface TableView {
  q: string
  region: string
  vendorType: string
  listing: '' | 'listed' | 'private'
  tag: string
  theme: string
  sort: SortKey
  desc: boolean
}

export const DEFAULT_VIEW: TableView = { q: '', region: '', vendorType: '', listing: '', tag: '', theme: '', sort: 'added', desc: true }

export interface ViewRow {
  nameEn: string
  nameZh: string
  region: Region
  vendorType: VendorType
  isListed: boolean
  rationale: string
  notesMd: string
  tags: string[]
  addedAt: string
  addedByName: string | null
  tickers: { exchange: string; code: string }[]
  themes: { slug: string; nameEn: string; nameZh: string }[]
}

export function parseView(params: URLSearchParams): TableView {
  // The last sort wins: a header button submits the filter form, which also holds the current one.
  const rawSort = params.getAll('sort').at(-1) ?? ''
  const key = rawSort.replace(/^-/, '')
  const sortKnown = (SORT_KEYS as readonly string[]).includes(key)
  const listing = params.get('listing')
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    region: params.get('region') ?? '',
    vendorType: params.get('vendorType') ?? '',
    listing: listing === 'listed' || listing === 'private' ? listing : '',
    tag: params.get('tag') ?? '',
    theme: params.get('theme') ?? '',
    sort: sortKnown ? (key as SortKey) : DEFAULT_VIEW.sort,
    desc: sortKnown ? rawSort.startsWith('-') : DEFAULT_VIEW.desc,
  }
}

export function sortParam(sort: SortKey, desc: boolean): string {
  return `${desc ? '-' : ''}${sort}`
}

/** The view as search params, leaving out what is at its default so URLs stay short. */
export function viewToParams(view: TableView): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['q', 'region', 'vendorType', 'listing', 'tag', 'theme'] as const) {
    if (view[key]) params.set(key, view[key])
  }
  if (view.sort !== DEFAULT_VIEW.sort || view.desc !== DEFAULT_VIEW.desc) params.set('sort', sortParam(view.sort, view.desc))
  return params
}

/** Clicking a column header: sort by it ascending, or flip it if it is already the sort. */
export function nextSort(view: TableView, key: SortKey): { sort: SortKey; desc: boolean } {
  return view.sort === key ? { sort: key, desc: !view.desc } : { sort: key, desc: false }
}

function haystack(row: ViewRow): string {
  return normaliseText(
    [
      row.nameEn,
      row.nameZh,
      row.rationale,
      row.notesMd,
      row.addedByName ?? '',
      ...row.tags,
      ...row.tickers.map((t) => `${t.code}.${t.exchange} ${t.code}`),
      ...row.themes.flatMap((t) => [t.nameEn, t.nameZh]),
    ].join(' \u0000 '),
  )
}

/**
 * The rows the view shows, in order. `label` turns a row's column into the text the
 * table displays (translated), so region and vendor type sort as the reader sees them.
 */
export function applyView<T extends ViewRow>(rows: T[], view: TableView, label: (row: T, key: SortKey) => string, locale: string): T[] {
  const words = normaliseText(view.q).split(' ').filter(Boolean)
  const filtered = rows.filter((row) => {
    if (view.region && row.region !== view.region) return false
    if (view.vendorType && row.vendorType !== view.vendorType) return false
    if (view.listing && row.isListed !== (view.listing === 'listed')) return false
    if (view.tag && !row.tags.some((tag) => sameTag(tag) === sameTag(view.tag))) return false
    if (view.theme && !row.themes.some((t) => t.slug === view.theme)) return false
    if (words.length) {
      const text = haystack(row)
      if (!words.every((word) => text.includes(word))) return false
    }
    return true
  })
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
  const keyed = filtered.map((row, index) => ({ row, index, value: view.sort === 'added' ? row.addedAt : label(row, view.sort) }))
  keyed.sort((a, b) => {
    // Empty cells go last whichever way the column is sorted.
    if (!a.value !== !b.value) return a.value ? -1 : 1
    const order = view.sort === 'added' ? a.value.localeCompare(b.value) : collator.compare(a.value, b.value)
    return (view.desc ? -order : order) || a.index - b.index
  })
  return keyed.map((k) => k.row)
}
