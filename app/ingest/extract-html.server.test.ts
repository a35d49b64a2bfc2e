import { describe, expect, it } from 'vitest'

import { extractHtml, htmlToText } from './extract-html.server.ts'

const article = (extra = '') => `<!doctype html><html lang="zh-CN"><head>
<title>ignored | Site</title>
<meta property="og:title" content="腾讯发布混元新版本">
<meta property="og:site_name" content="36氪">
<meta property="article:published_time" content="2024-03-05T08:00:00+08:00">
</head><body>
<nav>首页 科技 财经</nav>
<article><h1>腾讯发布混元新版本</h1>
<p>${'腾讯今日发布了混元大模型的新版本，支持图像与视频生成，并已接入广告投放系统。'.repeat(4)}</p>
<p>百度的文心一言也在跟进多模态能力。<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1"></p>
${extra}
</article><footer>版权所有</footer></body></html>`

describe('HTML', () => {
  it('takes title, site and date from meta tags, and the article text without navigation', () => {
    const result = extractHtml(article())
    expect(result.title).toBe('腾讯发布混元新版本')
    expect(result.publisher).toBe('36氪')
    expect(result.publishedOn).toBe('2024-03-05')
    expect(result.text).toContain('百度的文心一言也在跟进多模态能力。')
    expect(result.text).not.toContain('首页')
    expect(result.text).not.toContain('版权所有')
    expect(result.text).not.toContain('__pwned')
  })

  it('takes a short Chinese news item without its navigation', () => {
    const html =
      '<html><body><nav>首页 | 科技</nav><article><h1>快手发布可灵</h1><p>快手发布视频生成模型可灵，抖音与字节跳动也在加快多模态布局。腾讯的混元和百度的文心一言同样支持文生图。</p><p>小红书与知乎也在测试 AI 辅助创作功能。</p></article></body></html>'
    const { text } = extractHtml(html)
    expect(text).toContain('小红书与知乎')
    expect(text).not.toContain('首页')
  })

  it('keeps paragraphs apart', () => {
    expect(htmlToText('<p>One</p><p>Two<br>three</p><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>')).toBe(
      'One\n\nTwo\nthree\n\na\n\nb\n\nx\ty',
    )
  })

  it('falls back to the body text when there is no article, and to <title>', () => {
    const result = extractHtml(
      '<html><head><title>Short note</title></head><body><div>Tencent and Baidu.</div><style>p{}</style></body></html>',
    )
    expect(result).toMatchObject({ title: 'Short note', publisher: null, publishedOn: null, text: 'Tencent and Baidu.' })
  })

  it('survives deeply nested markup', () => {
    const html = `${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}`
    expect(htmlToText(html)).toBe('deep')
  })
})
