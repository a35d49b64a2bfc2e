import { delay, http, HttpResponse } from 'msw'

import { makeReportPdf } from '../fixtures/documents.ts'
import { repeatedBody } from './streams.ts'

// The outside host news.example.org as the URL-ingestion tests see it: an article, a text
// note, a PDF report, and each way a page goes wrong. Its name resolves to public addresses
// in exampleLookup (tests/msw/feeds-example.ts).
export const NEWS_HOST = 'https://news.example.org'

const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta property="og:title" content="快手可灵与美图同台"><meta property="og:site_name" content="36氪">
<meta property="article:published_time" content="2024-06-12T09:00:00+08:00"></head>
<body><nav>首页 | 科技</nav><article><h1>快手可灵与美图同台</h1>
<p>快手发布视频生成模型可灵，美图的奇想智能同样支持文生图。</p></article></body></html>`

export const newsExampleHandlers = [
  http.get(`${NEWS_HOST}/kling`, () => HttpResponse.html(ARTICLE)),
  http.get(`${NEWS_HOST}/note.txt`, () => HttpResponse.text('Weekly note: Tencent Hunyuan and Baidu ERNIE Bot add video.')),
  http.get(
    `${NEWS_HOST}/outlook.pdf`,
    async () => new HttpResponse(await makeReportPdf(), { headers: { 'Content-Type': 'application/pdf' } }),
  ),
  http.get(
    `${NEWS_HOST}/logo.png`,
    () => new HttpResponse(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'Content-Type': 'image/png' } }),
  ),
  http.get(`${NEWS_HOST}/empty`, () =>
    HttpResponse.html('<!doctype html><html><head><title> </title></head><body><nav>…</nav></body></html>'),
  ),
  http.get(`${NEWS_HOST}/broken`, () => new HttpResponse('Internal Server Error', { status: 500 })),
  http.get(`${NEWS_HOST}/to-intranet`, () => HttpResponse.redirect('http://10.0.0.5/wiki', 302)),
  http.get(`${NEWS_HOST}/hang`, async () => {
    await delay('infinite')
    return HttpResponse.html(ARTICLE)
  }),
  // Larger than the limit, with no Content-Length: refused while streaming.
  http.get(
    `${NEWS_HOST}/huge`,
    () => new HttpResponse(repeatedBody(`<p>${'x'.repeat(64 * 1024)}</p>`, 3_000_000), { headers: { 'Content-Type': 'text/html' } }),
  ),
]
