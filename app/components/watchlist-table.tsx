import { Link, useSearchParams } from '@remix-run/react'
import { Fragment, useEffect, useMemo, useRef, useState } from 'react'

import { formatDate, localName, type MessageKey, useI18n } from '#app/i18n/index.ts'
import { REGIONS, VENDOR_TYPES } from '#app/schemas/watchlist.ts'
import { formatTicker } from '#app/utils/ticker.ts'
import {
  applyView,
  nextSort,
  parseView,
  type SortKey,
  sortParam,
  type TableView,
  type ViewRow,
  viewToParams,
} from '#app/utils/watchlist-view.ts'
import type { Exchange } from '#db/types.ts'

import { EntryDetail, type WatchlistActionResult } from './watchlist-forms.tsx'

// The watchlist table: every column sorts (header buttons with aria-sort) and filters
// (text plus one select per category), all in the browser and mirrored in the URL. The
// filter bar is a GET form and the headers submit it, so it also works without JavaScript.

export interface WatchlistEntryRow extends ViewRow {
  id: number
  companyId: number
  notesHtml: string
  tickers: { exchange: Exchange; code: string }[]
}

const COLUMNS: { key: SortKey; label: MessageKey; className?: string }[] = [
  { key: 'company', label: 'watchlists.col.company', className: 'col-company' },
  { key: 'tickers', label: 'watchlists.col.tickers' },
  { key: 'region', label: 'watchlists.col.region' },
  { key: 'vendorType', label: 'watchlists.col.vendorType' },
  { key: 'listing', label: 'watchlists.col.listing' },
  { key: 'tags', label: 'watchlists.col.tags', className: 'col-tags' },
  { key: 'themes', label: 'watchlists.col.themes', className: 'col-themes' },
  { key: 'rationale', label: 'watchlists.col.rationale', className: 'col-rationale' },
  { key: 'added', label: 'watchlists.col.added' },
]

export function WatchlistTable({
  entries,
  canEdit,
  actionResult,
}: {
  entries: WatchlistEntryRow[]
  canEdit: boolean
  actionResult?: WatchlistActionResult
}) {
  const { t, locale, timeZone } = useI18n()
  const [searchParams, setSearchParams] = useSearchParams()
  const [view, setView] = useState<TableView>(() => parseView(searchParams))
  const [open, setOpen] = useState<Set<number>>(
    () => new Set([Number(searchParams.get('entry')), actionResult && !actionResult.ok ? (actionResult.entryId ?? 0) : 0].filter(Boolean)),
  )
  const [hydrated, setHydrated] = useState(false)
  const filterRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const firstRender = useRef(true)

  useEffect(() => setHydrated(true), [])
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    setSearchParams(viewToParams(view), { replace: true, preventScrollReset: true })
  }, [view, setSearchParams])
  useEffect(() => {
    // "/" jumps to the filter from anywhere on the page, except while typing.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      if ((event.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]')) return
      event.preventDefault()
      filterRef.current?.focus()
      filterRef.current?.select()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const label = (row: WatchlistEntryRow, key: SortKey): string => {
    switch (key) {
      case 'company':
        return localName(locale, row)
      case 'tickers':
        return row.tickers.map(formatTicker).join(' ')
      case 'region':
        return t(`region.${row.region}` as MessageKey)
      case 'vendorType':
        return t(`vendor.${row.vendorType}` as MessageKey)
      case 'listing':
        return row.isListed ? t('listing.listed') : t('listing.private')
      case 'tags':
        return row.tags.join(', ')
      case 'themes':
        return row.themes.map((theme) => localName(locale, theme)).join(', ')
      case 'rationale':
        return row.rationale
      case 'added':
        return row.addedAt
    }
  }
  const rows = useMemo(() => applyView(entries, view, label, locale), [entries, view, locale]) // eslint-disable-line react-hooks/exhaustive-deps
  const tagOptions = useMemo(() => [...new Set(entries.flatMap((e) => e.tags))].sort(), [entries])
  const themeOptions = useMemo(() => [...new Map(entries.flatMap((e) => e.themes).map((theme) => [theme.slug, theme])).values()], [entries])

  const update = (patch: Partial<TableView>) => setView((current) => ({ ...current, ...patch }))
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const focusRow = (from: HTMLElement | null, step: number) => {
    const all = [...(bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr[data-entry]') ?? [])]
    const index = from ? all.indexOf(from as HTMLTableRowElement) : -1
    all[Math.max(0, Math.min(all.length - 1, index + step))]?.focus()
  }
  const onRowKey = (event: React.KeyboardEvent<HTMLTableRowElement>, id: number) => {
    if (event.target !== event.currentTarget) return
    if (event.key === 'ArrowDown' || event.key === 'j') focusRow(event.currentTarget, 1)
    else if (event.key === 'ArrowUp' || event.key === 'k') focusRow(event.currentTarget, -1)
    else if (event.key === 'Enter' || event.key === ' ') toggle(id)
    else if (event.key === 'Escape' && open.has(id)) toggle(id)
    else return
    event.preventDefault()
  }
  const select = (
    name: 'region' | 'vendorType' | 'listing' | 'tag' | 'theme',
    labelKey: MessageKey,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={`wl-filter-${name}`}>{t(labelKey)}</label>
      <select id={`wl-filter-${name}`} name={name} value={view[name]} onChange={(e) => update({ [name]: e.target.value })}>
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
    <section className="card wl-table-card" aria-label={t('watchlists.companies')}>
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
            onChange={(e) => update({ q: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') update({ q: '' })
              else if (e.key === 'ArrowDown') focusRow(null, 0)
              else return
              e.preventDefault()
            }}
          />
        </div>
        {select(
          'region',
          'watchlists.col.region',
          REGIONS.map((r) => ({ value: r, label: t(`region.${r}` as MessageKey) })),
        )}
        {select(
          'vendorType',
          'watchlists.col.vendorType',
          VENDOR_TYPES.map((v) => ({ value: v, label: t(`vendor.${v}` as MessageKey) })),
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
                setView(parseView(new URLSearchParams()))
              }
            }}
            className="small"
          >
            {t('watchlists.filter.clear')}
          </Link>
          <span className="muted small" aria-live="polite">
            {t('watchlists.filter.showing', { shown: rows.length, total: entries.length })}
          </span>
        </div>
      </form>
      <p className="muted small wl-keys">{t('watchlists.keyboardHint')}</p>
      <div className="table-scroll">
        <table className="data-table wl-table">
          <thead>
            <tr>
              <th scope="col" className="col-toggle">
                <span className="visually-hidden">{t('watchlists.details')}</span>
              </th>
              {COLUMNS.map((col) => {
                const active = view.sort === col.key
                const next = nextSort(view, col.key)
                return (
                  <th
                    key={col.key}
                    scope="col"
                    className={col.className}
                    aria-sort={active ? (view.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="submit"
                      form="watchlist-view"
                      name="sort"
                      value={sortParam(next.sort, next.desc)}
                      className="sort-button"
                      title={t('watchlists.sortBy', { column: t(col.label) })}
                      onClick={(e) => {
                        if (!hydrated) return
                        e.preventDefault()
                        update(next)
                      }}
                    >
                      {t(col.label)}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (view.desc ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length + 1} className="muted">
                  {entries.length === 0 ? t('watchlists.noEntries') : t('watchlists.noMatches')}
                </td>
              </tr>
            ) : null}
            {rows.map((row) => {
              const isOpen = open.has(row.id)
              const detailId = `wl-detail-${row.id}`
              const toggleParams = new URLSearchParams(viewToParams(view))
              if (!isOpen) toggleParams.set('entry', String(row.id))
              return (
                <Fragment key={row.id}>
                  <tr
                    data-entry={row.id}
                    tabIndex={0}
                    className={isOpen ? 'is-open' : undefined}
                    onKeyDown={(e) => onRowKey(e, row.id)}
                    aria-label={localName(locale, row)}
                  >
                    <td className="col-toggle">
                      <a
                        href={`?${toggleParams}`}
                        role="button"
                        aria-expanded={isOpen}
                        aria-controls={detailId}
                        className="toggle"
                        title={isOpen ? t('watchlists.hideDetails') : t('watchlists.details')}
                        onClick={(e) => {
                          e.preventDefault()
                          toggle(row.id)
                        }}
                      >
                        <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                        <span className="visually-hidden">{isOpen ? t('watchlists.hideDetails') : t('watchlists.details')}</span>
                      </a>
                    </td>
                    <td className="col-company">
                      <Link to={`/companies/${row.companyId}`}>{localName(locale, row)}</Link>
                      {locale === 'zh-CN' ? null : row.nameZh && row.nameZh !== row.nameEn ? (
                        <span className="muted small wl-alt"> {row.nameZh}</span>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {row.tickers.length ? (
                        row.tickers.map((ticker) => (
                          <span key={`${ticker.exchange}:${ticker.code}`} className="ticker">
                            {formatTicker(ticker)}
                          </span>
                        ))
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>{label(row, 'region')}</td>
                    <td>{label(row, 'vendorType')}</td>
                    <td>
                      <span className={row.isListed ? 'badge' : 'badge private'}>{label(row, 'listing')}</span>
                    </td>
                    <td className="col-tags">
                      <span className="chips">
                        {row.tags.map((tag) => (
                          <span key={tag} className="chip">
                            {tag}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td className="small col-themes">{label(row, 'themes')}</td>
                    <td className="col-rationale">{row.rationale}</td>
                    <td className="small">
                      <span className="nowrap">{formatDate(locale, row.addedAt, timeZone)}</span>
                      {row.addedByName ? <span className="muted wl-by">{row.addedByName}</span> : null}
                    </td>
                  </tr>
                  {isOpen ? (
                    <tr
                      id={detailId}
                      className="wl-detail-row"
                      onKeyDown={(e) => {
                        if (e.key !== 'Escape') return
                        toggle(row.id)
                        bodyRef.current?.querySelector<HTMLElement>(`tr[data-entry="${row.id}"]`)?.focus()
                      }}
                    >
                      <td colSpan={COLUMNS.length + 1}>
                        <EntryDetail entry={row} canEdit={canEdit} actionResult={actionResult} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
