import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { isValidIsoDate } from '#app/ingest/dates.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import { MAX_FILE_BYTES, MB } from '#app/ingest/limits.ts'
import { openAppDatabase } from '#app/models/db.server.ts'
import { getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { findThemeIdBySlug } from '#app/models/theme/index.server.ts'
import { ingestDocument, type IngestResult, type IngestTimings } from '#app/services/ingest/ingest-document.server.ts'
import { readEnv } from '#app/utils/env.server.ts'
import type { Connection } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { isDemoSeeded, seedDemoData } from '#seeds/seed.ts'

import { assertDataDirFree } from './data-dir-lock.ts'
import type { CliIo } from './io.ts'

// `themeradar ingest <file>...`: each file is ingested on its own (its own transaction),
// so one bad file does not stop the batch; the exit code says whether any failed.

const OPTIONS = {
  title: { type: 'string' },
  publisher: { type: 'string' },
  published: { type: 'string' },
  tag: { type: 'string', multiple: true },
  theme: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const

/** The app's database, opened the way the app opens it (and refusing a PGlite in use). */
export async function openDatabase(io: CliIo): Promise<Connection> {
  if (io.openDatabase) return io.openDatabase()
  const env = readEnv(io.env as NodeJS.ProcessEnv)
  if (!env.DATABASE_URL) assertDataDirFree(path.resolve(env.DATA_DIR, 'pglite'))
  const connection = await openAppDatabase(env)
  try {
    await migrateToLatest(connection.db)
    if (env.SEED_DEMO === 'auto' && !(await isDemoSeeded(connection.db))) {
      const { created } = await seedDemoData(connection.db)
      io.stderr(`themeradar: demo data loaded (${created} rows)`)
    }
  } catch (error) {
    await connection.close()
    throw error
  }
  return connection
}

function summaryLine(file: string, result: IngestResult): string {
  const { document, companies, mentions } = result
  const date = document.publishedAt ? ` (${document.publishedAt})` : ''
  if (document.duplicate) return `${file}: already ingested as document ${document.id} "${document.title}"${date}; nothing added`
  const names = companies.map((c) => `${c.name}${c.nameZh ? ` ${c.nameZh}` : ''} ×${c.count}`).join(', ')
  const found =
    mentions === 0
      ? 'no company mentions'
      : `${mentions} mention${mentions === 1 ? '' : 's'} of ${companies.length} compan${companies.length === 1 ? 'y' : 'ies'}: ${names}`
  return `${file}: ingested as document ${document.id} "${document.title}"${date}, ${found}`
}

function jsonLine(result: IngestResult & { timings: IngestTimings }): string {
  const { document, companies, mentions, timings } = result
  return JSON.stringify({
    document: { id: document.id, title: document.title, publishedAt: document.publishedAt, duplicate: document.duplicate },
    // rules: how many of the company's mentions each rule admitted ({"name": 3, "ticker": 1}).
    companies: companies.map((c) => ({ id: c.id, name: c.name, nameZh: c.nameZh, count: c.count, rules: c.rules })),
    mentions,
    // Whole milliseconds: where the file's time went (extract, match, store), for comparing runs.
    timings: Object.fromEntries(Object.entries(timings).map(([k, ms]) => [k, Math.round(ms)])),
  })
}

async function readDocumentFile(file: string): Promise<Uint8Array> {
  let info
  try {
    info = await stat(file)
  } catch {
    throw new Error('no such file')
  }
  if (!info.isFile()) throw new Error('not a file')
  // Checked before reading: a 200 MB file is refused without loading it.
  if (info.size > MAX_FILE_BYTES) throw new IngestError('tooLarge', { max: MAX_FILE_BYTES / MB })
  return new Uint8Array(await readFile(file))
}

export async function runIngestCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`themeradar ingest: ${(error as Error).message}`)
    return 2
  }
  const { values, positionals: files } = parsed
  if (files.length === 0) {
    io.stderr('themeradar ingest: name at least one file (PDF, TXT, Markdown or HTML)')
    return 2
  }
  if (values.published !== undefined && !isValidIsoDate(values.published)) {
    io.stderr(`themeradar ingest: --published must be a date as YYYY-MM-DD, not "${values.published}"`)
    return 2
  }

  let connection: Connection
  try {
    connection = await openDatabase(io)
  } catch (error) {
    io.stderr(`themeradar ingest: cannot open the database: ${(error as Error).message}`)
    return 1
  }
  try {
    const themeIds: number[] = []
    for (const slug of values.theme ?? []) {
      const id = await findThemeIdBySlug(connection.db, slug)
      if (id === null) {
        io.stderr(`themeradar ingest: there is no theme "${slug}"`)
        return 2
      }
      themeIds.push(id)
    }
    let failed = 0
    // One look at the aliases for the whole batch.
    const { matcher } = await getMentionMatcher(connection.db)
    for (const file of files) {
      try {
        const bytes = await readDocumentFile(file)
        const input = {
          file: { name: path.basename(file), bytes },
          title: values.title,
          publisher: values.publisher,
          publishedOn: values.published,
          tags: values.tag,
          themeIds,
        }
        const result = await ingestDocument(connection.db, input, { matcher })
        io.stdout(values.json ? jsonLine(result) : summaryLine(file, result))
      } catch (error) {
        failed++
        const refused = error instanceof IngestError
        io.stderr(`${file}: ${refused ? 'refused' : 'failed'}: ${(error as Error).message}`)
      }
    }
    if (!values.json && files.length > 1)
      io.stdout(`${files.length - failed} of ${files.length} files ingested or already present, ${failed} failed`)
    return failed > 0 ? 1 : 0
  } finally {
    await connection.close()
  }
}
