import { z } from 'zod'

import { getDigest } from '#app/models/mentions/index.server.ts'
import { getWebhook, MAX_ATTEMPTS, recordDelivery } from '#app/models/ops/index.server.ts'
import { WEBHOOK_DIGEST_JOB_KIND } from '#app/schemas/job-kinds.ts'
import { postToWebhook } from '#app/services/webhooks/post-webhook.server.ts'
import { digestBody } from '#app/webhooks/digest-formats.ts'

import type { JobHandler } from './runner.server.ts'
import type { WebhookDeliveryOptions } from './webhook-delivery-job.server.ts'

// Posting one daily or weekly digest to one webhook, as a persisted job queued by the
// "digests due?" check (queueDueDigests). Retries, back-off and the delivery log work as
// for a single alert (webhook-delivery-job.server.ts); an empty digest posts nothing.

export { WEBHOOK_DIGEST_JOB_KIND }

const PayloadSchema = z.object({ webhookId: z.number().int().positive(), period: z.string().min(1).max(40) })

export function webhookDigestHandler({
  maxAttempts = MAX_ATTEMPTS,
  timeoutMs = 10_000,
  lookup,
  publicUrl,
  now = () => new Date(),
}: WebhookDeliveryOptions & { now?: () => Date } = {}): JobHandler {
  return async (db, job, _progress, signal) => {
    const payload = PayloadSchema.parse(job.payload)
    const webhook = await getWebhook(db, payload.webhookId)
    if (!webhook?.enabled) return { sent: false, skipped: 'disabled' }
    const digest = await getDigest(db, webhook.id, payload.period, now())
    if (!digest) return { sent: false, skipped: 'digestGone' }
    if (!digest.items.length) return { sent: false, skipped: 'empty' }
    const log = (outcome: 'sent' | 'failed' | 'gave_up', httpStatus?: number, error?: string) =>
      recordDelivery(db, { webhookId: webhook.id, alertId: null, jobId: job.id, attempt: job.attempts, outcome, httpStatus, error })
    const body = digestBody(webhook.format, digest.info, digest.items, { publicUrl })
    const result = await postToWebhook(db, webhook, body, { timeoutMs, lookup, signal })
    if (result.ok) {
      await log('sent', result.status)
      return { sent: true, status: result.status, alerts: digest.items.length }
    }
    if (result.aborted) throw new Error(result.message)
    if (result.permanent) {
      await log('gave_up', result.status, result.message)
      return { sent: false, error: result.message }
    }
    await log(job.attempts >= maxAttempts ? 'gave_up' : 'failed', result.status, result.message)
    throw new Error(result.message)
  }
}
