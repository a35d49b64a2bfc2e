import { describe, expect, it } from 'vitest'

import { diffText, tokenize } from './text-diff.ts'

const render = (parts: ReturnType<typeof diffText>) =>
  parts
    .map((p) => (p.kind === 'skip' ? `[…${p.lines}]` : p.kind === 'ins' ? `{+${p.text}+}` : p.kind === 'del' ? `[-${p.text}-]` : p.text))
    .join('')

describe('diffText', () => {
  it('marks changed English words, not whole lines', () => {
    expect(render(diffText('Video is early.', 'Video is maturing.'))).toBe('Video is [-early-]{+maturing+}.')
  })

  it('marks changed Chinese characters, not whole sentences', () => {
    expect(render(diffText('视频仍处早期。', '视频已进入突破期。'))).toBe('视频[-仍处早-]{+已进入突破+}期。')
  })

  it('tokenizes mixed text into words and single Chinese characters', () => {
    expect(tokenize('Sora 视频')).toEqual(['Sora', ' ', '视', '频'])
  })

  it('folds long unchanged stretches around a change', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}\n`)
    const after = [...lines]
    after[20] = 'line twenty\n'
    const parts = diffText(lines.join(''), after.join(''))
    expect(parts[0]).toEqual({ kind: 'skip', lines: 18 })
    expect(render(parts)).toContain('line [-20-]{+twenty+}')
    expect(parts.at(-1)).toEqual({ kind: 'skip', lines: 17 })
  })

  it('shows added and removed text whole', () => {
    expect(diffText('', 'New risk')).toEqual([{ kind: 'ins', text: 'New risk' }])
    expect(diffText('Old risk', '')).toEqual([{ kind: 'del', text: 'Old risk' }])
    expect(diffText('same', 'same')).toEqual([{ kind: 'same', text: 'same' }])
  })
})
