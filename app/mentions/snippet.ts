import { getFoldTables, SPACE } from './fold.ts'

/**
 * The text around a match, as text.slice(from, to): `radius` units either side, then moved
 * inwards to the nearest white space within the outer third of each side, so English
 * snippets start and end on whole words. Chinese has no spaces and is cut at the radius.
 * Never splits a surrogate pair; always contains the whole match; no white space at either
 * end. `from` is kept with the mention, so a page can mark the match inside the snippet
 * without searching the text for it again.
 */
export function snippetBounds(text: string, start: number, end: number, radius = 60): { from: number; to: number } {
  const { fold } = getFoldTables()
  const slack = Math.ceil(radius / 3)
  let from = Math.max(0, start - radius)
  let to = Math.min(text.length, end + radius)
  if (from > 0) {
    const limit = Math.min(start, from + slack)
    for (let i = from; i < limit; i++) {
      if (fold[text.charCodeAt(i)] === SPACE) {
        from = i + 1
        break
      }
    }
    if (from < start && isLowSurrogate(text.charCodeAt(from))) from++
  }
  if (to < text.length) {
    const limit = Math.max(end, to - slack)
    for (let i = to - 1; i >= limit; i--) {
      if (fold[text.charCodeAt(i)] === SPACE) {
        to = i
        break
      }
    }
    if (to > end && isLowSurrogate(text.charCodeAt(to))) to--
  }
  // Trim by index: one slice instead of slice + trim (this runs once per mention).
  while (from < start && fold[text.charCodeAt(from)] === SPACE) from++
  while (to > end && fold[text.charCodeAt(to - 1)] === SPACE) to--
  return { from, to }
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
