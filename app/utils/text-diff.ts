import { diffArrays, diffLines } from 'diff'

// A readable diff of two versions of a text (a thesis, a name, a risk), for history pages.
// Lines are compared first; inside a changed block, English is compared word by word and
// Chinese character by character (Chinese has no spaces, so a "word" diff would mark
// whole sentences). Long unchanged stretches are folded so a one-word edit to a long
// thesis stays one screen.

export type DiffPart = { kind: 'same' | 'ins' | 'del'; text: string } | { kind: 'skip'; lines: number }

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const TOKEN = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}_])+|\\s+|.`, 'gsu')
// Beyond this many token edits the texts are simply different: show old and new whole.
const MAX_EDIT = 4_000
const CONTEXT_LINES = 2

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

function push(parts: DiffPart[], part: DiffPart) {
  if (part.kind !== 'skip' && !part.text) return
  const last = parts[parts.length - 1]
  if (last && last.kind === part.kind && last.kind !== 'skip' && part.kind !== 'skip') last.text += part.text
  else parts.push({ ...part })
}

function diffTokens(before: string, after: string, parts: DiffPart[]) {
  const changes = diffArrays(tokenize(before), tokenize(after), { maxEditLength: MAX_EDIT })
  if (!changes) {
    push(parts, { kind: 'del', text: before })
    push(parts, { kind: 'ins', text: after })
    return
  }
  for (const change of changes) {
    push(parts, { kind: change.added ? 'ins' : change.removed ? 'del' : 'same', text: change.value.join('') })
  }
}

/** Lines with their line breaks; split after each "\n" (a lookbehind: nothing is rescanned). */
function splitLines(text: string): string[] {
  return text ? text.split(/(?<=\n)/) : []
}

/** Unchanged text, folded to a few lines of context around the changes. */
function pushSame(parts: DiffPart[], text: string, isFirst: boolean, isLast: boolean) {
  const lines = splitLines(text)
  const keepHead = isFirst ? 0 : CONTEXT_LINES
  const keepTail = isLast ? 0 : CONTEXT_LINES
  if (lines.length <= keepHead + keepTail + 1) {
    push(parts, { kind: 'same', text })
    return
  }
  push(parts, { kind: 'same', text: lines.slice(0, keepHead).join('') })
  push(parts, { kind: 'skip', lines: lines.length - keepHead - keepTail })
  push(parts, { kind: 'same', text: lines.slice(lines.length - keepTail).join('') })
}

export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = []
  if (before === after) return before ? [{ kind: 'same', text: before }] : []
  const blocks = diffLines(before, after, { timeout: 1_000 })
  if (!blocks) {
    push(parts, { kind: 'del', text: before })
    push(parts, { kind: 'ins', text: after })
    return parts
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    const next = blocks[i + 1]
    if (block.removed && next?.added) {
      diffTokens(block.value, next.value, parts)
      i++
    } else if (block.removed || block.added) {
      push(parts, { kind: block.added ? 'ins' : 'del', text: block.value })
    } else {
      pushSame(parts, block.value, i === 0, i === blocks.length - 1)
    }
  }
  return parts
}
