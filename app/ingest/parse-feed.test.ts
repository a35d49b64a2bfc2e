import { describe, expect, it } from 'vitest'

import { ATOM_FEED, RSS_FEED } from '#tests/msw/feeds-example.ts'

import { FeedParseError, parseFeed } from './parse-feed.ts'

function reason(text: string): string | null {
  try {
    parseFeed(text)
    return null
  } catch (error) {
    return error instanceof FeedParseError ? error.reason : `other: ${String(error)}`
  }
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items with content:encoded, guids and RFC 822 dates', () => {
    const feed = parseFeed(RSS_FEED, 'https://feeds.example.com/rss.xml')
    expect(feed).toMatchObject({ format: 'rss', title: 'Multimodal Weekly', link: 'https://feeds.example.com/' })
    expect(feed.items).toEqual([
      {
        title: 'Sora brings DiT scaling to video',
        link: 'https://feeds.example.com/posts/sora-dit',
        published: '2024-02-19T00:30:00.000Z',
        html: "<p>OpenAI's <b>Sora</b> applies diffusion transformers to video.</p>",
        summary: "<p>OpenAI's <b>Sora</b> applies diffusion transformers to video.</p>",
        guid: 'post-101',
      },
      {
        title: '美图发布奇想智能 4.0',
        link: 'https://feeds.example.com/posts/meitu-miracle-vision',
        published: '2023-12-18T10:00:00.000Z',
        html: '<p>美图的视觉大模型用于电商与广告工作流。</p>',
        summary: '',
        guid: 'https://feeds.example.com/posts/meitu-miracle-vision',
      },
    ])
  })

  it('reads Atom entries: the alternate link, published or updated, content or summary', () => {
    const feed = parseFeed(ATOM_FEED)
    expect(feed.format).toBe('atom')
    expect(feed.items.map((i) => [i.title, i.link, i.published, i.guid])).toEqual([
      ['Gemini is natively multimodal', 'https://feeds.example.com/atom/gemini', '2023-12-06T16:00:00.000Z', 'urn:uuid:gemini-1'],
      ['Data exhaustion estimates revisited', 'https://feeds.example.com/atom/data', '2024-03-05T09:00:00.000Z', 'urn:uuid:data-2'],
    ])
    expect(feed.items[1].html).toBe('<p>High-quality language data may run out before 2026.</p>')
  })

  it('reads RSS 1.0 (RDF), resolves relative links and drops links that are not http(s)', () => {
    const rdf = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://news.example.org/"><title>科技快讯</title><link>https://news.example.org/</link></channel>
        <item rdf:about="https://news.example.org/a"><title>快手发布可灵</title><link>/a</link><dc:date>2024-06-06T08:00:00+08:00</dc:date><description>视频生成模型</description></item>
        <item rdf:about="x"><title>Bad link</title><link>javascript:alert(1)</link></item>
      </rdf:RDF>`
    const feed = parseFeed(rdf, 'https://news.example.org/rss')
    expect(feed.format).toBe('rdf')
    expect(feed.items[0]).toMatchObject({
      title: '快手发布可灵',
      link: 'https://news.example.org/a',
      published: '2024-06-06T00:00:00.000Z',
      html: '视频生成模型',
    })
    expect(feed.items[1].link).toBeNull()
  })

  it('gives an item without a title one from its text', () => {
    const feed = parseFeed(
      '<rss version="2.0"><channel><title>t</title><item><description>&lt;p&gt;Midjourney v6 released&lt;/p&gt;</description></item></channel></rss>',
    )
    expect(feed.items[0].title).toBe('Midjourney v6 released')
    expect(feed.items[0].guid).toBe('Midjourney v6 released')
  })

  it('reads a feed with no items as an empty list', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>quiet</title></channel></rss>').items).toEqual([])
  })

  it.each([
    ['', 'empty'],
    ['<!doctype html><html><body>Welcome</body></html>', 'html'],
    ['<?xml version="1.0"?>\n<!-- page --><html><head></head><body/></html>', 'html'],
    ['<html><body><p>hi</p></body></html>', 'html'],
    ['<rss><channel><title>broken</channel></rss>', 'notXml'],
    ['{"items": []}', 'notXml'],
    ['<?xml version="1.0"?><note><to>Tove</to></note>', 'notAFeed'],
    [
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>',
      'entities',
    ],
  ])('refuses %j as %s', (text, expected) => {
    expect(reason(text)).toBe(expected)
  })
})
