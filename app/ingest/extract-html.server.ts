import { parseHTML } from 'linkedom'

import { type ArticleNode, readArticle } from './article.server.ts'
import { parseLooseDate } from './dates.ts'
import { capTagNesting } from './html-depth.ts'
import { decodeReferences } from './html-references.ts'

// HTML (a saved news article, a feed item) -> its main text and metadata. linkedom builds
// a DOM without running anything, so scripts and event handlers in the page stay inert;
// @mozilla/readability picks the article out of navigation and footers, and the whole
// body's text is the fallback when it finds no article.

export interface HtmlExtract {
  text: string
  title: string | null
  publisher: string | null
  publishedOn: string | null
}

/**
 * Readability's pick is trusted when it is a real article (this many characters; Chinese
 * is dense, so a short news item qualifies) or a good part of a short page.
 */
const MIN_ARTICLE_CHARS = 140
const MIN_ARTICLE_SHARE = 0.4

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
  'canvas',
  'select',
  'button',
])
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'details',
  'summary',
])

interface DomNode {
  nodeType: number
  nodeValue?: string | null
  localName?: string
  childNodes: ArrayLike<DomNode>
}

/**
 * Text of a DOM node with paragraphs kept apart (textContent would run them together):
 * a blank line after each block, a line break for <br>, a tab between table cells.
 * Iterative, so a deeply nested page cannot overflow the stack.
 */
export function htmlToText(input: string | DomNode): string {
  return nodeText(typeof input === 'string' ? parseBody(capTagNesting(decodeReferences(input))) : input)
}

/** A fragment's body; its references already decoded (decodeReferences). */
function parseBody(html: string): DomNode {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as DomNode
}

function nodeText(root: DomNode): string {
  const out: string[] = []
  type Step = { node: DomNode; pre: boolean } | { close: string }
  const stack: Step[] = [{ node: root, pre: false }]
  while (stack.length > 0) {
    const step = stack.pop()!
    if ('close' in step) {
      out.push(step.close)
      continue
    }
    const { node, pre } = step
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? ''
      out.push(pre ? value : value.replace(/[ \t\n\r\f]+/g, ' '))
      continue
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue
    const name = (node.localName ?? '').toLowerCase()
    if (SKIP.has(name)) continue
    if (name === 'br') {
      out.push('\n')
      continue
    }
    if (name === 'td' || name === 'th') stack.push({ close: '\t' })
    else if (BLOCK.has(name)) {
      out.push('\n\n')
      stack.push({ close: '\n\n' })
    }
    const children = node.childNodes
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], pre: pre || name === 'pre' })
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, (run) => (run.includes('\t') ? '\t' : ' ')).trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

type Doc = ReturnType<typeof parseHTML>['document']

function meta(document: Doc, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim()
    if (value) return value
  }
  return null
}

function jsonLdDate(document: Doc): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const match = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(script.textContent ?? '')
    if (match) return match[1]
  }
  return null
}

function textOf(document: Doc, selector: string): string | null {
  const value = document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim()
  return value || null
}

/** linkedom only builds a body for a whole page: wrap a fragment in one. */
function asPage(html: string): string {
  return /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`
}

export function extractHtml(input: string): HtmlExtract {
  const html = asPage(capTagNesting(decodeReferences(input)))
  const { document } = parseHTML(html)
  const title =
    meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]']) ??
    textOf(document, 'title') ??
    textOf(document, 'h1')
  const publisher = meta(document, [
    'meta[property="og:site_name"]',
    'meta[name="publisher"]',
    'meta[name="application-name"]',
    'meta[name="author"]',
  ])
  const dateText =
    meta(document, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.created"]',
    ]) ??
    jsonLdDate(document) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null
  const bodyText = nodeText(document.body as unknown as DomNode)
  const articleText = readArticle(html, document.body as unknown as ArticleNode, (content) => htmlToText(content))
  const text =
    articleText !== null && articleText.length >= Math.min(MIN_ARTICLE_CHARS, bodyText.length * MIN_ARTICLE_SHARE) ? articleText : bodyText
  return {
    text,
    title,
    publisher: publisher && !/^https?:\/\//.test(publisher) ? publisher : null,
    publishedOn: dateText ? parseLooseDate(dateText) : null,
  }
}
