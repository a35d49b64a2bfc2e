import { type Locale, localName, makeTranslate } from '#app/i18n/index.ts'
import { formatLevel } from '#app/scoring/consensus.ts'

// Modality x dimension for one week: the team median in each cell, shaded from light to
// dark along the rubric (one hue of the palette, so the order reads without colour
// vision too), with the change since the previous week as an arrow and a number, the
// number of scorers and ⚑ where the team disagrees. It is a real table: the values are
// text, so it is its own text alternative.

export interface HeatmapCell {
  median: number
  min: number
  max: number
  count: number
  /** Interquartile range and share within one level of the median, when measured. */
  iqr?: number
  withinOne?: number
  disagreement: boolean
  /** The previous week's median, when anyone scored the cell then. */
  previousMedian: number | null
}

export interface HeatmapAxis {
  slug: string
  nameEn: string
  nameZh: string
}

interface Props {
  locale: Locale
  week: string
  previousWeek: string
  modalities: HeatmapAxis[]
  dimensions: HeatmapAxis[]
  /** Keyed "modality.dimension" by slug. */
  cells: Record<string, HeatmapCell>
  maxLevel: number
  caption: string
}

/** 0..1 along the rubric. */
const intensity = (median: number, maxLevel: number) => (maxLevel <= 1 ? 1 : (median - 1) / (maxLevel - 1))

export function heatStyle(median: number, maxLevel: number) {
  const share = Math.round(12 + 73 * intensity(median, maxLevel))
  return {
    background: `color-mix(in srgb, var(--c1) ${share}%, var(--surface))`,
    color: share > 50 ? '#ffffff' : 'var(--text)',
  }
}

export function MaturityHeatmap({ locale, week, previousWeek, modalities, dimensions, cells, maxLevel, caption }: Props) {
  const t = makeTranslate(locale)
  return (
    <div className="table-scroll">
      <table className="heatmap" id="maturity-heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('scoring.grid.modality')}</span>
            </th>
            {dimensions.map((d) => (
              <th key={d.slug} scope="col">
                {localName(locale, d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modalities.map((m) => (
            <tr key={m.slug}>
              <th scope="row">{localName(locale, m)}</th>
              {dimensions.map((d) => {
                const cell = cells[`${m.slug}.${d.slug}`]
                if (!cell) {
                  return (
                    <td key={d.slug} className="is-empty">
                      <span aria-label={t('scoring.heatmap.noScores')}>–</span>
                    </td>
                  )
                }
                const change = cell.previousMedian == null ? null : cell.median - cell.previousMedian
                return (
                  <td key={d.slug} style={heatStyle(cell.median, maxLevel)} data-cell={`${m.slug}.${d.slug}`}>
                    <span className="heat-value">{formatLevel(cell.median)}</span>
                    <span className="heat-change">
                      {change == null ? (
                        <span title={t('scoring.heatmap.newTitle', { week: previousWeek })}>{t('scoring.heatmap.new')}</span>
                      ) : change > 0 ? (
                        <span title={t('scoring.heatmap.upTitle', { week: previousWeek })}>↑ +{formatLevel(change)}</span>
                      ) : change < 0 ? (
                        <span title={t('scoring.heatmap.downTitle', { week: previousWeek })}>↓ −{formatLevel(-change)}</span>
                      ) : (
                        <span title={t('scoring.heatmap.sameTitle', { week: previousWeek })}>=</span>
                      )}
                    </span>
                    <span
                      className="heat-meta"
                      title={
                        cell.iqr === undefined
                          ? undefined
                          : t('consensus.cellTitle', {
                              median: formatLevel(cell.median),
                              count: cell.count,
                              iqr: formatLevel(cell.iqr),
                              share: Math.round((cell.withinOne ?? 1) * 100),
                            })
                      }
                    >
                      {cell.iqr === undefined
                        ? t('scoring.heatmap.meta', { min: cell.min, max: cell.max, count: cell.count })
                        : t('consensus.cellMeta', { min: cell.min, max: cell.max, count: cell.count, iqr: formatLevel(cell.iqr) })}
                      {cell.disagreement ? (
                        <span className="heat-flag" title={t('scoring.cell.disagreement')}>
                          {' '}
                          ⚑
                        </span>
                      ) : null}
                    </span>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="heat-scale" aria-hidden="true">
        {t('scoring.heatmap.scale', { week })}
        {Array.from({ length: maxLevel }, (_, i) => i + 1).map((level) => (
          <span key={level} style={heatStyle(level, maxLevel)}>
            {level}
          </span>
        ))}
      </p>
    </div>
  )
}
