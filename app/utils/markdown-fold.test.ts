import { describe, expect, it } from 'vitest'

import { foldMarkdown } from './markdown-fold.ts'

const para = (n: number, length = 400) => `Paragraph ${n} ${'x'.repeat(length)}`

describe('foldMarkdown', () => {
  it('shows a short thesis whole', () => {
    expect(foldMarkdown('## Thesis\n\nShort.')).toEqual({ head: '## Thesis\n\nShort.', rest: '', restBlocks: 0 })
  })

  it('cuts a long one between blocks, keeping every block', () => {
    const text = [1, 2, 3, 4, 5, 6, 7].map((n) => para(n)).join('\n\n')
    const { head, rest, restBlocks } = foldMarkdown(text)
    expect(head.split('\n\n')).toHaveLength(3)
    expect(restBlocks).toBe(4)
    expect(`${head}\n\n${rest}`).toBe(text)
  })

  it('never cuts inside a fenced code block or a list', () => {
    const code = '```\nline\n\nstill code\n```'
    const text = [para(1, 960), code, '- one', '- two', para(2), para(3)].join('\n\n')
    const { head, rest } = foldMarkdown(text)
    expect(head).toContain('still code')
    expect(head).toContain('- two')
    expect(rest.startsWith('Paragraph 2')).toBe(true)
  })

  it('does not fold away a tail too short to be worth a click', () => {
    const text = [para(1, 1300), 'A last line.'].join('\n\n')
    expect(foldMarkdown(text).rest).toBe('')
  })
})
