import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

// The article in a page, picked by @mozilla/readability, within limits that keep it linear.
// Readability is quadratic in the depth of nesting (it counts the <br>s under every
// element) and costs about 0.1 ms per element per attempt; when its first pick is short it
// re-parses the page (a node per "<" or character reference in text) for up to four more
// attempts. A page beyond these limits (a megabyte of ordinary article has about 5,000
// elements and 15,000 nodes) is read whole instead.
const MAX_ELEMENTS = 10_000
const MAX_NODES = 50_000
const MAX_DEPTH = 128

// linkedom writes each no-break space out as "&#160;" when Readability re-reads the page,
// one node apiece when parsed again: a page of them (they collapse to a short text) was
// re-parsed into hundreds of thousands of nodes. Such a page goes to Readability with a
// private-use stand-in instead.
const NBSP_STAND_IN = '\ue0a0'
const MANY_NBSP = 10_000

export interface ArticleNode {
  nodeType: number
  childNodes: ArrayLike<ArticleNode>
}

/** Whether the tree has more elements or nodes, or deeper nesting, than Readability is given. */
function beyondLimits(root: ArticleNode): boolean {
  let elements = 0
  let nodes = 0
  const stack: { node: ArticleNode; depth: number }[] = [{ node: root, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) return true
    const children = node.childNodes
    nodes += children.length
    if (nodes > MAX_NODES) return true
    for (let i = 0; i < children.length; i++) if (children[i].nodeType === 1) stack.push({ node: children[i], depth: depth + 1 })
  }
  return false
}

function hasManyNbsp(html: string): boolean {
  let count = 0
  for (let i = html.indexOf('\u00a0'); i >= 0 && count < MANY_NBSP; i = html.indexOf('\u00a0', i + 1)) count++
  return count >= MANY_NBSP
}

/**
 * The text of the page's article (toText reads Readability's HTML), or null when the page
 * is beyond the limits or Readability finds none or fails on it.
 */
export function readArticle(html: string, body: ArticleNode, toText: (content: string) => string): string | null {
  if (beyondLimits(body)) return null
  try {
    const standIn = hasManyNbsp(html)
    // Readability changes the DOM it reads: give it its own copy.
    const page = parseHTML(standIn ? html.replaceAll('\u00a0', NBSP_STAND_IN) : html).document
    const article = new Readability(page as unknown as Document).parse()
    if (!article?.content) return null
    const text = toText(article.content)
    return standIn ? text.replaceAll(NBSP_STAND_IN, '\u00a0') : text
  } catch {
    // A page Readability cannot handle still has its body text.
    return null
  }
}
