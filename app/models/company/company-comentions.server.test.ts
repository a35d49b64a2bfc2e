import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createDocument, createWatchlist } from '#tests/factories.ts'

import { listCoMentions } from './company-comentions.server.ts'

// Who else is mentioned in the same documents as a company: counted in documents (not
// mentions), over the last 4 and the last 52 weeks, with the watchlists each is on.

let conn: Connection
const ids: Record<string, number> = {}
beforeAll(async () => {
  conn = await createTestDatabase()
  for (const [key, nameEn, nameZh] of [
    ['kunlun', 'Kunlun Tech', '昆仑万维'],
    ['iflytek', 'iFlytek', '科大讯飞'],
    ['meitu', 'Meitu', '美图'],
    ['sensetime', 'SenseTime', '商汤'],
  ])
    ids[key] = (await createCompany(conn.db, { nameEn, nameZh })).id
  await createWatchlist(conn.db, { name: 'AIGC core', entries: [{ companyId: ids.iflytek }] })
  // This week (2026-W49): two notes with 昆仑万维 and 科大讯飞, one of them also 美图 (twice).
  await createDocument(conn.db, { text: '昆仑万维的天工和科大讯飞的星火都支持多模态。', publishedOn: '2026-12-01' })
  await createDocument(conn.db, { text: '昆仑万维、科大讯飞和美图都在做视频生成。美图的新模型更新了。', publishedOn: '2026-12-02' })
  // Twenty weeks ago: 昆仑万维 with 商汤 only. Two years ago: with 美图 (outside both windows).
  await createDocument(conn.db, { text: '昆仑万维与商汤都发布了多模态模型。', publishedOn: '2026-07-15' })
  await createDocument(conn.db, { text: '昆仑万维和美图的早期合作。', publishedOn: '2024-11-01' })
})
afterAll(async () => {
  await conn.close()
})

const view = (rows: { nameEn: string; documents: number; watchlists: { name: string }[] }[]) =>
  rows.map((r) => [r.nameEn, r.documents, r.watchlists.map((w) => w.name).join()])

describe('companies mentioned together', () => {
  it('counts documents in the last 4 and 52 weeks, most first, with their watchlists', async () => {
    const co = await listCoMentions(conn.db, ids.kunlun, '2026-W49')
    expect(view(co.weeks4)).toEqual([
      ['iFlytek', 2, 'AIGC core'],
      ['Meitu', 1, ''],
    ])
    expect(view(co.weeks52)).toEqual([
      ['iFlytek', 2, 'AIGC core'],
      ['Meitu', 1, ''],
      ['SenseTime', 1, ''],
    ])
  })

  it('is empty for a company mentioned alone or not at all', async () => {
    const other = (await createCompany(conn.db, { nameEn: 'Wondershare', nameZh: '万兴科技' })).id
    expect(await listCoMentions(conn.db, other, '2026-W49')).toEqual({ weeks4: [], weeks52: [] })
  })
})
