import { useFetcher } from '@remix-run/react'
import { type KeyboardEvent, type PointerEvent, useState } from 'react'

import { localName, useI18n } from '#app/i18n/index.ts'
import { formatLevel, formatMedian } from '#app/scoring/consensus.ts'

import { type CellData, cellKeyOf, type GridAxis, type GridLevel } from './types.ts'

// The modality x dimension grid. Each cell is a link (so it works without JavaScript: it
// opens that cell's editor); with JavaScript, arrow keys move between cells (one tab stop
// for the whole grid), a digit picks that level, Enter goes to the reason field. Each
// cell has its own fetcher (keyed by cell), so saving one cell never cancels another's save.

interface Props {
  modalities: GridAxis[]
  dimensions: GridAxis[]
  cells: Record<string, CellData>
  levels: GridLevel[]
  selected: string | null
  editable: boolean
  hrefFor: (key: string) => string
  onSelect: (key: string) => void
  onPick: (key: string, level: number) => void
  onEnter: (key: string) => void
  /** Delete or Backspace on a cell the analyst has scored: withdraw it (the editor confirms). */
  onWithdraw: (key: string) => void
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }

export function ScoreGrid({
  modalities,
  dimensions,
  cells,
  levels,
  selected,
  editable,
  hrefFor,
  onSelect,
  onPick,
  onEnter,
  onWithdraw,
}: Props) {
  const { t, locale } = useI18n()
  const firstKey = modalities[0] && dimensions[0] ? cellKeyOf(modalities[0], dimensions[0]) : null
  const focusKey = selected ?? firstKey
  // The level hint under a hovered cell would stay open over the rows below while someone
  // types: any key on the grid hides hints until the mouse really moves again.
  const [typing, setTyping] = useState(false)
  function handlePointerMove(event: PointerEvent<HTMLTableElement>) {
    if (typing && (event.movementX !== 0 || event.movementY !== 0)) setTyping(false)
  }

  function handleKey(event: KeyboardEvent<HTMLTableElement>) {
    if (!typing) setTyping(true)
    const target = event.target as HTMLElement
    const row = Number(target.dataset.row)
    const col = Number(target.dataset.col)
    if (Number.isNaN(row) || Number.isNaN(col) || event.altKey || event.ctrlKey || event.metaKey) return
    const key = cellKeyOf(modalities[row], dimensions[col])
    const move = ARROWS[event.key]
    if (move) {
      event.preventDefault()
      const r = Math.min(modalities.length - 1, Math.max(0, row + move[0]))
      const c = Math.min(dimensions.length - 1, Math.max(0, col + move[1]))
      const next = event.currentTarget.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`)
      next?.focus()
      return
    }
    if (/^\d$/.test(event.key)) {
      const level = event.key === '0' ? 10 : Number(event.key)
      if (editable && levels.some((l) => l.level === level)) {
        event.preventDefault()
        onPick(key, level)
      }
      return
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      onEnter(key)
      return
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && editable && cells[key]?.mine) {
      event.preventDefault()
      onWithdraw(key)
    }
  }

  return (
    <table
      className={typing ? 'score-grid is-typing' : 'score-grid'}
      role="grid"
      aria-label={t('scoring.grid.label')}
      aria-describedby="score-grid-help"
      onKeyDown={handleKey}
      onPointerMove={handlePointerMove}
    >
      <thead>
        <tr>
          <th scope="col" className="corner">
            <span className="visually-hidden">{t('scoring.grid.modality')}</span>
          </th>
          {dimensions.map((d) => (
            <th key={d.id} scope="col">
              {localName(locale, d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {modalities.map((m, row) => (
          <tr key={m.id}>
            <th scope="row">{localName(locale, m)}</th>
            {dimensions.map((d, col) => {
              const key = cellKeyOf(m, d)
              return (
                <GridCell
                  key={key}
                  cellKey={key}
                  label={`${localName(locale, m)} × ${localName(locale, d)}`}
                  cell={cells[key]}
                  levels={levels}
                  row={row}
                  col={col}
                  selected={selected === key}
                  tabStop={focusKey === key}
                  href={hrefFor(key)}
                  onSelect={onSelect}
                />
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface CellProps {
  cellKey: string
  label: string
  cell: CellData | undefined
  levels: GridLevel[]
  row: number
  col: number
  selected: boolean
  tabStop: boolean
  href: string
  onSelect: (key: string) => void
}

function GridCell({ cellKey, label, cell, levels, row, col, selected, tabStop, href, onSelect }: CellProps) {
  const { t, locale } = useI18n()
  const fetcher = useFetcher<{ ok: boolean }>({ key: `score:${cellKey}` })
  // While a save is on its way, show the level being saved (none while a withdrawal is).
  const pendingIntent = fetcher.formData?.get('intent') ?? null
  const pendingLevel = pendingIntent === 'score' ? Number(fetcher.formData?.get('level')) : null
  const level = pendingIntent === 'withdraw' ? null : (pendingLevel ?? cell?.mine?.level ?? null)
  const levelInfo = levels.find((l) => l.level === level)
  const failed = fetcher.state === 'idle' && fetcher.data?.ok === false
  const team = cell?.team
  const parts = [
    label,
    level != null
      ? t('scoring.cell.yoursAria', { level, name: levelInfo ? localName(locale, levelInfo) : '' })
      : t('scoring.cell.notScored'),
    cell?.previous ? t('scoring.cell.lastAria', { level: cell.previous.level, week: cell.previous.week }) : null,
    team
      ? t('consensus.gridTitle', {
          median: formatMedian(team.median),
          count: team.count,
          iqr: formatLevel(team.iqr),
          share: Math.round(team.withinOne * 100),
        })
      : null,
    !team && cell?.teamBefore
      ? t('scoring.cell.teamBeforeAria', { median: formatLevel(cell.teamBefore.median), week: cell.teamBefore.week })
      : null,
    team?.disagreement ? t('scoring.cell.disagreement') : null,
  ]
  const className = [
    'score-cell',
    selected ? 'is-selected' : '',
    level == null ? 'is-empty' : '',
    pendingLevel != null ? 'is-saving' : '',
    failed ? 'is-failed' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <td className={className}>
      <a
        href={href}
        data-row={row}
        data-col={col}
        data-cell={cellKey}
        tabIndex={tabStop ? 0 : -1}
        aria-label={parts.filter(Boolean).join('; ')}
        aria-current={selected ? 'true' : undefined}
        onFocus={() => onSelect(cellKey)}
        onClick={(event) => {
          event.preventDefault()
          event.currentTarget.focus()
          onSelect(cellKey)
        }}
      >
        <span className="cell-main">
          <span className="cell-level">{level ?? '–'}</span>
          <span className="cell-name">{levelInfo ? localName(locale, levelInfo) : ''}</span>
        </span>
        <span className="cell-meta">
          <span title={t('scoring.cell.lastTitle')}>{t('scoring.cell.last', { level: cell?.previous ? cell.previous.level : '–' })}</span>
          {!team && cell?.teamBefore ? (
            // Nobody has scored this week yet: last week's median, with its week.
            <span title={t('scoring.cell.teamBeforeTitle', { week: cell.teamBefore.week })} className="team-before">
              {t('scoring.cell.team', { median: formatLevel(cell.teamBefore.median) })}
              <span className="muted"> ({cell.teamBefore.week.slice(5)})</span>
            </span>
          ) : (
            <span
              className="team-spread"
              title={
                team
                  ? t('consensus.gridTitle', {
                      median: formatMedian(team.median),
                      count: team.count,
                      iqr: formatLevel(team.iqr),
                      share: Math.round(team.withinOne * 100),
                    })
                  : t('scoring.cell.teamTitle')
              }
            >
              {team
                ? t('consensus.gridTeam', { median: formatMedian(team.median), count: team.count, iqr: formatLevel(team.iqr) })
                : t('scoring.cell.team', { median: '–' })}
              {team?.disagreement ? (
                <span className="flag" title={t('scoring.cell.disagreement')}>
                  {' '}
                  ⚑
                </span>
              ) : null}
            </span>
          )}
        </span>
      </a>
      <div className="cell-hint" aria-hidden="true">
        <strong>{label}</strong>
        <ol>
          {levels.map((l) => (
            <li key={l.level} className={l.level === level ? 'is-current' : undefined}>
              <b>
                {l.level} {localName(locale, l)}
              </b>{' '}
              {locale === 'zh-CN' ? l.descriptionZh || l.descriptionEn : l.descriptionEn || l.descriptionZh}
            </li>
          ))}
        </ol>
      </div>
    </td>
  )
}
