import { MaturityHeatmap } from '#app/components/charts/maturity-heatmap.tsx'
import { useI18n } from '#app/i18n/index.ts'

import { PngButton } from './chart-image.tsx'
import { Slide } from './slide.tsx'
import type { MeetingCharts, MeetingData } from './types.ts'

// Slide 1: the team's consensus per modality x dimension with the change since the
// previous meeting, and what that meeting decided (its notes and action items).

interface Props {
  view: MeetingData
  charts: MeetingCharts
  previous: { week: string; notesHtml: string; actionsHtml: string } | null
  current: boolean
  label: string
  fileName: string
}

export function MatrixSlide({ view, charts, previous, current, label, fileName }: Props) {
  const { t, locale } = useI18n()
  const hasCells = Object.keys(view.matrix.cells).length > 0
  const caption = t('meeting.matrix.caption', {
    week: view.week,
    previous: view.previousWeek,
  })
  return (
    <Slide id="matrix" current={current} label={label}>
      <div className="matrix-layout">
        <div className="matrix-main">
          {hasCells ? (
            <>
              <MaturityHeatmap
                locale={locale}
                week={view.week}
                previousWeek={view.previousWeek}
                modalities={view.modalities}
                dimensions={view.dimensions}
                cells={view.matrix.cells}
                maxLevel={Math.max(2, view.rubric?.levels.length ?? 5)}
                caption={caption}
              />
              {charts.heatmap ? (
                <p className="chart-tools">
                  <PngButton chart={charts.heatmap} fileName={`${fileName}-matrix`} title={t('meeting.slide.matrix')} />
                </p>
              ) : null}
            </>
          ) : (
            <p className="slide-empty">{t('meeting.empty.matrix')}</p>
          )}
        </div>
        <aside className="previous-notes" aria-labelledby="previous-notes-title">
          <h3 id="previous-notes-title">{previous ? t('meeting.previous.title', { week: previous.week }) : t('meeting.previous.none')}</h3>
          {previous ? (
            <>
              <h4>{t('meeting.notes.actions')}</h4>
              {previous.actionsHtml ? (
                <div className="prose" dangerouslySetInnerHTML={{ __html: previous.actionsHtml }} />
              ) : (
                <p className="muted">{t('meeting.previous.noActions')}</p>
              )}
              <h4>{t('meeting.notes.notes')}</h4>
              {previous.notesHtml ? (
                <div className="prose" dangerouslySetInnerHTML={{ __html: previous.notesHtml }} />
              ) : (
                <p className="muted">{t('meeting.previous.noNotes')}</p>
              )}
            </>
          ) : null}
        </aside>
      </div>
    </Slide>
  )
}
