import { z } from 'zod'
import { getAllowedHosts } from '#app/models/fetch-policy.server.ts'
import { MAX_ATTEMPTS } from '#app/models/job.server.ts'
import { getMentionAlert, WEBHOOK_DELIVERY_JOB_KIND } from '#app/models/mention-alert.server.ts'
import { getWebhook, recordDelivery } from '#app/models/webhook.server.ts'
import { bodyText, describeFetchError, type Resolver, SafeFetchError, safeFetch } from '#app/utils/safe-fetch.server.ts'
import { botAccepted, webhookBody } from '#app/webhooks/formats.ts'
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
const PERMANENT = new Set(['badUrl', 'scheme', 'blockedAddress'])

class RefusedByReceiver extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

export interface WebhookDeliveryOptions {
  maxAttempts?: number
  timeoutMs?: number
  /** DNS resolver; tests inject one. */
  lookup?: Resolver
}

export function webhookDeliveryHandler({ maxAttempts = MAX_ATTEMPTS, timeoutMs = 10_000, lookup }: WebhookDeliveryOptions = {}): JobHandler {
  return async (db, job, _progress, signal) => {
    const payload = PayloadSchema.parse(job.payload)
    const webhook = await getWebhook(db, payload.webhookId)
    // Switched off or removed after the alert was queued: nothing to post.
    if (!webhook?.enabled) return { sent: false, skipped: 'disabled' }
    const alert = await getMentionAlert(db, payload.alertId)
    if (!alert) return { sent: false, skipped: 'alertGone' }
    const body = JSON.stringify(webhookBody(webhook.format, alert))
    const log = (outcome: 'sent' | 'failed' | 'gave_up', httpStatus?: number, error?: string) =>
      recordDelivery(db, { webhookId: webhook.id, alertId: alert.id, jobId: job.id, attempt: job.attempts, outcome, httpStatus, error })
    try {
      const res = await safeFetch(webhook.url, { method: 'POST', body, timeoutMs, maxBytes: 100_000, allowHosts: await getAllowedHosts(db), lookup, signal, maxRedirects: 0 })
      const verdict = botAccepted(webhook.format, bodyText(res))
      if (!verdict.ok) throw new RefusedByReceiver(verdict.error, res.status)
      await log('sent', res.status)
      return { sent: true, status: res.status }
    } catch (error) {
      if (signal.aborted && !(error instanceof SafeFetchError)) throw error // the runner is stopping: not an attempt
      const status = error instanceof SafeFetchError ? error.details.status : error instanceof RefusedByReceiver ? error.status : undefined
      // A fetch refusal is logged as a message key (shown in the reader's language); a bot's own refusal as it said it.
      const message = error instanceof SafeFetchError ? describeFetchError(error) : error instanceof Error ? error.message : String(error)
      if (error instanceof SafeFetchError && PERMANENT.has(error.reason)) {
        await log('gave_up', status, message)
        return { sent: false, error: message }
      }
      await log(job.attempts >= maxAttempts ? 'gave_up' : 'failed', status, message)
      throw new Error(message)
    }
  }
}
