import { threadId } from 'node:worker_threads'

import { afterAll, describe, expect, it } from 'vitest'

import { extractPdf } from '#app/ingest/extract-pdf.server.ts'
import { IngestError } from '#app/ingest/ingest-error.ts'
import { buildMentionMatcher } from '#app/mentions/index.ts'
import { makeBinary, makeContentBombPdf, makeReportPdf, makeSpaceRunPdf } from '#tests/fixtures/documents.ts'

import { extractFileOffThread, PdfiumStalled, pdfTimeLimit, readPdfInSlices } from './ingest-tasks.server.ts'
import { closeWorkerPool, poolSize, WorkerPool, workerPool } from './pool.server.ts'
import type { MatcherSnapshot } from './tasks.ts'

// The worker pool runs the ingest pipeline's CPU work in other threads: the answers must be
// the ones the calling thread would give, and a refusal must arrive as the same refusal.

afterAll(async () => {
  await closeWorkerPool()
})

const PAGE_HTML =
  '<html><head><title>周报</title></head><body><article><h1>周报</h1><p>腾讯混元发布视频模型。Baidu ships ERNIE Bot.</p></article></body></html>'

describe('the worker pool', () => {
  it('runs a task in another thread with the same result as in this thread', async () => {
    const pool = workerPool()
    expect(pool.threaded).toBe(true)
    expect(await pool.run('threadId', undefined)).not.toBe(threadId)
    const inThread = new WorkerPool(0)
    expect(await inThread.run('threadId', undefined)).toBe(threadId)
    expect(await pool.run('extractHtml', PAGE_HTML)).toEqual(await inThread.run('extractHtml', PAGE_HTML))
  }, 60_000)

  it('finds the same mentions in a worker, sending the registry only when the worker lacks it', async () => {
    const snapshot: MatcherSnapshot = {
      fingerprint: 'test-1',
      aliases: [
        {
          id: 1,
          companyId: 10,
          text: '腾讯',
          language: 'zh',
          kind: 'name',
          caseSensitive: false,
          isAmbiguous: false,
          negativeContext: [],
          ambiguousReason: null,
        },
        {
          id: 2,
          companyId: 11,
          text: 'Baidu',
          language: 'en',
          kind: 'name',
          caseSensitive: false,
          isAmbiguous: false,
          negativeContext: [],
          ambiguousReason: null,
        },
      ],
      tickers: [],
      topicWords: [],
    }
    const body = '腾讯混元发布视频模型。Baidu ships ERNIE Bot; 腾讯 follows.'
    const here = buildMentionMatcher(snapshot.aliases).findMentions(body)
    const pool = workerPool()
    // A worker that never got this registry says so instead of guessing.
    expect(await pool.run('findMentions', { body, fingerprint: 'never-sent' })).toEqual({ needsSnapshot: true })
    expect(await pool.run('findMentions', { body, fingerprint: snapshot.fingerprint, snapshot })).toEqual({ mentions: here })
    expect(here.map((m) => m.aliasText)).toEqual(['腾讯', 'Baidu', '腾讯'])
  }, 60_000)

  it('reads a PDF in slices across workers to the same text as reading it page by page', async () => {
    const pages = Array.from({ length: 24 }, (_, i) => [
      `Page ${i + 1} of the outlook.`,
      i % 2 ? 'Tencent applies Hunyuan.' : 'Baidu ships ERNIE Bot.',
    ])
    const bytes = await makeReportPdf(pages)
    const sequential = await extractPdf(bytes)
    const sliced = await readPdfInSlices(bytes, 3)
    expect(sliced).toEqual(sequential)
    expect(sliced.text.split('\f')).toHaveLength(24)
    // Too few pages for every worker to get MIN_PAGES_PER_WORKER: fewer runs, the same text.
    const short = await makeReportPdf(pages.slice(0, 9))
    expect(await readPdfInSlices(short, 2)).toEqual(await extractPdf(short))
  }, 60_000)

  it('brings a refusal back from the worker with its reason', async () => {
    const error = await workerPool()
      .run('extractFile', { name: 'scan.pdf', bytes: makeBinary() })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IngestError)
    expect((error as IngestError).reason).toBe('corruptPdf')
  }, 60_000)

  it('runs tasks in this thread when the worker file cannot be found, or WORKER_THREADS=0', async () => {
    const pool = new WorkerPool(2, null)
    expect(pool.threaded).toBe(false)
    expect(await pool.run('threadId', undefined)).toBe(threadId)
    expect(poolSize({ WORKER_THREADS: '0' })).toBe(0)
    expect(poolSize({ WORKER_THREADS: '3' })).toBe(3)
    expect(poolSize({ WORKER_THREADS: 'lots' })).toBeGreaterThan(0)
  })
})

describe('a PDF that makes PDFium grow to a gigabyte', () => {
  it('is read, and the worker that read it gives its memory back by leaving; the next file gets a new one', async () => {
    const pool = new WorkerPool(1)
    try {
      const before = await pool.run('threadId', undefined)
      // ~700 MB of page contents in a 6 KB file: PDFium's memory passes the 512 MB it may keep.
      const bomb = await pool.run('extractFile', { name: 'bomb.pdf', bytes: makeContentBombPdf(700) })
      expect(bomb.text).toBe('Bomb')
      const after = await pool.run('threadId', undefined)
      expect(after).not.toBe(before)
      expect((await pool.run('extractFile', { name: 'report.pdf', bytes: await makeReportPdf() })).text).toContain('Tencent applies')
      // A worker that read an ordinary PDF stays.
      expect(await pool.run('threadId', undefined)).toBe(after)
    } finally {
      await pool.close()
    }
  }, 120_000)
})

describe('a task with a time limit', () => {
  it('fails with its own error once the limit passes, its worker is stopped, and the next task runs', async () => {
    const pool = new WorkerPool(1)
    try {
      const before = await pool.run('threadId', undefined)
      const started = performance.now()
      // ~8 s of PDFium's time: stopped after 0.3 s.
      const slow = pool.run('extractFile', { name: 'spaces.pdf', bytes: makeSpaceRunPdf(120_000) }, limitOf(300))
      await expect(slow).rejects.toMatchObject({ message: 'total' })
      expect(performance.now() - started).toBeLessThan(5_000)
      const after = await pool.run('threadId', undefined)
      expect(after).not.toBe(before)
      expect((await pool.run('extractFile', { name: 'report.pdf', bytes: await makeReportPdf() })).text).toContain('Tencent applies')
    } finally {
      await pool.close()
    }
  }, 60_000)

  it('fails as stalled when a worker reads no PDF page for stallMs, and not while pages keep coming', async () => {
    const pool = new WorkerPool(1)
    try {
      const stalled = pool.run('extractFile', { name: 'spaces.pdf', bytes: makeSpaceRunPdf(120_000) }, limitOf(60_000, 500))
      await expect(stalled).rejects.toMatchObject({ message: 'stall' })
      // 2,000 pages, each well under the stall limit, together over it.
      // Words, not numbers, tell the pages apart: lines differing only in a number are page furniture.
      const letters = 'abcdefghijklmnopqrstuvwxyz'
      const word = (i: number) => `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}`
      const pages = Array.from({ length: 2000 }, (_, i) => [`Section ${word(i)}: Tencent applies its model.`])
      const bytes = await makeReportPdf(pages)
      const started = performance.now()
      const read = await pool.run('extractFile', { name: 'long.pdf', bytes }, limitOf(60_000, 200))
      expect(read.text).toContain(`Section ${word(1999)}:`)
      expect(performance.now() - started).toBeGreaterThan(200)
    } finally {
      await pool.close()
    }
  }, 60_000)

  it('gives a PDF 30 s and 2 s a megabyte in all, and PDFium half a second a page', () => {
    expect(pdfTimeLimit(0)).toMatchObject({ ms: 30_000, stallMs: 500 })
    expect(pdfTimeLimit(50 * 1024 * 1024, 'pdfjs')).toMatchObject({ ms: 130_000, stallMs: undefined })
    expect(pdfTimeLimit(50 * 1024 * 1024).error('total')).toMatchObject({ reason: 'slowPdf', params: { seconds: 130 } })
    expect(pdfTimeLimit(0).error('stall')).toBeInstanceOf(PdfiumStalled)
  })
})

describe('a PDF that PDFium stalls on', () => {
  it('is read by pdf.js instead, in seconds rather than minutes', async () => {
    const started = performance.now()
    // Some 2.5 million spaces in a run: PDFium would take hours.
    const extracted = await extractFileOffThread({ name: 'spaces.pdf', bytes: makeSpaceRunPdf(2_500_000) })
    expect(extracted.text.replace(/\s+/g, ' ')).toBe('a b')
    expect(performance.now() - started).toBeLessThan(20_000)
  }, 60_000)
})

function limitOf(ms: number, stallMs?: number) {
  return { ms, stallMs, error: (kind: string) => new Error(kind) }
}
