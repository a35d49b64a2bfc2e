import { localName, useI18n } from '#app/i18n/index.ts'
import { formatLevel } from '#app/scoring/consensus.ts'

import { Slide } from './slide.tsx'
import type { MeetingData } from './types.ts'

// Slide 3: the cells where the team's levels are far apart, each with every analyst's
// level and reason, highest first, so the meeting can talk it through.

export const DISAGREEMENTS_SHOWN = 4

export function DiscussSlide({ view, current, label }: { view: MeetingData; current: boolean; label: string }) {
  const { t, locale } = useI18n()
  const cells = view.matrix.disagreements
  const shown = cells.slice(0, DISAGREEMENTS_SHOWN)
  return (
    <Slide
      id="discuss"
      current={current}
      label={label}
      empty={cells.length === 0}
      aside={cells.length > shown.length ? t('meeting.moreRows', { count: cells.length - shown.length }) : undefined}
    >
      <ul className="discuss-grid">
        {shown.map((cell) => (
          <li key={cell.key} className="discuss-cell">
            <h3>
              {localName(locale, cell.modality)} × {localName(locale, cell.dimension)}
            </h3>
            <p className="discuss-summary">
              {t('meeting.discuss.summary', {
                median: formatLevel(cell.median),
                min: cell.min,
                max: cell.max,
              })}
            </p>
            <table className="data-table compact">
              <caption className="visually-hidden">{t('meeting.discuss.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scoring.moved.analyst')}</th>
                  <th scope="col">{t('meeting.discuss.level')}</th>
                  <th scope="col">{t('scoring.moved.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {cell.scores.slice(0, 6).map((s, i) => (
                  <tr key={`${s.analyst}-${i}`}>
                    <td className="nowrap">{s.analyst}</td>
                    <td className="level-cell">{s.level}</td>
                    <td>{s.reason || <span className="muted">–</span>}</td>
                  </tr>
                ))}
                {cell.scores.length > 6 ? (
                  <tr>
                    <td colSpan={3} className="muted">
                      {t('meeting.moreRows', { count: cell.scores.length - 6 })}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </Slide>
  )
}
