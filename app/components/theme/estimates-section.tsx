import { EstimateSeriesChart } from '#app/components/charts/estimate-series-chart.tsx'
import { formatDate, formatNumber, type Locale, localName, type Translate, useI18n } from '#app/i18n/index.ts'

import { SeriesEstimateFields, SeriesFields, type SeriesOption } from './estimate-fields.tsx'
import { InlineEditForm } from './theme-form.tsx'

// Numeric estimates with a unit (market size, cost per unit, adoption share), per series a
// table by source (current, previous, change in the unit) and a chart of the current ones.
// Sources stand side by side; only the same source's previous estimate is a revision.

export interface SeriesEstimate {
  id: number
  source: string
  estimatedOn: string
  low: number
  high: number
  refersToYear: number | null
  changeLow: number | null
  changeHigh: number | null
}

export interface EstimateSeries extends SeriesOption {
  sources: { source: string; current: SeriesEstimate; previous: SeriesEstimate | null; count: number }[]
}

const isShare = (unit: string) => unit.trim() === '%'

/** "12.5 USD bn", "10–14 USD bn", "35%". */
export function formatValue(locale: Locale, unit: string, low: number, high: number) {
  const value = low === high ? formatNumber(locale, low) : `${formatNumber(locale, low)}–${formatNumber(locale, high)}`
  return isShare(unit) ? `${value}%` : `${value} ${unit}`
}

const signed = (locale: Locale, n: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(Number(n.toPrecision(12))))}`

function formatChange(locale: Locale, e: SeriesEstimate) {
  if (e.changeLow == null || e.changeHigh == null) return null
  return e.changeLow === e.changeHigh || e.low === e.high
    ? signed(locale, e.changeHigh)
    : `${signed(locale, e.changeLow)} / ${signed(locale, e.changeHigh)}`
}

const when = (locale: Locale, t: Translate, e: SeriesEstimate) =>
  [formatDate(locale, e.estimatedOn), e.refersToYear ? t('estimates.forYear', { year: e.refersToYear }) : null].filter(Boolean).join(' · ')

export function EstimatesSection({ series, today, canEdit }: { series: EstimateSeries[]; today: string; canEdit: boolean }) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby="estimates-heading">
      <div className="card-heading">
        <h2 id="estimates-heading">{t('estimates.heading')}</h2>
        {canEdit ? (
          <span className="item-tools">
            {series.length ? (
              <InlineEditForm
                formKey="add-series-estimate"
                intent="addSeriesEstimate"
                summary={t('estimates.addEstimate')}
                submitLabel={t('themeEdit.add')}
                resetOnSuccess
                className="popover-edit align-right"
              >
                {(state) => <SeriesEstimateFields idPrefix="add-series-estimate" state={state} today={today} series={series} />}
              </InlineEditForm>
            ) : null}
            <InlineEditForm
              formKey="add-series"
              intent="addSeries"
              summary={t('estimates.addSeries')}
              submitLabel={t('themeEdit.add')}
              resetOnSuccess
              className="popover-edit align-right"
            >
              {(state) => <SeriesFields state={state} />}
            </InlineEditForm>
          </span>
        ) : null}
      </div>
      <p className="muted small">{t('estimates.intro')}</p>
      {series.length === 0 ? <p className="muted">{t('estimates.none')}</p> : null}
      {series.map((s) => (
        <SeriesBlock key={s.id} series={s} today={today} canEdit={canEdit} />
      ))}
    </section>
  )
}

function SeriesBlock({ series, today, canEdit }: { series: EstimateSeries; today: string; canEdit: boolean }) {
  const { t, locale } = useI18n()
  const name = localName(locale, series)
  const title = t('estimates.seriesWithUnit', { name, unit: series.unit })
  const value = (e: SeriesEstimate) => formatValue(locale, series.unit, e.low, e.high)
  return (
    <div className="stack estimate-series" data-series={series.nameEn}>
      <h3>{title}</h3>
      {series.sources.length === 0 ? (
        <p className="muted">{t('estimates.noEstimates')}</p>
      ) : (
        <div className="exhaustion-grid">
          <EstimateSeriesChart
            locale={locale}
            isShare={isShare(series.unit)}
            rows={series.sources.map(({ source, current }) => ({
              source,
              low: current.low,
              high: current.high,
              text: value(current),
              detail: when(locale, t, current),
            }))}
            labels={{ title, summary: t('estimates.chartSummary'), source: t('estimates.source'), value: t('estimates.current') }}
          />
          <table className="data-table series-current">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('estimates.source')}</th>
                <th scope="col">{t('estimates.current')}</th>
                <th scope="col">{t('estimates.previous')}</th>
                <th scope="col">{t('estimates.change', { unit: series.unit })}</th>
                {canEdit ? <th scope="col" /> : null}
              </tr>
            </thead>
            <tbody>
              {series.sources.map(({ source, current, previous }) => (
                <tr key={current.id}>
                  <th scope="row">{source}</th>
                  <td>
                    <strong className="nowrap">{value(current)}</strong>
                    <div className="muted small nowrap">{when(locale, t, current)}</div>
                  </td>
                  <td>
                    {previous ? (
                      <>
                        <span className="nowrap">{value(previous)}</span>
                        <div className="muted small nowrap">{when(locale, t, previous)}</div>
                      </>
                    ) : (
                      <span className="muted">{t('estimates.firstEstimate')}</span>
                    )}
                  </td>
                  <td className="nowrap">{formatChange(locale, current) ?? '—'}</td>
                  {canEdit ? (
                    <td>
                      <InlineEditForm
                        formKey={`revise-series-${current.id}`}
                        intent="addSeriesEstimate"
                        hidden={{ seriesId: series.id }}
                        summary={t('estimates.revise')}
                        summaryLabel={t('estimates.reviseNamed', { name, source })}
                        submitLabel={t('estimates.saveRevision')}
                        className="popover-edit align-right"
                      >
                        {(state) => (
                          <SeriesEstimateFields idPrefix={`revise-series-${current.id}`} state={state} today={today} prefill={current} />
                        )}
                      </InlineEditForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
