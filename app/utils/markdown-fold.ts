// A long thesis folds: the first blocks show, the rest sits behind a visible "show all".
// The cut falls on a blank line between top-level blocks (never inside a fenced code
// block), so each half is valid markdown on its own and renders the same as in the whole.

/** Shown before the fold: about this many characters, in whole blocks. */
export const FOLD_AFTER_CHARS = 1000
/** A text this much longer than the visible part is worth folding; shorter, it shows whole. */
const FOLD_MIN_REST_CHARS = 300

export interface FoldedMarkdown {
  head: string
  /** The blocks behind "show all"; empty when the text shows whole. */
  rest: string
  /** How many blocks (paragraphs, lists, headings...) the rest holds. */
  restBlocks: number
}

function splitBlocks(markdown: string): string[] {
  const blocks: string[] = []
  let current: string[] = []
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (opener && (fence == null || opener.startsWith(fence))) fence = fence == null ? opener : null
    if (fence == null && line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'))
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length) blocks.push(current.join('\n'))
  return blocks
}

/** Whether a block continues the one before it (a list or a quote split by a blank line). */
const continues = (block: string) => /^\s*([-*+>]|\d+[.)])\s/.test(block) || /^\s{2,}\S/.test(block)

export function foldMarkdown(markdown: string, after = FOLD_AFTER_CHARS): FoldedMarkdown {
  const blocks = splitBlocks(markdown)
  let length = 0
  let cut = 0
  while (cut < blocks.length && (length < after || continues(blocks[cut]))) {
    length += blocks[cut].length
    cut++
  }
  const rest = blocks.slice(cut)
  const restLength = rest.reduce((sum, b) => sum + b.length, 0)
  if (!rest.length || restLength < FOLD_MIN_REST_CHARS) return { head: markdown, rest: '', restBlocks: 0 }
  return { head: blocks.slice(0, cut).join('\n\n'), rest: rest.join('\n\n'), restBlocks: rest.length }
}
