import { describe, expect, it } from 'vitest'

import { readEnv } from '#app/utils/env.server.ts'

import { webhookBody } from './formats.ts'

// With the app's public address, each alert links to the company's page; without it the
// message has no link (the exact bodies without one are pinned in tests/webhooks.test.ts).

const alert = { id: 7, companyId: 42, nameEn: 'Meitu', nameZh: '美图', week: '2026-W48', mentions: 12, trailingAvg: 2.5 }
const publicUrl = 'https://themeradar.example.com'
const link = 'https://themeradar.example.com/companies/42'

describe('alert messages with a link back to the app', () => {
  it('adds the company page to every format', () => {
    expect(webhookBody('generic', alert, { publicUrl })).toMatchObject({ url: link })
    expect(JSON.stringify(webhookBody('wecom', alert, { publicUrl }))).toContain(`[查看 Open in ThemeRadar](${link})`)
    expect(JSON.stringify(webhookBody('dingtalk', alert, { publicUrl }))).toContain(`(${link})`)
    const feishu = webhookBody('feishu', alert, { publicUrl }) as { content: { post: Record<string, { content: unknown[][] }> } }
    expect(feishu.content.post.en_us.content[1]).toEqual([{ tag: 'a', text: 'Open in ThemeRadar', href: link }])
    expect(feishu.content.post.zh_cn.content[1]).toEqual([{ tag: 'a', text: '在 ThemeRadar 中查看', href: link }])
  })

  it('has no link without a public address', () => {
    for (const format of ['generic', 'wecom', 'dingtalk', 'feishu'] as const)
      expect(JSON.stringify(webhookBody(format, alert))).not.toContain('/companies/')
  })

  it('reads PUBLIC_URL without a trailing slash and refuses one that is not http(s)', () => {
    expect(readEnv({ PUBLIC_URL: 'https://themeradar.example.com/' }).PUBLIC_URL).toBe(publicUrl)
    expect(readEnv({}).PUBLIC_URL).toBeUndefined()
    expect(() => readEnv({ PUBLIC_URL: 'themeradar.example.com' })).toThrow(/PUBLIC_URL must be an http\(s\) address/)
  })
})
