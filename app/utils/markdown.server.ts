import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

// Markdown from analysts and documents becomes inert HTML: raw HTML in the source is
// shown as text (the html renderer escapes it), and the output goes through an allowlist
// sanitiser as a second wall, so <script>, event handlers and javascript: links never run.
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text)
    },
  },
})

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr'],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
}

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false }) as string
  return sanitizeHtml(html, { ...allowed, allowedAttributes: { ...allowed.allowedAttributes, a: ['href', 'title', 'rel', 'target'] } })
}
