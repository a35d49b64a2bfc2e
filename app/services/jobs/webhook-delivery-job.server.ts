import { z } from 'zod'

import { getMentionAlert, WEBHOOK_DELIVERY_JOB_KIND } from '#app/models/mentions/index.server.ts'
import { getWebhook, MAX_ATTEMPTS, recordDelivery } from '#app/models/ops/index.server.ts'
import { postToWebhook } from '#app/services/webhooks/post-webhook.server.ts'
import type { Resolver } from '#app/utils/safe-fetch.server.ts'
import { webhookBody } from '#app/webhooks/formats.ts'

import type { JobHandler } from './runner.server.ts'

// Posting one alert to one webhook, as a persisted job. Every attempt is logged in
// webhook_delivery. A failed attempt throws, and the job runner retries it with its
// back-off (retryDelaySeconds x attempt: 30 s, then 60 s) up to its maxAttempts (3); the
// last failure is logged as "gave_up". An address the fetch rules refuse (private network,
// bad scheme) is not retried: it will not get better by waiting.
//
// The URL goes through safeFetch like any other outside URL, so a webhook cannot be
// pointed at the server's own network unless an administrator allowed that host.

export { WEBHOOK_DELIVERY_JOB_KIND }

const PayloadSchema = z.object({ webhookId: z.number().int().positive(), alertId: z.number().int().positive() })

export interface WebhookDeliveryOptions {
  maxAttempts?: number
  timeoutMs?: number
  /** DNS resolver; tests inject one. */
  lookup?: Resolver
  /** The app's public address (PUBLIC_URL), for a link in the message. */
  publicUrl?: string
}

export function webhookDeliveryHandler({
  maxAttempts = MAX_ATTEMPTS,
  timeoutMs = 10_000,
  lookup,
  publicUrl,
}: WebhookDeliveryOptions = {}): JobHandler {
  return async (db, job, _progress, signal) => {
    const payload = PayloadSchema.parse(job.payload)
    const webhook = await getWebhook(db, payload.webhookId)
    // Switched off or removed after the alert was queued: nothing to post.
    if (!webhook?.enabled) return { sent: false, skipped: 'disabled' }
    const alert = await getMentionAlert(db, payload.alertId)
    if (!alert) return { sent: false, skipped: 'alertGone' }
    const log = (outcome: 'sent' | 'failed' | 'gave_up', httpStatus?: number, error?: string) =>
      recordDelivery(db, { webhookId: webhook.id, alertId: alert.id, jobId: job.id, attempt: job.attempts, outcome, httpStatus, error })
    const result = await postToWebhook(db, webhook, webhookBody(webhook.format, alert, { publicUrl }), { timeoutMs, lookup, signal })
    if (result.ok) {
      await log('sent', result.status)
      return { sent: true, status: result.status }
    }
    if (result.aborted) throw new Error(result.message) // the runner is stopping: not an attempt
    if (result.permanent) {
      await log('gave_up', result.status, result.message)
      return { sent: false, error: result.message }
    }
    await log(job.attempts >= maxAttempts ? 'gave_up' : 'failed', result.status, result.message)
    throw new Error(result.message)
  }
}
