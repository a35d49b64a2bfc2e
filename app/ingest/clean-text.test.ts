import { describe, expect, it } from 'vitest'

import {
  cleanExtractedText,
  closeLetterSpacing,
  foldLookAlikes,
  joinOneGlyphLines,
  joinWrappedLines,
  MIN_WRAPPED_LINE,
  RADICAL_SUPPLEMENT,
} from './clean-text.ts'

// A wrapped line of a report, long enough to have been wrapped by the page.
const wrapped = '本季度公司在人工智能领域持续加大投入并推出'

describe('foldLookAlikes', () => {
  it('reads Kangxi radicals as the characters they look like', () => {
    expect(foldLookAlikes('⾕歌与快⼿的⽇期')).toBe('谷歌与快手的日期')
  })

  it.each([
    ['⻓江', '长江'],
    ['⻔户', '门户'],
    ['⻩金', '黄金'],
    ['⻋企', '车企'],
    ['⻜⾏', '飞行'],
    ['⻢上', '马上'],
    ['⻛险', '风险'],
    ['⻚面', '页面'],
    ['⻰头', '龙头'],
    ['⻥类', '鱼类'],
    ['⻅到', '见到'],
    ['⻉壳', '贝壳'],
  ])('reads the CJK Radicals Supplement look-alike in %s as %s', (radical, unified) => {
    expect(foldLookAlikes(radical)).toBe(unified)
  })

  it.each([...RADICAL_SUPPLEMENT])('folds %s to a unified ideograph (%s), not to another radical', (from, to) => {
    expect(from.codePointAt(0)).toBeGreaterThanOrEqual(0x2e80)
    expect(from.codePointAt(0)).toBeLessThanOrEqual(0x2eff)
    expect(to).toMatch(/^\p{Unified_Ideograph}$/u)
    // NFKC does not already do it (the table would be dead weight) and leaves the result alone.
    expect(from.normalize('NFKC')).toBe(from)
    expect(foldLookAlikes(from)).toBe(to)
  })

  it('reads CJK compatibility ideographs, ligatures and full-width letters as ordinary characters', () => {
    expect(foldLookAlikes('\uf900\ufa0c')).toBe('豈兀')
    expect(foldLookAlikes('ﬁnancial proﬁts')).toBe('financial profits')
    expect(foldLookAlikes('ＡＩ服务器２０２６年ｖｓ')).toBe('AI服务器2026年vs')
  })

  it('keeps Chinese full-width punctuation and clean text as they are', () => {
    const clean = '腾讯（0700.HK）：收入增长，利润下降！①见附表。Revenue rose 12% – “strong”.'
    expect(foldLookAlikes(clean)).toBe(clean)
  })
})

describe('joinWrappedLines', () => {
  it('rejoins an English word hyphenated at a line end', () => {
    expect(joinWrappedLines('The compa-\nny raised its guid-\nance.')).toBe('The company raised its guidance.')
  })

  it('keeps hyphens that are not a broken lower-case word', () => {
    const kept = 'Year-\nEnd review\nA -\nb\nHong Kong-\nlisted 2025-\n2026'
    expect(joinWrappedLines(kept)).toBe(kept)
  })

  it('joins a Chinese sentence the page wrapped, without a space', () => {
    expect(joinWrappedLines(`${wrapped}\n新一代模型。`)).toBe(`${wrapped}新一代模型。`)
  })

  it('keeps breaks after punctuation, short headings and paragraphs', () => {
    const text = `行业周报\n${wrapped}。\n下一段落开始\n\n${wrapped}\n\n新段落`
    expect(wrapped.length).toBeGreaterThanOrEqual(MIN_WRAPPED_LINE)
    expect(joinWrappedLines(text)).toBe(text)
  })

  it('leaves English line breaks and mixed lines alone', () => {
    const text = `Revenue rose\nas expected\n${wrapped}\nAI服务器`
    expect(joinWrappedLines(text)).toBe(text)
  })

  it('takes linear time on long hostile inputs', () => {
    const inputs = ['a-\n'.repeat(200_000), '字\n'.repeat(200_000), `${'字'.repeat(400_000)}\n字`, '-\n'.repeat(200_000)]
    // A quadratic scan of 400k characters would take minutes and hit the test's time limit;
    // speed itself is the hostile bench's to measure, so this checks what comes out.
    for (const input of inputs) expect(cleanExtractedText(input).length).toBeLessThanOrEqual(input.length)
  })
})

describe('closeLetterSpacing', () => {
  it('closes up Chinese drawn with letter-spacing', () => {
    expect(closeLetterSpacing('图表3 腾 讯 控 股 与 字 节 跳 动 的 视 频 模 型')).toBe('图表3 腾讯控股与字节跳动的视频模型')
  })

  it('leaves spaced words, short runs and Latin alone', () => {
    expect(closeLetterSpacing('腾讯 阿里 百度 均已发布')).toBe('腾讯 阿里 百度 均已发布')
    expect(closeLetterSpacing('目 录')).toBe('目 录')
    expect(closeLetterSpacing('A 股 与 H 股')).toBe('A 股 与 H 股')
    expect(closeLetterSpacing('O p e n A I')).toBe('O p e n A I')
  })
})

describe('joinOneGlyphLines', () => {
  it('puts vertical or rotated Chinese, one glyph a line, back on one line', () => {
    expect(joinOneGlyphLines('图表 1\n竖\n排\n：\n商\n汤\n发布\n正文')).toBe('图表 1\n竖排：商汤\n发布\n正文')
    expect(joinOneGlyphLines('旋\n转\n的\n字')).toBe('旋转的字')
  })

  it('leaves short runs, longer lines and Latin alone', () => {
    expect(joinOneGlyphLines('是\n否\n是')).toBe('是\n否\n是')
    expect(joinOneGlyphLines('腾讯\n阿里\n百度\n美团')).toBe('腾讯\n阿里\n百度\n美团')
    expect(joinOneGlyphLines('A\nB\nC\nD')).toBe('A\nB\nC\nD')
    expect(joinOneGlyphLines('第\n一\n\n二\n三')).toBe('第\n一\n\n二\n三')
  })
})

describe('cleanExtractedText', () => {
  it('folds look-alikes and joins the lines they sit on', () => {
    expect(cleanExtractedText(`⾕歌与快⼿宣布在人工智能领域开展合作，共同\n开发新产品。`)).toBe(
      '谷歌与快手宣布在人工智能领域开展合作，共同开发新产品。',
    )
    expect(cleanExtractedText(`⾕歌与快⼿\n宣布合作。`)).toBe('谷歌与快手\n宣布合作。')
  })
})
