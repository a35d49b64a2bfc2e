import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

import { linearMarkdown } from './markdown-limits.ts'

// Markdown from analysts and documents becomes inert HTML: raw HTML in the source is
// shown as text (the html renderer escapes it), and the output goes through an allowlist
// sanitiser as a second wall, so <script>, event handlers and javascript: links never run.
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const marked = new Marked(
  {
    gfm: true,
    breaks: false,
    renderer: {
      html({ text }) {
        return escapeHtml(text)
      },
    },
  },
  linearMarkdown,
)

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
}

// Chinese wraps without spaces, so a line break inside a Chinese paragraph must vanish
// rather than become the space markdown turns it into ("数据\n将在" is "数据将在").
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef]/u
// Lines that start a block of their own (list item, quote, heading, table row, fence) are never joined.
const BLOCK_START = /^\s*([-*+]\s|\d+[.)]\s|[#>|]|```|~~~|[-=_*]{2,}\s*$|$)/
const FENCE = /^\s{0,3}(```|~~~)/
const HEADING = /^\s{0,3}#{1,6}(\s|$)/

/** Joins the lines of a paragraph where both sides of the break are CJK, or it follows CJK punctuation (outside code). */
export function joinCjkLines(source: string): string {
  const lines = source.split(/\r?\n/)
  const out: string[] = []
  let inFence = false
  // What the checks need of the last output line, kept aside: re-reading a line that grows
  // by every join (a long Chinese text with a break after each character) is quadratic.
  let prevStartsBlock = false
  let prevLast = ''
  for (const line of lines) {
    const joinable =
      !inFence &&
      out.length > 0 &&
      !prevStartsBlock &&
      !BLOCK_START.test(line) &&
      // After full-width punctuation no space belongs, whatever follows ("；\n2C 端").
      ((CJK_CHAR.test(prevLast) && CJK_CHAR.test(line.charAt(0))) || CJK_PUNCT.test(prevLast))
    if (FENCE.test(line)) inFence = !inFence
    if (joinable) out[out.length - 1] += line
    else {
      out.push(line)
      prevStartsBlock = HEADING.test(line) || /^( {4}|\t)/.test(line)
      prevLast = ''
    }
    if (line) prevLast = line.slice(-1)
  }
  return out.join('\n')
}

export function renderMarkdown(source: string): string {
  const html = marked.parse(joinCjkLines(source), { async: false }) as string
  return sanitizeHtml(html, { ...allowed, allowedAttributes: { ...allowed.allowedAttributes, a: ['href', 'title', 'rel', 'target'] } })
}
