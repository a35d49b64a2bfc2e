import { Link } from '@remix-run/react'
import { type RefObject, useMemo } from 'react'

import { localName, type MessageKey, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { REGIONS, VENDOR_TYPES } from '#app/schemas/watchlist.ts'
import { sameTag, sortParam, type TableView } from '#app/utils/watchlist-view.ts'

import type { WatchlistEntryRow } from './watchlist-table-row.tsx'

// The watchlist table's filter bar: a GET form (id "watchlist-view", which the column
// headers submit too), so filtering works before the page's JavaScript has loaded; once
// it has, every change applies at once and the submit button goes away.

type SelectName = 'region' | 'vendorType' | 'listing' | 'tag' | 'theme'

export function WatchlistFilters({
  entries,
  shown,
  view,
  hydrated,
  filterRef,
  onChange,
  onClear,
  onLeaveFilter,
}: {
  entries: WatchlistEntryRow[]
  /** Rows left after filtering. */
  shown: number
  view: TableView
  hydrated: boolean
  filterRef: RefObject<HTMLInputElement>
  onChange: (patch: Partial<TableView>) => void
  onClear: () => void
  /** Arrow down in the text filter: on to the first row. */
  onLeaveFilter: () => void
}) {
  const { t, locale } = useI18n()
  // One option per tag whatever its case in each entry ("2C" and "2c"), spelt as first seen.
  const tagOptions = useMemo(
    () =>
      [
        ...new Map(
          entries
            .flatMap((e) => e.tags)
            .map((tag) => [sameTag(tag), tag] as const)
            .reverse(),
        ).values(),
      ].sort(),
    [entries],
  )
  const themeOptions = useMemo(() => [...new Map(entries.flatMap((e) => e.themes).map((theme) => [theme.slug, theme])).values()], [entries])

  const select = (name: SelectName, labelKey: MessageKey, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`wl-filter-${name}`}>{t(labelKey)}</label>
      <select id={`wl-filter-${name}`} name={name} value={view[name]} onChange={(e) => onChange({ [name]: e.target.value })}>
        <option value="">{t('watchlists.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <form method="get" id="watchlist-view" className="wl-filters" role="search" onSubmit={(e) => hydrated && e.preventDefault()}>
      <div className="field wl-filter-text">
        <label htmlFor="wl-filter-q">{t('watchlists.filter.label')}</label>
        <input
          ref={filterRef}
          id="wl-filter-q"
          type="search"
          name="q"
          value={view.q}
          placeholder={t('watchlists.filter.placeholder')}
          aria-keyshortcuts="/"
          onChange={(e) => onChange({ q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onChange({ q: '' })
            else if (e.key === 'ArrowDown') onLeaveFilter()
            else return
            e.preventDefault()
          }}
        />
      </div>
      {select(
        'region',
        'watchlists.col.region',
        REGIONS.map((r) => ({ value: r, label: labelOf(t, 'region', r) })),
      )}
      {select(
        'vendorType',
        'watchlists.col.vendorType',
        VENDOR_TYPES.map((v) => ({ value: v, label: labelOf(t, 'vendor', v) })),
      )}
      {select('listing', 'watchlists.col.listing', [
        { value: 'listed', label: t('listing.listed') },
        { value: 'private', label: t('listing.private') },
      ])}
      {select(
        'tag',
        'watchlists.col.tags',
        tagOptions.map((tag) => ({ value: tag, label: tag })),
      )}
      {select(
        'theme',
        'watchlists.col.themes',
        themeOptions.map((theme) => ({ value: theme.slug, label: localName(locale, theme) })),
      )}
      <input type="hidden" name="sort" value={sortParam(view.sort, view.desc)} />
      <div className="wl-filter-tools">
        {hydrated ? null : <button type="submit">{t('watchlists.filter.apply')}</button>}
        <Link
          to="?"
          replace
          preventScrollReset
          onClick={(e) => {
            if (hydrated) {
              e.preventDefault()
              onClear()
            }
          }}
          className="small"
        >
          {t('watchlists.filter.clear')}
        </Link>
        <span className="muted small" aria-live="polite">
          {t('watchlists.filter.showing', { shown, total: entries.length })}
        </span>
      </div>
    </form>
  )
}
