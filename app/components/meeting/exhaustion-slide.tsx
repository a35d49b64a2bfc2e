import { formatDate, localName, useI18n } from '#app/i18n/index.ts'

import { ChartImage } from './chart-image.tsx'
import { Slide } from './slide.tsx'
import type { ChartSlideProps } from './types.ts'

// Slide 7: when each data stock is expected to run out, as the estimates stood at the
// end of the week, and the revisions entered since the previous meeting.

const shift = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0')

export function ExhaustionSlide({ view, charts, current, label, fileName }: ChartSlideProps) {
  const { t, locale } = useI18n()
  const { current: estimates, revisions } = view.estimates
  const title = t('meeting.slide.exhaustion')
  const table = (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('theme.dataStock')}</th>
          <th scope="col">{t('theme.exhaustedBy')}</th>
          <th scope="col">{t('theme.estimateSource')}</th>
        </tr>
      </thead>
      <tbody>
        {estimates.map((e) => (
          <tr key={e.stockId}>
            <td>{localName(locale, e)}</td>
            <td className="nowrap">
              {e.yearFrom}–{e.yearTo}
            </td>
            <td>
              {e.source}, {formatDate(locale, e.estimatedOn)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <Slide id="exhaustion" current={current} label={label} empty={estimates.length === 0}>
      <div className="exhaustion-layout">
        {charts.exhaustion ? (
          <ChartImage
            chart={charts.exhaustion}
            title={title}
            summary={t('meeting.exhaustion.summary', { date: view.asOfDate })}
            fileName={`${fileName}-data-exhaustion`}
            table={table}
          />
        ) : null}
        <div className="exhaustion-side">
          <section aria-labelledby="current-estimates-title">
            <h3 id="current-estimates-title">{t('meeting.exhaustion.current', { date: view.asOfDate })}</h3>
            <ul className="plain-list">
              {estimates.map((e) => (
                <li key={e.stockId}>
                  <strong>{localName(locale, e)}</strong>: {e.yearFrom}–{e.yearTo}
                  <div className="small muted">
                    {e.source}, {formatDate(locale, e.estimatedOn)}
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="revisions-title">
            <h3 id="revisions-title">{t('meeting.exhaustion.revisions', { week: view.previousWeek })}</h3>
            {revisions.length ? (
              <ul className="plain-list revisions">
                {revisions.map((r) => (
                  <li key={r.id}>
                    <strong>{localName(locale, r)}</strong>: {r.yearFrom}–{r.yearTo}
                    <span className="muted">
                      {' '}
                      (
                      {t('meeting.exhaustion.shift', {
                        from: shift(r.shiftFrom),
                        to: shift(r.shiftTo),
                      })}
                      )
                    </span>
                    <div className="small muted">
                      {r.source}, {formatDate(locale, r.estimatedOn)}
                      {r.note ? ` · ${r.note}` : ''}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('meeting.exhaustion.noRevisions')}</p>
            )}
          </section>
        </div>
      </div>
    </Slide>
  )
}
