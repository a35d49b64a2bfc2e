import { useSearchParams } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'

import { type MessageKey, useI18n } from '#app/i18n/index.ts'
import { applyView, nextSort, parseView, type SortKey, sortParam, type TableView, viewToParams } from '#app/utils/watchlist-view.ts'

import type { WatchlistActionResult } from './watchlist-forms.tsx'
import { WatchlistFilters } from './watchlist-table-filters.tsx'
import { entryLabel, WatchlistEntry, type WatchlistEntryRow } from './watchlist-table-row.tsx'

// The watchlist table: every column sorts (header buttons with aria-sort) and filters
// (text plus one select per category), all in the browser and mirrored in the URL. The
// filter bar is a GET form and the headers submit it, so it also works without JavaScript.

export type { WatchlistEntryRow }

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
  const { t, locale } = useI18n()
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

  const label = (row: WatchlistEntryRow, key: SortKey) => entryLabel(row, key, t, locale)
  const rows = useMemo(() => applyView(entries, view, label, locale), [entries, view, locale]) // eslint-disable-line react-hooks/exhaustive-deps

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

  return (
    <section className="card wl-table-card" aria-label={t('watchlists.companies')}>
      <WatchlistFilters
        entries={entries}
        shown={rows.length}
        view={view}
        hydrated={hydrated}
        filterRef={filterRef}
        onChange={update}
        onClear={() => setView(parseView(new URLSearchParams()))}
        onLeaveFilter={() => focusRow(null, 0)}
      />
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
            {rows.map((row) => (
              <WatchlistEntry
                key={row.id}
                row={row}
                isOpen={open.has(row.id)}
                view={view}
                columns={COLUMNS.length + 1}
                canEdit={canEdit}
                actionResult={actionResult}
                bodyRef={bodyRef}
                onToggle={toggle}
                onRowKey={onRowKey}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
