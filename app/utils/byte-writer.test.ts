import { describe, expect, it } from 'vitest'

import { ByteWriter } from './byte-writer.ts'

// The score CSV is written through this: a page larger than the buffer it started with
// must come out whole, and each take() only what was written since the last.
describe('ByteWriter', () => {
  it('grows past its first size and hands out each page as written', () => {
    const out = new ByteWriter(8)
    const name = Buffer.from('视频,Video,')
    for (let i = 0; i < 1000; i++) {
      out.bytes(name)
      out.text('🚀 "q"')
      out.ascii(44)
      out.twoDigits(i % 100)
    }
    const first = out.take().toString('utf8')
    expect(first).toBe(Array.from({ length: 1000 }, (_, i) => `视频,Video,🚀 "q",${String(i % 100).padStart(2, '0')}`).join(''))
    out.text('next')
    expect(out.take().toString('utf8')).toBe('next')
    expect(out.take().length).toBe(0)
  })
})
