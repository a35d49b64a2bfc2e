import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { WEBHOOK_DIGEST_JOB_KIND } from '#app/schemas/job-kinds.ts'
import type { WebhookDelivery, WebhookFormat, WebhookOutcome } from '#db/types.ts'

import { recordAudit } from './audit.server.ts'

// Webhooks that mention alerts are posted to, and the log of every attempt. Only
// administrators manage them (the routes check the role). A bot's URL carries its key,
// so the audit log keeps the URL with its query and path masked.

export interface WebhookInput {
  name: string
  url: string
  format: WebhookFormat
  enabled: boolean
  /** At once (the default), or in a daily or weekly digest. */
  delivery?: WebhookDelivery
}

/** "https://qyapi.weixin.qq.com/…" : enough to recognise the hook, not enough to use it. */
export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname.length > 1 || u.search ? '/…' : '/'}`
  } catch {
    return '…'
  }
}

const audited = (w: WebhookInput) => ({
  name: w.name,
  url: maskWebhookUrl(w.url),
  format: w.format,
  enabled: w.enabled,
  delivery: w.delivery ?? 'immediate',
})

export async function listWebhooks(db: DB) {
  return db
    .selectFrom('webhook')
    .select(['id', 'name', 'url', 'format', 'enabled', 'delivery', 'created_at as createdAt', 'updated_at as updatedAt'])
    .orderBy('id')
    .execute()
}

export async function createWebhook(db: DB, actor: Actor, input: WebhookInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('webhook')
      .values({
        name: input.name,
        url: input.url,
        format: input.format,
        enabled: input.enabled,
        delivery: input.delivery ?? 'immediate',
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row.id,
      newValue: audited(input),
      ip: actor.ip,
    })
    return row.id
  })
}

/** False when the webhook does not exist. */
export async function updateWebhook(db: DB, actor: Actor, id: number, input: WebhookInput): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const old = await tx
      .selectFrom('webhook')
      .select(['name', 'url', 'format', 'enabled', 'delivery'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!old) return false
    const delivery = input.delivery ?? old.delivery
    await tx
      .updateTable('webhook')
      .set({
        name: input.name,
        url: input.url,
        format: input.format,
        enabled: input.enabled,
        delivery,
        // A digest covers alerts from the mode change on: earlier ones went out under the old mode.
        ...(delivery !== old.delivery ? { delivery_since: new Date() } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: id,
      oldValue: audited(old),
      newValue: audited({ ...input, delivery }),
      ip: actor.ip,
    })
    return true
  })
}

/**
 * Deletes a webhook; its delivery log goes with it or stays, under the webhook's name.
 * Deliveries still queued find no webhook and end without posting. False: no such webhook.
 */
export async function deleteWebhook(db: DB, actor: Actor, id: number, options: { keepLog: boolean }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const old = await tx
      .selectFrom('webhook')
      .select(['name', 'url', 'format', 'enabled'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!old) return false
    const removed = options.keepLog
      ? 0
      : Number((await tx.deleteFrom('webhook_delivery').where('webhook_id', '=', id).executeTakeFirst()).numDeletedRows)
    await tx.deleteFrom('webhook').where('id', '=', id).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'webhook.delete',
      entityType: 'webhook',
      entityId: id,
      oldValue: audited(old),
      newValue: { keepLog: options.keepLog, deliveriesRemoved: removed },
      ip: actor.ip,
    })
    return true
  })
}

export async function getWebhook(db: DB, id: number) {
  return db.selectFrom('webhook').select(['id', 'name', 'url', 'format', 'enabled', 'delivery']).where('id', '=', id).executeTakeFirst()
}

export interface DeliveryAttempt {
  webhookId: number
  alertId: number | null
  jobId: number | null
  attempt: number
  outcome: WebhookOutcome
  httpStatus?: number | null
  error?: string | null
}

export async function recordDelivery(db: DB, attempt: DeliveryAttempt): Promise<void> {
  await db
    .insertInto('webhook_delivery')
    .values({
      webhook_id: attempt.webhookId,
      webhook_name: db.selectFrom('webhook').select('name').where('id', '=', attempt.webhookId),
      alert_id: attempt.alertId,
      job_id: attempt.jobId,
      attempt: attempt.attempt,
      outcome: attempt.outcome,
      http_status: attempt.httpStatus ?? null,
      error: attempt.error ? attempt.error.slice(0, 2000) : null,
    })
    .execute()
}

/** The newest attempts across all webhooks, with what they were about. */
export async function listDeliveries(db: DB, limit = 50) {
  return db
    .selectFrom('webhook_delivery')
    .leftJoin('webhook', 'webhook.id', 'webhook_delivery.webhook_id')
    .leftJoin('mention_alert', 'mention_alert.id', 'webhook_delivery.alert_id')
    .leftJoin('company', 'company.id', 'mention_alert.company_id')
    .leftJoin('job', 'job.id', 'webhook_delivery.job_id')
    .select([
      'webhook_delivery.id',
      (eb) => eb.fn.coalesce('webhook.name', 'webhook_delivery.webhook_name', eb.val('')).as('webhookName'),
      (eb) => eb('webhook_delivery.webhook_id', 'is', null).as('webhookDeleted'),
      'webhook_delivery.attempt',
      'webhook_delivery.outcome',
      'webhook_delivery.http_status as httpStatus',
      'webhook_delivery.error',
      'webhook_delivery.attempted_at as attemptedAt',
      'mention_alert.iso_week as week',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      // A digest's attempt names no alert: its job's kind says what it was.
      (eb) => eb('job.kind', '=', WEBHOOK_DIGEST_JOB_KIND).as('digest'),
    ])
    .orderBy('webhook_delivery.id', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, id: Number(r.id) })))
}
