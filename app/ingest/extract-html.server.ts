import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

import { parseLooseDate } from './dates.ts'
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
  return nodeText(typeof input === 'string' ? parseBody(decodeReferences(input)) : input)
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

// Readability re-reads the page from its HTML when its first pick is short, and linkedom
// writes each no-break space out as "&#160;", one node apiece when parsed again. A page of
// them (they collapse to a short text) was re-parsed into hundreds of thousands of nodes
// several times; on such a page Readability gets a private-use stand-in instead.
const NBSP_STAND_IN = '\ue0a0'
const MANY_NBSP = 10_000

function hasManyNbsp(html: string): boolean {
  let count = 0
  for (let i = html.indexOf('\u00a0'); i >= 0 && count < MANY_NBSP; i = html.indexOf('\u00a0', i + 1)) count++
  return count >= MANY_NBSP
}

/** linkedom only builds a body for a whole page: wrap a fragment in one. */
function asPage(html: string): string {
  return /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`
}

export function extractHtml(input: string): HtmlExtract {
  const html = asPage(decodeReferences(input))
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
  let text = bodyText
  try {
    const standIn = hasManyNbsp(html)
    // Readability changes the DOM it reads: give it its own copy.
    const article = new Readability(
      parseHTML(standIn ? html.replaceAll('\u00a0', NBSP_STAND_IN) : html).document as unknown as Document,
    ).parse()
    const content = article?.content ? htmlToText(article.content) : ''
    const articleText = standIn ? content.replaceAll(NBSP_STAND_IN, '\u00a0') : content
    if (articleText.length >= Math.min(MIN_ARTICLE_CHARS, bodyText.length * MIN_ARTICLE_SHARE)) text = articleText
  } catch {
    // A page Readability cannot handle still has its body text.
  }
  return {
    text,
    title,
    publisher: publisher && !/^https?:\/\//.test(publisher) ? publisher : null,
    publishedOn: dateText ? parseLooseDate(dateText) : null,
  }
}
