import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, company, makeAliases } from './test-aliases.ts'

const matcher = buildMentionMatcher(ALIASES)
const found = (text: string) => matcher.findMentions(text).map((m) => text.slice(m.start, m.end))
const aliasesFound = (text: string) => matcher.findMentions(text).map((m) => m.aliasText)

describe('Chinese aliases', () => {
  it('finds names next to other Chinese text', () => {
    expect(found('美图公司发布奇想智能')).toEqual(['美图', '奇想智能'])
    expect(found('百度发布文心一言')).toEqual(['百度', '文心一言'])
    expect(found('快手和抖音')).toEqual(['快手', '抖音'])
  })

  it('does not find a short name straddling two words', () => {
    expect(found('这是一张完美图像')).toEqual([])
  })

  it('treats CJK next to Latin as a boundary', () => {
    expect(found('百度BIDU')).toEqual(['百度', 'BIDU'])
  })

  it('prefers the longer name', () => {
    expect(aliasesFound('商汤科技发布新模型')).toEqual(['商汤科技'])
  })
})

describe('Latin aliases', () => {
  it('match on word boundaries only', () => {
    expect(found('metadata SAMPLE Pikachu Googlebot')).toEqual([])
    expect(found('Google, again: (Google).')).toEqual(['Google', 'Google'])
  })

  it('work with punctuation inside', () => {
    const text = 'GPT-4V vs W.A.L.T. and PixArt-α; 0700.HK rose; Runway the company shipped Gen-2.'
    expect(found(text)).toEqual(['GPT-4V', 'W.A.L.T', 'PixArt-α', '0700.HK', 'Runway', 'Gen-2'])
  })

  it('fold full-width forms and case, with offsets into the original text', () => {
    const text = 'Ｏｐｅｎ　ＡＩ and openai and ＧＯＯＧＬＥ'
    const mentions = matcher.findMentions(text)
    expect(mentions.map((m) => [m.aliasText, m.start, m.end])).toEqual([
      ['Open AI', 0, 7],
      ['OpenAI', 12, 18],
      ['Google', 23, 29],
    ])
  })

  it('collapse runs of white space like the stored key does', () => {
    const text = 'Stable \n Diffusion'
    expect(matcher.findMentions(text).map((m) => [m.aliasText, m.start, m.end])).toEqual([['Stable Diffusion', 0, 18]])
  })

  it('honour case-sensitive aliases', () => {
    expect(aliasesFound('BIDU and Bidu and bidu')).toEqual(['BIDU'])
    expect(aliasesFound('ＢＩＤＵ')).toEqual(['BIDU'])
    // META (the ticker) and Meta (the name) share a key: exact case picks the ticker.
    expect(aliasesFound('META rose; Meta Inc. said')).toEqual(['META', 'Meta'])
  })
})

describe('overlapping aliases', () => {
  it('resolve to the leftmost-longest', () => {
    expect(aliasesFound('Stable Diffusion by Stability AI')).toEqual(['Stable Diffusion', 'Stability AI'])
    expect(aliasesFound('OpenAI released DALL·E 3, not DALL·E')).toEqual(['OpenAI', 'DALL·E 3', 'DALL·E'])
    expect(aliasesFound('Pika 1.0 is out')).toEqual(['Pika 1.0'])
  })

  it('never return overlapping spans', () => {
    const mentions = matcher.findMentions('Stable Diffusion Stable Diffusion Stability AI Stable'.repeat(3))
    for (let i = 1; i < mentions.length; i++) expect(mentions[i].start).toBeGreaterThanOrEqual(mentions[i - 1].end)
  })
})

describe('offsets', () => {
  it('count UTF-16 units, so emoji before a match shift it by two', () => {
    const text = '🚀🤖 美图 and 𠀀OpenAI'
    const mentions = matcher.findMentions(text)
    expect(mentions.map((m) => [m.start, m.end])).toEqual([
      [5, 7],
      [14, 20],
    ])
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['美图', 'OpenAI'])
  })
})

describe('findMentions', () => {
  it('returns nothing for empty text or no aliases', () => {
    expect(matcher.findMentions('')).toEqual([])
    expect(buildMentionMatcher([]).findMentions('OpenAI')).toEqual([])
    expect(buildMentionMatcher(makeAliases([[1, '  ']])).findMentions('a  b')).toEqual([])
  })

  it('returns the mention fields', () => {
    const text = 'Yesterday OpenAI said so.'
    expect(matcher.findMentions(text)).toEqual([
      {
        aliasId: 16,
        companyId: company.openai,
        aliasText: 'OpenAI',
        start: 10,
        end: 16,
        snippet: text,
        snippetStart: 0,
        rule: 'name',
        ruleDetail: null,
        confidence: 'high',
      },
    ])
  })

  it('skips aliases of the other language when the document language is given', () => {
    expect(aliasesFound('Baidu 文心一言')).toEqual(['Baidu', '文心一言'])
    expect(matcher.findMentions('Baidu 文心一言', { language: 'en' }).map((m) => m.aliasText)).toEqual(['Baidu'])
    expect(matcher.findMentions('Baidu 文心一言', { language: 'zh' }).map((m) => m.aliasText)).toEqual(['文心一言'])
  })

  it('is not changed by later edits to the alias list it was built from', () => {
    const aliases = makeAliases([[1, 'Kling']])
    const built = buildMentionMatcher(aliases)
    aliases[0].text = 'Other'
    expect(built.findMentions('Kling 2.0').map((m) => m.aliasText)).toEqual(['Kling'])
    expect(Object.isFrozen(built)).toBe(true)
  })

  // Build speed is measured by `npm run bench -- mentions`; tests never assert wall-clock time.
  it('builds a matcher from 10,000 aliases that finds the right ones', () => {
    const aliases = makeAliases(
      Array.from(
        { length: 10_000 },
        (_, i) => [i % 2000, i % 2 ? `Company${i} Labs` : `公司名${String.fromCharCode(0x4e00 + (i % 5000))}${i}`] as [number, string],
      ),
    )
    const big = buildMentionMatcher(aliases)
    expect(big.aliasCount).toBe(10_000)
    expect(big.findMentions('今天 Company9999 Labs 和 Company99 Labs').map((m) => m.aliasText)).toEqual([
      'Company9999 Labs',
      'Company99 Labs',
    ])
  })
})
