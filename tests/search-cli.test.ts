import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CliIo } from '#app/cli/io.ts'
import { main } from '#app/cli/themeradar.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createDocument } from './factories.ts'

// `npm run themeradar -- search "<query>" [--json]`, run in this process.

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
  await createDocument(conn.db, {
    title: '即梦周报',
    text: '字节跳动旗下即梦发布新版本，生成速度更快。',
    publisher: 'LatePost',
    publishedOn: '2026-11-02',
  })
  await createDocument(conn.db, { title: 'Kling notes', text: 'Kuaishou shipped Kling 2.1 this week.', publishedOn: '2026-11-03' })
  // A document stored before the index existed: the command indexes it first.
  const old = await createDocument(conn.db, { title: 'Older 即梦 note', text: '即梦的早期版本。', publishedOn: '2025-01-01' })
  await conn.db.deleteFrom('document_search').where('document_id', '=', old.document.id).execute()
})
afterAll(async () => {
  await conn?.close()
})

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env: { SEED_DEMO: 'never' },
    openDatabase: async () => ({ ...conn, close: async () => undefined }),
  }
  const code = await main(argv, io)
  return { code, out, err }
}

describe('themeradar search', () => {
  it('prints id, title, publisher, date and a snippet with the match in brackets', async () => {
    const { code, out, err } = await run('search', '即梦')
    expect(code).toBe(0)
    expect(out).toHaveLength(2)
    expect(out[0]).toMatch(/^\d+\t即梦周报\tLatePost\t2026-11-02\n\t字节跳动旗下\[即梦\]发布新版本/)
    expect(out[1]).toContain('Older 即梦 note')
    expect(err).toEqual(['2 documents found; showing 1-2'])
  })

  it('prints one JSON object per document with --json', async () => {
    const { code, out } = await run('search', 'kling', '--json')
    expect(code).toBe(0)
    expect(out.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ title: 'Kling notes', publishedOn: '2026-11-03', snippet: 'Kuaishou shipped [Kling] 2.1 this week.' }),
    ])
  })

  it('refuses a query it cannot search, with the reason', async () => {
    expect(await run('search', '?!')).toMatchObject({
      code: 2,
      err: ['themeradar search: Type a word, a name or a phrase: punctuation alone finds nothing.'],
    })
    expect((await run('search')).code).toBe(2)
  })
})
