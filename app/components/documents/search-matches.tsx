import { Link, useLocation } from '@remix-run/react'
import { useEffect } from 'react'

import { MarkedText, type MarkRange } from '#app/components/search/marked-text.tsx'
import { useI18n } from '#app/i18n/index.ts'

export interface SearchMatchesView {
  query: string
  /** Offsets of the matches in the document's text. */
  ranges: MarkRange[]
  snippets: { text: string; marks: MarkRange[]; cutStart: boolean; cutEnd: boolean }[]
}

const HIGHLIGHT = 'search-match'

/**
 * Marks the matches inside the rendered text with the CSS Custom Highlight API: the text's
 * markup (mention <mark>s) stays as it is, and nothing is inserted into it. The container's
 * text nodes, in order, are exactly the document's text.
 */
function useTextHighlight(containerSelector: string, ranges: readonly MarkRange[]) {
  useEffect(() => {
    const container = document.querySelector(containerSelector)
    if (!container || ranges.length === 0 || typeof CSS === 'undefined' || !('highlights' in CSS)) return
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    const domRanges: Range[] = []
    let offset = 0
    let next = 0
    const pending: { start?: [Node, number] } = {}
    for (let node = walker.nextNode(); node && next < ranges.length; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0
      while (next < ranges.length) {
        const { start, end } = ranges[next]
        if (!pending.start && start >= offset && start < offset + length) pending.start = [node, start - offset]
        if (pending.start && end > offset && end <= offset + length) {
          const range = document.createRange()
          range.setStart(...pending.start)
          range.setEnd(node, end - offset)
          domRanges.push(range)
          pending.start = undefined
          next++
          continue
        }
        break
      }
      offset += length
    }
    if (domRanges.length === 0) return
    CSS.highlights.set(HIGHLIGHT, new Highlight(...domRanges))
    const first = domRanges[0].startContainer.parentElement
    first?.scrollIntoView({ block: 'center' })
    return () => {
      CSS.highlights.delete(HIGHLIGHT)
    }
  }, [containerSelector, ranges])
}

/** The document page's note when opened from a search: how many matches, the first ones in context. */
export function SearchMatches({ view, containerSelector }: { view: SearchMatchesView; containerSelector: string }) {
  const { t } = useI18n()
  const location = useLocation()
  useTextHighlight(containerSelector, view.ranges)
  return (
    <section className="card docsearch-here" aria-label={t('docsearch.matchesHere', { count: view.ranges.length, query: view.query })}>
      <p className="small">
        {view.ranges.length > 0
          ? t('docsearch.matchesHere', { count: view.ranges.length, query: view.query })
          : t('docsearch.noMatchHere', { query: view.query })}{' '}
        <Link to={location.pathname} replace>
          {t('docsearch.clearHighlight')}
        </Link>
      </p>
      {view.snippets.length > 0 ? (
        <ul className="small">
          {view.snippets.map((s, i) => (
            <li key={i}>
              {s.cutStart ? '… ' : null}
              <MarkedText text={s.text} marks={s.marks} />
              {s.cutEnd ? ' …' : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
