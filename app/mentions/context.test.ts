import { buildMentionMatcher } from './matcher.ts'
import { ALIASES, company } from './test-aliases.ts'

const matcher = buildMentionMatcher(ALIASES)
const companies = (text: string, window?: number) =>
  matcher.findMentions(text, { contextWindow: window }).map((m) => [m.aliasText, m.companyId])

describe('ambiguous aliases', () => {
  it('do not count without company context', () => {
    expect(companies('Gemini is a constellation')).toEqual([])
    expect(companies('Runway raised funds')).toEqual([])
    expect(companies('An Apple a day; the runway was long; Meta-analysis of SAM')).toEqual([])
  })

  it('count with another, non-ambiguous alias of the same company nearby', () => {
    expect(companies('Google released Gemini')).toEqual([
      ['Google', company.google],
      ['Gemini', company.google],
    ])
    expect(companies('Pika said Pika 1.0 ships today')).toEqual([
      ['Pika', company.pika],
      ['Pika 1.0', company.pika],
    ])
  })

  it('count with a ticker of the company nearby', () => {
    expect(companies('Apple (AAPL) rose')).toEqual([
      ['Apple', company.apple],
      ['AAPL', company.apple],
    ])
  })

  it('count with a company word nearby', () => {
    expect(companies('Runway the company released Gen-2')).toEqual([
      ['Runway', company.runway],
      ['Gen-2', company.runway],
    ])
    expect(companies('Runway Inc. raised funds')).toEqual([['Runway', company.runway]])
    expect(companies('Gemini 是谷歌旗下的模型')).toEqual([['Gemini', company.google]])
  })

  it('do not take evidence from another company outside a list', () => {
    expect(companies('OpenAI said it. Gemini is a constellation')).toEqual([['OpenAI', company.openai]])
    // In the same sentence, another company is weak evidence (admission.test.ts).
    expect(companies('OpenAI staff left.\nGemini rose in the night sky')).toEqual([['OpenAI', company.openai]])
  })

  it('look only inside the window', () => {
    const far = `Google ${'x '.repeat(100)}Gemini`
    expect(companies(far).map(([alias]) => alias)).toEqual(['Google'])
    expect(companies(far, 300).map(([alias]) => alias)).toEqual(['Google', 'Gemini'])
  })

  it('ignore a company word that is part of another mention', () => {
    // 科技 belongs to 商汤科技 here; it says nothing about Gemini.
    expect(companies('商汤科技\nGemini').map(([alias]) => alias)).toEqual(['商汤科技'])
  })

  it('match company words on word boundaries', () => {
    expect(companies('Gemini includes stars')).toEqual([])
  })
})
