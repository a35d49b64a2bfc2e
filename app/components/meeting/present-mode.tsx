import { Link, useNavigate, useSearchParams } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'

import { useI18n } from '#app/i18n/index.ts'

import { SLIDES } from './types.ts'

// Present mode: one slide at a time, full screen, moved with the keyboard or a clicker
// (they send PageDown/PageUp or the arrow keys). The slide lives in the URL (?slide=N),
// so a reload or a shared link opens the same slide; changing it does not reload data
// (the route's shouldRevalidate ignores slide and present). "n" opens the notes panel over
// the current slide (the page's one notes form, so typed text survives closing it); Esc
// closes the panel first, and only then leaves present mode.

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'])
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'])

export function slideFromParam(value: string | null, total: number = SLIDES.length): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= total ? n : 1
}

export function searchWith(params: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(params)
  for (const [key, value] of Object.entries(changes)) {
    if (value == null) next.delete(key)
    else next.set(key, value)
  }
  const text = next.toString()
  return text ? `?${text}` : '?'
}

async function enterFullscreen() {
  try {
    if (!document.fullscreenElement) await document.documentElement.requestFullscreen?.()
  } catch {
    // Refused (no user gesture, or not allowed): present in the window instead.
  }
}

function leaveFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined)
}

/** `total`: slides in the deck (a meeting of several themes has more). */
export function usePresentMode(total: number = SLIDES.length) {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const presenting = params.get('present') === '1'
  const slide = slideFromParam(params.get('slide'), total)
  const wasFullscreen = useRef(false)
  const [notesOpen, setNotesOpen] = useState(false)
  const notesOpenRef = useRef(notesOpen)
  notesOpenRef.current = notesOpen
  const go = useCallback(
    (n: number) => {
      const target = Math.min(total, Math.max(1, n))
      if (target !== slide)
        navigate(searchWith(params, { slide: String(target) }), {
          replace: true,
          preventScrollReset: true,
        })
    },
    [navigate, params, slide, total],
  )
  const exit = useCallback(
    () =>
      navigate(searchWith(params, { present: null }), {
        preventScrollReset: true,
      }),
    [navigate, params],
  )

  useEffect(() => {
    if (!presenting) setNotesOpen(false)
  }, [presenting])

  useEffect(() => {
    if (!presenting) return
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      if (event.key === 'Escape' && notesOpen) {
        event.preventDefault()
        setNotesOpen(false)
        return
      }
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, summary')) return
      if (event.key === 'n' || event.key === 'N') setNotesOpen((open) => !open)
      else if (notesOpen) return
      else if (NEXT_KEYS.has(event.key)) go(slide + 1)
      else if (PREVIOUS_KEYS.has(event.key)) go(slide - 1)
      else if (event.key === 'Home') go(1)
      else if (event.key === 'End') go(total)
      else if (event.key === 'Escape') exit()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [presenting, slide, go, exit, notesOpen, total])

  // Leaving full screen (Esc, F11) ends the presentation too.
  useEffect(() => {
    if (!presenting) return
    const onChange = () => {
      if (document.fullscreenElement) wasFullscreen.current = true
      else if (wasFullscreen.current) {
        wasFullscreen.current = false
        // The browser takes Esc in full screen to leave it: with the notes open, that Esc
        // meant "close the notes", so the presentation goes on in the window.
        if (notesOpenRef.current) setNotesOpen(false)
        else exit()
      }
    }
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [presenting, exit])

  return { presenting, slide, params, notesOpen, setNotesOpen }
}

export function PresentLink({ params }: { params: URLSearchParams }) {
  const { t } = useI18n()
  return (
    <Link
      to={searchWith(params, {
        present: '1',
        slide: params.get('slide') ?? '1',
      })}
      className="button primary"
      onClick={() => void enterFullscreen()}
      preventScrollReset
    >
      ▶ {t('meeting.present')}
    </Link>
  )
}

/** The presenter's corner: previous, where we are, next, and the way out. Links, so they work without JavaScript. */
export function PresentControls({
  params,
  slide,
  onNotes,
  total = SLIDES.length,
}: {
  params: URLSearchParams
  slide: number
  onNotes: () => void
  total?: number
}) {
  const { t } = useI18n()
  return (
    <nav className="present-controls" aria-label={t('meeting.presentControls')}>
      <button type="button" className="present-notes-button" onClick={onNotes} aria-keyshortcuts="n">
        ✎ {t('meeting.panel.open')}
      </button>
      <Link
        to={searchWith(params, { slide: String(Math.max(1, slide - 1)) })}
        replace
        preventScrollReset
        aria-label={t('meeting.previousSlide')}
        aria-disabled={slide === 1}
      >
        ‹
      </Link>
      <span aria-live="polite">{t('meeting.slideOf', { n: slide, total })}</span>
      <Link
        to={searchWith(params, {
          slide: String(Math.min(total, slide + 1)),
        })}
        replace
        preventScrollReset
        aria-label={t('meeting.nextSlide')}
        aria-disabled={slide === total}
      >
        ›
      </Link>
      <Link to={searchWith(params, { present: null })} onClick={leaveFullscreen} preventScrollReset aria-label={t('meeting.exitPresent')}>
        ✕
      </Link>
    </nav>
  )
}
