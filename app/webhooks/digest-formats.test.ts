import { describe, expect, it } from 'vitest'

import { digestBody, type DigestItem } from './digest-formats.ts'

const item = (n: number): DigestItem => ({
  alertId: n,
  companyId: n,
  nameEn: `Company number ${n} with a long English name`,
  nameZh: `第${n}号公司`,
  week: '2026-W49',
  mentions: 40,
  raisedAt: 10,
})

describe('digest markdown length', () => {
  it('keeps a WeCom digest under its 4096-byte limit and counts the lines left out', () => {
    const items = Array.from({ length: 60 }, (_, i) => item(i + 1))
    const body = digestBody('wecom', { mode: 'daily', date: '2026-12-05' }, items) as { markdown: { content: string } }
    const content = body.markdown.content
    expect(new TextEncoder().encode(content).length).toBeLessThanOrEqual(4096)
    const shown = content.split('\n').filter((l) => l.startsWith('- ')).length
    expect(shown).toBeGreaterThan(5)
    expect(content.endsWith(`…… 另有 ${60 - shown} 条 and ${60 - shown} more`)).toBe(true)
  })

  it('lists everything when it fits', () => {
    const body = digestBody('dingtalk', { mode: 'weekly', date: '2026-12-07' }, [item(1), item(2)]) as { markdown: { text: string } }
    expect(body.markdown.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2)
    expect(body.markdown.text).not.toContain('more')
  })
})
