import { snippetBounds } from './snippet.ts'
import { summariseByCompany } from './summary.ts'

function makeSnippet(text: string, start: number, end: number, radius?: number): string {
  const { from, to } = snippetBounds(text, start, end, radius)
  return text.slice(from, to)
}

describe('snippetBounds', () => {
  it('keeps short texts whole', () => {
    expect(makeSnippet('Yesterday OpenAI said so.', 10, 16)).toBe('Yesterday OpenAI said so.')
  })

  it('cuts long English text at white space, keeping the match inside', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`)
    const text = `${words.join(' ')} OpenAI ${words.join(' ')}`
    const start = text.indexOf('OpenAI')
    const snippet = makeSnippet(text, start, start + 6)
    expect(snippet).toContain('OpenAI')
    expect(snippet.length).toBeLessThanOrEqual(6 + 120)
    expect(text).toContain(snippet)
    expect(snippet).toMatch(/^word\d+ .* word\d+$/)
    expect(text[text.indexOf(snippet) - 1]).toBe(' ')
  })

  it('cuts Chinese at the radius and never splits a surrogate pair', () => {
    const text = `${'😀'.repeat(50)}美图${'😀'.repeat(50)}`
    const snippet = makeSnippet(text, 100, 102, 61)
    expect(snippet).toContain('美图')
    expect(snippet.startsWith('😀') && snippet.endsWith('😀')).toBe(true)
    expect([...snippet].every((char) => char === '😀' || '美图'.includes(char))).toBe(true)
  })

  it('gives where the snippet starts, so the match is found inside it without a search', () => {
    const text = `${'word '.repeat(30)}百度 and Baidu ${'word '.repeat(30)}`
    const start = text.indexOf('Baidu')
    const { from, to } = snippetBounds(text, start, start + 5)
    expect(from).toBeGreaterThan(0)
    expect(text.slice(from, to).slice(start - from, start - from + 5)).toBe('Baidu')
  })
})

describe('summariseByCompany', () => {
  it('counts mentions per company, most first', () => {
    expect(
      summariseByCompany([{ companyId: 3 }, { companyId: 1 }, { companyId: 3 }, { companyId: 2 }, { companyId: 1 }, { companyId: 3 }]),
    ).toEqual([
      { companyId: 3, count: 3 },
      { companyId: 1, count: 2 },
      { companyId: 2, count: 1 },
    ])
    expect(summariseByCompany([])).toEqual([])
  })
})
