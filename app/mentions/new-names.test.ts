import { describe, expect, it } from 'vitest'

import { nameSegmenter } from './name-segmenter.server.ts'
import { extractNewNames, type KnownMention, type NewNameCandidate, newNameKey } from './new-names.ts'

// The registry these texts are read against: each known name and its company. Mentions
// are every occurrence of a known name (what the matcher would have found).
const KNOWN: Record<string, number> = {
  百度: 1,
  阿里巴巴: 2,
  腾讯: 3,
  字节跳动: 4,
  字節跳動: 4,
  快手: 5,
  美图: 6,
  OpenAI: 7,
  Sora: 7,
  Google: 8,
  Meta: 9,
  Microsoft: 10,
  Runway: 11,
  Pika: 12,
  Kuaishou: 5,
  Baidu: 1,
  Alibaba: 2,
  昆仑万维: 13,
}
const knownKeys = new Set(Object.keys(KNOWN).map((name) => newNameKey(name, nameSegmenter.toSimplified)))

function mentionsIn(text: string): KnownMention[] {
  const mentions: KnownMention[] = []
  for (const [name, companyId] of Object.entries(KNOWN)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
      mentions.push({ start: at, end: at + name.length, companyId })
  }
  return mentions
}

function extract(text: string, extraKnown: string[] = []): NewNameCandidate[] {
  const keys = new Set([...knownKeys, ...extraKnown.map((n) => newNameKey(n, nameSegmenter.toSimplified))])
  return extractNewNames(text, { mentions: mentionsIn(text), isKnownName: (key) => keys.has(key), segmenter: nameSegmenter })
}

const names = (text: string, extraKnown?: string[]) => extract(text, extraKnown).map((c) => c.text)

describe('new names in Chinese', () => {
  it.each([
    ['我们看好万兴科技的视频创作工具。', ['万兴科技']],
    ['据悉，北京生数科技有限公司发布了新一代视频模型。', ['北京生数科技有限公司']],
    ['爱诗科技推出的产品在海外增长很快。', ['爱诗科技']],
    ['智谱AI发布了新的多模态模型。', ['智谱AI']],
    ['腾讯与百川智能签署合作协议。', ['百川智能']],
    ['本轮融资由红杉领投，零一万物集团参与。', ['零一万物集团']],
    ['上海人工智能实验室开源了新的视频数据集。', ['上海人工智能实验室']],
  ])('organisation: %s', (text, expected) => {
    expect(names(text)).toEqual(expected)
  })

  it.each([
    ['萬興科技股份有限公司公佈了季度業績。', ['萬興科技股份有限公司']],
    ['愛詩科技的新模型表現突出。', ['愛詩科技']],
  ])('traditional Chinese: %s', (text, expected) => {
    expect(names(text)).toEqual(expected)
  })

  it('finds a product named right after its company, with the company as owner', () => {
    const [product] = extract('字节跳动旗下即梦上线了新的视频生成功能。')
    expect(product).toMatchObject({ text: '即梦', kind: 'product', ownerCompanyId: 4, language: 'zh' })
    expect(extract('快手可灵的视频生成效果领先。')[0]).toMatchObject({ text: '可灵', kind: 'product', ownerCompanyId: 5 })
    expect(extract('阿里巴巴的通义万相支持文生视频。')[0]).toMatchObject({ text: '通义万相', ownerCompanyId: 2 })
    expect(extract('字節跳動旗下即夢更新了模型。')[0]).toMatchObject({ text: '即夢', key: '即梦', ownerCompanyId: 4 })
  })

  it('finds names listed with known companies', () => {
    expect(names('百度、阿里巴巴、月之暗面和智谱等均发布了视频模型。')).toEqual(['月之暗面', '智谱'])
  })

  it.each([
    '本公司认为，该公司与其他上市公司不同。',
    '头部科技公司和互联网公司都在布局多模态。',
    '我们公司今年的收入增长了三成。',
    '北京公司负责华北地区的销售。',
    '快手今年发布了多款产品。',
    '腾讯的股价今天上涨。',
    '多家人工智能公司宣布降价。',
  ])('no candidate in: %s', (text) => {
    expect(names(text)).toEqual([])
  })

  it('leaves out names the registry already knows and spans a mention covers', () => {
    // 昆仑万维 is an alias; 昆仑万维科技 overlaps its mention.
    expect(names('昆仑万维科技股份有限公司发布了天工模型。')).toEqual([])
    expect(names('万兴科技发布了新版本。', ['万兴科技'])).toEqual([])
    expect(names('万兴科技股份有限公司发布了新版本。', ['万兴科技'])).toEqual([])
  })
})

describe('new names in English and mixed text', () => {
  it.each([
    ['Zhipu AI released a new video model this week.', ['Zhipu AI']],
    ['Shares of Acme Robotics Inc. rose after the deal.', ['Acme Robotics Inc.']],
    ['Investors backed Luma Labs and Pixverse Technologies.', ['Luma Labs', 'Pixverse Technologies']],
    ['The round was led by a fund that also backs AI startup Baichuan.', ['Baichuan']],
    ['Rivals including Meta, Google, Microsoft, Runway, Pika and Luma are racing.', ['Luma']],
    ['Zhipu, Baidu and Alibaba all cut prices.', ['Zhipu']],
    ['Investors note that Moonshot AI is raising money.', ['Moonshot AI']],
    ['Luma Labs released a new video model.', ['Luma Labs']],
  ])('organisation: %s', (text, expected) => {
    expect(names(text)).toEqual(expected)
  })

  it('finds a product after a known company', () => {
    expect(extract("Kuaishou's Kling beat OpenAI's Sora in the test.")).toMatchObject([
      { text: 'Kling', kind: 'product', ownerCompanyId: 5, language: 'en' },
    ])
    expect(extract('快手的Kling在海外上线。')).toMatchObject([{ text: 'Kling', kind: 'product', ownerCompanyId: 5 }])
    expect(names("Meta's Llama 3 is open.")).toEqual(['Llama 3'])
  })

  it('finds a Chinese name in an English sentence and an English one in a Chinese sentence', () => {
    expect(names('Analysts like 爱诗科技 for its overseas growth.')).toEqual(['爱诗科技'])
    expect(names('我们认为Moonshot AI的估值偏高。')).toEqual(['Moonshot AI'])
  })

  it.each([
    'Generative AI is the theme of the year.',
    'The Company expects revenue to grow.',
    'Meanwhile, Baidu said it would cut prices.',
    "Google's Chief Executive spoke at the event.",
    "Meta's Board approved the plan.",
    'How Chinese Startups Bet On Video AI',
    'In China, enterprise AI spending grew.',
  ])('no candidate in: %s', (text) => {
    expect(names(text)).toEqual([])
  })

  it('gives offsets into the text and a snippet that contains the name', () => {
    const text = `${'前言。'.repeat(40)}我们看好万兴科技的视频创作工具。${'结语。'.repeat(40)}`
    const [found] = extract(text)
    expect(text.slice(found!.start, found!.end)).toBe('万兴科技')
    expect(text.slice(found!.snippetStart, found!.snippetStart + found!.snippet.length)).toBe(found!.snippet)
    expect(found!.snippet).toContain('万兴科技')
    expect(found!.snippet.length).toBeLessThan(140)
  })

  it('keeps a bounded list on long text full of company words', () => {
    // Speed on pathological text is measured by the hostile bench, not timed here.
    const small = '公司科技AI Labs Inc. '.repeat(2_000)
    const large = `字节跳动旗下即梦。${small.repeat(8)}`
    const inSmall = extract(small)
    const inLarge = extract(large)
    expect(inSmall.length).toBeGreaterThan(0)
    expect(inLarge.length).toBeLessThanOrEqual(500) // the default limit of one document's candidates
    expect(inLarge.map((name) => name.text)).toContain('即梦')
  })
})
