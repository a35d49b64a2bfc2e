import { describe, expect, it } from 'vitest'

import { conflictView, EditConflict, isStale, readableDiff } from './edit-conflict.ts'
import { diffText } from './text-diff.ts'

const render = (parts: ReturnType<typeof diffText>) =>
  parts.map((p) => (p.kind === 'skip' ? '…' : p.kind === 'ins' ? `{+${p.text}+}` : p.kind === 'del' ? `[-${p.text}-]` : p.text)).join('')

describe('readableDiff', () => {
  it('keeps a one-word change as it is', () => {
    expect(render(readableDiff(diffText('Video is early.', 'Video is maturing.')))).toBe('Video is [-early-]{+maturing+}.')
  })

  it('shows two different sentences as theirs, then yours, instead of confetti', () => {
    const parts = readableDiff(diffText('安娜：视频生成已进入突破期。', '林：文本数据将先于视频数据耗尽。'))
    expect(render(parts)).toBe('[-安娜：视频生成已进入突破期-]{+林：文本数据将先于视频数据耗尽+}。')
    expect(render(readableDiff(diffText('across modalities.', 'video leads.')))).toBe('[-across modalities-]{+video leads+}.')
  })
})

describe('EditConflict', () => {
  it('puts its message next to the first field that differs and shows only those fields', () => {
    const error = new EditConflict('meeting.notes.conflict', 3, { notesMd: 'a', actionsMd: 'same' }, { notesMd: 'b', actionsMd: 'same' })
    expect(error).toMatchObject({ status: 409, field: 'notesMd', version: 3 })
    expect(conflictView(error).fields.map((f) => f.name)).toEqual(['notesMd'])
  })

  it('is stale only from another version and with other text', () => {
    expect(isStale(undefined, 2, { a: 'x' }, { a: 'y' })).toBe(false)
    expect(isStale(2, 2, { a: 'x' }, { a: 'y' })).toBe(false)
    expect(isStale(1, 2, { a: 'x' }, { a: 'x' })).toBe(false)
    expect(isStale(1, 2, { a: 'x' }, { a: 'y' })).toBe(true)
  })
})
