import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany, createDocument, createTheme, createUser } from '#tests/factories.ts'

import { deleteDocument } from './document.server.ts'
import { updateDocumentMetadata } from './document-edit.server.ts'
import { type DocumentSearchInput, indexUnsearchedDocuments, searchDocuments } from './document-search.server.ts'

// Every behaviour runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL too; the last
// block checks both give the same answers to the same questions.

const backends = [
  ['PGlite', () => createTestDatabase({ kind: 'pglite' })],
  ...(process.env.TEST_DATABASE_URL ? [['PostgreSQL', () => createTestDatabase()] as const] : []),
] as const

async function seedLibrary(db: Connection['db']) {
  const video = await createTheme(db, { slug: 'video-gen', nameEn: 'Video generation', nameZh: '视频生成' })
  const kuaishou = await createCompany(db, { nameEn: 'Kuaishou', nameZh: '快手', aliases: ['可灵'] })
  const jimeng = await createDocument(db, {
    title: '字节跳动发布新模型',
    text: '字节跳动旗下即梦发布新版本，视频生成更快。团队认为这对创作者很重要。',
    publisher: 'LatePost',
    publishedOn: '2026-11-02',
    themeIds: [video.id],
  })
  const kling = await createDocument(db, {
    title: 'Kuaishou quarterly notes',
    text: '快手的可灵在海外用户增长很快。Kling 2.1 adds longer clips and a new version of its editor.',
    publisher: 'Jiemian',
    publishedOn: '2026-11-10',
  })
  const sora = await createDocument(db, {
    title: 'Multimodal models weekly',
    text: 'OpenAI released a new version of Sora this week. The new version renders faster and costs less.',
    publisher: 'Reuters',
    publishedOn: '2026-11-12',
  })
  const said = await createDocument(db, {
    title: 'Desk note',
    text: 'Someone said the version was new, but nothing about video changed.',
    publisher: 'Reuters',
    publishedOn: '2026-11-20',
  })
  const soraTitle = await createDocument(db, { title: 'Sora pricing', text: 'Prices were cut for heavy users.', publishedOn: '2026-10-01' })
  const markup = await createDocument(db, {
    title: 'Pasted page',
    text: 'Before <b onclick="x()">即梦</b> after.',
    publishedOn: '2026-09-01',
  })
  return { video, kuaishou, jimeng, kling, sora, said, soraTitle, markup }
}

type Library = Awaited<ReturnType<typeof seedLibrary>>

describe.each(backends)('document search on %s', (_name, open) => {
  let conn: Connection
  let lib: Library
  const titles = async (input: DocumentSearchInput) => (await searchDocuments(conn.db, input)).hits.map((h) => h.title)
  beforeAll(async () => {
    conn = await open()
    lib = await seedLibrary(conn.db)
  })
  afterAll(async () => {
    await conn?.close()
  })

  it('finds Chinese words inside text without spaces, with the match marked in the snippet', async () => {
    const { hits } = await searchDocuments(conn.db, { query: '即梦' })
    expect(hits.map((h) => h.title)).toEqual(['字节跳动发布新模型', 'Pasted page'])
    const { text, marks } = hits[0].snippet
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['即梦'])
    expect(await titles({ query: '可灵' })).toEqual(['Kuaishou quarterly notes'])
    expect(await titles({ query: '梦' })).toContain('字节跳动发布新模型')
  })

  it('treats a run of Chinese as one phrase, and words as all required', async () => {
    expect(await titles({ query: '旗下即梦发布' })).toEqual(['字节跳动发布新模型'])
    expect(await titles({ query: '即梦 视频生成' })).toEqual(['字节跳动发布新模型'])
    expect(await titles({ query: '即梦 Sora' })).toEqual([])
    expect(await titles({ query: 'Kling 可灵' })).toEqual(['Kuaishou quarterly notes'])
  })

  it('folds case and full-width letters, and matches English words whole', async () => {
    expect(await titles({ query: 'ＯＰＥＮＡＩ' })).toEqual(['Multimodal models weekly'])
    // "ai" is not in "said".
    expect(await titles({ query: 'ai' })).toEqual([])
  })

  it('requires a quoted phrase as written', async () => {
    expect(await titles({ query: 'new version' })).toEqual(expect.arrayContaining(['Desk note', 'Multimodal models weekly']))
    const phrase = await titles({ query: '"new version"' })
    expect(phrase).toContain('Multimodal models weekly')
    expect(phrase).not.toContain('Desk note')
    expect(await titles({ query: '"version new"' })).toEqual([])
  })

  it('ranks a title match first, then by relevance, then the newest', async () => {
    expect(await titles({ query: 'sora' })).toEqual(['Sora pricing', 'Multimodal models weekly'])
    // Both mention "version" once or more in the text: the one saying it twice first.
    expect(await titles({ query: 'version' })).toEqual(['Multimodal models weekly', 'Desk note', 'Kuaishou quarterly notes'])
  })

  it('filters by publisher, language, theme, date range and company mentioned', async () => {
    expect(await titles({ query: 'version', publisher: 'Reuters' })).toEqual(['Multimodal models weekly', 'Desk note'])
    expect(await titles({ query: '即梦', language: 'zh' })).toEqual(['字节跳动发布新模型'])
    expect(await titles({ query: 'version', language: 'zh' })).toEqual([])
    expect(await titles({ query: '发布', themeSlug: 'video-gen' })).toEqual(['字节跳动发布新模型'])
    expect(await titles({ query: 'version', from: '2026-11-11', to: '2026-11-19' })).toEqual(['Multimodal models weekly'])
    expect(await titles({ query: 'version', companyId: lib.kuaishou.id })).toEqual(['Kuaishou quarterly notes'])
  })

  it('keeps markup in a document as text in the snippet', async () => {
    const [hit] = (await searchDocuments(conn.db, { query: '即梦', from: '2026-09-01', to: '2026-09-01' })).hits
    expect(hit.snippet.text).toContain('<b onclick="x()">')
    expect(hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(['即梦'])
  })

  it('pages through many results without repeating one', async () => {
    for (let i = 0; i < 23; i++) await createDocument(conn.db, { text: `Paging check ${i}: the 赛道 word zebrafish appears here.` })
    const first = await searchDocuments(conn.db, { query: 'zebrafish' })
    const second = await searchDocuments(conn.db, { query: 'zebrafish', page: 2 })
    expect([first.total, first.hits.length, second.hits.length]).toEqual([23, 20, 3])
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(23)
  })

  it('refuses unusable queries with a message instead of scanning', async () => {
    const problem = (query: string) =>
      searchDocuments(conn.db, { query }).then(
        () => 'searched',
        (error: { status?: number; messageKey?: string }) => `${error.status} ${error.messageKey}`,
      )
    expect(await problem('!!! ？？ ...')).toBe('400 docsearch.error.nothingToSearch')
    expect(await problem('"'.repeat(10_000))).toBe('400 docsearch.error.tooLong')
    expect(await problem('x'.repeat(201))).toBe('400 docsearch.error.tooLong')
    expect(await problem('a b c d e f g h i j k')).toBe('400 docsearch.error.tooManyWords')
  })

  it('follows title edits and deletions, and the backfill restores a lost index', async () => {
    const editor = { id: (await createUser(conn.db, { role: 'analyst' })).id }
    const doc = lib.said.document
    await updateDocumentMetadata(conn.db, editor, doc.id, {
      title: 'Desk note on okapis',
      publisher: 'Reuters',
      publishedOn: '2026-11-20',
      tags: [],
      themeIds: [],
    })
    expect(await titles({ query: 'okapis' })).toEqual(['Desk note on okapis'])
    await deleteDocument(conn.db, editor, lib.soraTitle.document.id)
    expect(await titles({ query: 'sora' })).toEqual(['Multimodal models weekly'])
    await conn.db.deleteFrom('document_search').execute()
    expect(await titles({ query: '可灵' })).toEqual([])
    expect(await indexUnsearchedDocuments(conn.db, { batchSize: 7 })).toBeGreaterThan(20)
    expect(await titles({ query: '可灵' })).toEqual(['Kuaishou quarterly notes'])
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('PGlite and PostgreSQL', () => {
  const queries: DocumentSearchInput[] = [
    { query: '即梦' },
    { query: '梦' },
    { query: 'version' },
    { query: '"new version"' },
    { query: 'sora' },
    { query: 'Kling 可灵' },
    { query: '发布', language: 'zh' },
    { query: 'version', from: '2026-11-01', to: '2026-11-30' },
  ]
  it('give the same results, in the same order, with the same snippets', async () => {
    const answers: unknown[] = []
    for (const open of [() => createTestDatabase({ kind: 'pglite' }), () => createTestDatabase()]) {
      const conn = await open()
      try {
        await seedLibrary(conn.db)
        const results = []
        for (const q of queries) {
          const { total, hits } = await searchDocuments(conn.db, q)
          results.push({ total, hits: hits.map(({ id: _id, ...rest }) => rest) })
        }
        answers.push(results)
      } finally {
        await conn.close()
      }
    }
    expect(answers[1]).toEqual(answers[0])
  })
})
