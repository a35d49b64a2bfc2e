import { Link } from '@remix-run/react'

import { MoveCells, MoveHeadCells } from '#app/components/scoring/move-cells.tsx'
import { useI18n } from '#app/i18n/index.ts'

import { Slide } from './slide.tsx'
import type { MeetingData } from './types.ts'

// Slide 2: every score change of the week (against each analyst's previous week), who
// made it, the reason and the evidence. A projector shows the first rows; the full list
// is on "what moved" and in the XLSX export.

export const MOVES_SHOWN = 9

export function MovesSlide({ view, themeSlug, current, label }: { view: MeetingData; themeSlug: string; current: boolean; label: string }) {
  const { t } = useI18n()
  const moves = view.moves.filter((m) => m.kind !== 'new')
  const firsts = view.moves.length - moves.length
  const shown = moves.slice(0, MOVES_SHOWN)
  return (
    <Slide
      id="moves"
      current={current}
      label={label}
      empty={moves.length === 0 && firsts === 0}
      aside={
        <>
          {firsts ? <span>{t('meeting.moves.firsts', { count: firsts })} </span> : null}
          {moves.length > shown.length ? <span>{t('meeting.moreRows', { count: moves.length - shown.length })} </span> : null}
          <Link to={`/themes/${themeSlug}/moved?week=${view.week}&asOf=end`}>{t('meeting.moves.all')}</Link>
        </>
      }
    >
      {moves.length === 0 ? (
        <p className="slide-empty">{t('meeting.moves.onlyFirsts')}</p>
      ) : (
        <table className="data-table slide-table">
          <thead>
            <tr>
              <MoveHeadCells />
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={`${m.userId}:${m.modalityId}:${m.dimensionId}`}>
                <MoveCells move={m} maxEvidence={2} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Slide>
  )
}
