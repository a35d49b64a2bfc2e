import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, company } from './test-aliases.ts'

const matcher = buildMentionMatcher(ALIASES, { topicWords: ['视频生成'] })
const found = (text: string) => matcher.findMentions(text).map((m) => [text.slice(m.start, m.end), m.companyId])

describe('Latin names in Chinese text', () => {
  it('match in any case between CJK characters, even case-sensitive ones', () => {
    expect(found('由OPENAI和MIDJOURNEY推动')).toEqual([
      ['OPENAI', company.openai],
      ['MIDJOURNEY', company.midjourney],
    ])
    expect(found('runway在视频生成上领先')).toEqual([['runway', company.runway]])
    expect(found('（midjourney）')).toEqual([['midjourney', company.midjourney]])
  })

  it('keep the exact case of case-sensitive aliases in English text', () => {
    expect(found('we met midjourney fans and MIDJOURNEY fans')).toEqual([])
    expect(found('Midjourney v6')).toEqual([['Midjourney', company.midjourney]])
  })

  it('read an ambiguous capitalised name in lower case as the ordinary word in English text', () => {
    expect(found('the runway at the Runway Inc. hangar')).toEqual([['Runway', company.runway]])
  })
})

describe('letter-digit junctions', () => {
  it('are word boundaries', () => {
    expect(found('PIKA1.0与DALL·E3、GEN-2对比')).toEqual([
      ['PIKA', company.pika],
      ['DALL·E', company.openai],
      ['GEN-2', company.runway],
    ])
  })

  it('but letters inside a word are not', () => {
    expect(found('SAMPLE metadata Pikachu Meituan OpenAIs')).toEqual([])
  })

  it('a version suffix points at the product', () => {
    expect(found('Gen-3 Alpha 与 可灵2.0')).toEqual([
      ['Gen-3 Alpha', company.runway],
      ['可灵', company.kuaishou],
    ])
  })
})

describe('other punctuation', () => {
  it('a hyphen before a version may be dropped or spaced', () => {
    expect(found('GEN2、Gen 2 和 Gen-2')).toEqual([
      ['GEN2', company.runway],
      ['Gen 2', company.runway],
      ['Gen-2', company.runway],
    ])
    expect(found('GPT4V 与 GPT 4V')).toEqual([
      ['GPT4V', company.openai],
      ['GPT 4V', company.openai],
    ])
  })

  it('Stability.ai and StabilityAI match Stability AI', () => {
    expect(found('Stability.ai, stability ai and StabilityAI')).toEqual([
      ['Stability.ai', company.stability],
      ['stability ai', company.stability],
      ['StabilityAI', company.stability],
    ])
  })
})
