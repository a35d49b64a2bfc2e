import { createInflateRaw } from 'node:zlib'

// How big a zip (an XLSX workbook) really is once inflated, found out before a library
// inflates it all in memory: a "zip bomb" of a few hundred KB can inflate to gigabytes.

function endOfCentralDirectory(view: DataView): number {
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i
  }
  return -1
}

/**
 * The total uncompressed size the zip's central directory declares, read before exceljs
 * inflates anything; null when there is no readable directory (not a zip, or truncated).
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = endOfCentralDirectory(view)
  if (end < 0) return null
  const entries = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null
    const size = view.getUint32(offset + 24, true)
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY // zip64: far beyond any list
    total += size
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return total
}

/** Inflates `data` (raw deflate) chunk by chunk, keeping nothing; stops once more than `max` bytes came out. */
async function inflatedBytes(data: Uint8Array, max: number): Promise<number> {
  const inflater = createInflateRaw()
  inflater.end(data)
  let total = 0
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > max) {
      inflater.destroy()
      break
    }
  }
  return total
}

/**
 * What the zip's entries really inflate to, counted while inflating, before exceljs sees the
 * file. The sizes the central directory declares are only a claim: a crafted file declares
 * small ones and inflates to gigabytes, and exceljs (JSZip) would inflate all of it in memory.
 * Every listed entry counts, so entries sharing one compressed stream count each time.
 * 'malformed' for a directory that points outside the file or a method exceljs cannot read.
 */
export async function checkZipInflatedSize(bytes: Uint8Array, max: number): Promise<'ok' | 'tooLarge' | 'malformed'> {
  const declared = zipUncompressedSize(bytes)
  if (declared === null) return 'malformed'
  if (declared > max) return 'tooLarge'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = endOfCentralDirectory(view)
  let offset = view.getUint32(end + 16, true)
  let total = 0
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const method = view.getUint16(offset + 10, true)
    const compressed = view.getUint32(offset + 20, true)
    const local = view.getUint32(offset + 42, true)
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
    if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) return 'malformed'
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (start + compressed > bytes.byteLength) return 'malformed'
    const data = bytes.subarray(start, start + compressed)
    if (method === 0) total += compressed
    else if (method === 8) {
      try {
        total += await inflatedBytes(data, max - total)
      } catch {
        return 'malformed'
      }
    } else return 'malformed'
    if (total > max) return 'tooLarge'
  }
  return 'ok'
}
