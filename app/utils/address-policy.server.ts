import { isIP } from 'node:net'

// Which IP addresses the app may connect to when it fetches a URL someone typed in.
// Only public unicast addresses: everything on this machine, on private networks, the
// cloud metadata endpoint (169.254.169.254, fd00:ec2::254) and reserved space is refused,
// including IPv4 addresses dressed up as IPv6: those are judged by the IPv4 address they
// carry (IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d from RFC 6145, NAT64
// 64:ff9b::/96, 6to4 2002::/16), in dotted or hex form. Other IPv6 ranges that lead to
// IPv4 (local-use NAT64, Teredo, the deprecated IPv4-compatible ::a.b.c.d) are refused whole.

export type BlockedKind = 'loopback' | 'private' | 'linkLocal' | 'sharedAddress' | 'unspecified' | 'multicast' | 'reserved'

interface Range {
  bytes: number[]
  prefix: number
  kind: BlockedKind | 'embedsV4'
  /** For embedsV4: where the IPv4 address sits in the 16 bytes. */
  v4At?: number
}

function v4Range(cidr: string, kind: BlockedKind): Range {
  const [ip, prefix] = cidr.split('/')
  return { bytes: parseIPv4(ip)!, prefix: Number(prefix), kind }
}

function v6Range(cidr: string, kind: Range['kind'], v4At?: number): Range {
  const [ip, prefix] = cidr.split('/')
  return { bytes: parseIPv6(ip)!, prefix: Number(prefix), kind, v4At }
}

const V4_BLOCKED: Range[] = [
  v4Range('0.0.0.0/8', 'unspecified'),
  v4Range('10.0.0.0/8', 'private'),
  v4Range('100.64.0.0/10', 'sharedAddress'),
  v4Range('127.0.0.0/8', 'loopback'),
  v4Range('169.254.0.0/16', 'linkLocal'),
  v4Range('172.16.0.0/12', 'private'),
  v4Range('192.0.0.0/24', 'reserved'),
  v4Range('192.0.2.0/24', 'reserved'),
  v4Range('192.88.99.0/24', 'reserved'),
  v4Range('192.168.0.0/16', 'private'),
  v4Range('198.18.0.0/15', 'reserved'),
  v4Range('198.51.100.0/24', 'reserved'),
  v4Range('203.0.113.0/24', 'reserved'),
  v4Range('224.0.0.0/4', 'multicast'),
  v4Range('240.0.0.0/4', 'reserved'),
]

// Order matters: the embedded-IPv4 ranges are checked before the broad ::/96 block.
// Whatever is left outside 2000::/3 (the only space handed out for public unicast) is
// refused as reserved, so a form not listed here fails closed.
const V6_BLOCKED: Range[] = [
  v6Range('::/128', 'unspecified'),
  v6Range('::1/128', 'loopback'),
  v6Range('::ffff:0:0/96', 'embedsV4', 12),
  v6Range('::ffff:0:0:0/96', 'embedsV4', 12),
  v6Range('64:ff9b::/96', 'embedsV4', 12),
  v6Range('2002::/16', 'embedsV4', 2),
  v6Range('::/96', 'reserved'),
  v6Range('64:ff9b:1::/48', 'reserved'),
  v6Range('100::/64', 'reserved'),
  v6Range('2001::/32', 'reserved'),
  v6Range('2001:db8::/32', 'reserved'),
  v6Range('3fff::/20', 'reserved'),
  v6Range('fc00::/7', 'private'),
  v6Range('fe80::/10', 'linkLocal'),
  v6Range('fec0::/10', 'private'),
  v6Range('ff00::/8', 'multicast'),
]

const V6_GLOBAL_UNICAST = v6Range('2000::/3', 'reserved')

export function parseIPv4(text: string): number[] | null {
  if (isIP(text) !== 4) return null
  return text.split('.').map(Number)
}

/** 16 bytes of an IPv6 address (zone id dropped, a dotted IPv4 tail allowed), or null. */
export function parseIPv6(text: string): number[] | null {
  const unbracketed = text.replace(/^\[|\]$/g, '')
  // Cut at the zone id by index: the text may come from outside, and a regex would rescan it.
  const zone = unbracketed.indexOf('%')
  const plain = zone === -1 ? unbracketed : unbracketed.slice(0, zone)
  if (isIP(plain) !== 6) return null
  let head = plain
  const tail: number[] = []
  const dotted = plain.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/)
  if (dotted) {
    const v4 = parseIPv4(dotted[2])
    if (!v4) return null
    head = dotted[1].endsWith('::') ? dotted[1] : dotted[1].slice(0, -1)
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3])
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined]
  const toGroups = (part: string | undefined) =>
    part
      ? part
          .split(':')
          .filter(Boolean)
          .map((g) => parseInt(g, 16))
      : []
  const leftGroups = toGroups(left)
  const rightGroups = [...toGroups(right), ...tail]
  const missing = 8 - leftGroups.length - rightGroups.length
  if (missing < 0 || (right === undefined && missing !== 0)) return null
  const groups = [...leftGroups, ...new Array(right === undefined ? 0 : missing).fill(0), ...rightGroups]
  return groups.flatMap((g) => [g >> 8, g & 0xff])
}

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.prefix
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false
  }
  return true
}

/**
 * Why the app must not connect to this address, or null when it is a public address.
 * Anything that does not parse as an IP address is refused as 'reserved'.
 */
export function blockedAddressKind(address: string): BlockedKind | null {
  const v4 = parseIPv4(address)
  if (v4) return (V4_BLOCKED.find((r) => inRange(v4, r))?.kind as BlockedKind | undefined) ?? null
  const v6 = parseIPv6(address)
  if (!v6) return 'reserved'
  for (const range of V6_BLOCKED) {
    if (!inRange(v6, range)) continue
    if (range.kind !== 'embedsV4') return range.kind
    const embedded = v6.slice(range.v4At!, range.v4At! + 4).join('.')
    return blockedAddressKind(embedded)
  }
  return inRange(v6, V6_GLOBAL_UNICAST) ? null : 'reserved'
}

/** Names that mean "this machine" without asking DNS (RFC 6761). */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}
