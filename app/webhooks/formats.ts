import type { WebhookFormat } from '#db/types.ts'

// The body each kind of webhook receives for a mention alert. Pure functions, no I/O, so
// tests can pin every byte. Chat bots get one bilingual message (the team reads both).
// Company names come from users, so a name must not turn into a link, a heading or a
// mention. Neither bot's markdown knows backslash escapes (they show literally), so only
// the characters each one documents as markup are swapped for their full-width twins,
// and only in names: our own text, such as "(2026-W48)", goes out as written.
//
// - generic: our own JSON, for scripts and integrations.
// - wecom (企业微信 group bot): {"msgtype":"markdown","markdown":{"content":...}}
// - dingtalk (钉钉 custom bot): {"msgtype":"markdown","markdown":{"title":...,"text":...}}
// - feishu (飞书 custom bot): a rich-text "post" with zh_cn and en_us versions.

export const WEBHOOK_FORMATS = ['generic', 'wecom', 'dingtalk', 'feishu'] as const satisfies readonly WebhookFormat[]

/** A raised alert with its company's names (also what the dashboard lists). */
export interface AlertMessage {
  id: number
  companyId: number
  nameEn: string
  nameZh: string
  week: string
  mentions: number
  trailingAvg: number
}

// The markup each bot documents. WeCom (markdown, not markdown_v2): # headings, *italic*,
// **bold**, [link](url), `code`, > quotes, <font color> and <@userid>. DingTalk: # headings,
// > quotes, *italic*, **bold**, [link](url), ![image](url), - and 1. lists, <font>.
const FULL_WIDTH: Record<string, string> = { '*': '＊', '`': '｀', '[': '［', ']': '］', '<': '＜', '>': '＞', '#': '＃' }
const INLINE: Record<'wecom' | 'dingtalk', RegExp> = { wecom: /[*`[\]<>]/g, dingtalk: /[*[\]<>]/g }
// A name can start a line (the Chinese sentence does): block markers there as well. A
// no-break space after "-" or "1." keeps the text but is not the space a list needs.
const LINE_START: Record<'wecom' | 'dingtalk', RegExp> = { wecom: /^(\s*)(#)/, dingtalk: /^(\s*)(#|[-+] |\d+\. )/ }

/** A user-typed name made inert for one bot's markdown, readable as typed. */
export function inertName(format: 'wecom' | 'dingtalk', text: string): string {
  const inline = text.replace(INLINE[format], (c) => FULL_WIDTH[c])
  return inline.replace(LINE_START[format], (_, space: string, marker: string) =>
    marker === '#' ? `${space}＃` : `${space}${marker.trimEnd()}\u00a0`,
  )
}

const avg = (n: number) => n.toFixed(1)
const zhName = (m: AlertMessage) => m.nameZh || m.nameEn
const bothNames = (m: AlertMessage) => (m.nameZh && m.nameZh !== m.nameEn ? `${m.nameZh} ${m.nameEn}` : m.nameEn)

export function alertTitle(m: AlertMessage): string {
  return `提及激增 Mention jump: ${bothNames(m)} (${m.week})`
}

function zhLine(m: AlertMessage): string {
  return `${zhName(m)} 在 ${m.week} 被提及 ${m.mentions} 次，过去 4 周平均每周 ${avg(m.trailingAvg)} 次。`
}

function enLine(m: AlertMessage): string {
  return `${m.nameEn} was mentioned ${m.mentions} times in ${m.week}, against ${avg(m.trailingAvg)} a week over the previous 4 weeks.`
}

function markdown(format: 'wecom' | 'dingtalk', m: AlertMessage, link?: string): string {
  const safe = { ...m, nameEn: inertName(format, m.nameEn), nameZh: inertName(format, m.nameZh) }
  const open = link ? `\n\n[查看 Open in ThemeRadar](${link})` : ''
  return `### ${alertTitle(safe)}\n\n${zhLine(safe)}\n\n${enLine(safe)}${open}`
}

/**
 * The alert's message. With the app's public address (PUBLIC_URL), it links to the
 * company's page, where the weekly chart and the snippets are.
 */
export function webhookBody(format: WebhookFormat, m: AlertMessage, options: { publicUrl?: string } = {}): unknown {
  const link = options.publicUrl ? `${options.publicUrl}/companies/${m.companyId}` : undefined
  switch (format) {
    case 'generic':
      return {
        event: 'mention.alert',
        alert: { id: m.id, week: m.week, mentions: m.mentions, trailingAvg: m.trailingAvg },
        company: { id: m.companyId, nameEn: m.nameEn, nameZh: m.nameZh },
        text: { zh: zhLine(m), en: enLine(m) },
        ...(link ? { url: link } : {}),
      }
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: markdown('wecom', m, link) } }
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: alertTitle(m), text: markdown('dingtalk', m, link) } }
    case 'feishu': {
      const open = (text: string) => (link ? [[{ tag: 'a', text, href: link }]] : [])
      return {
        msg_type: 'post',
        content: {
          post: {
            zh_cn: {
              title: `提及激增：${zhName(m)}（${m.week}）`,
              content: [[{ tag: 'text', text: zhLine(m) }], ...open('在 ThemeRadar 中查看')],
            },
            en_us: {
              title: `Mention jump: ${m.nameEn} (${m.week})`,
              content: [[{ tag: 'text', text: enLine(m) }], ...open('Open in ThemeRadar')],
            },
          },
        },
      }
    }
  }
}

const TEST_ZH = 'ThemeRadar 测试消息：这个 Webhook 已接通，提及预警会发到这里。'
const TEST_EN = 'ThemeRadar test message: this webhook works; mention alerts will be posted here.'

/** What "send a test message" posts: the same envelope as an alert, in each format. */
export function testMessageBody(format: WebhookFormat): unknown {
  switch (format) {
    case 'generic':
      return { event: 'test', text: { zh: TEST_ZH, en: TEST_EN } }
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: `${TEST_ZH}\n\n${TEST_EN}` } }
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: 'ThemeRadar test', text: `${TEST_ZH}\n\n${TEST_EN}` } }
    case 'feishu':
      return { msg_type: 'text', content: { text: `${TEST_ZH}\n${TEST_EN}` } }
  }
}

/**
 * Whether the receiver accepted the message. The bots answer HTTP 200 even when they
 * refuse one (bad key, keyword filter, rate limit) and say so in the body: WeCom and
 * DingTalk with errcode, Feishu with code (StatusCode in older versions).
 */
export function botAccepted(format: WebhookFormat, responseText: string): { ok: true } | { ok: false; error: string } {
  if (format === 'generic') return { ok: true }
  let reply: Record<string, unknown>
  try {
    reply = JSON.parse(responseText) as Record<string, unknown>
  } catch {
    return { ok: false, error: `unreadable reply: ${responseText.slice(0, 200)}` }
  }
  const code = format === 'feishu' ? (reply.code ?? reply.StatusCode) : reply.errcode
  if (code === 0 || code === '0') return { ok: true }
  const message = format === 'feishu' ? (reply.msg ?? reply.StatusMessage) : reply.errmsg
  return { ok: false, error: `${String(code)} ${String(message ?? '')}`.trim().slice(0, 500) }
}
