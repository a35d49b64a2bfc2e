import { describe, expect, it } from 'vitest'

import { pairState } from './bilingual-text.tsx'

const day = (d: number) => `2026-12-0${d}T08:00:00.000Z`

describe('which language a reader is warned about', () => {
  it('says which one is missing', () => {
    expect(pairState({ en: 'Robots.', zh: ' ', enUpdatedAt: day(1), zhUpdatedAt: null })).toEqual({ kind: 'missing', missing: 'zh' })
    expect(pairState({ en: '', zh: '机器人。', enUpdatedAt: null, zhUpdatedAt: day(1) })).toEqual({ kind: 'missing', missing: 'en' })
    expect(pairState({ en: '', zh: '', enUpdatedAt: null, zhUpdatedAt: null })).toEqual({ kind: 'empty' })
  })

  it('says which one was saved before the other was last changed', () => {
    expect(pairState({ en: 'Robots.', zh: '机器人。', enUpdatedAt: day(3), zhUpdatedAt: day(1) })).toEqual({
      kind: 'older',
      older: 'zh',
      newerOn: new Date(day(3)),
    })
    expect(pairState({ en: 'Robots.', zh: '机器人。', enUpdatedAt: day(1), zhUpdatedAt: day(2) })).toMatchObject({ older: 'en' })
  })

  it('warns about nothing when both were saved together or before languages were tracked', () => {
    expect(pairState({ en: 'Robots.', zh: '机器人。', enUpdatedAt: day(1), zhUpdatedAt: day(1) })).toEqual({ kind: 'same' })
    expect(pairState({ en: 'Robots.', zh: '机器人。', enUpdatedAt: null, zhUpdatedAt: day(1) })).toEqual({ kind: 'same' })
  })
})
