import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown.server.ts'

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
