import type { LookupAddress } from 'node:dns'
import { gzipSync } from 'node:zlib'

import { delay, http, HttpResponse } from 'msw'

import { repeatedBody } from './streams.ts'

// The outside host feeds.example.com as the tests see it: good feeds, and each way a
// feed goes wrong (HTML, 500, hanging, too big, redirects to places it must not go).
export const FEEDS_HOST = 'https://feeds.example.com'

/** Test DNS: example hosts resolve to public (documentation-free) addresses or to private ones. */
const dnsTable: Record<string, string[]> = {
  'feeds.example.com': ['93.184.215.14'],
  'news.example.org': ['93.184.215.15', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'mixed.example.com': ['93.184.215.14', '10.0.0.5'],
  'intranet.example.com': ['10.0.0.5'],
  'metadata.example.com': ['169.254.169.254'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
}

export async function exampleLookup(hostname: string): Promise<LookupAddress[]> {
  const addresses = dnsTable[hostname]
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
}

export const RSS_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Multimodal Weekly</title>
    <link>https://feeds.example.com/</link>
    <description>Notes on multimodal AI</description>
    <item>
      <title>Sora brings DiT scaling to video</title>
      <link>https://feeds.example.com/posts/sora-dit</link>
      <guid isPermaLink="false">post-101</guid>
      <pubDate>Mon, 19 Feb 2024 08:30:00 +0800</pubDate>
      <description><![CDATA[<p>OpenAI's <b>Sora</b> applies diffusion transformers to video.</p>]]></description>
    </item>
    <item>
      <title>美图发布奇想智能 4.0</title>
      <link>https://feeds.example.com/posts/meitu-miracle-vision</link>
      <guid>https://feeds.example.com/posts/meitu-miracle-vision</guid>
      <pubDate>Mon, 18 Dec 2023 10:00:00 GMT</pubDate>
      <content:encoded><![CDATA[<p>美图的视觉大模型用于电商与广告工作流。</p>]]></content:encoded>
    </item>
  </channel>
</rss>`

export const ATOM_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Vision Models Digest</title>
  <id>urn:uuid:7a3c-digest</id>
  <updated>2024-03-05T09:00:00Z</updated>
  <entry>
    <title type="html">Gemini is natively multimodal</title>
    <link rel="alternate" type="text/html" href="https://feeds.example.com/atom/gemini"/>
    <id>urn:uuid:gemini-1</id>
    <published>2023-12-06T16:00:00Z</published>
    <updated>2023-12-07T00:00:00Z</updated>
    <summary>Google's Gemini handles text, image, audio and video in one model.</summary>
  </entry>
  <entry>
    <title>Data exhaustion estimates revisited</title>
    <link href="https://feeds.example.com/atom/data"/>
    <id>urn:uuid:data-2</id>
    <updated>2024-03-05T09:00:00Z</updated>
    <content type="html">&lt;p&gt;High-quality language data may run out before 2026.&lt;/p&gt;</content>
  </entry>
</feed>`

const HTML_PAGE = '<!doctype html><html><head><title>Welcome</title></head><body><h1>Not a feed</h1></body></html>'

const xml = (body: string | Uint8Array, type = 'application/rss+xml', extra: Record<string, string> = {}) =>
  new HttpResponse(body, { headers: { 'Content-Type': `${type}; charset=utf-8`, ...extra } })

export const feedsExampleHandlers = [
  http.get(`${FEEDS_HOST}/rss.xml`, () => xml(RSS_FEED)),
  http.get(`${FEEDS_HOST}/atom.xml`, () => xml(ATOM_FEED, 'application/atom+xml')),
  http.get(`${FEEDS_HOST}/gzip.xml`, () => xml(gzipSync(RSS_FEED), 'application/rss+xml', { 'Content-Encoding': 'gzip' })),
  http.get(`${FEEDS_HOST}/html`, () => HttpResponse.html(HTML_PAGE)),
  http.get(`${FEEDS_HOST}/html-as-xml`, () => xml(HTML_PAGE, 'text/xml')),
  http.get(`${FEEDS_HOST}/error`, () => new HttpResponse('Internal Server Error', { status: 500 })),
  http.get(`${FEEDS_HOST}/hang`, async () => {
    await delay('infinite')
    return xml(RSS_FEED)
  }),
  // 3 MB without a Content-Length: the limit must be enforced while streaming.
  http.get(
    `${FEEDS_HOST}/big.xml`,
    () =>
      new HttpResponse(repeatedBody(`<!-- ${'x'.repeat(64 * 1024)} -->`, 3_000_000), {
        headers: { 'Content-Type': 'application/rss+xml' },
      }),
  ),
  http.get(`${FEEDS_HOST}/moved`, () => HttpResponse.redirect(`${FEEDS_HOST}/rss.xml`, 301)),
  http.get(`${FEEDS_HOST}/to-loopback`, () => HttpResponse.redirect('http://127.0.0.1/admin', 302)),
  http.get(`${FEEDS_HOST}/to-metadata`, () => HttpResponse.redirect('http://metadata.example.com/latest/meta-data/', 307)),
  http.get(`${FEEDS_HOST}/to-file`, () => HttpResponse.redirect('file:///etc/passwd', 302)),
  http.get(`${FEEDS_HOST}/loop/:n`, ({ params }) => HttpResponse.redirect(`${FEEDS_HOST}/loop/${Number(params.n) + 1}`, 302)),
  http.get(
    `${FEEDS_HOST}/report.pdf`,
    () =>
      new HttpResponse(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]), {
        headers: { 'Content-Type': 'application/pdf' },
      }),
  ),
  http.get(`${FEEDS_HOST}/article`, () =>
    HttpResponse.html(
      '<!doctype html><html><head><meta charset="utf-8"><title>Kuaishou AI video</title></head><body><article><p>快手可灵视频模型。</p></article></body></html>',
    ),
  ),
]
