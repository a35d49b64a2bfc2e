import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { duplicateDetail } from '#app/components/documents/ingest-results.tsx'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import type { IngestOutcome } from '#app/ingest/outcome.ts'
import { action as listAction } from '#app/routes/documents._index.tsx'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createUser, postForm, respond } from './factories.ts'

// The same content ingested again is stored once; the tags and themes the second ingest
// brings are merged into the stored copy (audited as document.merge) and the outcome
// says what was added. Before, they were silently dropped.

let conn: Connection
let userId: number
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  userId = (await createUser(conn.db, { role: 'analyst' })).id
  cookie = await cookieFor(conn.db, userId)
})
afterAll(async () => {
  await conn?.close()
})

let serial = 0
const freshText = () => `Duplicate check ${++serial}: robotics suppliers raised guidance this quarter.`

async function stored(id: number) {
  const doc = await conn.db.selectFrom('document').select(['tags', 'title', 'published_on']).where('id', '=', id).executeTakeFirstOrThrow()
  const themes = await conn.db.selectFrom('document_theme').select('theme_id').where('document_id', '=', id).orderBy('theme_id').execute()
  return { ...doc, themeIds: themes.map((t) => t.theme_id) }
}

const merges = (id: number) =>
  conn.db
    .selectFrom('audit_log')
    .select(['user_id', 'old_value', 'new_value'])
    .where('action', '=', 'document.merge')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute()

describe('ingesting the same content again', () => {
  it('adds the new tags and themes to the stored document, audited, and says what it added', async () => {
    const [robotics, supply] = [await createTheme(conn.db), await createTheme(conn.db)]
    const text = freshText()
    const first = await ingestDocument(conn.db, {
      text,
      title: 'First copy',
      publishedOn: '2026-11-02',
      tags: ['weekly'],
      themeIds: [robotics.id],
      createdBy: userId,
    })
    // The same text with other whitespace is the same content (normalised hash).
    const again = await ingestDocument(conn.db, {
      text: `  ${text.replace(/ /g, '  ')}\n`,
      title: 'Second copy',
      publishedOn: '2026-11-09',
      tags: ['Weekly', 'robotics', '机器人'],
      themeIds: [robotics.id, supply.id],
      createdBy: userId,
      ip: '10.0.0.7',
    })
    expect(again.document).toMatchObject({ id: first.document.id, duplicate: true })
    expect(again.merged).toEqual({
      tags: ['robotics', '机器人'],
      themes: [{ id: supply.id, name: supply.nameEn, nameZh: supply.nameZh }],
    })
    // Tags and themes merged; what the first copy said about itself stays.
    expect(await stored(first.document.id)).toEqual({
      tags: ['weekly', 'robotics', '机器人'],
      title: 'First copy',
      published_on: '2026-11-02',
      themeIds: [robotics.id, supply.id].sort((a, b) => a - b),
    })
    expect(await merges(first.document.id)).toEqual([
      {
        user_id: userId,
        old_value: { tags: ['weekly'], themeIds: [robotics.id] },
        new_value: { tags: ['weekly', 'robotics', '机器人'], themeIds: [robotics.id, supply.id].sort((a, b) => a - b) },
      },
    ])
  })

  it('changes nothing and audits nothing when the duplicate brings nothing new', async () => {
    const theme = await createTheme(conn.db)
    const text = freshText()
    const first = await ingestDocument(conn.db, { text, tags: ['Weekly', 'AI'], themeIds: [theme.id] })
    const again = await ingestDocument(conn.db, { text, tags: ['weekly', 'ai'], themeIds: [theme.id] })
    expect(again.merged).toEqual({ tags: [], themes: [] })
    expect((await stored(first.document.id)).tags).toEqual(['Weekly', 'AI'])
    expect(await merges(first.document.id)).toEqual([])
  })

  it('refuses a theme that no longer exists, as for a new document, and changes nothing', async () => {
    const text = freshText()
    const first = await ingestDocument(conn.db, { text, tags: ['weekly'] })
    await expect(ingestDocument(conn.db, { text, tags: ['new'], themeIds: [999_999] })).rejects.toThrow(IngestError)
    expect(await stored(first.document.id)).toMatchObject({ tags: ['weekly'], themeIds: [] })
  })

  it('keeps every tag when two copies are re-ingested at the same moment', async () => {
    const text = freshText()
    const first = await ingestDocument(conn.db, { text, tags: ['base'] })
    const results = await Promise.all(['one', 'two', 'three'].map((tag) => ingestDocument(conn.db, { text, tags: [tag] })))
    expect(results.every((r) => r.document.duplicate)).toBe(true)
    expect(new Set((await stored(first.document.id)).tags)).toEqual(new Set(['base', 'one', 'two', 'three']))
    expect(await merges(first.document.id)).toHaveLength(3)
  })

  it('reports the merge in the outcome the documents page shows', async () => {
    const theme = await createTheme(conn.db, { nameEn: 'Humanoid robots', nameZh: '人形机器人' })
    const text = freshText()
    const paste = (tags: string, themeIds: string[]) =>
      respond(() =>
        listAction({
          request: postForm('/documents', { intent: 'paste', title: 'Pasted', text, tags, themeIds }, cookie),
          params: {},
          context: contextFor(conn),
        }),
      )
    expect((await paste('weekly', [])).status).toBe(200)
    const res = await paste('weekly, 周报', [String(theme.id)])
    expect(res.status).toBe(200)
    const { outcomes } = (await res.json()) as { outcomes: IngestOutcome[] }
    expect(outcomes).toHaveLength(1)
    expect(outcomes[0]).toMatchObject({
      status: 'duplicate',
      merged: { tags: ['周报'], themes: [{ id: theme.id, name: 'Humanoid robots', nameZh: '人形机器人' }] },
    })

    // What the results list then says, in both languages.
    const say = (locale: 'en' | 'zh-CN') => duplicateDetail(makeTranslate(locale), locale, outcomes[0].merged)
    expect(say('en')).toBe('Already stored; this upload added the tags 周报 and added it to Humanoid robots.')
    expect(say('zh-CN')).toBe('相同内容已在库中；本次补充了标签：周报，并将其加入主题：人形机器人。')
    expect(duplicateDetail(makeTranslate('en'), 'en', undefined)).toBe('Nothing added: the same content is already stored.')
  })
})
