import type { WebhookFormat } from '#db/types.ts'

import { inertName } from './formats.ts'

// The body of a daily or weekly digest: one message listing the alerts raised since the
// last one, with each company's count for its week as it stands now (and the count the
// alert was raised at) and a link to the documents behind it. Same envelopes and the
// same escaping rules as a single alert (formats.ts).

export interface DigestItem {
  alertId: number
  companyId: number
  nameEn: string
  nameZh: string
  week: string
  /** The week's mentions now. */
  mentions: number
  /** The mentions when the alert was raised. */
  raisedAt: number
}

export interface DigestInfo {
  mode: 'daily' | 'weekly'
  /** The digest's day in team time ('2026-12-05'; the Monday for a weekly one). */
  date: string
}

const zhName = (i: DigestItem) => i.nameZh || i.nameEn
const bothNames = (i: DigestItem) => (i.nameZh && i.nameZh !== i.nameEn ? `${i.nameZh} ${i.nameEn}` : i.nameEn)

export function digestTitle(d: DigestInfo, count: number): string {
  return d.mode === 'daily'
    ? `提及预警日报 Daily mention alerts ${d.date}: ${count}`
    : `提及预警周报 Weekly mention alerts from ${d.date}: ${count}`
}

const zhLine = (i: DigestItem) => `${zhName(i)}（${i.week}）：本周 ${i.mentions} 次，预警时 ${i.raisedAt} 次`
const enLine = (i: DigestItem) => `${i.nameEn} (${i.week}): ${i.mentions} mentions now, ${i.raisedAt} when raised`

function markdown(format: 'wecom' | 'dingtalk', d: DigestInfo, items: DigestItem[], link: (i: DigestItem) => string | undefined) {
  const lines = items.map((raw) => {
    const i = { ...raw, nameEn: inertName(format, raw.nameEn), nameZh: inertName(format, raw.nameZh) }
    const url = link(raw)
    return `- ${bothNames(i)}：${zhLine(i)}; ${enLine(i)}${url ? ` [查看 Open](${url})` : ''}`
  })
  const head = `### ${digestTitle(d, items.length)}\n\n`
  // WeCom refuses markdown content over 4096 bytes (DingTalk allows 20000): lines that do
  // not fit are counted at the end, and the generic JSON or the app lists them all.
  const limit = MARKDOWN_BYTES[format]
  const kept: string[] = []
  for (const [n, line] of lines.entries()) {
    const rest = items.length - n - 1
    const tail = rest ? `\n${moreLine(rest)}` : ''
    if (utf8Bytes(head + [...kept, line].join('\n') + tail) > limit) break
    kept.push(line)
  }
  const more = items.length - kept.length
  return `${head}${[...kept, ...(more ? [moreLine(more)] : [])].join('\n')}`
}

const MARKDOWN_BYTES: Record<'wecom' | 'dingtalk', number> = { wecom: 4096, dingtalk: 20_000 }
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length
const moreLine = (n: number) => `…… 另有 ${n} 条 and ${n} more`

/** The digest's message in a webhook's format. With PUBLIC_URL, each line links to its documents. */
export function digestBody(format: WebhookFormat, d: DigestInfo, items: DigestItem[], options: { publicUrl?: string } = {}): unknown {
  const link = (i: DigestItem) => (options.publicUrl ? `${options.publicUrl}/documents?company=${i.companyId}&week=${i.week}` : undefined)
  switch (format) {
    case 'generic':
      return {
        event: 'mention.digest',
        digest: d,
        alerts: items.map((i) => ({
          id: i.alertId,
          week: i.week,
          mentions: i.mentions,
          mentionsWhenRaised: i.raisedAt,
          company: { id: i.companyId, nameEn: i.nameEn, nameZh: i.nameZh },
          text: { zh: zhLine(i), en: enLine(i) },
          ...(link(i) ? { url: link(i) } : {}),
        })),
      }
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: markdown('wecom', d, items, link) } }
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: digestTitle(d, items.length), text: markdown('dingtalk', d, items, link) } }
    case 'feishu': {
      const lines = (text: (i: DigestItem) => string, open: string) =>
        items.map((i) => {
          const url = link(i)
          return [{ tag: 'text', text: text(i) }, ...(url ? [{ tag: 'a', text: open, href: url }] : [])]
        })
      const zhTitle = d.mode === 'daily' ? `提及预警日报 ${d.date}（${items.length}）` : `提及预警周报 ${d.date} 起（${items.length}）`
      const enTitle =
        d.mode === 'daily' ? `Daily mention alerts ${d.date} (${items.length})` : `Weekly mention alerts from ${d.date} (${items.length})`
      return {
        msg_type: 'post',
        content: {
          post: {
            zh_cn: { title: zhTitle, content: lines(zhLine, ' 查看') },
            en_us: { title: enTitle, content: lines(enLine, ' Open') },
          },
        },
      }
    }
  }
}
