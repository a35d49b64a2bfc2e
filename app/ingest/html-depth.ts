// linkedom's parser (htmlparser2) keeps its open elements in an array it prepends to, so
// every open tag costs as much as the nesting below it: 200,000 unclosed <div>s in a
// megabyte took half a minute. capTagNesting leaves out the open tags past MAX_TAG_DEPTH
// (their text stays) before a page is parsed. The depth is counted the simple way: void
// elements and those whose end tag may be left out (<p>, <li>, <td>...) do not count, so
// no real page comes near the limit.

export const MAX_TAG_DEPTH = 4096

const UNCOUNTED = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr keygen ' +
    'p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rb rt rtc rp'
  ).split(' '),
)
// Their content is text: a "<" inside starts no tag.
const RAW_TEXT = new Map(
  ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'].map((name) => [
    name,
    new RegExp(`</${name}`, 'gi'),
  ]),
)
const TAG_NAME = /<(\/?)([a-z][^\s/>]*)/iy

/** The index just past the ">" that ends the tag whose attributes start at `from`. */
function tagEnd(html: string, from: number): number {
  let quote = ''
  for (let i = from; i < html.length; i++) {
    const c = html[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i + 1
  }
  return html.length
}

/** The page with open tags nested deeper than MAX_TAG_DEPTH left out; linear in its length. */
export function capTagNesting(html: string): string {
  let tags = 0
  for (let i = html.indexOf('<'); i >= 0 && tags <= MAX_TAG_DEPTH; i = html.indexOf('<', i + 1)) tags++
  if (tags <= MAX_TAG_DEPTH) return html
  const kept: string[] = []
  let depth = 0
  let copiedTo = 0
  let i = html.indexOf('<')
  while (i >= 0) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4)
      i = close < 0 ? -1 : html.indexOf('<', close + 3)
      continue
    }
    TAG_NAME.lastIndex = i
    const match = TAG_NAME.exec(html)
    if (!match) {
      i = html.indexOf('<', i + 1)
      continue
    }
    const end = tagEnd(html, TAG_NAME.lastIndex)
    const name = match[2].toLowerCase()
    if (match[1]) {
      if (!UNCOUNTED.has(name)) depth = Math.max(0, depth - 1)
    } else if (!UNCOUNTED.has(name) && html[end - 2] !== '/') {
      if (depth < MAX_TAG_DEPTH) depth++
      else {
        kept.push(html.slice(copiedTo, i))
        copiedTo = end
      }
    }
    const rawEnd = match[1] ? undefined : RAW_TEXT.get(name)
    if (rawEnd) {
      rawEnd.lastIndex = end
      i = rawEnd.exec(html)?.index ?? -1
      continue
    }
    i = html.indexOf('<', end)
  }
  kept.push(html.slice(copiedTo))
  return kept.join('')
}
