import { Marked } from 'marked'
import { describe, expect, it } from 'vitest'

import { renderMarkdown } from './markdown.server.ts'
import { capNesting, linearMarkdown, MAX_NESTING, withBoundedEmailRuns } from './markdown-limits.ts'

// Behaviour only: tests/bench/hostile.bench.ts measures the time these inputs take.

const plain = new Marked({ gfm: true })
const linear = new Marked({ gfm: true }, linearMarkdown)
const both = (source: string) => [plain.parse(source, { async: false }), linear.parse(source, { async: false })]

describe('linearMarkdown', () => {
  it('bounds the e-mail runs in the rules of the installed marked', () => {
    let rules: Parameters<typeof withBoundedEmailRuns>[0] | undefined
    new Marked({ gfm: true })
      .use({
        tokenizer: {
          inlineText() {
            rules = this.rules
            return false
          },
        },
      })
      .parse('x')
    const bounded = withBoundedEmailRuns(rules!)
    expect(bounded.inline.text.source).toContain('{1,64}@')
    expect(bounded.inline.url.source).toContain('{1,64}(@)')
    expect(bounded.inline.text.source).not.toMatch(/\]\+\(?@/)
  })

  it('renders ordinary Markdown exactly as marked does', () => {
    for (const source of [
      'mail a.b@example.com or <x@example.com>, see www.example.com/a_(b)). and https://example.com/x?y=1.',
      '**bold** _em_ snake_case_name *a*b*c* ~~gone~~ `code_x`',
      '> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n---\n\n* * *',
      '```\n' + '> '.repeat(40) + 'kept in code\n```',
    ])
      expect(linear.parse(source, { async: false })).toBe(plain.parse(source, { async: false }))
  })

  it('keeps an e-mail link and a web link with closing punctuation', () => {
    const [before, after] = both(`Write to ${'a'.repeat(64)}@example.com (see www.example.com/a(b)${')'.repeat(40)}.)`)
    expect(after).toBe(before)
  })

  it('leaves a web address longer than 2,048 characters as text', () => {
    const html = linear.parse(`www.example.com/${'a'.repeat(3000)}`, { async: false })
    expect(html).not.toContain('<a ')
  })

  it(`honours ${MAX_NESTING} container markers on a line and reads deeper ones as text`, () => {
    expect(capNesting('> '.repeat(MAX_NESTING) + 'x')).toBe('> '.repeat(MAX_NESTING) + 'x')
    expect(capNesting('> '.repeat(MAX_NESTING + 2) + 'x')).toBe(`${'> '.repeat(MAX_NESTING)}\\> > x`)
    expect(capNesting(`${'- '.repeat(MAX_NESTING)}1. 2) x`)).toBe(`${'- '.repeat(MAX_NESTING)}1\\. 2) x`)
    expect(capNesting('- - - - - - - - - - - - - - - - - - - -')).toBe('- - - - - - - - - - - - - - - - - - - -')
    const deep = renderMarkdown(`${'> '.repeat(100_000)}deep`)
    expect(deep.match(/<blockquote>/g)).toHaveLength(MAX_NESTING)
    expect(deep).toContain('deep')
  })

  it('reads long runs of underscores and stars as text', () => {
    expect(renderMarkdown('a_'.repeat(100_000))).toBe(`<p>${'a_'.repeat(100_000)}</p>\n`)
    expect(renderMarkdown('*a'.repeat(3))).toBe('<p><em>a</em>a*a</p>\n')
  })
})
