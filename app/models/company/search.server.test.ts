import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createTheme } from '#tests/factories.ts'
import { createCompanies } from '#tests/fixtures/companies.ts'

import { rankMatch, searchEverything } from './search.server.ts'

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, ['OpenAI', 'Tencent', 'Alibaba', 'Meitu', 'Stability AI', 'Kunlun Tech', 'Kuaishou', 'Baidu'])
  await createTheme(conn.db, { slug: 'multimodal-ai', nameEn: 'Multimodal AI', nameZh: '多模态 AI' })
  await createTheme(conn.db, { slug: 'embodied-ai', nameEn: 'Embodied AI', nameZh: '具身智能' })
  // Enough names with an "a" to reach the cap.
  for (let i = 0; i < 22; i++) await createCompany(conn.db, { nameEn: `Alpha Vendor ${i}` })
})
afterAll(async () => {
  await conn.close()
})

describe('searchEverything', () => {
  it.each([
    ['Ｏｐｅｎ ＡＩ', 'OpenAI', 'alias'],
    ['openai', 'OpenAI', 'alias'],
    ['OpenAI', 'OpenAI', 'alias'],
    ['open ai', 'OpenAI', 'alias'],
    ['腾讯', 'Tencent', 'alias'],
    ['700.hk', 'Tencent', 'ticker'],
    ['0700.HK', 'Tencent', 'ticker'],
    ['hk:00700', 'Tencent', 'ticker'],
    ['9988.HK', 'Alibaba', 'ticker'],
    ['baba', 'Alibaba', 'ticker'],
    ['sora', 'OpenAI', 'alias'],
    ['美图', 'Meitu', 'alias'],
    ['stable diffusion', 'Stability AI', 'alias'],
  ])('%s finds %s first (by %s)', async (query, name, by) => {
    const { companies } = await searchEverything(conn.db, query)
    expect(companies[0]?.nameEn).toBe(name)
    expect(companies[0]?.match.by).toBe(by)
    expect(companies[0]?.match.rank).toBe(0)
  })

  it('ranks exact before prefix before substring', async () => {
    // 腾讯 is exact for Tencent; 阿里 is exact for Alibaba (short name) and a prefix of 阿里巴巴.
    const { companies } = await searchEverything(conn.db, '阿里')
    expect(companies[0].nameEn).toBe('Alibaba')
    const partial = await searchEverything(conn.db, 'tenc')
    expect(partial.companies[0]).toMatchObject({ nameEn: 'Tencent', match: { rank: 1 } })
    const inside = await searchEverything(conn.db, 'ncent')
    expect(inside.companies[0]).toMatchObject({ nameEn: 'Tencent', match: { rank: 2 } })
  })

  it('finds tickers by the start of their code and says so', async () => {
    const { companies } = await searchEverything(conn.db, '3004')
    expect(companies.map((c) => c.nameEn)).toContain('Kunlun Tech')
    expect(companies.find((c) => c.nameEn === 'Kunlun Tech')?.match).toMatchObject({ by: 'ticker', text: '300418.SZ', rank: 1 })
    expect(companies.find((c) => c.nameEn === 'Kunlun Tech')?.tickers).toEqual([{ exchange: 'SZ', code: '300418' }])
  })

  it('finds the theme by English, Chinese or slug, along with companies', async () => {
    for (const q of ['multimodal', '多模态', 'Multimodal AI', 'multimodal-ai', 'ＭＵＬＴＩＭＯＤＡＬ']) {
      const { themes } = await searchEverything(conn.db, q)
      expect(
        themes.map((t) => t.slug),
        q,
      ).toEqual(['multimodal-ai'])
    }
  })

  it('treats LIKE wildcards as text and returns nothing for blank input', async () => {
    expect((await searchEverything(conn.db, '%')).companies).toEqual([])
    expect((await searchEverything(conn.db, '_')).themes).toEqual([])
    expect(await searchEverything(conn.db, '   ')).toEqual({ query: '', companies: [], themes: [] })
    expect((await searchEverything(conn.db, 'no such company zzz')).companies).toEqual([])
  })

  it('caps results at 20 per kind', async () => {
    const { companies } = await searchEverything(conn.db, 'a')
    expect(companies).toHaveLength(20)
  })
})

describe('rankMatch', () => {
  it('compares with and without spaces, after folding width and case', () => {
    expect(rankMatch('OpenAI', 'open ai')).toBe(0)
    expect(rankMatch('Ｇｅｍｉｎｉ', 'gemini')).toBe(0)
    expect(rankMatch('Stable Diffusion', 'stable')).toBe(1)
    expect(rankMatch('Stable Diffusion', 'diffusion')).toBe(2)
    expect(rankMatch('Stable Diffusion', 'midjourney')).toBeNull()
  })
})
