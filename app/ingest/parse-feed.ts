import { XMLParser, XMLValidator } from 'fast-xml-parser'

// RSS 2.0, RSS 1.0 (RDF) and Atom into one item shape. Pure: no network, no database.
// What comes out is untrusted: html is the feed's markup as given (the ingest step
// sanitises it) and links are kept only when they are http(s).

export interface FeedItem {
  title: string
  /** Absolute http(s) link to the item, or null when the feed gives none. */
  link: string | null
  /** ISO 8601 instant, or null when the feed gives no readable date. */
  published: string | null
  /** The item's markup: full content when the feed has it, else the summary. */
  html: string
  summary: string
  /** Stable id: the guid/id, else the link, else the title. */
  guid: string
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf'
  title: string
  link: string | null
  items: FeedItem[]
}

export type FeedParseReason = 'empty' | 'html' | 'notXml' | 'notAFeed' | 'entities'

export class FeedParseError extends Error {
  constructor(readonly reason: FeedParseReason) {
    super(`feed: ${reason}`)
    this.name = 'FeedParseError'
  }
}

export const MAX_FEED_ITEMS = 200

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
})

const HTML_START = /<(?:!doctype\s+html|html|head|body)[\s>]/iy
const SPACE = /\s/

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && SPACE.test(text[i])) i++
  return i
}

/**
 * Whether the text starts (after an XML declaration, comments and white space) with an
 * HTML page's first tag. A scan: the pattern it replaces,
 * /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]/i,
 * tried every way of grouping the comments and took exponential time on a few dozen.
 */
export function looksLikeHtml(text: string): boolean {
  let i = skipSpace(text, 0)
  if (text.startsWith('<?xml', i)) {
    const end = text.indexOf('>', i)
    if (end < 0) return false
    i = skipSpace(text, end + 1)
  }
  while (text.startsWith('<!--', i)) {
    const end = text.indexOf('-->', i + 4)
    if (end < 0) return false
    i = skipSpace(text, end + 3)
  }
  HTML_START.lastIndex = i
  return HTML_START.test(text)
}

export function parseFeed(text: string, baseUrl?: string): ParsedFeed {
  const source = text.replace(/^\uFEFF/, '')
  if (!source.trim()) throw new FeedParseError('empty')
  if (looksLikeHtml(source)) throw new FeedParseError('html')
  // Entity declarations are how XML bombs work; no real feed needs them.
  if (/<!ENTITY/i.test(source)) throw new FeedParseError('entities')
  if (XMLValidator.validate(source) !== true) throw new FeedParseError('notXml')
  const doc = parser.parse(source) as Record<string, any>
  if (doc.rss?.channel) {
    const channel = doc.rss.channel
    return {
      format: 'rss',
      title: textOf(channel.title),
      link: absoluteLink(firstOf(channel.link), baseUrl),
      items: asArray(channel.item)
        .slice(0, MAX_FEED_ITEMS)
        .map((item) => rssItem(item, baseUrl)),
    }
  }
  if (doc.feed && (doc.feed.entry || doc.feed.title !== undefined)) {
    const feed = doc.feed
    return {
      format: 'atom',
      title: textOf(feed.title),
      link: atomLink(feed.link, baseUrl),
      items: asArray(feed.entry)
        .slice(0, MAX_FEED_ITEMS)
        .map((entry) => atomEntry(entry, baseUrl)),
    }
  }
  const rdf = doc['rdf:RDF']
  if (rdf?.channel) {
    return {
      format: 'rdf',
      title: textOf(rdf.channel.title),
      link: absoluteLink(firstOf(rdf.channel.link), baseUrl),
      items: asArray(rdf.item)
        .slice(0, MAX_FEED_ITEMS)
        .map((item) => rssItem(item, baseUrl)),
    }
  }
  if (doc.html || doc.HTML) throw new FeedParseError('html')
  throw new FeedParseError('notAFeed')
}

function rssItem(item: Record<string, any>, baseUrl: string | undefined): FeedItem {
  const guidText = textOf(item.guid)
  const permalink = typeof item.guid === 'object' ? item.guid['@_isPermaLink'] !== 'false' : true
  const link = absoluteLink(firstOf(item.link), baseUrl) ?? (permalink ? absoluteLink(guidText, baseUrl) : null)
  const summary = textOf(item.description)
  const html = textOf(item['content:encoded']) || summary
  return finish({
    title: textOf(item.title),
    link,
    published: isoDate(textOf(item.pubDate) || textOf(item['dc:date'])),
    html,
    summary,
    guid: guidText || textOf(item['@_rdf:about']),
  })
}

function atomEntry(entry: Record<string, any>, baseUrl: string | undefined): FeedItem {
  const summary = textOf(entry.summary)
  return finish({
    title: stripTags(textOf(entry.title)),
    link: atomLink(entry.link, baseUrl),
    published: isoDate(textOf(entry.published) || textOf(entry.updated)),
    html: textOf(entry.content) || summary,
    summary,
    guid: textOf(entry.id),
  })
}

function finish(item: FeedItem): FeedItem {
  const title =
    item.title.trim() ||
    stripTags(item.summary || item.html)
      .slice(0, 120)
      .trim() ||
    item.link ||
    ''
  return { ...item, title, guid: item.guid.trim() || item.link || title }
}

function atomLink(links: unknown, baseUrl: string | undefined): string | null {
  const list = asArray(links) as Record<string, string>[]
  const chosen = list.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? list[0]
  const href = typeof chosen === 'object' ? chosen?.['@_href'] : chosen
  return absoluteLink(href, baseUrl)
}

function absoluteLink(href: unknown, baseUrl: string | undefined): string | null {
  if (typeof href !== 'string' || !href.trim()) return null
  try {
    const url = new URL(href.trim(), baseUrl)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** RFC 822 (RSS) and ISO 8601 (Atom) dates to an ISO instant. */
export function isoDate(text: string): string | null {
  if (!text) return null
  const ms = Date.parse(text.trim())
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

/** The text of an element that fast-xml-parser gave as a string, an object with #text, or nested markup (Atom xhtml). */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(textOf).join(' ')
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('#text' in record) return textOf(record['#text'])
    return Object.entries(record)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, v]) => textOf(v))
      .join(' ')
  }
  return ''
}

function stripTags(html: string): string {
  return (
    html
      // [^<>] rather than [^>]: a run of "<" without ">" is then scanned once, not once per "<".
      .replace(/<[^<>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}
