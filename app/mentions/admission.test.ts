import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, TICKERS } from './test-aliases.ts'

const TOPIC_WORDS = ['视频生成', '文生图', 'video generation']
const matcher = buildMentionMatcher(ALIASES, { tickers: TICKERS, topicWords: TOPIC_WORDS })
const why = (text: string) => matcher.findMentions(text).map((m) => [text.slice(m.start, m.end), m.rule, m.ruleDetail, m.confidence])

describe('negative context', () => {
  it('vetoes the alias when one of its words is in the same sentence', () => {
    expect(why('苹果今年秋季很甜')).toEqual([])
    expect(why('这家公司门口的苹果很好吃')).toEqual([])
    expect(why('Walk one city block north; the Block Inc. office is there')).toEqual([])
  })

  it('wins over positive context, but not across sentences', () => {
    expect(why('苹果公司的员工说，水果店里的苹果很甜')).toEqual([])
    expect(why('苹果公司发布新品。水果店里有香蕉')).toEqual([['苹果', 'context_word', '公司', 'medium']])
  })
})

describe('what admits an ambiguous alias', () => {
  it('a same-company mention: its rule and alias, high', () => {
    expect(why('Google released Gemini')).toEqual([
      ['Google', 'name', null, 'high'],
      ['Gemini', 'name', 'Google', 'high'],
    ])
    expect(why('Apple (AAPL) rose')).toEqual([
      ['Apple', 'ticker', 'AAPL', 'high'],
      ['AAPL', 'ticker', null, 'high'],
    ])
    expect(why('Runway 发布 Gen-2')[0]).toEqual(['Runway', 'product', 'Gen-2', 'high'])
  })

  it("a theme's topic word: 'topic_word', medium", () => {
    expect(why('Runway 在视频生成领域领先')).toEqual([['Runway', 'topic_word', '视频生成', 'medium']])
    expect(why('Pika is betting on video generation')).toEqual([['Pika', 'topic_word', 'video generation', 'medium']])
  })

  it('a product word, only for a product or an acronym', () => {
    expect(why('Gemini is a multimodal model')).toEqual([['Gemini', 'context_word', 'model', 'medium']])
    expect(why('Stability of the model matters')).toEqual([])
  })

  it('a specific company word anywhere in the window, a generic one only right beside it', () => {
    expect(why('Runway Inc. raised funds')).toEqual([['Runway', 'context_word', 'Inc.', 'medium']])
    expect(why('Gemini 是谷歌旗下的模型')).toEqual([['Gemini', 'context_word', '模型', 'medium']])
    expect(why('苹果公司发布新机')).toEqual([['苹果', 'context_word', '公司', 'medium']])
    expect(why('Runway, the startup, released a tool')).toEqual([['Runway', 'context_word', 'startup', 'medium']])
  })

  it("a possessive before a company role: Stability's new CEO, Runway's spokesperson", () => {
    expect(why("Stability's new chief executive spoke first")).toEqual([['Stability', 'context_word', 'chief executive', 'medium']])
    expect(why('Runway’s spokesperson declined to comment')).toEqual([['Runway', 'context_word', 'spokesperson', 'medium']])
    // Not a role after the possessive, or too many words between: no company.
    expect(why("The airport's runway's new surface was laid by a firm in May")).toEqual([])
    expect(why("Runway's long and very new CEO story")).toEqual([])
    // Plural executives talk about runway in the business sense: not a company word.
    expect(why('Startups need more runway, executives said')).toEqual([])
  })

  it('a generic word far away: low, and never for an ordinary word', () => {
    expect(why('Pika said the company would ship a new app soon')).toEqual([['Pika', 'context_word', 'company', 'low']])
    expect(why('Founders at the startup say they have 18 months of Runway left')).toEqual([])
    expect(why('The company moved one Block away from its founders')).toEqual([])
    expect(why('这家公司创始人说苹果已经熟了')).toEqual([])
  })

  it('a version after the name: the product, medium', () => {
    expect(why('PIKA1.0 上线')).toEqual([['PIKA', 'product', '1.0', 'medium']])
    expect(why('Try Pika 2.1 today')).toEqual([['Pika', 'product', '2.1', 'medium']])
    expect(why('Pika 2 hours later')).toEqual([])
  })
})

describe('another company in the same sentence', () => {
  it('admits at low confidence, chaining, but not an acronym', () => {
    expect(why('OpenAI推出Sora後，台灣新創也開始用RUNWAY製作短片')).toEqual([
      ['OpenAI', 'name', null, 'high'],
      ['RUNWAY', 'listed_with', 'OpenAI', 'low'],
    ])
    expect(why('OpenAI said its SAM grew')).toEqual([['OpenAI', 'name', null, 'high']])
    // An ordinary English word beside a company in English text is still the word.
    expect(why('Block parties and Google picnics')).toEqual([['Google', 'name', null, 'high']])
    expect(why('Runway 和 Google 都在做')).toEqual([
      ['Runway', 'listed_with', 'Google', 'medium'],
      ['Google', 'name', null, 'high'],
    ])
  })

  it('lets an admitted mention vouch for its company: Meta after SAM 2', () => {
    expect(why('Meta released SAM 2, which runs on phones')).toEqual([
      ['Meta', 'product', 'SAM', 'medium'],
      ['SAM', 'product', '2', 'medium'],
    ])
  })
})

describe('acronym aliases', () => {
  it('need product context, not company words', () => {
    expect(why('The startup sized its SAM and TAM for the company')).toEqual([])
    expect(why('Meta released SAM, a segmentation model')[1]).toEqual(['SAM', 'context_word', 'segmentation', 'medium'])
    expect(why('META shares rose after SAM shipped')[1]).toEqual(['SAM', 'ticker', 'META', 'high'])
    expect(why('SAM 可以做图像分割')).toEqual([['SAM', 'context_word', '图像分割', 'medium']])
    expect(why('SAM handles segmentation')).toEqual([['SAM', 'context_word', 'segmentation', 'medium']])
  })
})
