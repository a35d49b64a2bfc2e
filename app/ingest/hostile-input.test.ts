import { describe, expect, it } from 'vitest'

import { utf8 } from '#tests/fixtures/documents.ts'

import { extractFile, firstHeading } from './extract-file.server.ts'
import { extractHtml } from './extract-html.server.ts'
import { cleanDocumentText, extractMarkdown } from './extract-text.server.ts'
import { capTagNesting, MAX_TAG_DEPTH } from './html-depth.ts'
import { decodeReferences } from './html-references.ts'
import { looksLikeHtml, parseFeed } from './parse-feed.ts'

// Inputs that used to take seconds to hours (super-linear regexes) give the same answers
// as ordinary ones. Behaviour only: tests/bench/hostile.bench.ts measures the time.

const N = 200_000

describe('text cleanup with long runs of spaces', () => {
  it('keeps a run of spaces inside a line and drops one before a line break', () => {
    expect(cleanDocumentText(`a${' '.repeat(N)}b`)).toBe(`a${' '.repeat(N)}b`)
    expect(cleanDocumentText(`a${' \t\u00a0\u3000'.repeat(N / 4)}\nb`)).toBe('a\nb')
    expect(cleanDocumentText(`a${'\u00a0'.repeat(N)}b\nc${' '.repeat(N)}`)).toBe(`a${'\u00a0'.repeat(N)}b\nc`)
  })

  it('drops trailing spaces on every line', () => {
    expect(cleanDocumentText('x  \ny\u3000\n\n\n\nz\t')).toBe('x\ny\n\nz')
  })
})

describe('Markdown titles', () => {
  it('reads the first "# " heading, closing #s and spaces stripped', () => {
    expect(firstHeading('intro\n# 多模态周报 ##  \n# second')).toBe('多模态周报')
    expect(firstHeading('## not level one\n#\tTabbed')).toBe('Tabbed')
    expect(firstHeading('#hashtag\n# ##')).toBe('#')
    expect(firstHeading('#   \n# later')).toBeNull()
    expect(firstHeading('no heading')).toBeNull()
  })

  it('reads a heading with a long run of spaces', async () => {
    expect(firstHeading(`# a${' '.repeat(N)}x`)).toBe(`a${' '.repeat(N)}x`)
    const file = await extractFile({ name: 'note.md', bytes: utf8(`# a${' '.repeat(N)}x\n\nbody`) })
    expect(file.title).toBe(`a${' '.repeat(N)}x`)
    expect(file.text).toBe('a x\n\nbody')
  })
})

describe('HTML full of &nbsp;', () => {
  it('keeps the words around the run', () => {
    const page = `<html><body><p>Tencent${'&nbsp;'.repeat(N / 6)}Hunyuan</p><p>next</p></body></html>`
    const text = cleanDocumentText(extractHtml(page).text)
    expect(text.startsWith('Tencent\u00a0')).toBe(true)
    expect(text.endsWith('Hunyuan\n\nnext')).toBe(true)
  })
})

describe('pages beyond what Readability is given', () => {
  it('reads a deeply nested page, and one of many tiny elements, whole', () => {
    expect(extractHtml(`<html><body>${'<div>'.repeat(50_000)}deep</body></html>`).text).toBe('deep')
    const many = extractHtml(`<html><body><nav>Menu</nav>${'<p>a</p>'.repeat(20_000)}</body></html>`).text
    expect(many.startsWith('Menu\n\na\n\na')).toBe(true)
    expect(many.split('\n\n')).toHaveLength(20_001)
  })

  it('still picks the article out of an ordinary page', () => {
    const paragraph = '<p>Tencent applies its Hunyuan model to advertising, games and cloud services across the group.</p>'
    const page = `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>${paragraph.repeat(5)}</article><footer>Copyright</footer></body></html>`
    expect(extractHtml(page).text).not.toContain('Copyright')
  })
})

describe('tag nesting', () => {
  it(`leaves out open tags nested past ${MAX_TAG_DEPTH}, keeping their text`, () => {
    const deep = `${'<div>'.repeat(MAX_TAG_DEPTH + 3)}<b title="a>b">x</b>`
    expect(capTagNesting(deep)).toBe(`${'<div>'.repeat(MAX_TAG_DEPTH)}x</b>`)
    expect(extractHtml(`<html><body>${'<span>a'.repeat(200_000)}</body></html>`).text).toBe('a'.repeat(200_000))
  })

  it('leaves a page alone when tags close, end tags are optional or "<" is script text', () => {
    const page = `${'<div><p>a<br></div>'.repeat(5000)}<li>x${'<li>y'.repeat(5000)}<script>${'if (a<b) '.repeat(5000)}</script><!-- ${'<i>'.repeat(5000)} -->`
    expect(capTagNesting(page)).toBe(page)
  })
})

describe('character references', () => {
  it('decodes the non-ASCII ones before parsing, as the parser would, and leaves the ASCII ones', () => {
    expect(decodeReferences('a&nbsp;b&#160;&#xA0;&copy;&copy &eacute;x &#128;&#0; <a title="&quot;&nbsp;">')).toBe(
      'a\u00a0b\u00a0\u00a0©© éx €\ufffd <a title="&quot;\u00a0">',
    )
    expect(decodeReferences('&lt;&amp;&#60;&#97;&#32; &foo; &copyx &copy=1 &#123456789;')).toBe(
      '&lt;&amp;&#60;&#97;&#32; &foo; &copyx &copy=1 &#123456789;',
    )
  })
})

describe('Markdown that nests deeply or never closes its emphasis', () => {
  it('reads the text of deep quote and list nesting', () => {
    expect(extractMarkdown(utf8(`${'> '.repeat(N / 2)}deep`))).toMatch(/deep$/)
    expect(extractMarkdown(utf8(`${'- '.repeat(N / 2)}deep`))).toMatch(/deep$/)
  })

  it('reads runs of underscores and stars as text', () => {
    expect(extractMarkdown(utf8('a_'.repeat(N / 2)))).toBe('a_'.repeat(N / 2))
    expect(extractMarkdown(utf8('*a'.repeat(3)))).toBe('aa*a')
  })
})

describe('feeds', () => {
  it('tells an HTML page from a feed after any number of comments', () => {
    expect(looksLikeHtml(`${'<!--a-->'.repeat(N / 8)}<html><body>`)).toBe(true)
    expect(looksLikeHtml(`${'<!--a-->'.repeat(N / 8)}x`)).toBe(false)
    expect(looksLikeHtml('<?xml version="1.0"?>\n<!-- page -->\n<!DOCTYPE html><html>')).toBe(true)
    expect(looksLikeHtml('<?xml version="1.0"?><rss><channel/></rss>')).toBe(false)
    expect(looksLikeHtml('<!-- never closed <html>')).toBe(false)
  })

  it('refuses a page of comments that is not XML', () => {
    expect(() => parseFeed(`${'<!--a-->'.repeat(N / 8)}x`)).toThrow('notXml')
  })

  it('titles an item from text with a long run of "<"', () => {
    const description = `${'&lt;'.repeat(N / 4)} Sora ships`
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>t</title><item><description>${description}</description></item></channel></rss>`,
    )
    expect(feed.items[0].title).toBe(`${'<'.repeat(N / 4)} Sora ships`.slice(0, 120))
    const tagged = parseFeed(
      '<rss version="2.0"><channel><title>t</title><item><description>&lt;p&gt;a &lt;b&gt;bold&lt;/b&gt; move&lt;/p&gt;</description></item></channel></rss>',
    )
    expect(tagged.items[0].title).toBe('a bold move')
  })
})
