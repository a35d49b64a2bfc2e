import { describe, expect, it } from 'vitest'

import { blockedAddressKind, type BlockedKind, parseIPv6 } from './address-policy.server.ts'
import { SafeFetchError, vetHost } from './safe-fetch.server.ts'

// Every IPv6 form that carries an IPv4 address is judged by that IPv4 address, whichever
// way it is written (dotted or hex, compressed or expanded, upper case, leading zeros).

const hexPair = (v4: string) => {
  const [a, b, c, d] = v4.split('.').map(Number)
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)]
}

/** The ways to write an IPv6 address that embeds `v4`. */
function embeddings(v4: string): string[] {
  const [hi, lo] = hexPair(v4)
  return [
    // IPv4-mapped (RFC 4291)
    `::ffff:${v4}`,
    `::ffff:${hi}:${lo}`,
    `0:0:0:0:0:ffff:${hi}:${lo}`,
    `0000:0000:0000:0000:0000:FFFF:${v4}`,
    `::FFFF:${hi.toUpperCase()}:${lo.toUpperCase()}`,
    // IPv4-translated (RFC 6145)
    `::ffff:0:${v4}`,
    `::ffff:0:${hi}:${lo}`,
    `0:0:0:0:ffff:0:${hi}:${lo}`,
    `::ffff:0000:${hi.padStart(4, '0')}:${lo.padStart(4, '0')}`,
    `0:0:0:0:FFFF:0:${v4}`,
    // NAT64 well-known prefix (RFC 6052)
    `64:ff9b::${v4}`,
    `64:ff9b::${hi}:${lo}`,
    `0064:ff9b:0:0:0:0:${hi}:${lo}`,
    // 6to4 (RFC 3056): the IPv4 address is the site prefix, whatever follows
    `2002:${hi}:${lo}::`,
    `2002:${hi}:${lo}:1:2:3:4:5`,
    `2002:${hi}:${lo}::${v4}`,
  ]
}

const BLOCKED_V4: Array<[string, BlockedKind]> = [
  ['127.0.0.1', 'loopback'],
  ['10.1.2.3', 'private'],
  ['192.168.0.10', 'private'],
  ['169.254.169.254', 'linkLocal'],
  ['100.64.0.1', 'sharedAddress'],
  ['0.0.0.0', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['192.0.2.1', 'reserved'],
]

describe('IPv6 addresses that embed an IPv4 address', () => {
  it.each(BLOCKED_V4)('every form of %s is refused as %s', (v4, kind) => {
    const forms = embeddings(v4)
    for (const form of forms) expect.soft(blockedAddressKind(form), form).toBe(kind)
    // Brackets (as in a URL) and a zone id do not hide it either.
    expect(blockedAddressKind(`[${forms[5]}]`)).toBe(kind)
    expect(blockedAddressKind(`${forms[6]}%eth0`)).toBe(kind)
  })

  it('every form of a public IPv4 address is public', () => {
    for (const form of embeddings('8.8.8.8')) expect.soft(blockedAddressKind(form), form).toBeNull()
  })

  it('the dotted and hex forms parse to the same bytes', () => {
    for (const v4 of ['127.0.0.1', '8.8.8.8', '255.255.255.255']) {
      const [hi, lo] = hexPair(v4)
      expect(parseIPv6(`::ffff:0:${v4}`)).toEqual(parseIPv6(`::ffff:0:${hi}:${lo}`))
      expect(parseIPv6(`::ffff:0:${v4}`)!.slice(8)).toEqual([0xff, 0xff, 0, 0, ...v4.split('.').map(Number)])
    }
  })

  it.each([
    ['64:ff9b:1::a00:1', 'local-use NAT64 (RFC 8215)'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['::7f00:1', 'IPv4-compatible in hex'],
    ['::808:808', 'IPv4-compatible, even of a public address'],
  ])('%s (%s) is refused whole', (address) => {
    expect(blockedAddressKind(address)).toBe('reserved')
  })

  it('neighbours of the embedding ranges are judged as IPv6, not by a misread IPv4 address', () => {
    // Neither mapped nor translated, and outside 2000::/3: reserved, not 'loopback'.
    expect(blockedAddressKind('::ffff:1:7f00:1')).toBe('reserved')
    expect(blockedAddressKind('64:ff9c::7f00:1')).toBe('reserved')
    expect(blockedAddressKind('1:ffff:0:0:0:ffff:7f00:1')).toBe('reserved')
    // Public unicast next to 6to4 stays public.
    expect(blockedAddressKind('2003:7f00:1::')).toBeNull()
    expect(blockedAddressKind('2a00:1450:4001:81d::200e')).toBeNull()
  })

  it('anything outside 2000::/3 fails closed, documentation space included', () => {
    for (const address of ['4000::1', 'e000::1', '100::1:2', '3fff:0:1::1', '2001:db8::1']) {
      expect.soft(blockedAddressKind(address), address).toBe('reserved')
    }
  })

  it.each(['http://[::ffff:0:127.0.0.1]/', 'http://[::ffff:0:7f00:1]:8080/feed', 'http://[0:0:0:0:ffff:0:a9fe:a9fe]/latest/'])(
    'a URL naming %s is refused before any connection',
    async (url) => {
      const error = await vetHost(new URL(url)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SafeFetchError)
      expect((error as SafeFetchError).reason).toBe('blockedAddress')
    },
  )
})
