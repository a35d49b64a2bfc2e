import { formatDate, useI18n } from '#app/i18n/index.ts'

import { BarTable } from './bar-table.tsx'
import { PngButton } from './chart-image.tsx'
import { Slide } from './slide.tsx'
import { type ChartSlideProps, PUBLISHERS_SHOWN } from './types.ts'

// Slide 8: documents added to the theme this week, counted by publisher, and the newest titles.

export const TITLES_SHOWN = 8

export function DocumentsSlide({ view, charts, current, label, fileName }: ChartSlideProps) {
  const { t, locale, timeZone } = useI18n()
  const { total, publishers, newest } = view.documents
  const unknown = t('meeting.documents.unknownPublisher')
  const title = t('meeting.documents.byPublisher', { count: total })
  return (
    <Slide id="documents" current={current} label={label} empty={total === 0}>
      <div className="documents-layout">
        <section aria-labelledby="publishers-title">
          <h3 id="publishers-title">{title}</h3>
          <BarTable
            caption={title}
            labelHeader={t('meeting.documents.publisher')}
            valueHeader={t('meeting.documents.count')}
            rows={publishers.map((p, i) => ({
              key: p.publisher,
              printOnly: i >= PUBLISHERS_SHOWN,
              label: p.publisher || unknown,
              value: p.count,
              colour: 2,
            }))}
          />
          {publishers.length > PUBLISHERS_SHOWN ? (
            <p className="muted small screen-only">
              {t('meeting.moreRows', {
                count: publishers.length - PUBLISHERS_SHOWN,
              })}
            </p>
          ) : null}
          {charts.publishers ? (
            <p className="chart-tools">
              <PngButton chart={charts.publishers} fileName={`${fileName}-publishers`} title={title} />
            </p>
          ) : null}
        </section>
        <section aria-labelledby="newest-title">
          <h3 id="newest-title">{t('meeting.documents.newest')}</h3>
          <ul className="plain-list doc-list">
            {newest.slice(0, TITLES_SHOWN).map((d) => (
              <li key={d.id}>
                <a href={`/documents/${d.id}`}>{d.title}</a>
                <span className="muted small">
                  {' '}
                  · {d.publisher || unknown} · {formatDate(locale, d.publishedOn ?? d.createdAt, timeZone)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Slide>
  )
}
