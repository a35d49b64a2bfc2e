import { describe, expect, it } from 'vitest'

import { foldText, searchVectorOf, tokensOf } from '#app/ingest/search-text.ts'

import { findTermRanges, parseDocumentQuery } from './search-query.ts'

const terms = (query: string) => {
  const parsed = parseDocumentQuery(query)
  if (!parsed.ok) throw new Error(parsed.problem)
  return parsed.terms
}
const found = (text: string, query: string) => findTermRanges(text, terms(query)).map((r) => text.slice(r.start, r.end))

describe('search tokens', () => {
  it('cuts Chinese into characters and pairs, and queries into pairs only', () => {
    expect(tokensOf('即梦发布').map((t) => t.token)).toEqual(['即', '即梦', '梦', '梦发', '发', '发布', '布'])
    expect(tokensOf('即梦发布', { pairsOnly: true }).map((t) => t.token)).toEqual(['即梦', '梦发', '发布'])
    expect(tokensOf('梦', { pairsOnly: true }).map((t) => t.token)).toEqual(['梦'])
  })

  it('folds full-width letters and case, and joins a Chinese sentence broken over lines', () => {
    expect(foldText('ＯｐｅｎＡＩ  Sora').text).toBe('openai sora')
    expect(foldText('即梦\n发布').text).toBe('即梦发布')
    expect(foldText('即梦 AI').text).toBe('即梦 ai')
  })

  it('writes title tokens with weight A and quotes what needs quoting', () => {
    expect(searchVectorOf('sora', "o'neil")).toBe("'sora':1A 'o':3 'neil':4")
  })
})

describe('query terms', () => {
  it('reads words, quoted phrases (straight or Chinese quotes) and runs without spaces', () => {
    expect(terms('即梦 "new version" “视频 生成” gpt-4o').map((t) => [t.folded, t.phrase])).toEqual([
      ['即梦', false],
      ['new version', true],
      ['视频生成', true],
      ['gpt-4o', true],
    ])
  })

  it('refuses what it cannot search', () => {
    expect(parseDocumentQuery('  ?!。  ')).toEqual({ ok: false, problem: 'nothingToSearch' })
    expect(parseDocumentQuery('"'.repeat(201))).toEqual({ ok: false, problem: 'tooLong' })
    expect(parseDocumentQuery('a b c d e f g h i j k')).toEqual({ ok: false, problem: 'tooManyWords' })
  })
})

describe('match offsets', () => {
  it('point into the original text, whatever folding did', () => {
    expect(found('Ｓｏｒａ 和 即梦\n发布', 'sora 即梦发布')).toEqual(['Ｓｏｒａ', '即梦\n发布'])
  })

  it('match English words whole and Chinese anywhere', () => {
    expect(found('He said AI, not ai-ish saidai', 'ai')).toEqual(['AI', 'ai'])
    expect(found('旗下即梦发布', '即梦')).toEqual(['即梦'])
  })
})
