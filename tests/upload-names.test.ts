import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as listAction } from '#app/routes/documents._index.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, respond } from './factories.ts'

// File names a browser or a script really sends, through the documents route with a real
// multipart body. Remix's parser split Content-Disposition on every ';' and '=', so one
// such name failed the whole upload with 400; each must now be ingested under its name.

let conn: Connection
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
})
afterAll(async () => {
  await conn?.close()
})

interface Outcome {
  name: string
  status: string
  reason?: string
  document?: { id: number; title: string }
}

const post = (request: Request) => respond(() => listAction({ request, params: {}, context: contextFor(conn) }))

async function outcomesOf(request: Request): Promise<Outcome[]> {
  const res = await post(request)
  const body = (await res.json()) as { outcomes?: Outcome[]; errors?: unknown }
  expect(res.status, JSON.stringify(body)).toBe(200)
  return body.outcomes ?? []
}

let serial = 0
/** A short note that is different each time (the same text twice would be "already ingested"). */
const note = () => `Weekly note ${++serial}: model launches and pricing.`

/** The body a browser builds: undici serialises FormData as HTML's form-data encoding says. */
function browserUpload(names: string[]): Request {
  const form = new FormData()
  form.set('intent', 'upload')
  for (const name of names) form.append('files', new File([note()], name, { type: 'text/plain' }))
  return new Request('http://localhost/documents', { method: 'POST', body: form, headers: { Cookie: cookie } })
}

/** A body written by hand, for headers other clients send (filename*, backslash escapes). */
function rawUpload(dispositions: string[]): Request {
  const boundary = `----names-${Math.random().toString(36).slice(2)}`
  const parts = [`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`]
  for (const disposition of dispositions)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; ${disposition}\r\nContent-Type: text/plain\r\n\r\n${note()}\r\n`,
    )
  parts.push(`--${boundary}--\r\n`)
  return new Request('http://localhost/documents', {
    method: 'POST',
    body: new TextEncoder().encode(parts.join('')),
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: cookie },
  })
}

async function storedFileName(id: number) {
  return (await conn.db.selectFrom('document').select(['file_name', 'title']).where('id', '=', id).executeTakeFirstOrThrow()).file_name
}

describe('uploaded file names', () => {
  it('accepts what a browser sends: separators, equals signs, quotes and Chinese', async () => {
    // Five at a time: six files or more go to a background job.
    for (const names of [
      ['Q3; final.txt', 'a=b.txt', 'say "hi" to Q3.txt'],
      ["O'Neil's notes.txt", '二季度纪要；终稿 v2.txt', 'x=1; y="2"; 季报.md'],
    ]) {
      const outcomes = await outcomesOf(browserUpload(names))
      expect(outcomes.map((o) => [o.name, o.status])).toEqual(names.map((name) => [name, 'ingested']))
      for (const [i, outcome] of outcomes.entries()) expect(await storedFileName(outcome.document!.id)).toBe(names[i])
      expect(outcomes[0].document!.title).toBe(names[0].replace(/\.[a-z]+$/, ''))
    }
  })

  it('reads RFC 5987 filename* (preferred over a plain fallback), escaped quotes and unquoted names', async () => {
    const outcomes = await outcomesOf(
      rawUpload([
        `filename*=UTF-8''%E5%AD%A3%E6%8A%A5%3B%20final.txt`,
        `filename="fallback.txt"; filename*=utf-8''%E7%BA%AA%E8%A6%81%3Da.txt`,
        `filename="say \\"hi\\".txt"`,
        `filename=plain.txt`,
        `filename="C:\\\\Users\\\\me\\\\Q3; final from windows.txt"`,
      ]),
    )
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['季报; final.txt', 'ingested'],
      ['纪要=a.txt', 'ingested'],
      ['say "hi".txt', 'ingested'],
      ['plain.txt', 'ingested'],
      // Only the base name is kept, as before (RFC 7578 4.2).
      ['Q3; final from windows.txt', 'ingested'],
    ])
  })

  it('still refuses a body that is not multipart, or is cut off, with 400 and stores nothing', async () => {
    const before = await conn.db.selectFrom('document').select('id').execute()
    const cut = rawUpload(['filename="Q3; cut.txt"'])
    const bytes = new Uint8Array(await cut.arrayBuffer())
    const truncated = new Request('http://localhost/documents', {
      method: 'POST',
      body: bytes.slice(0, bytes.length - 20),
      headers: { 'Content-Type': cut.headers.get('Content-Type')!, Cookie: cookie },
    })
    expect((await post(truncated)).status).toBe(400)
    expect(await conn.db.selectFrom('document').select('id').execute()).toEqual(before)
  })
})
