import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MarkedText } from '#app/components/search/marked-text.tsx'
import { loader as documentLoader } from '#app/routes/documents.$id.tsx'
import { loader as searchLoader } from '#app/routes/search.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createDocument, createUser, getRequest, respond } from './factories.ts'

// /search's Documents section and the document page's ?q= (issue 13 section 3), through the loaders.

let conn: Connection
let viewer: string
let jimengId: number
beforeAll(async () => {
  conn = await createTestDatabase()
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  await createCompany(conn.db, { nameEn: 'ByteDance', nameZh: '字节跳动' })
  const doc = await createDocument(conn.db, {
    title: '即梦周报',
    text: '字节跳动旗下即梦发布新版本。<img src=x onerror="alert(1)"> 即梦的用户继续增长。',
    publisher: 'LatePost',
    publishedOn: '2026-11-02',
  })
  jimengId = doc.document.id
  for (let i = 0; i < 25; i++) await createDocument(conn.db, { title: `Okapi note ${i}`, text: `The okapi count this week was ${i}.` })
})
afterAll(async () => {
  await conn?.close()
})

async function search(query: string) {
  const res = await respond(() => searchLoader({ request: getRequest(`/search?${query}`, viewer), params: {}, context: contextFor(conn) }))
  return { status: res.status, body: await res.json() }
}

describe('/search finds documents', () => {
  it('lists documents whose text has the words, with the match marked, next to companies', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('即梦')}`)
    expect(status).toBe(200)
    expect(body.documents.total).toBe(1)
    const [hit] = body.documents.hits
    expect(hit).toMatchObject({ id: jimengId, title: '即梦周报', publisher: 'LatePost', publishedOn: '2026-11-02' })
    expect(hit.snippet.marks.map((m: { start: number; end: number }) => hit.snippet.text.slice(m.start, m.end))).toEqual(['即梦', '即梦'])
  })

  it('applies filters from the query string and reads the company filter as a name', async () => {
    expect(
      (await search(`q=${encodeURIComponent('即梦')}&company=${encodeURIComponent('字节跳动')}`)).body.documents.company,
    ).toMatchObject({
      nameEn: 'ByteDance',
    })
    expect((await search(`q=${encodeURIComponent('即梦')}&publisher=Reuters`)).body.documents.total).toBe(0)
    expect((await search(`q=${encodeURIComponent('即梦')}&from=2026-11-03`)).body.documents.total).toBe(0)
    // A date that does not exist is left out rather than sent to the database.
    expect((await search(`q=${encodeURIComponent('即梦')}&from=2026-02-30`)).body.documents.total).toBe(1)
  })

  it('pages 20 at a time', async () => {
    const first = (await search('q=okapi')).body.documents
    const second = (await search('q=okapi&page=2')).body.documents
    expect([first.total, first.hits.length, second.hits.length]).toEqual([25, 20, 5])
  })

  it('answers 400 with a message for a query it cannot search, never a 500', async () => {
    for (const [q, key] of [
      ['!!! ？？', 'docsearch.error.nothingToSearch'],
      ['"'.repeat(10_000), 'docsearch.error.tooLong'],
      ['x'.repeat(300), 'docsearch.error.tooLong'],
      ['a b c d e f g h i j k l', 'docsearch.error.tooManyWords'],
    ]) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}`)
      expect({ status, error: body.documents.error }).toEqual({ status: 400, error: key })
    }
  })
})

describe('the document page opened from a search', () => {
  const open = async (q: string) =>
    (
      await respond(() =>
        documentLoader({
          request: getRequest(`/documents/${jimengId}?q=${encodeURIComponent(q)}`, viewer),
          params: { id: String(jimengId) },
          context: contextFor(conn),
        }),
      )
    ).json()

  it('gives the offsets of every match in the text', async () => {
    const page = await open('即梦')
    const body: string = page.document.body
    expect(page.searchMatches.ranges.map((r: { start: number; end: number }) => body.slice(r.start, r.end))).toEqual(['即梦', '即梦'])
  })

  it('gives none for a query it cannot search', async () => {
    expect((await open('!!!')).searchMatches.ranges).toEqual([])
  })
})

describe('marked text', () => {
  it('renders document markup as text and only the match as <mark>', () => {
    const text = '<img src=x onerror="alert(1)"> 即梦'
    const html = renderToStaticMarkup(MarkedText({ text, marks: [{ start: text.indexOf('即梦'), end: text.length }] }))
    expect(html).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>即梦</mark>')
  })
})
