import { createContext, type ReactNode, useContext } from 'react'

import { useI18n } from '#app/i18n/index.ts'
import { labelOf } from '#app/i18n/labels.ts'

import { type SlideId, SLIDES } from './types.ts'

// One slide of the meeting: a section sized for a 1280x720 projector and one landscape
// page in the PDF, with its title, the theme and week in the corner, and an empty state.
// A meeting of several themes numbers its slides on through the themes: the deck context
// says how many slides come before this theme's and how many there are in all.

export const SlideDeck = createContext<{ offset: number; total: number; prefix: string }>({ offset: 0, total: SLIDES.length, prefix: '' })

interface Props {
  id: SlideId
  current: boolean
  label: string
  /** Shown instead of the content when the week has nothing for this slide. */
  empty?: boolean
  children: ReactNode
  aside?: ReactNode
}

export function Slide({ id, current, label, empty, children, aside }: Props) {
  const { t } = useI18n()
  const deck = useContext(SlideDeck)
  const number = deck.offset + SLIDES.indexOf(id) + 1
  const titleId = `${deck.prefix}slide-${id}-title`
  return (
    <section
      className={`slide slide-${id}${current ? ' is-current' : ''}`}
      id={`slide-${number}`}
      data-slide={number}
      aria-labelledby={titleId}
    >
      <header className="slide-head">
        <h2 id={titleId}>
          <span className="slide-number" aria-hidden="true">
            {number}
          </span>
          {labelOf(t, 'meeting.slide', id)}
        </h2>
        <span className="slide-meta">
          {label} · {t('meeting.slideOf', { n: number, total: deck.total })}
        </span>
      </header>
      <div className="slide-body">{empty ? <p className="slide-empty">{labelOf(t, 'meeting.empty', id)}</p> : children}</div>
      {aside ? <footer className="slide-foot">{aside}</footer> : null}
    </section>
  )
}
