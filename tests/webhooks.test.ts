import dns from 'node:dns'

import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { raiseMentionAlerts } from '#app/models/mentions/index.server.ts'
import { enqueueJob, getJob } from '#app/models/ops/index.server.ts'
import { createWebhook, listDeliveries, updateWebhook } from '#app/models/ops/index.server.ts'
import { currentTeamWeek } from '#app/models/scoring/index.server.ts'
import { startJobRunner } from '#app/services/jobs/runner.server.ts'
import { WEBHOOK_DELIVERY_JOB_KIND, webhookDeliveryHandler } from '#app/services/jobs/webhook-delivery-job.server.ts'
import { sendTestMessage } from '#app/services/webhooks/post-webhook.server.ts'
import type { Connection } from '#db/connection.ts'
import type { WebhookFormat } from '#db/types.ts'

import { createTestDatabase } from './db.ts'
import { createCompany, createUser } from './factories.ts'
import { HOOKS_HOST, hooksExampleHandlers, hooksLookup, received, resetHooks } from './msw/hooks-example.ts'

// Posting mention alerts to webhooks: the exact body of each bot format, retries with
// back-off through the job runner, the delivery log, and the fetch rules.

const server = setupServer(...hooksExampleHandlers)
let conn: Connection
let admin: { id: number }
let alertId: number
let companyId: number

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  conn = await createTestDatabase()
  admin = { id: (await createUser(conn.db, { role: 'admin' })).id }
  companyId = (await createCompany(conn.db, { nameEn: 'Meitu', nameZh: '美图', vendorType: 'application_company' })).id
  const alert = await conn.db
    .insertInto('mention_alert')
    .values({ company_id: companyId, iso_week: '2026-W48', mentions: 12, trailing_avg: 2.5 })
    .returning('id')
    .executeTakeFirstOrThrow()
  alertId = alert.id
})
afterAll(async () => {
  server.close()
  await conn?.close()
})
beforeEach(() => {
  resetHooks()
  vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) => hooksLookup(host)) as never)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  server.resetHandlers()
  vi.restoreAllMocks()
  // A webhook's deletion keeps its log unless asked not to: each test starts with neither.
  await conn.db.deleteFrom('webhook_delivery').execute()
  await conn.db.deleteFrom('webhook').execute()
})

/** Queues one delivery and runs the job runner (no back-off wait) until it settles. */
async function deliver(format: WebhookFormat, path: string) {
  const webhookId = await createWebhook(conn.db, admin, { name: `${format} hook`, url: `${HOOKS_HOST}${path}`, format, enabled: true })
  const jobId = await enqueueJob(conn.db, { kind: WEBHOOK_DELIVERY_JOB_KIND, payload: { webhookId, alertId } })
  const runner = startJobRunner(conn.db, {
    workerId: 'test',
    handlers: { [WEBHOOK_DELIVERY_JOB_KIND]: webhookDeliveryHandler({ lookup: hooksLookup, timeoutMs: 2_000 }) },
    pollMs: 10,
    retryDelaySeconds: 0,
  })
  const deadline = Date.now() + 15_000
  let job = await getJob(conn.db, jobId)
  while (job && !job.finished && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20))
    job = await getJob(conn.db, jobId)
  }
  await runner.stop()
  const log = (await listDeliveries(conn.db)).filter((d) => d.webhookName === `${format} hook`).reverse()
  return { job: job!, log: log.map((d) => ({ attempt: d.attempt, outcome: d.outcome, httpStatus: d.httpStatus })) }
}

const zh = '美图 在 2026-W48 被提及 12 次，过去 4 周平均每周 2.5 次。'
const en = 'Meitu was mentioned 12 times in 2026-W48, against 2.5 a week over the previous 4 weeks.'

describe('bot formats', () => {
  it('posts generic JSON', async () => {
    const { job, log } = await deliver('generic', '/generic')
    expect(job.status).toBe('done')
    expect(log).toEqual([{ attempt: 1, outcome: 'sent', httpStatus: 204 }])
    expect(received).toEqual([
      {
        path: '/generic',
        contentType: 'application/json; charset=utf-8',
        body: {
          event: 'mention.alert',
          alert: { id: alertId, week: '2026-W48', mentions: 12, trailingAvg: 2.5 },
          company: { id: companyId, nameEn: 'Meitu', nameZh: '美图' },
          text: { zh, en },
        },
      },
    ])
  })

  it('posts a WeCom (企业微信) markdown message', async () => {
    await deliver('wecom', '/cgi-bin/webhook/send?key=abc')
    expect(received[0]).toEqual({
      path: '/cgi-bin/webhook/send?key=abc',
      contentType: 'application/json; charset=utf-8',
      body: { msgtype: 'markdown', markdown: { content: `### 提及激增 Mention jump: 美图 Meitu (2026-W48)\n\n${zh}\n\n${en}` } },
    })
  })

  it('posts a DingTalk (钉钉) markdown message with a title', async () => {
    const { log } = await deliver('dingtalk', '/robot/send?access_token=t0k')
    expect(log).toEqual([{ attempt: 1, outcome: 'sent', httpStatus: 200 }])
    expect(received[0].body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '提及激增 Mention jump: 美图 Meitu (2026-W48)',
        text: `### 提及激增 Mention jump: 美图 Meitu (2026-W48)\n\n${zh}\n\n${en}`,
      },
    })
  })

  it('posts a Feishu (飞书) rich-text post in Chinese and English', async () => {
    await deliver('feishu', '/open-apis/bot/v2/hook/abc-123')
    expect(received[0].body).toEqual({
      msg_type: 'post',
      content: {
        post: {
          zh_cn: { title: '提及激增：美图（2026-W48）', content: [[{ tag: 'text', text: zh }]] },
          en_us: { title: 'Mention jump: Meitu (2026-W48)', content: [[{ tag: 'text', text: en }]] },
        },
      },
    })
  })
})

describe('retries and the delivery log', () => {
  it('retries after a 500 and logs both attempts', async () => {
    const { job, log } = await deliver('generic', '/flaky')
    expect(job.status).toBe('done')
    expect(log).toEqual([
      { attempt: 1, outcome: 'failed', httpStatus: 500 },
      { attempt: 2, outcome: 'sent', httpStatus: 200 },
    ])
    expect(received).toHaveLength(2)
  })

  it('gives up after three attempts', async () => {
    const { job, log } = await deliver('generic', '/down')
    expect(job.status).toBe('failed')
    expect(log.map((d) => d.outcome)).toEqual(['failed', 'failed', 'gave_up'])
    expect(received).toHaveLength(3)
  })

  it('counts a bot that answers 200 with an error code as a failure', async () => {
    const { job } = await deliver('dingtalk', '/robot/keyword')
    expect(job.status).toBe('failed')
    const [last] = await listDeliveries(conn.db, 1)
    expect(last).toMatchObject({ outcome: 'gave_up', httpStatus: 200, error: '310000 keywords not in content' })
  })

  it('refuses a webhook on a private address without retrying, and sends nothing', async () => {
    const webhookId = await createWebhook(conn.db, admin, {
      name: 'intranet',
      url: 'https://intranet-hooks.example.com/hook',
      format: 'generic',
      enabled: true,
    })
    const jobId = await enqueueJob(conn.db, { kind: WEBHOOK_DELIVERY_JOB_KIND, payload: { webhookId, alertId } })
    const runner = startJobRunner(conn.db, {
      workerId: 't',
      handlers: { [WEBHOOK_DELIVERY_JOB_KIND]: webhookDeliveryHandler({ lookup: hooksLookup }) },
      pollMs: 10,
    })
    const deadline = Date.now() + 10_000
    while (!(await getJob(conn.db, jobId))?.finished && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    await runner.stop()
    expect(await listDeliveries(conn.db, 1)).toMatchObject([
      {
        webhookName: 'intranet',
        attempt: 1,
        outcome: 'gave_up',
        error: 'feeds.fetch.blockedAddress?host=intranet-hooks.example.com&address=10.1.2.3',
      },
    ])
    expect(received).toEqual([])
  })
})

describe('queueing deliveries when an alert is raised', () => {
  it('queues one delivery per enabled webhook for this week, none for old weeks', async () => {
    const on = await createWebhook(conn.db, admin, { name: 'on', url: `${HOOKS_HOST}/generic`, format: 'generic', enabled: true })
    const off = await createWebhook(conn.db, admin, { name: 'off', url: `${HOOKS_HOST}/generic`, format: 'wecom', enabled: true })
    await updateWebhook(conn.db, admin, off, { name: 'off', url: `${HOOKS_HOST}/generic`, format: 'wecom', enabled: false })
    const week = await currentTeamWeek(conn.db)
    const { id: companyId } = await conn.db
      .insertInto('company')
      .values({ name_en: 'Zhihu', name_zh: '知乎', region: 'domestic', is_listed: true, vendor_type: 'platform' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const doc = await conn.db
      .insertInto('document')
      .values({ title: 'x', language: 'zh', content_hash: 'b'.repeat(64), body: '知乎'.repeat(6) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const watchlist = await conn.db.insertInto('watchlist').values({ name: 'w' }).returning('id').executeTakeFirstOrThrow()
    await conn.db.insertInto('watchlist_entry').values({ watchlist_id: watchlist.id, company_id: companyId }).execute()
    await conn.db
      .insertInto('mention')
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          document_id: doc.id,
          company_id: companyId,
          alias_text: '知乎',
          start_offset: i * 2,
          end_offset: i * 2 + 2,
          snippet: '知乎',
        })),
      )
      .execute()
    const raised = await raiseMentionAlerts(conn.db, [companyId], week)
    expect(raised).toMatchObject([{ companyId, week, mentions: 6, trailingAvg: 0 }])
    const jobs = await conn.db
      .selectFrom('job')
      .select('payload')
      .where('kind', '=', WEBHOOK_DELIVERY_JOB_KIND)
      .where('status', '=', 'queued')
      .execute()
    expect(jobs.map((j) => j.payload)).toEqual([{ webhookId: on, alertId: raised[0].id }])
    // Raised once: the same week again raises nothing.
    expect(await raiseMentionAlerts(conn.db, [companyId], week)).toEqual([])

    const audit = await conn.db
      .selectFrom('audit_log')
      .select('new_value')
      .where('action', '=', 'webhook.create')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.new_value).toEqual({
      name: 'off',
      url: 'https://hooks.example.com/…',
      format: 'wecom',
      enabled: true,
      delivery: 'immediate',
    })
  })
})

describe('sending a test message from the admin page', () => {
  it('posts a test message in the webhook format, logs it without an alert and audits it', async () => {
    const webhookId = await createWebhook(conn.db, admin, {
      name: 'team chat',
      url: `${HOOKS_HOST}/cgi-bin/webhook/send?key=abc`,
      format: 'wecom',
      enabled: true,
    })
    const outcome = await sendTestMessage(conn.db, admin, webhookId, { lookup: hooksLookup })
    expect(outcome).toEqual({ ok: true, status: 200 })
    expect(received).toHaveLength(1)
    expect(received[0].body).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('ThemeRadar test message') } })
    expect(await listDeliveries(conn.db, 1)).toMatchObject([
      { webhookName: 'team chat', attempt: 1, outcome: 'sent', httpStatus: 200, nameEn: null },
    ])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'webhook.test')
      .executeTakeFirstOrThrow()
    expect(audit.entity_id).toBe(String(webhookId))
  })

  it("reports the bot's refusal in its own words, and an unknown webhook as missing", async () => {
    const webhookId = await createWebhook(conn.db, admin, {
      name: 'keyword bot',
      url: `${HOOKS_HOST}/robot/keyword`,
      format: 'dingtalk',
      enabled: true,
    })
    const outcome = await sendTestMessage(conn.db, admin, webhookId, { lookup: hooksLookup })
    expect(outcome).toMatchObject({ ok: false, status: 200, message: '310000 keywords not in content' })
    expect(await listDeliveries(conn.db, 1)).toMatchObject([
      { webhookName: 'keyword bot', outcome: 'gave_up', error: '310000 keywords not in content' },
    ])
    expect(await sendTestMessage(conn.db, admin, 999_999, { lookup: hooksLookup })).toBeNull()
  })
})
