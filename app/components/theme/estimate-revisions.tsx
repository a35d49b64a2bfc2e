import { formatDate, localName, useI18n } from '#app/i18n/index.ts'

export interface StockEstimate {
  id: number
  source: string
  estimatedOn: string
  yearFrom: number
  yearTo: number
  note: string
  createdBy: string | null
  /** The latest of its source. */
  isCurrent: boolean
  /** Against the same source's previous estimate; null for a source's first. */
  shiftFrom: number | null
  shiftTo: number | null
}

export interface StockWithEstimates {
  id: number
  nameEn: string
  nameZh: string
  estimates: StockEstimate[]
  /** The same estimates, one group per source (app/utils/estimate-sources.ts). */
  sources: { source: string; estimates: StockEstimate[] }[]
}

/** "+4" / "−2" / "±0" years, and which way that moves the horizon. */
function Shift({ years }: { years: number | null }) {
  const { t } = useI18n()
  if (years == null) return null
  if (years === 0) return <span className="shift same">{t('themeEdit.shiftSame')}</span>
  const later = years > 0
  return (
    <span className={`shift ${later ? 'later' : 'sooner'}`} title={later ? t('themeEdit.shiftLater') : t('themeEdit.shiftSooner')}>
      <span aria-hidden="true">{later ? '→' : '←'}</span> {later ? `+${years}` : `−${Math.abs(years)}`}
      <span className="visually-hidden"> {later ? t('themeEdit.shiftLater') : t('themeEdit.shiftSooner')}</span>
    </span>
  )
}

/**
 * How each source moved its own estimate of each stock, oldest first, its current one
 * marked. Sources are separate groups: one source disagreeing with another is not a revision.
 */
export function EstimateRevisions({ stocks }: { stocks: StockWithEstimates[] }) {
  const { t, locale } = useI18n()
  const withEstimates = stocks.filter((s) => s.estimates.length > 0)
  if (!withEstimates.length) return null
  return (
    <div className="table-scroll">
      <table className="data-table revisions-table">
        <caption className="visually-hidden">{t('themeEdit.revisions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('theme.dataStock')}</th>
            <th scope="col">{t('theme.estimateSource')}</th>
            <th scope="col">{t('theme.estimatedOn')}</th>
            <th scope="col">{t('theme.exhaustedBy')}</th>
            <th scope="col">{t('themeEdit.shiftFrom')}</th>
            <th scope="col">{t('themeEdit.shiftTo')}</th>
            <th scope="col">{t('common.notes')}</th>
          </tr>
        </thead>
        {withEstimates.map((stock) => (
          <tbody key={stock.id} className="revision-group">
            {stock.sources.flatMap((group, g) =>
              group.estimates.map((e, i) => (
                <tr key={e.id} className={`${e.isCurrent ? 'is-current' : 'is-superseded'}${i === 0 ? ' source-start' : ''}`}>
                  {g === 0 && i === 0 ? (
                    <th scope="rowgroup" rowSpan={stock.estimates.length}>
                      {localName(locale, stock)}
                    </th>
                  ) : null}
                  {i === 0 ? (
                    <th scope="row" rowSpan={group.estimates.length} className="source-cell">
                      {group.source}
                    </th>
                  ) : null}
                  <td className="nowrap">{formatDate(locale, e.estimatedOn)}</td>
                  <td className="nowrap">
                    {e.yearFrom}–{e.yearTo} {e.isCurrent ? <span className="badge current">{t('themeEdit.current')}</span> : null}
                  </td>
                  {e.shiftFrom == null ? (
                    <td colSpan={2} className="muted small">
                      {t('themeEdit.firstEstimate')}
                    </td>
                  ) : (
                    <>
                      <td className="nowrap">
                        <Shift years={e.shiftFrom} />
                      </td>
                      <td className="nowrap">
                        <Shift years={e.shiftTo} />
                      </td>
                    </>
                  )}
                  <td className="small">{e.note}</td>
                </tr>
              )),
            )}
          </tbody>
        ))}
      </table>
    </div>
  )
}
