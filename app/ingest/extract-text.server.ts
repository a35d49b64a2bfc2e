import { Marked } from 'marked'

import { linearMarkdown } from '#app/utils/markdown-limits.ts'

import { cleanExtractedText } from './clean-text.ts'
import { htmlToText } from './extract-html.server.ts'
import { IngestError } from './ingest-error.ts'

// Plain text and Markdown files: bytes -> text, refusing what is not text.

const utf8 = new TextDecoder('utf-8', { fatal: true })
const gb18030 = new TextDecoder('gb18030', { fatal: true })
/** Share of control characters above which decoded "text" is really binary. */
const MAX_CONTROL_SHARE = 0.01

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK,
 * which Chinese Windows tools still write. NUL bytes, undecodable bytes or many control
 * characters mean a binary file (an image or archive renamed .txt): refused.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return checkTextual(new TextDecoder('utf-16le').decode(bytes.subarray(2)))
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return checkTextual(new TextDecoder('utf-16be').decode(bytes.subarray(2)))
  if (bytes.includes(0)) throw new IngestError('binary')
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  for (const decoder of [utf8, gb18030]) {
    try {
      return checkTextual(decoder.decode(body))
    } catch (error) {
      if (error instanceof IngestError) throw error
      // not this encoding: try the next
    }
  }
  throw new IngestError('binary')
}

function checkTextual(text: string): string {
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f || code === 0) controls++
  }
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) throw new IngestError('binary')
  return text
}

/**
 * The stored form of a document's text, the one mention offsets point into: one kind of
 * line break, no control characters (PostgreSQL refuses NUL), no lone surrogates, no
 * trailing spaces, at most one blank line in a row.
 */
export function cleanDocumentText(text: string): string {
  return cleanExtractedText(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\f/g, '\n\n')
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\v\u000e-\u001f\u007f\ufeff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      // The lookbehind starts a match only where a run of spaces starts: without it a long
      // run not followed by a line break is rescanned from each of its characters (quadratic).
      .replace(/(?<![ \t\u00a0\u3000])[ \t\u00a0\u3000]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  )
}

export function extractPlainText(bytes: Uint8Array): string {
  return cleanDocumentText(decodeTextBytes(bytes))
}

const marked = new Marked({ gfm: true }, linearMarkdown)

/** Markdown as the reader sees it: headings, lists and links as text, no markup or URLs. */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown, { async: false })
  return htmlToText(html)
}

export function extractMarkdown(bytes: Uint8Array): string {
  return cleanDocumentText(markdownToText(decodeTextBytes(bytes)))
}
