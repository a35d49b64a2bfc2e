import { Fragment, type KeyboardEvent } from 'react'

export interface MentionSpan {
  /** The mention row, when the page lets a reader pick one to review. */
  id?: number
  start: number
  end: number
  companyId: number
  aliasText: string
}

export type TextSegment = { text: string; mention?: undefined } | { text: string; mention: MentionSpan }

/**
 * The text cut at mention offsets into plain and mentioned pieces. Spans that overlap an
 * earlier one or fall outside the text are left out rather than breaking the page.
 */
export function splitByMentions(text: string, mentions: readonly MentionSpan[]): TextSegment[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start)
  const segments: TextSegment[] = []
  let at = 0
  for (const mention of sorted) {
    if (mention.start < at || mention.end > text.length || mention.end <= mention.start) continue
    if (mention.start > at) segments.push({ text: text.slice(at, mention.start) })
    segments.push({ text: text.slice(mention.start, mention.end), mention })
    at = mention.end
  }
  if (at < text.length) segments.push({ text: text.slice(at) })
  return segments
}

interface HighlightedTextProps {
  text: string
  mentions: readonly MentionSpan[]
  /** Only this company's mentions stand out when set. */
  focusCompanyId: number | null
  describe: (mention: MentionSpan) => string
  /** Makes each mention a button that picks it (click, Enter or Space). */
  onPick?: (mention: MentionSpan) => void
  pickedStart?: number | null
}

/**
 * Document text with mentions as <mark> elements. Built as React text nodes, never as
 * HTML, so whatever markup a document contains is shown as text and never runs.
 */
export function HighlightedText({ text, mentions, focusCompanyId, describe, onPick, pickedStart }: HighlightedTextProps) {
  return (
    <>
      {splitByMentions(text, mentions).map((segment, index) =>
        segment.mention ? (
          <mark
            key={index}
            id={`mention-${segment.mention.start}`}
            className={
              focusCompanyId === null ? 'mention' : focusCompanyId === segment.mention.companyId ? 'mention is-focus' : 'mention is-dim'
            }
            data-company={segment.mention.companyId}
            title={describe(segment.mention)}
            {...(onPick
              ? {
                  role: 'button',
                  tabIndex: 0,
                  'aria-pressed': pickedStart === segment.mention.start,
                  onClick: () => onPick(segment.mention),
                  onKeyDown: (event: KeyboardEvent) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return
                    event.preventDefault()
                    onPick(segment.mention)
                  },
                }
              : {})}
          >
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  )
}
