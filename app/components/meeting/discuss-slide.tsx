import { localName, useI18n } from '#app/i18n/index.ts'
import { formatLevel } from '#app/scoring/consensus.ts'

import { axisById } from './page-view.ts'
import { Slide } from './slide.tsx'
import type { MeetingData } from './types.ts'

// Slide 3: the cells where the team's levels are far apart, each with every analyst's
// level and reason, highest first, so the meeting can talk it through. The projector
// shows the first cells and rows; the PDF has them all.

export const DISAGREEMENTS_SHOWN = 4
const SCORES_SHOWN = 6

export function DiscussSlide({ view, current, label }: { view: MeetingData; current: boolean; label: string }) {
  const { t, locale } = useI18n()
  const cells = view.matrix.disagreements
  const modality = axisById(view.modalities)
  const dimension = axisById(view.dimensions)
  const name = (axis: { nameEn: string; nameZh: string } | undefined) => (axis ? localName(locale, axis) : '?')
  return (
    <Slide
      id="discuss"
      current={current}
      label={label}
      empty={cells.length === 0}
      aside={
        cells.length > DISAGREEMENTS_SHOWN ? (
          <span className="screen-only">{t('meeting.moreRows', { count: cells.length - DISAGREEMENTS_SHOWN })}</span>
        ) : undefined
      }
    >
      <ul className="discuss-grid">
        {cells.map((cell, n) => (
          <li key={cell.key} className={n < DISAGREEMENTS_SHOWN ? 'discuss-cell' : 'discuss-cell print-only'}>
            <h3>
              {name(modality(cell.modalityId))} × {name(dimension(cell.dimensionId))}
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
                {cell.scores.map((s, i) => (
                  <tr key={`${s.analyst}-${i}`} className={i < SCORES_SHOWN ? undefined : 'print-only'}>
                    <td className="nowrap">{s.analyst}</td>
                    <td className="level-cell">{s.level}</td>
                    <td>{s.reason || <span className="muted">–</span>}</td>
                  </tr>
                ))}
                {cell.scores.length > SCORES_SHOWN ? (
                  <tr className="screen-only">
                    <td colSpan={3} className="muted">
                      {t('meeting.moreRows', { count: cell.scores.length - SCORES_SHOWN })}
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
