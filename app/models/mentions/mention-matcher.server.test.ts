import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createAlias, createCompany, createTheme } from '#tests/factories.ts'

import { aliasFingerprint, clearMentionMatcherCache, getMentionMatcher } from './mention-matcher.server.ts'

// The cached matcher reads aliases, registry tickers and theme topic words, and is rebuilt
// when any of them changes.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
  clearMentionMatcherCache()
})
afterAll(async () => {
  clearMentionMatcherCache()
  await conn?.close()
})

const find = async (text: string) =>
  (await getMentionMatcher(conn.db)).matcher.findMentions(text).map((m) => [text.slice(m.start, m.end), m.rule, m.ruleDetail])

describe('getMentionMatcher', () => {
  it('finds registry tickers in the forms people write, without an alias for them', async () => {
    await createCompany(conn.db, { nameEn: 'Kunlun Tech', nameZh: '昆仑万维', tickers: ['300418.SZ'] })
    expect(await find('重点关注 SZ300418 与 300418 CH')).toEqual([
      ['SZ300418', 'ticker', null],
      ['300418 CH', 'ticker', null],
    ])
  })

  it('follows new tickers, negative context and topic words', async () => {
    const runway = await createCompany(conn.db, { nameEn: 'Runway ML', nameZh: '' })
    const alias = await createAlias(conn.db, { companyId: runway.id, text: 'Runway', kind: 'short_name', ambiguous: true })
    let before = await aliasFingerprint(conn.db)
    expect(await find('Runway 在视频生成上领先')).toEqual([])

    const theme = await createTheme(conn.db)
    await conn.db
      .updateTable('theme')
      .set({ topic_words: ['视频生成'] })
      .where('id', '=', theme.id)
      .execute()
    expect(await aliasFingerprint(conn.db)).not.toBe(before)
    expect(await find('Runway 在视频生成上领先')).toEqual([['Runway', 'topic_word', '视频生成']])

    before = await aliasFingerprint(conn.db)
    await conn.db
      .updateTable('company_alias')
      .set({ negative_context: ['机场'] })
      .where('id', '=', alias.id)
      .execute()
    expect(await aliasFingerprint(conn.db)).not.toBe(before)
    expect(await find('机场的 Runway 在视频生成的宣传片里')).toEqual([])

    before = await aliasFingerprint(conn.db)
    await conn.db.insertInto('company_ticker').values({ company_id: runway.id, exchange: 'US', code: 'RWML' }).execute()
    expect(await aliasFingerprint(conn.db)).not.toBe(before)
    expect(await find('NASDAQ:RWML')).toEqual([['NASDAQ:RWML', 'ticker', null]])
  })

  it('keeps the same matcher while nothing changed', async () => {
    const first = await getMentionMatcher(conn.db)
    expect(await getMentionMatcher(conn.db)).toBe(first)
  })
})
