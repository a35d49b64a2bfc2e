import { foldText } from './fold.ts'
import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, company, TICKERS } from './test-aliases.ts'
import { traditionalToSimplified } from './traditional.ts'

const matcher = buildMentionMatcher(ALIASES, { tickers: TICKERS })

describe('traditional Chinese', () => {
  it('folds Taiwan and Hong Kong characters to simplified, one unit for one', () => {
    const text = '萬興科技、字節跳動、騰訊、快手可靈、臺灣、啟動'
    expect(foldText(text)).toBe('万兴科技、字节跳动、腾讯、快手可灵、台湾、启动')
    expect(traditionalToSimplified().size).toBeGreaterThan(2000)
  })

  it('leaves simplified and everyday characters as they are', () => {
    expect(foldText('什么时候来百度')).toBe('什么时候来百度')
  })

  it('finds every Chinese alias in traditional text, with offsets and snippets of the original', () => {
    const text = '據報導，萬興科技與字節跳動合作；騰訊（0700.HK）和快手可靈亦有布局。'
    const mentions = matcher.findMentions(text)
    expect(mentions.map((m) => [text.slice(m.start, m.end), m.companyId])).toEqual([
      ['萬興科技', company.wondershare],
      ['字節跳動', company.bytedance],
      ['騰訊', company.tencent],
      ['0700.HK', company.tencent],
      ['快手', company.kuaishou],
      ['可靈', company.kuaishou],
    ])
    expect(mentions[0].snippet).toBe(text)
    expect(mentions.map((m) => m.aliasText).slice(0, 3)).toEqual(['万兴科技', '字节跳动', '腾讯'])
  })

  it('applies the CJK split filter and company words to folded text', () => {
    // 完美圖像 is 完美 + 圖像, not 美圖; 蘋果公司 has its company word in traditional.
    expect(matcher.findMentions('一張完美圖像').map((m) => m.companyId)).toEqual([])
    expect(matcher.findMentions('美圖公司發布').map((m) => m.companyId)).toEqual([company.meitu])
    expect(matcher.findMentions('蘋果公司發布新機').map((m) => [m.companyId, m.rule, m.ruleDetail])).toEqual([
      [company.apple, 'context_word', '公司'],
    ])
  })

  it('matches a traditional alias in simplified text too', () => {
    const traditional = buildMentionMatcher([
      { id: 1, companyId: 1, text: '商湯科技', language: 'zh', kind: 'name', caseSensitive: false, isAmbiguous: false },
    ])
    expect(traditional.findMentions('商汤科技发布').map((m) => m.aliasText)).toEqual(['商湯科技'])
  })
})
