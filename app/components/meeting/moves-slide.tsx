import { Link } from '@remix-run/react'

import { MoveCells, MoveHeadCells } from '#app/components/scoring/move-cells.tsx'
import { useI18n } from '#app/i18n/index.ts'

import { axisById } from './page-view.ts'
import { Slide } from './slide.tsx'
import type { MeetingData } from './types.ts'

// Slide 2: every score change of the week (against each analyst's previous week), who
// made it, the reason and the evidence. A projector shows the first rows; the full list
// is in the PDF, on "what moved" and in the XLSX export.

export const MOVES_SHOWN = 9

export function MovesSlide({ view, themeSlug, current, label }: { view: MeetingData; themeSlug: string; current: boolean; label: string }) {
  const { t } = useI18n()
  const modality = axisById(view.modalities)
  const dimension = axisById(view.dimensions)
  const moves = view.moves.filter((m) => m.kind !== 'new')
  const firsts = view.moves.length - moves.length
  return (
    <Slide
      id="moves"
      current={current}
      label={label}
      empty={moves.length === 0 && firsts === 0}
      aside={
        <>
          {firsts ? <span>{t('meeting.moves.firsts', { count: firsts })} </span> : null}
          {moves.length > MOVES_SHOWN ? (
            <span className="screen-only">{t('meeting.moreRows', { count: moves.length - MOVES_SHOWN })} </span>
          ) : null}
          <Link className="screen-only" to={`/themes/${themeSlug}/moved?week=${view.week}&asOf=end`}>
            {t('meeting.moves.all')}
          </Link>
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
            {moves.map((m, i) => (
              <tr key={`${m.userId}:${m.modalityId}:${m.dimensionId}`} className={i < MOVES_SHOWN ? undefined : 'print-only'}>
                <MoveCells move={{ ...m, modality: modality(m.modalityId), dimension: dimension(m.dimensionId) }} maxEvidence={2} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Slide>
  )
}
