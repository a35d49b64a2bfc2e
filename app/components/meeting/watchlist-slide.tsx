import { formatDate, localName, useI18n } from '#app/i18n/index.ts'

import { Slide } from './slide.tsx'
import type { MeetingData } from './types.ts'

// Slide 6: companies added to or removed from the theme's watchlists during the week,
// with the rationale (or the reason for removing), and each list's size at week's end.
// The projector shows the first rows; the PDF has every row (over more pages if needed).

export const CHANGES_SHOWN = 8

export function WatchlistSlide({ view, current, label }: { view: MeetingData; current: boolean; label: string }) {
  const { t, locale, timeZone } = useI18n()
  const { events, watchlists } = view.watchlists
  return (
    <Slide
      id="watchlists"
      current={current}
      label={label}
      empty={events.length === 0}
      aside={
        <>
          {watchlists.map((w) => (
            <span key={w.id} className="chip">
              <a href={`/watchlists/${w.id}/history`}>{w.name}</a>: {t('meeting.watchlists.size', { count: w.size })}
            </span>
          ))}
          {events.length > CHANGES_SHOWN ? (
            <span className="screen-only">{t('meeting.moreRows', { count: events.length - CHANGES_SHOWN })}</span>
          ) : null}
        </>
      }
    >
      <table className="data-table slide-table">
        <thead>
          <tr>
            <th scope="col">{t('meeting.watchlists.change')}</th>
            <th scope="col">{t('meeting.mentions.company')}</th>
            <th scope="col">{t('meeting.watchlists.list')}</th>
            <th scope="col">{t('meeting.watchlists.why')}</th>
            <th scope="col">{t('meeting.watchlists.who')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={`${e.kind}-${e.entryId}`} className={i < CHANGES_SHOWN ? undefined : 'print-only'}>
              <td className={`nowrap ${e.kind === 'add' ? 'move-up' : 'move-down'}`}>
                {e.kind === 'add' ? `+ ${t('meeting.watchlists.added')}` : `− ${t('meeting.watchlists.removed')}`}
              </td>
              <td>
                <a href={`/companies/${e.companyId}`}>{localName(locale, e)}</a>
              </td>
              <td>{e.watchlist}</td>
              <td>{e.text || <span className="muted">–</span>}</td>
              <td className="nowrap small">
                {e.by ?? '–'} · {formatDate(locale, e.at, timeZone)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Slide>
  )
}
