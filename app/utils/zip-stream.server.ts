import { Readable } from 'node:stream'
import { constants, crc32, createDeflateRaw } from 'node:zlib'

// A zip written as it goes, for XLSX downloads: each entry's bytes are deflated while they
// are produced and its CRC and sizes follow it in a data descriptor, so nothing but the
// central directory (a few dozen bytes per entry) is held until the end. Plain zip, no
// zip64: an entry over 4 GB is refused (five years of scores is about 100 MB of XML).

export interface ZipEntry {
  name: string
  /** The entry's content, in chunks; strings are written as UTF-8. */
  data: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>
}

const MAX_32 = 0xffffffff
const FLAG_DATA_DESCRIPTOR = 1 << 3
const FLAG_UTF8_NAME = 1 << 11
const METHOD_DEFLATE = 8

interface Written {
  name: Buffer
  crc: number
  compressed: number
  size: number
  offset: number
}

/** MS-DOS date and time fields, in UTC (zip has no time zone). */
function dosDateTime(at: Date): { time: number; date: number } {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1)
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate()
  return { time, date }
}

function localHeader(name: Buffer, stamp: { time: number; date: number }): Buffer {
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
  header.writeUInt16LE(FLAG_DATA_DESCRIPTOR | FLAG_UTF8_NAME, 6)
  header.writeUInt16LE(METHOD_DEFLATE, 8)
  header.writeUInt16LE(stamp.time, 10)
  header.writeUInt16LE(stamp.date, 12)
  // CRC and sizes are 0 here and come in the data descriptor after the data.
  header.writeUInt16LE(name.length, 26)
  return Buffer.concat([header, name])
}

function dataDescriptor(entry: Written): Buffer {
  const descriptor = Buffer.alloc(16)
  descriptor.writeUInt32LE(0x08074b50, 0)
  descriptor.writeUInt32LE(entry.crc, 4)
  descriptor.writeUInt32LE(entry.compressed, 8)
  descriptor.writeUInt32LE(entry.size, 12)
  return descriptor
}

function centralDirectory(entries: Written[], offset: number, stamp: { time: number; date: number }): Buffer {
  const records = entries.map((entry) => {
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(20, 4) // made by: 2.0
    record.writeUInt16LE(20, 6)
    record.writeUInt16LE(FLAG_DATA_DESCRIPTOR | FLAG_UTF8_NAME, 8)
    record.writeUInt16LE(METHOD_DEFLATE, 10)
    record.writeUInt16LE(stamp.time, 12)
    record.writeUInt16LE(stamp.date, 14)
    record.writeUInt32LE(entry.crc, 16)
    record.writeUInt32LE(entry.compressed, 20)
    record.writeUInt32LE(entry.size, 24)
    record.writeUInt16LE(entry.name.length, 28)
    record.writeUInt32LE(entry.offset, 42)
    return Buffer.concat([record, entry.name])
  })
  const size = records.reduce((sum, r) => sum + r.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...records, end])
}

/**
 * The zip's bytes, entry after entry, pulled as the reader wants them. `level` is zlib's:
 * 1 (the default here) is several times faster than 6 and, on spreadsheet XML, nearly as small.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, level = 1): AsyncGenerator<Uint8Array> {
  const stamp = dosDateTime(new Date())
  const written: Written[] = []
  let offset = 0
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const header = localHeader(name, stamp)
    const current: Written = { name, crc: 0, compressed: 0, size: 0, offset }
    yield header
    offset += header.length
    // The CRC and size are of the bytes going into the compressor, counted as they pass.
    async function* counted() {
      for await (const chunk of entry.data) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
        if (bytes.length === 0) continue
        current.crc = crc32(bytes, current.crc)
        current.size += bytes.length
        yield bytes
      }
    }
    const deflate = createDeflateRaw({ level, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY, chunkSize: 256 * 1024 })
    const source = Readable.from(counted(), { objectMode: false })
    source.on('error', (error) => deflate.destroy(error))
    source.pipe(deflate)
    for await (const chunk of deflate as AsyncIterable<Buffer>) {
      current.compressed += chunk.length
      yield chunk
    }
    if (current.size > MAX_32 || current.compressed > MAX_32 || offset + current.compressed > MAX_32)
      throw new Error(`zip entry ${entry.name} is over 4 GB`)
    const descriptor = dataDescriptor(current)
    yield descriptor
    offset += current.compressed + descriptor.length
    written.push(current)
  }
  yield centralDirectory(written, offset, stamp)
}
