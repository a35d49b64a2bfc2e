import { describe, expect, it } from 'vitest'

import { contentHash, normaliseForHash } from './normalise-hash.ts'

describe('content hash', () => {
  it('ignores white space runs, full-width forms and surrounding space', () => {
    const a = contentHash('Tencent  and\n\nBaidu ')
    expect(contentHash('  Tencent and Baidu')).toBe(a)
    expect(contentHash('Ｔｅｎｃｅｎｔ\tand\u3000Baidu')).toBe(a)
    expect(contentHash('Tencent and Baidu!')).not.toBe(a)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keeps case: a different text is a different document', () => {
    expect(normaliseForHash('CICC')).not.toBe(normaliseForHash('cicc'))
  })
})
