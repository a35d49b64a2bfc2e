import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CliIo } from '#app/cli/io.ts'
import { main } from '#app/cli/themeradar.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { createTheme } from './factories.ts'
import { createCompanies } from './fixtures/companies.ts'
import { makeBinary, makeEncryptedPdf, makeReportPdf } from './fixtures/documents.ts'

let conn: Connection
let dir: string
const file = (name: string) => path.join(dir, name)

beforeAll(async () => {
  conn = await createTestDatabase()
  await createCompanies(conn.db, [
    'Tencent',
    'Baidu',
    'Kunlun Tech',
    'iFlytek',
    'SenseTime',
    'Meitu',
    'Wondershare',
    'Zhihu',
    'Xiaohongshu',
  ])
  await createTheme(conn.db, { slug: 'multimodal-ai' })
  dir = mkdtempSync(path.join(tmpdir(), 'themeradar-cli-'))
  writeFileSync(file('outlook.pdf'), await makeReportPdf())
  writeFileSync(file('zh-note.txt'), '昆仑万维的天工和科大讯飞的星火都支持多模态。\n商汤也在跟进。')
  writeFileSync(file('photo.txt'), makeBinary())
  writeFileSync(file('locked.pdf'), makeEncryptedPdf())
  writeFileSync(file('empty.md'), '')
})
afterAll(async () => {
  await conn?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI in this process against the test database. */
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

describe('themeradar ingest', () => {
  it('prints one JSON object per file with the document, companies and mention count', async () => {
    const { code, out, err } = await run('ingest', file('outlook.pdf'), file('zh-note.txt'), '--json', '--tag', 'cli')
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(out).toHaveLength(2)
    const [pdf, txt] = out.map((line) => JSON.parse(line))
    expect(Object.keys(pdf)).toEqual(['document', 'companies', 'mentions', 'timings'])
    // Where each file's time went, in whole milliseconds (the values depend on the machine).
    for (const line of [pdf, txt]) {
      expect(Object.keys(line.timings)).toEqual(['extractMs', 'matchMs', 'storeMs', 'totalMs'])
      for (const ms of Object.values(line.timings)) expect(Number.isInteger(ms) && (ms as number) >= 0).toBe(true)
    }
    expect(Object.keys(pdf.document)).toEqual(['id', 'title', 'publishedAt', 'duplicate'])
    expect(pdf).toMatchObject({ document: { title: 'Multimodal AI outlook', publishedAt: '2024-03-05', duplicate: false }, mentions: 5 })
    // Each company says which rules admitted its mentions (name, product, ticker, context...).
    expect(pdf.companies).toEqual([
      { id: expect.any(Number), name: 'Tencent', nameZh: '腾讯', count: 3, rules: { name: 2, product: 1 } },
      { id: expect.any(Number), name: 'Baidu', nameZh: '百度', count: 2, rules: { name: 1, product: 1 } },
    ])
    expect(txt.document).toMatchObject({ title: 'zh-note', publishedAt: null, duplicate: false })
    expect(txt.companies.map((c: { nameZh: string }) => c.nameZh).sort()).toEqual(['商汤', '昆仑万维', '科大讯飞'].sort())
  })

  it('counts a ticker written Wind-style or Bloomberg-style under the rule "ticker"', async () => {
    writeFileSync(file('tickers.txt'), '腾讯（0700.HK）本周发布混元新版本；市场也在关注 700 HK 的成交量。')
    const { code, out } = await run('ingest', file('tickers.txt'), '--json')
    expect(code).toBe(0)
    const [result] = out.map((line) => JSON.parse(line))
    const tencent = result.companies.find((c: { name: string }) => c.name === 'Tencent')
    expect(tencent).toMatchObject({ count: 4, rules: { name: 1, product: 1, ticker: 2 } })
  })

  it('reports content already ingested and adds nothing', async () => {
    const { code, out } = await run('ingest', file('outlook.pdf'), '--json')
    expect(code).toBe(0)
    expect(JSON.parse(out[0])).toMatchObject({ document: { duplicate: true }, mentions: 5 })
    const human = await run('ingest', file('outlook.pdf'))
    expect(human.out[0]).toMatch(/outlook\.pdf: already ingested as document \d+ "Multimodal AI outlook" \(2024-03-05\); nothing added/)
  })

  it('fails per file with the reason on stderr and a non-zero exit, still doing the good ones', async () => {
    writeFileSync(file('fresh.txt'), 'Wondershare and Meitu both sell AI design tools.')
    writeFileSync(file('huge.pdf'), '%PDF-1.7\n')
    truncateSync(file('huge.pdf'), 200 * 1024 * 1024) // sparse: refused by size before reading
    const { code, out, err } = await run(
      'ingest',
      file('photo.txt'),
      file('locked.pdf'),
      file('empty.md'),
      file('missing.pdf'),
      file('huge.pdf'),
      file('fresh.txt'),
      '--publisher',
      'Desk',
      '--published',
      '2024-03-01',
      '--title',
      'AI tools',
    )
    expect(code).toBe(1)
    expect(out[0]).toMatch(
      /fresh\.txt: ingested as document \d+ "AI tools" \(2024-03-01\), 2 mentions of 2 companies: (Meitu 美图 ×1, Wondershare 万兴科技 ×1|Wondershare 万兴科技 ×1, Meitu 美图 ×1)/,
    )
    expect(out[1]).toBe('1 of 6 files ingested or already present, 5 failed')
    expect(err).toEqual([
      `${file('photo.txt')}: refused: the file is not text (it looks binary, or is in an encoding other than UTF-8, UTF-16 or GB18030)`,
      `${file('locked.pdf')}: refused: the PDF is encrypted or password-protected; save an unprotected copy and try again`,
      `${file('empty.md')}: refused: the document has no text`,
      `${file('missing.pdf')}: failed: no such file`,
      `${file('huge.pdf')}: refused: the file is larger than 50 MB`,
    ])
  })

  it('refuses bad arguments with usage errors (exit 2)', async () => {
    expect((await run('ingest')).code).toBe(2)
    expect((await run('ingest', file('fresh.txt'), '--published', '5 March')).err[0]).toMatch(/--published must be a date/)
    expect((await run('ingest', file('fresh.txt'), '--bogus')).code).toBe(2)
    expect((await run('ingest', file('fresh.txt'), '--theme', 'no-such-theme')).err).toEqual([
      'themeradar ingest: there is no theme "no-such-theme"',
    ])
    expect((await run('frobnicate')).code).toBe(2)
    expect((await run('--help')).code).toBe(0)
  })

  it('links documents to themes by slug', async () => {
    writeFileSync(file('theme.txt'), 'Zhihu 知乎 and Xiaohongshu 小红书 are 2C platforms.')
    const { out } = await run('ingest', file('theme.txt'), '--theme', 'multimodal-ai', '--json')
    const id = JSON.parse(out[0]).document.id
    const themes = await conn.db
      .selectFrom('document_theme')
      .innerJoin('theme', 'theme.id', 'document_theme.theme_id')
      .select('theme.slug')
      .where('document_id', '=', id)
      .execute()
    expect(themes).toEqual([{ slug: 'multimodal-ai' }])
  })

  it('refuses a PGlite data directory another process has open', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'themeradar-cli-lock-'))
    const pglite = path.join(dataDir, 'pglite')
    mkdirSync(path.join(pglite, 'base'), { recursive: true })
    writeFileSync(path.join(pglite, 'postmaster.pid'), '-42\n')
    writeFileSync(path.join(pglite, 'base', '1259'), '')
    // Stands in for a running app: a process holding a file of the directory open.
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').openSync(${JSON.stringify(path.join(pglite, 'base', '1259'))}, 'r'); console.log('open'); setInterval(() => {}, 1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    )
    try {
      await new Promise((resolve) => holder.stdout!.once('data', resolve))
      const err: string[] = []
      const code = await main(['ingest', file('fresh.txt')], {
        stdout: () => undefined,
        stderr: (l) => err.push(l),
        env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      })
      expect(code).toBe(1)
      expect(err[0]).toContain(`is in use by process ${holder.pid}`)
    } finally {
      holder.kill()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

// The one test here on the demo data: a first run of the command loads it (SEED_DEMO=auto).
describe('themeradar as a command', () => {
  it('runs end to end in its own process on a fresh PGlite data directory', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'themeradar-cli-smoke-'))
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/themeradar.ts', 'ingest', file('zh-note.txt'), '--json'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'auto' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
      expect(code, stderr).toBe(0)
      const lines = stdout.trim().split('\n')
      expect(lines).toHaveLength(1)
      const result = JSON.parse(lines[0])
      expect(result).toMatchObject({ document: { id: 1, title: 'zh-note', duplicate: false } })
      expect(result.companies.map((c: { name: string }) => c.name).sort()).toEqual(['Kunlun Tech', 'SenseTime', 'iFlytek'])
      expect(stderr).toContain('demo data loaded')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)
})
