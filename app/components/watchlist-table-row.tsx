import { Link } from '@remix-run/react'
import type { RefObject } from 'react'

import { formatDate, type Locale, localName, type Translate, useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'
import { formatTicker } from '#app/utils/ticker.ts'
import { type SortKey, type TableView, type ViewRow, viewToParams } from '#app/utils/watchlist-view.ts'
import type { Exchange } from '#db/types.ts'

import { EntryDetail } from './watchlist-entry-detail.tsx'
import type { WatchlistActionResult } from './watchlist-forms.tsx'

// One company of the watchlist table: its row, and below it the entry's details (notes,
// edit and remove forms) when opened. The toggle is a link to ?entry=, so it also opens
// without JavaScript.

export interface WatchlistEntryRow extends ViewRow {
  id: number
  companyId: number
  notesHtml: string
  tickers: { exchange: Exchange; code: string }[]
  /** The entry's version, which its edit form posts back (app/utils/edit-conflict.ts). */
  version: number
}

/** A cell as text, in the reader's language: what the table shows, filters and sorts by. */
export function entryLabel(row: WatchlistEntryRow, key: SortKey, t: Translate, locale: Locale): string {
  switch (key) {
    case 'company':
      return localName(locale, row)
    case 'tickers':
      return row.tickers.map(formatTicker).join(' ')
    case 'region':
      return labelOf(t, 'region', row.region)
    case 'vendorType':
      return labelOf(t, 'vendor', row.vendorType)
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

export function WatchlistEntry({
  row,
  isOpen,
  view,
  columns,
  canEdit,
  actionResult,
  bodyRef,
  onToggle,
  onRowKey,
}: {
  row: WatchlistEntryRow
  isOpen: boolean
  view: TableView
  /** How many columns the table has, for the details row's colspan. */
  columns: number
  canEdit: boolean
  actionResult?: WatchlistActionResult
  bodyRef: RefObject<HTMLTableSectionElement>
  onToggle: (id: number) => void
  onRowKey: (event: React.KeyboardEvent<HTMLTableRowElement>, id: number) => void
}) {
  const { t, locale, timeZone } = useI18n()
  const label = (key: SortKey) => entryLabel(row, key, t, locale)
  const detailId = `wl-detail-${row.id}`
  const toggleParams = new URLSearchParams(viewToParams(view))
  if (!isOpen) toggleParams.set('entry', String(row.id))
  return (
    <>
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
              onToggle(row.id)
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
        <td>{label('region')}</td>
        <td>{label('vendorType')}</td>
        <td>
          <span className={row.isListed ? 'badge' : 'badge private'}>{label('listing')}</span>
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
        <td className="small col-themes">{label('themes')}</td>
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
            onToggle(row.id)
            bodyRef.current?.querySelector<HTMLElement>(`tr[data-entry="${row.id}"]`)?.focus()
          }}
        >
          <td colSpan={columns}>
            <EntryDetail entry={row} canEdit={canEdit} actionResult={actionResult} />
          </td>
        </tr>
      ) : null}
    </>
  )
}
