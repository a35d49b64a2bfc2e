import { describe, expect, it } from 'vitest'

import { joinCjkLines, renderMarkdown } from './markdown.server.ts'

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    const html = renderMarkdown('# Thesis\n\n**Video** is next, see [CICC](https://example.com).')
    expect(html).toContain('<h2>Thesis</h2>')
    expect(html).toContain('<strong>Video</strong>')
    expect(html).toContain('href="https://example.com"')
  })

  it('leaves scripts, handlers and javascript: links inert', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).not.toMatch(/href="javascript:/)
    expect(html).toContain('&lt;script&gt;')
  })
})

describe('Chinese paragraphs with hard line breaks', () => {
  it('joins the lines without a stray space between Chinese characters', () => {
    const html = renderMarkdown('高质量文本数据\n将在几年内耗尽；\n合成数据是常见对策。')
    expect(html).toBe('<p>高质量文本数据将在几年内耗尽；合成数据是常见对策。</p>\n')
  })

  it('keeps the break where English is on either side, and leaves headings, lists and code alone', () => {
    expect(joinCjkLines('models that see\nand hear')).toBe('models that see\nand hear')
    expect(joinCjkLines('基于\nTransformer 的路线')).toBe('基于\nTransformer 的路线')
    expect(joinCjkLines('## 中文摘要\n大语言模型')).toBe('## 中文摘要\n大语言模型')
    expect(joinCjkLines('- 电商\n- 营销')).toBe('- 电商\n- 营销')
    expect(joinCjkLines('```\n代码\n注释\n```')).toBe('```\n代码\n注释\n```')
    expect(joinCjkLines('段落一。\n\n段落二。')).toBe('段落一。\n\n段落二。')
    expect(joinCjkLines('更远一些；\n2C 端看 UGC')).toBe('更远一些；2C 端看 UGC')
    expect(joinCjkLines('如下：\n- 电商')).toBe('如下：\n- 电商')
    expect(joinCjkLines('标题：\n===')).toBe('标题：\n===')
  })
})
