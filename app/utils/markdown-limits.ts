import { type MarkedExtension, Tokenizer } from 'marked'

// marked is linear on ordinary Markdown but not on all of it. Three kinds of input from an
// upload or a pasted thesis took seconds to hours at a megabyte:
// - long runs of e-mail-like characters with "_" or "*" in them ("a_a_a_..."): at every
//   stop, the GFM autolink rules look ahead through the whole run for an "@";
// - bare web addresses followed by a long run without spaces or by many ")";
// - deep nesting ("> > > ..." or "- - - ..." a thousand levels deep): each level parses
//   the rest again, and the recursion overflows the stack.
// linearMarkdown bounds the first (an e-mail's local part is at most 64 characters, RFC
// 5321) and the second (MAX_AUTOLINK), and caps the third at MAX_NESTING levels per line;
// deeper markers stay as text.

/** Container markers (">" and list bullets) honoured at the start of one line. */
export const MAX_NESTING = 16
const EMAIL_LOCAL_MAX = 64

// The unbounded runs inside marked's GFM rules that precede an "@".
const EMAIL_LOCAL_RUNS = ["[a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-]", '[A-Za-z0-9._+-]'].flatMap((run) => [`${run}+@`, `${run}+(@)`])

const boundedRules = new WeakMap<object, Tokenizer['rules']>()

/**
 * The tokenizer's rules with the e-mail runs bounded, or the rules unchanged when marked's
 * patterns no longer contain them (markdown-limits.test.ts then fails).
 */
export function withBoundedEmailRuns(rules: Tokenizer['rules']): Tokenizer['rules'] {
  let bounded = boundedRules.get(rules.inline)
  if (!bounded) {
    const bound = (pattern: RegExp) => {
      let source = pattern.source
      for (const run of EMAIL_LOCAL_RUNS) source = source.replaceAll(run, run.replace(/\+(?=\(?@)/, `{1,${EMAIL_LOCAL_MAX}}`))
      return source === pattern.source ? pattern : new RegExp(source, pattern.flags)
    }
    bounded = { ...rules, inline: { ...rules.inline, text: bound(rules.inline.text), url: bound(rules.inline.url) } }
    boundedRules.set(rules.inline, bounded)
  }
  return bounded
}

function withRules<T>(tokenizer: Tokenizer, run: () => T): T {
  const rules = tokenizer.rules
  tokenizer.rules = withBoundedEmailRuns(rules)
  try {
    return run()
  } finally {
    tokenizer.rules = rules
  }
}

// A bare web address ("https://...", "www...") is linked up to the next space or "<". marked
// scans that far at every such start and then strips trailing punctuation one character
// per pass over the whole address: an address longer than this stays text, and only the
// start of a long closing run of punctuation is kept for marked to strip.
const MAX_AUTOLINK = 2048
const WEB_LINK_START = /^(?:[hH][tT][tT][pP][sS]?:\/\/|[fF][tT][pP]:\/\/|www\.)/
const CLOSING = new Set(['?', '!', '.', ',', ':', ';', '*', '_', "'", '"', '~', ')'])
const CLOSING_KEPT = 16

/**
 * The address without the part of its closing punctuation that marked would strip anyway:
 * of a run at the end, only what comes up to its first ")" (which may close a "(" before
 * it) can stay in the link, so the run is cut a few characters after that.
 */
function trimClosingRun(address: string): string {
  let start = address.length
  while (start > 0 && CLOSING.has(address[start - 1])) start--
  const paren = address.indexOf(')', start)
  const keep = (paren < 0 ? start : paren + 1) + CLOSING_KEPT
  return keep < address.length ? address.slice(0, keep) : address
}

const FENCE = /^ {0,3}(?:```|~~~)/

/** "- - -", "***", "_ _ _": a horizontal rule (CommonMark reads it so), not nested lists. */
function isThematicBreak(line: string): boolean {
  let mark = ''
  let count = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === ' ' || c === '\t') continue
    if ((c !== '-' && c !== '*' && c !== '_') || (mark && c !== mark)) return false
    mark = c
    count++
  }
  return count >= 3
}

/**
 * The container marker (">", a bullet, "1." or "1)") at `i`: where it ends (after the space
 * that follows) and where a backslash turns it into text; null when there is none.
 */
function markerAt(line: string, i: number): { end: number; escapeAt: number } | null {
  const c = line[i]
  if (c === '>') return { end: line[i + 1] === ' ' || line[i + 1] === '\t' ? i + 2 : i + 1, escapeAt: i }
  let j = i
  if (c === '-' || c === '*' || c === '+') j = i + 1
  else {
    while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++
    if (j === i || (line[j] !== '.' && line[j] !== ')')) return null
    j++
  }
  // A backslash before a digit is no escape: an ordered marker is escaped at its "." or ")".
  const escapeAt = j - 1
  if (j === line.length) return { end: j, escapeAt }
  return line[j] === ' ' || line[j] === '\t' ? { end: j + 1, escapeAt } : null
}

/** A line with its container markers past MAX_NESTING escaped, so they read as text. */
function capLine(line: string): string {
  let i = 0
  let depth = 0
  for (;;) {
    const indentStart = i
    while (i < line.length && i - indentStart < 4 && (line[i] === ' ' || line[i] === '\t')) i++
    const marker = i < line.length ? markerAt(line, i) : null
    if (!marker) return line
    if (++depth > MAX_NESTING) return `${line.slice(0, marker.escapeAt)}\\${line.slice(marker.escapeAt)}`
    i = marker.end
  }
}

/** Caps container nesting line by line (outside fenced code): a linear pass before marked. */
export function capNesting(markdown: string): string {
  const lines = markdown.split('\n')
  let inFence = false
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]
    if (FENCE.test(line)) inFence = !inFence
    else if (!inFence && !isThematicBreak(line)) lines[n] = capLine(line)
  }
  return lines.join('\n')
}

/** For `new Marked(options, linearMarkdown)`. */
export const linearMarkdown: MarkedExtension = {
  hooks: { preprocess: capNesting },
  tokenizer: {
    inlineText(src) {
      return withRules(this as Tokenizer, () => Tokenizer.prototype.inlineText.call(this, src))
    },
    url(src) {
      let candidate = src
      if (WEB_LINK_START.test(src)) {
        const end = src.slice(0, MAX_AUTOLINK + 1).search(/[\s<]/)
        if (end < 0 && src.length > MAX_AUTOLINK) return undefined
        candidate = trimClosingRun(end < 0 ? src : src.slice(0, end))
      }
      return withRules(this as Tokenizer, () => Tokenizer.prototype.url.call(this, candidate))
    },
  },
}
