import { Fragment } from 'react'

export interface MarkRange {
  start: number
  end: number
}

/**
 * Text with the given ranges in <mark>, built as React text from offsets: whatever markup
 * a document contains stays text and never runs.
 */
export function MarkedText({ text, marks }: { text: string; marks: readonly MarkRange[] }) {
  const parts: { text: string; marked: boolean }[] = []
  let at = 0
  for (const m of marks) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue
    if (m.start > at) parts.push({ text: text.slice(at, m.start), marked: false })
    parts.push({ text: text.slice(m.start, m.end), marked: true })
    at = m.end
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false })
  return <>{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>
}
