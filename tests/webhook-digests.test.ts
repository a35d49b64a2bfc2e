import dns from 'node:dns'

import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { queueDueDigests, raiseMentionAlerts } from '#app/models/mentions/index.server.ts'
import { createWebhook, listDeliveries } from '#app/models/ops/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { WEBHOOK_DELIVERY_JOB_KIND, WEBHOOK_DIGEST_JOB_KIND } from '#app/schemas/job-kinds.ts'
import { startJobRunner } from '#app/services/jobs/runner.server.ts'
import { webhookDigestHandler } from '#app/services/jobs/webhook-digest-job.server.ts'
import type { Connection } from '#db/connection.ts'
import type { WebhookDelivery, WebhookFormat } from '#db/types.ts'

import { createTestDatabase } from './db.ts'
import { createCompany, createUser } from './factories.ts'
import { HOOKS_HOST, hooksExampleHandlers, hooksLookup, received, resetHooks } from './msw/hooks-example.ts'

// Daily and weekly webhook digests with a fixed clock (team zone Asia/Shanghai, UTC+8, so
// 08:00 team time is 00:00 UTC): nothing at once, one message at 08:00 (Monday for weekly)
// listing the alerts since the last digest, nothing when empty, once however many look.

const server = setupServer(...hooksExampleHandlers)
let conn: Connection
let admin: { id: number }
let meitu: number
let zhipu: number

const PATHS: Record<WebhookFormat, string> = {
  generic: '/generic',
  wecom: '/cgi-bin/webhook/send?key=abc',
  dingtalk: '/robot/send?access_token=t0k',
  feishu: '/open-apis/bot/v2/hook/abc-123',
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  conn = await createTestDatabase()
  admin = { id: (await createUser(conn.db, { role: 'admin' })).id }
  meitu = (await createCompany(conn.db, { nameEn: 'Meitu', nameZh: '美图', vendorType: 'application_company' })).id
  zhipu = (await createCompany(conn.db, { nameEn: 'Zhipu *AI*', nameZh: '智谱', vendorType: 'application_company' })).id
})
afterAll(async () => {
  server.close()
  await conn?.close()
})
beforeEach(() => {
  resetHooks()
  vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) => hooksLookup(host)) as never)
})
afterEach(async () => {
  server.resetHandlers()
  vi.restoreAllMocks()
  await conn.db.deleteFrom('webhook_delivery').execute()
  await conn.db.deleteFrom('webhook').execute()
  await conn.db.deleteFrom('mention_alert').execute()
  await conn.db.deleteFrom('mention_week').execute()
  await conn.db.deleteFrom('app_setting').where('key', '=', 'alerts.snoozed').execute()
})

async function hook(format: WebhookFormat, delivery: WebhookDelivery, since = '2026-12-03T00:00:00Z') {
  const id = await createWebhook(conn.db, admin, {
    name: `${format} ${delivery}`,
    url: `${HOOKS_HOST}${PATHS[format]}`,
    format,
    enabled: true,
    delivery,
  })
  // The mode's start, pinned: a digest covers no alert raised before it.
  await conn.db
    .updateTable('webhook')
    .set({ delivery_since: new Date(since) })
    .where('id', '=', id)
    .execute()
  return id
}

async function alert(companyId: number, raisedAt: string, mentionsThen: number, mentionsNow: number) {
  await conn.db
    .insertInto('mention_alert')
    .values({ company_id: companyId, iso_week: '2026-W49', mentions: mentionsThen, trailing_avg: 1, raised_at: new Date(raisedAt) })
    .execute()
  await conn.db
    .insertInto('mention_week')
    .values({ company_id: companyId, iso_week: '2026-W49', language: 'zh', mentions: mentionsNow, documents: 1 })
    .execute()
}

/** Runs queued digest jobs to the end with the clock at `now`. */
async function runDigests(now: string) {
  const runner = startJobRunner(conn.db, {
    workerId: 'test',
    handlers: {
      [WEBHOOK_DIGEST_JOB_KIND]: webhookDigestHandler({
        lookup: hooksLookup,
        timeoutMs: 2_000,
        publicUrl: 'https://radar.example.com',
        now: () => new Date(now),
      }),
    },
    pollMs: 10,
    retryDelaySeconds: 0,
  })
  const deadline = Date.now() + 15_000
  const open = () =>
    conn.db
      .selectFrom('job')
      .select('id')
      .where('kind', '=', WEBHOOK_DIGEST_JOB_KIND)
      .where('status', 'in', ['queued', 'running'])
      .execute()
  while ((await open()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  await runner.stop()
}

describe('daily digest', () => {
  it('collects two alerts into one post at 08:00 team time, and not before', async () => {
    await hook('generic', 'daily')
    await alert(meitu, '2026-12-04T02:00:00Z', 10, 37)
    await alert(zhipu, '2026-12-04T09:30:00Z', 6, 6)

    // 07:59 in Shanghai on 5 December: yesterday's digest (nothing then) at most.
    await queueDueDigests(conn.db, new Date('2026-12-04T23:59:00Z'))
    await runDigests('2026-12-04T23:59:00Z')
    expect(received).toEqual([])

    expect(await queueDueDigests(conn.db, new Date('2026-12-05T00:00:00Z'))).toBe(1)
    await runDigests('2026-12-05T00:00:00Z')
    expect(received).toHaveLength(1)
    expect(received[0].body).toEqual({
      event: 'mention.digest',
      digest: { mode: 'daily', date: '2026-12-05' },
      alerts: [
        {
          id: expect.any(Number),
          week: '2026-W49',
          mentions: 37,
          mentionsWhenRaised: 10,
          company: { id: meitu, nameEn: 'Meitu', nameZh: '美图' },
          text: { zh: '美图（2026-W49）：本周 37 次，预警时 10 次', en: 'Meitu (2026-W49): 37 mentions now, 10 when raised' },
          url: `https://radar.example.com/documents?company=${meitu}&week=2026-W49`,
        },
        {
          id: expect.any(Number),
          week: '2026-W49',
          mentions: 6,
          mentionsWhenRaised: 6,
          company: { id: zhipu, nameEn: 'Zhipu *AI*', nameZh: '智谱' },
          text: { zh: '智谱（2026-W49）：本周 6 次，预警时 6 次', en: 'Zhipu *AI* (2026-W49): 6 mentions now, 6 when raised' },
          url: `https://radar.example.com/documents?company=${zhipu}&week=2026-W49`,
        },
      ],
    })
    const log = (await listDeliveries(conn.db)).filter((d) => d.webhookName === 'generic daily')
    expect(log.map((d) => ({ outcome: d.outcome, digest: d.digest }))).toEqual([{ outcome: 'sent', digest: true }])

    // The next day: nothing new since this digest, so nothing is sent.
    await queueDueDigests(conn.db, new Date('2026-12-06T00:00:00Z'))
    await runDigests('2026-12-06T00:00:00Z')
    expect(received).toHaveLength(1)
  })

  it('leaves snoozed companies out', async () => {
    await hook('generic', 'daily')
    await alert(meitu, '2026-12-04T02:00:00Z', 10, 12)
    await alert(zhipu, '2026-12-04T03:00:00Z', 6, 6)
    await conn.db
      .insertInto('app_setting')
      .values({ key: 'alerts.snoozed', value: JSON.stringify({ [meitu]: '2026-12-10' }) })
      .execute()
    await queueDueDigests(conn.db, new Date('2026-12-05T00:00:00Z'))
    await runDigests('2026-12-05T00:00:00Z')
    expect((received[0].body as { alerts: { company: { id: number } }[] }).alerts.map((a) => a.company.id)).toEqual([zhipu])
  })

  it('queues a period once when two checks race', async () => {
    await hook('generic', 'daily')
    await alert(meitu, '2026-12-04T02:00:00Z', 10, 12)
    const now = new Date('2026-12-05T00:05:00Z')
    const counts = await Promise.all([queueDueDigests(conn.db, now), queueDueDigests(conn.db, now)])
    expect(counts[0] + counts[1]).toBe(1)
    await runDigests('2026-12-05T00:05:00Z')
    expect(received).toHaveLength(1)
  })
})

describe('weekly digest', () => {
  it('posts on Monday at 08:00 team time', async () => {
    await hook('generic', 'weekly')
    await alert(meitu, '2026-12-05T02:00:00Z', 10, 12)
    // Sunday 23:59 UTC is Monday 07:59 in Shanghai: not yet.
    expect(await queueDueDigests(conn.db, new Date('2026-12-06T23:59:00Z'))).toBe(0)
    expect(await queueDueDigests(conn.db, new Date('2026-12-07T00:00:00Z'))).toBe(1)
    await runDigests('2026-12-07T00:00:00Z')
    expect(received).toHaveLength(1)
    expect(received[0].body).toMatchObject({ digest: { mode: 'weekly', date: '2026-12-07' } })
  })
})

describe('chat formats', () => {
  it('posts the exact WeCom, DingTalk and Feishu bodies', async () => {
    for (const format of ['wecom', 'dingtalk', 'feishu'] as const) await hook(format, 'daily')
    await alert(meitu, '2026-12-04T02:00:00Z', 10, 37)
    await alert(zhipu, '2026-12-04T03:00:00Z', 6, 6)
    expect(await queueDueDigests(conn.db, new Date('2026-12-05T00:00:00Z'))).toBe(3)
    await runDigests('2026-12-05T00:00:00Z')
    const byPath = Object.fromEntries(received.map((r) => [r.path, r.body]))
    const m = `https://radar.example.com/documents?company=${meitu}&week=2026-W49`
    const z = `https://radar.example.com/documents?company=${zhipu}&week=2026-W49`
    const title = '提及预警日报 Daily mention alerts 2026-12-05: 2'
    const line1 = `- 美图 Meitu：美图（2026-W49）：本周 37 次，预警时 10 次; Meitu (2026-W49): 37 mentions now, 10 when raised [查看 Open](${m})`
    const line2 = (name: string) =>
      `- 智谱 ${name}：智谱（2026-W49）：本周 6 次，预警时 6 次; ${name} (2026-W49): 6 mentions now, 6 when raised [查看 Open](${z})`
    expect(byPath[PATHS.wecom]).toEqual({
      msgtype: 'markdown',
      markdown: { content: `### ${title}\n\n${line1}\n${line2('Zhipu ＊AI＊')}` },
    })
    expect(byPath[PATHS.dingtalk]).toEqual({
      msgtype: 'markdown',
      markdown: { title, text: `### ${title}\n\n${line1}\n${line2('Zhipu ＊AI＊')}` },
    })
    expect(byPath[PATHS.feishu]).toEqual({
      msg_type: 'post',
      content: {
        post: {
          zh_cn: {
            title: '提及预警日报 2026-12-05（2）',
            content: [
              [
                { tag: 'text', text: '美图（2026-W49）：本周 37 次，预警时 10 次' },
                { tag: 'a', text: ' 查看', href: m },
              ],
              [
                { tag: 'text', text: '智谱（2026-W49）：本周 6 次，预警时 6 次' },
                { tag: 'a', text: ' 查看', href: z },
              ],
            ],
          },
          en_us: {
            title: 'Daily mention alerts 2026-12-05 (2)',
            content: [
              [
                { tag: 'text', text: 'Meitu (2026-W49): 37 mentions now, 10 when raised' },
                { tag: 'a', text: ' Open', href: m },
              ],
              [
                { tag: 'text', text: 'Zhipu *AI* (2026-W49): 6 mentions now, 6 when raised' },
                { tag: 'a', text: ' Open', href: z },
              ],
            ],
          },
        },
      },
    })
  })
})

describe('immediate webhooks', () => {
  it('still get each alert at once; digest webhooks do not', async () => {
    const now = await hook('generic', 'immediate')
    await hook('wecom', 'daily')
    const week = await currentTeamWeek(conn.db)
    const doc = await conn.db
      .insertInto('document')
      .values({ title: 'x', language: 'zh', content_hash: 'd'.repeat(64), body: '美图'.repeat(6) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const watchlist = await conn.db.insertInto('watchlist').values({ name: 'digest w' }).returning('id').executeTakeFirstOrThrow()
    await conn.db.insertInto('watchlist_entry').values({ watchlist_id: watchlist.id, company_id: meitu }).execute()
    await conn.db
      .insertInto('mention')
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          document_id: doc.id,
          company_id: meitu,
          alias_text: '美图',
          start_offset: i * 2,
          end_offset: i * 2 + 2,
          snippet: '美图',
        })),
      )
      .execute()
    const raised = await raiseMentionAlerts(conn.db, [meitu], week)
    expect(raised).toHaveLength(1)
    const jobs = await conn.db
      .selectFrom('job')
      .select('payload')
      .where('kind', '=', WEBHOOK_DELIVERY_JOB_KIND)
      .where('status', '=', 'queued')
      .execute()
    expect(jobs.map((j) => j.payload)).toEqual([{ webhookId: now, alertId: raised[0].id }])
  })
})
