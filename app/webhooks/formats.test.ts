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

// The exact markdown each bot receives. Neither WeCom's markdown nor DingTalk's knows
// backslash escapes, so "\(2026\-W49\)" used to show in the chat as typed.
describe('markdown for WeCom and DingTalk', () => {
  const week = { ...alert, week: '2026-W49', mentions: 37, trailingAvg: 4 }

  it('sends our own text as written, with no backslashes', () => {
    const wecom = webhookBody('wecom', week) as { markdown: { content: string } }
    expect(wecom.markdown.content).toBe(
      '### 提及激增 Mention jump: 美图 Meitu (2026-W49)\n\n' +
        '美图 在 2026-W49 被提及 37 次，过去 4 周平均每周 4.0 次。\n\n' +
        'Meitu was mentioned 37 times in 2026-W49, against 4.0 a week over the previous 4 weeks.',
    )
    const ding = webhookBody('dingtalk', week) as { markdown: { title: string; text: string } }
    expect(ding.markdown.text).toBe(wecom.markdown.content)
    expect(JSON.stringify([wecom, ding])).not.toContain('\\\\')
  })

  it('keeps a hostile name from becoming a link, a mention, bold text or a heading', () => {
    const hostile = { ...week, nameEn: '[Click](https://evil.example) **Big** <@all> `x`', nameZh: '# 标题' }
    const wecom = (webhookBody('wecom', hostile) as { markdown: { content: string } }).markdown.content
    expect(wecom).toContain('［Click］(https://evil.example) ＊＊Big＊＊ ＜@all＞ ｀x｀')
    expect(wecom.split('\n\n')[1]).toBe('＃ 标题 在 2026-W49 被提及 37 次，过去 4 周平均每周 4.0 次。')
    // DingTalk has no inline code, so a backtick stays; a list marker at a line start does not.
    const ding = (webhookBody('dingtalk', { ...hostile, nameZh: '- 1. 列表' }) as { markdown: { text: string } }).markdown.text
    expect(ding).toContain('［Click］(https://evil.example) ＊＊Big＊＊ ＜@all＞ `x`')
    expect(ding.split('\n\n')[1]).toBe('-\u00a01. 列表 在 2026-W49 被提及 37 次，过去 4 周平均每周 4.0 次。')
  })

  it('leaves ordinary punctuation in names alone', () => {
    const plain = { ...week, nameEn: 'C3.ai (Class A) - AT&T_1!', nameZh: '' }
    for (const format of ['wecom', 'dingtalk'] as const)
      expect(JSON.stringify(webhookBody(format, plain))).toContain('C3.ai (Class A) - AT&T_1! was mentioned')
  })
})
