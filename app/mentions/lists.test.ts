import { isListGap, isSentenceEnd, sentenceAround } from './lists.ts'
import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, company, makeAliases } from './test-aliases.ts'

const matcher = buildMentionMatcher(ALIASES)
const admitted = (text: string) => matcher.findMentions(text).map((m) => [text.slice(m.start, m.end), m.rule, m.ruleDetail])

describe('isListGap', () => {
  it('accepts separators and short unmatched items between them', () => {
    for (const gap of [
      '、',
      '和',
      '与',
      '及',
      '以及',
      ', ',
      ' and ',
      ' or ',
      ', Microsoft, ',
      ', Google, Microsoft and ',
      '，微软，',
      ' & ',
      ' / ',
    ]) {
      expect(isListGap(gap, 0, gap.length), gap).toBe(true)
    }
  })

  it('refuses sentences, clauses and items glued to a mention', () => {
    for (const gap of [
      ' is a ',
      '. ',
      '。',
      ', which said ',
      ' Microsoft ',
      '正在与',
      '，字节跳动旗下的',
      ' rose 5% ',
      `, ${'x, '.repeat(30)}`,
    ]) {
      expect(isListGap(gap, 0, gap.length), gap).toBe(false)
    }
  })
})

describe('sentences', () => {
  it('end at Chinese and English stops and line breaks, not inside Stability.ai or 1.0', () => {
    expect(isSentenceEnd('a. b', 1)).toBe(true)
    expect(isSentenceEnd('Stability.ai', 9)).toBe(false)
    expect(isSentenceEnd('Pika 1.0', 6)).toBe(false)
    const text = '第一句。Runway和Pika发布新品！下一句'
    expect(text.slice(...sentenceAround(text, 4, 10, 200))).toBe('Runway和Pika发布新品')
  })
})

describe('ambiguous aliases in a list', () => {
  it('count when an unambiguous company is in the same list, chaining through it', () => {
    expect(admitted('OpenAI 推出 Sora 后，Google、Runway和Pika相继跟进')).toEqual([
      ['OpenAI', 'name', null],
      ['Google', 'name', null],
      ['Runway', 'listed_with', 'Google'],
      ['Pika', 'listed_with', 'Runway'],
    ])
    expect(admitted('rivals including Meta, Google, Microsoft, Runway, Pika and Stability')).toEqual([
      ['Meta', 'listed_with', 'Google'],
      ['Google', 'name', null],
      ['Runway', 'listed_with', 'Google'],
      ['Pika', 'listed_with', 'Runway'],
      ['Stability', 'listed_with', 'Pika'],
    ])
  })

  it('chain from a product of another company', () => {
    const withSora = buildMentionMatcher([
      ...ALIASES,
      ...makeAliases([[company.openai, 'Sora', { kind: 'product' }]]).map((a) => ({ ...a, id: 900 })),
    ])
    const text = 'Sora、Runway和Pika'
    expect(withSora.findMentions(text).map((m) => [m.aliasText, m.rule, m.ruleDetail])).toEqual([
      ['Sora', 'product', null],
      ['Runway', 'listed_with', 'Sora'],
      ['Pika', 'listed_with', 'Runway'],
    ])
  })

  it('do not count in a list of ambiguous names only, or across sentences', () => {
    expect(admitted('Apple, Runway and Gemini')).toEqual([])
    expect(admitted('Google hired staff. Runway length matters.')).toEqual([['Google', 'name', null]])
    expect(admitted('Google 发布新品。Runway 很长')).toEqual([['Google', 'name', null]])
  })

  it('give medium confidence', () => {
    expect(matcher.findMentions('Google and Runway').map((m) => m.confidence)).toEqual(['high', 'medium'])
  })
})
