// Page furniture: what a broker prints on every page of a report (its header, the
// disclaimer at the foot, "第 3 页 / 共 12 页" or "Page 3 of 12"). Left in, a header
// naming a company counts one mention per page, so a 30-page report on one company would
// outweigh thirty one-page notes. Such a line is kept where it first appears and removed
// from the later pages, before mentions are matched and the text is stored.
//
// Pages are the text between form feeds (\f): PDF extraction puts one between pages, and
// pasted or uploaded text may carry its own. Text without page breaks is never touched.
// A line is furniture when, after folding case, spacing and digits (page numbers and dates
// differ from page to page), it sits near the top or the foot of most pages, and of at
// least MIN_PAGES of them; a line on only a few pages stays wherever it is.

/** Fewer pages than this and nothing is furniture: two pages sharing a line may be chance. */
export const MIN_PAGES = 3
/** How many lines from the top and from the foot of a page can be furniture. */
export const EDGE_LINES = 5

export interface FurnitureRemoved {
  /** The text with the later copies of each furniture line taken out (page breaks kept). */
  text: string
  /** How many lines were taken out (document.furniture_lines_removed). */
  linesRemoved: number
}

const HAS_WORD = /[\p{L}\p{N}]/u

/**
 * The line as compared across pages: case, width and spacing folded, and the numbers of a
 * page-number line ("Page 3 of 12", at most two numbers). A line with more numbers (a table
 * row continued at the top of each page) must repeat exactly.
 */
export function furnitureKey(line: string): string {
  const folded = line.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
  return (folded.match(/\d+/g)?.length ?? 0) <= 2 ? folded.replace(/\d+/g, '#') : folded
}

/** Indexes of the lines a page's furniture can be on: the first and last EDGE_LINES with words. */
function edgeLines(lines: readonly string[]): number[] {
  const worded = lines.flatMap((line, i) => (HAS_WORD.test(line) ? [i] : []))
  if (worded.length <= 2 * EDGE_LINES) return worded
  return [...worded.slice(0, EDGE_LINES), ...worded.slice(-EDGE_LINES)]
}

export function removePageFurniture(text: string): FurnitureRemoved {
  if (!text.includes('\f')) return { text, linesRemoved: 0 }
  const pages = text.split('\f').map((page) => page.split('\n'))
  const worded = pages.filter((lines) => lines.some((line) => HAS_WORD.test(line))).length
  if (worded < MIN_PAGES) return { text, linesRemoved: 0 }

  const edges = pages.map(edgeLines)
  const pagesWith = new Map<string, number>()
  for (const [p, lines] of pages.entries())
    for (const key of new Set(edges[p].map((i) => furnitureKey(lines[i])))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1)
  // "Most pages": more than half of those with text on them.
  const needed = Math.max(MIN_PAGES, Math.floor(worded / 2) + 1)
  const furniture = new Set([...pagesWith].filter(([, n]) => n >= needed).map(([key]) => key))
  if (furniture.size === 0) return { text, linesRemoved: 0 }

  const seen = new Set<string>()
  let linesRemoved = 0
  const kept = pages.map((lines, p) => {
    const drop = new Set<number>()
    for (const i of edges[p]) {
      const key = furnitureKey(lines[i])
      if (!furniture.has(key)) continue
      if (seen.has(key)) drop.add(i)
      else seen.add(key)
    }
    linesRemoved += drop.size
    return drop.size ? lines.filter((_, i) => !drop.has(i)) : lines
  })
  return { text: kept.map((lines) => lines.join('\n')).join('\f'), linesRemoved }
}
