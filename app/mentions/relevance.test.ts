import { describe, expect, it } from 'vitest'

import { judgeRelevance, openingEnd } from './relevance.ts'
import { reviewPhrase, snippetHasPhrase } from './review-phrase.ts'

const filler = 'The sector kept growing through the quarter while costs held steady. '.repeat(20)

describe('judgeRelevance', () => {
  it('calls a company in the title about, and one named once deep in the text passing', () => {
    const body = `${filler}\n\nRivals such as Kuaishou also ship video tools.`
    const result = judgeRelevance({
      title: 'Meitu: Miracle Vision 4.0 lifts paid users',
      opening: body,
      bodyLength: body.length,
      mentions: [
        { companyId: 1, start: 400, aliasText: 'Meitu' },
        { companyId: 2, start: body.indexOf('Kuaishou'), aliasText: 'Kuaishou' },
      ],
    })
    expect(result.get(1)).toBe('about')
    expect(result.get(2)).toBe('passing')
  })

  it('finds no company in a title word that only contains its alias', () => {
    const body = `${filler}Meta appears once.`
    const result = judgeRelevance({
      title: 'Metadata standards for filings',
      opening: body,
      bodyLength: body.length,
      mentions: [{ companyId: 3, start: body.indexOf('Meta appears'), aliasText: 'Meta' }],
    })
    expect(result.get(3)).toBe('passing')
  })

  it('counts the opening paragraph after a short heading line', () => {
    const body = '东吴证券 行业深度\n\n万兴科技发布视频生成新品，订阅收入增长。\n\n' + '行业整体保持增长。'.repeat(100) + '快手也有布局。'
    const result = judgeRelevance({
      title: '行业周报',
      opening: body,
      bodyLength: body.length,
      mentions: [
        { companyId: 4, start: body.indexOf('万兴科技'), aliasText: '万兴科技' },
        { companyId: 5, start: body.indexOf('快手'), aliasText: '快手' },
      ],
    })
    expect(result.get(4)).toBe('about')
    expect(result.get(5)).toBe('passing')
    expect(openingEnd(body)).toBeLessThan(body.indexOf('行业整体'))
  })

  it('calls a company named densely through a long text about it', () => {
    const body = filler + 'Runway Gen-2 '.repeat(3) + filler
    const starts = [0, 1, 2].map((i) => filler.length + i * 13)
    const result = judgeRelevance({
      title: 'Video tools',
      opening: body,
      bodyLength: body.length,
      mentions: [
        ...starts.map((start) => ({ companyId: 6, start, aliasText: 'Runway' })),
        { companyId: 7, start: body.length - 10, aliasText: 'Pika' },
      ],
    })
    expect(result.get(6)).toBe('about')
    expect(result.get(7)).toBe('passing')
  })
})

describe('reviewPhrase', () => {
  it('keeps the words of the sentence around the match, folded', () => {
    const snippet = 'Costs rose. An Apple a day keeps the doctor away, they say. Shares fell.'
    const start = snippet.indexOf('Apple')
    const phrase = reviewPhrase(snippet, start, start + 5)
    expect(phrase).toContain('apple a day')
    expect(phrase).not.toContain('costs rose')
    const other = 'Nutrition: an APPLE a day keeps the doctor away, they say.'
    expect(snippetHasPhrase(other, phrase, other.indexOf('APPLE'), other.indexOf('APPLE') + 5)).toBe(true)
    expect(snippetHasPhrase('Apple shipped a new phone this week.', phrase, 0, 5)).toBe(false)
    // The same snippet, another match of the alias further on: not this phrase.
    const both = `${other} Later, Apple shipped a new phone this week, the biggest launch yet.`
    expect(snippetHasPhrase(both, phrase, both.lastIndexOf('Apple'), both.lastIndexOf('Apple') + 5)).toBe(false)
  })

  it('never stores the alias alone: a short clause takes the words beyond it', () => {
    const snippet = '苹果。今年秋季的苹果很甜，价格稳定。'
    const start = snippet.indexOf('苹果很甜')
    const phrase = reviewPhrase(snippet, start, start + 2)
    expect(phrase.length).toBeGreaterThan(2 + 5)
    expect(phrase).toContain('苹果很甜')
  })
})
