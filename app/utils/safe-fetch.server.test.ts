import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { http, HttpResponse, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { exampleLookup, FEEDS_HOST, feedsExampleHandlers, RSS_FEED } from '#tests/msw/feeds-example.ts'

import { blockedAddressKind } from './address-policy.server.ts'
import { bodyText, describeFetchError, safeFetch, SafeFetchError, type SafeFetchOptions } from './safe-fetch.server.ts'

const server = setupServer(...feedsExampleHandlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml']
const base: SafeFetchOptions = { lookup: exampleLookup, timeoutMs: 2_000 }

async function refusal(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchError> {
  const error = await safeFetch(url, { ...base, ...options }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SafeFetchError)
  return error as SafeFetchError
}

describe('blockedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['100.64.0.1', 'sharedAddress'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['not an address', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(blockedAddressKind(address)).toBe(kind)
  })

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(blockedAddressKind(address)).toBeNull()
    },
  )
})

describe('safeFetch refuses', () => {
  it.each([
    'file:///etc/passwd',
    'ftp://feeds.example.com/rss.xml',
    'gopher://feeds.example.com/',
    'javascript:alert(1)',
    'data:text/plain,hi',
  ])('the scheme of %s', async (url) => {
    expect((await refusal(url)).reason).toBe('scheme')
  })

  it('text that is not a URL', async () => {
    expect((await refusal('not a url')).reason).toBe('badUrl')
  })

  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://127.0.0.1:1/feed', '127.0.0.1'],
    ['http://localhost:3000/', '127.0.0.1'],
    ['http://api.localhost/', '127.0.0.1'],
    ['http://10.0.0.5/', '10.0.0.5'],
    ['http://[::1]/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://100.64.1.1/', '100.64.1.1'],
    ['https://intranet.example.com/', '10.0.0.5'],
    ['https://metadata.example.com/latest/', '169.254.169.254'],
    ['https://mapped.example.com/', '::ffff:127.0.0.1'],
    ['https://mixed.example.com/', '10.0.0.5'],
  ])('%s (resolves to %s)', async (url, address) => {
    const error = await refusal(url)
    expect(error.reason).toBe('blockedAddress')
    expect(error.details.address).toBe(address)
  })

  it('a redirect from a public host to a loopback address, a metadata host or a file', async () => {
    expect((await refusal(`${FEEDS_HOST}/to-loopback`)).details).toMatchObject({ address: '127.0.0.1' })
    expect((await refusal(`${FEEDS_HOST}/to-metadata`)).details).toMatchObject({ host: 'metadata.example.com', address: '169.254.169.254' })
    expect((await refusal(`${FEEDS_HOST}/to-file`)).reason).toBe('scheme')
  })

  it('more than 5 redirects', async () => {
    const error = await refusal(`${FEEDS_HOST}/loop/1`)
    expect(error.reason).toBe('tooManyRedirects')
    expect(describeFetchError(error)).toBe('feeds.fetch.tooManyRedirects?limit=5')
  })

  it('a host that does not resolve', async () => {
    const error = await refusal('https://no-such-host.example.net/feed')
    expect(error.reason).toBe('dnsFailed')
    expect(describeFetchError(error)).toBe('feeds.fetch.dnsFailed?host=no-such-host.example.net')
  })

  it('a body past maxBytes, while it streams and when Content-Length says so', async () => {
    const streamed = await refusal(`${FEEDS_HOST}/big.xml`, { maxBytes: 1_000_000 })
    expect(streamed.reason).toBe('tooLarge')
    expect(describeFetchError(streamed)).toBe('feeds.fetch.tooLarge?limit=1+MB')
    server.use(http.get(`${FEEDS_HOST}/declared`, () => new HttpResponse('x'.repeat(2000), { headers: { 'Content-Length': '2000' } })))
    expect((await refusal(`${FEEDS_HOST}/declared`, { maxBytes: 1000 })).reason).toBe('tooLarge')
  })

  it('a server that hangs past the time limit', async () => {
    const error = await refusal(`${FEEDS_HOST}/hang`, { timeoutMs: 300 })
    expect(error.reason).toBe('timeout')
  })

  it('HTML where a feed was expected, and a 500', async () => {
    const html = await refusal(`${FEEDS_HOST}/html`, { accept: FEED_TYPES })
    expect(html.reason).toBe('badContentType')
    expect(html.details.contentType).toBe('text/html')
    const status = await refusal(`${FEEDS_HOST}/error`)
    expect(status.reason).toBe('badStatus')
    expect(describeFetchError(status)).toBe('feeds.fetch.badStatus?status=500')
  })
})

describe('safeFetch fetches', () => {
  it('a public feed, following a redirect, and says where it ended up', async () => {
    const result = await safeFetch(`${FEEDS_HOST}/moved`, { ...base, accept: FEED_TYPES })
    expect(result.finalUrl).toBe(`${FEEDS_HOST}/rss.xml`)
    expect(result.status).toBe(200)
    expect(result.contentType).toBe('application/rss+xml')
    expect(bodyText(result)).toBe(RSS_FEED)
  })

  it('a gzip-encoded body, decoded', async () => {
    const result = await safeFetch(`${FEEDS_HOST}/gzip.xml`, { ...base, accept: FEED_TYPES })
    expect(bodyText(result)).toBe(RSS_FEED)
  })

  it('an intranet host only when an administrator allowed that exact host name', async () => {
    server.use(http.get('https://intranet.example.com/feed', () => HttpResponse.xml('<rss version="2.0"><channel/></rss>')))
    const result = await safeFetch('https://intranet.example.com/feed', { ...base, allowHosts: ['Intranet.example.com'] })
    expect(result.status).toBe(200)
    expect((await refusal('https://intranet.example.com/feed', { allowHosts: ['example.com', 'other.example.com'] })).reason).toBe(
      'blockedAddress',
    )
  })

  it('decodes GBK when the page says so', () => {
    const gbk = Buffer.from([0xc3, 0xc0, 0xcd, 0xbc]) // 美图
    expect(bodyText({ body: gbk, charset: 'gbk' })).toBe('美图')
    const declared = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GBK"?><t>'), gbk, Buffer.from('</t>')])
    expect(bodyText({ body: declared, charset: undefined })).toContain('美图')
  })
})

describe('the connection goes to the checked address', () => {
  let local: Server
  let port = 0
  beforeAll(async () => {
    local = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      res.end('served by the pinned address')
    })
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve))
    port = (local.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => local.close(() => resolve())))

  it('a name only our resolver knows reaches the address the resolver vetted', async () => {
    server.use(http.get(`http://pinned.test:${port}/`, () => passthrough()))
    const lookups: string[] = []
    const result = await safeFetch(`http://pinned.test:${port}/`, {
      allowHosts: ['pinned.test'],
      lookup: async (host) => {
        lookups.push(host)
        return [{ address: '127.0.0.1', family: 4 }]
      },
    })
    expect(result.body.toString()).toBe('served by the pinned address')
    // Asked once; the system resolver (which knows no pinned.test) was never consulted.
    expect(lookups).toEqual(['pinned.test'])
  })
})
