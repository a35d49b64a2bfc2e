import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { SafeFetchError } from '#app/utils/safe-fetch.server.ts'
import { exampleLookup, FEEDS_HOST, feedsExampleHandlers } from '#tests/msw/feeds-example.ts'

import { fetchUrlDocument } from './fetch-url.server.ts'

const server = setupServer(...feedsExampleHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const options = { lookup: exampleLookup, timeoutMs: 2_000 }

describe('fetchUrlDocument', () => {
  it('returns a web page as html', async () => {
    const doc = await fetchUrlDocument(`${FEEDS_HOST}/article`, options)
    expect(doc).toMatchObject({ kind: 'html', contentType: 'text/html', finalUrl: `${FEEDS_HOST}/article` })
    expect(doc.kind === 'html' && doc.html).toContain('快手可灵视频模型')
  })

  it('returns a PDF as a file named after the URL, and refuses one that is not a PDF inside', async () => {
    const doc = await fetchUrlDocument(`${FEEDS_HOST}/report.pdf`, options)
    expect(doc.kind).toBe('pdf')
    if (doc.kind === 'pdf') expect(doc.file).toMatchObject({ name: 'report.pdf', contentType: 'application/pdf' })
    server.use(
      http.get(`${FEEDS_HOST}/fake.pdf`, () => new HttpResponse('<html></html>', { headers: { 'Content-Type': 'application/pdf' } })),
    )
    await expect(fetchUrlDocument(`${FEEDS_HOST}/fake.pdf`, options)).rejects.toMatchObject({ reason: 'badContentType' })
  })

  it('returns plain text as text', async () => {
    server.use(http.get(`${FEEDS_HOST}/notes.txt`, () => HttpResponse.text('美图 Miracle Vision 4.0')))
    expect(await fetchUrlDocument(`${FEEDS_HOST}/notes.txt`, options)).toMatchObject({ kind: 'text', text: '美图 Miracle Vision 4.0' })
  })

  it('refuses private addresses and types it cannot read', async () => {
    await expect(fetchUrlDocument('http://10.0.0.5/report.pdf', options)).rejects.toBeInstanceOf(SafeFetchError)
    await expect(fetchUrlDocument(`${FEEDS_HOST}/rss.xml`, options)).rejects.toMatchObject({ reason: 'badContentType' })
  })
})
