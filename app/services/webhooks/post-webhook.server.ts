import type { Actor } from '#app/models/account/index.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { getAllowedHosts, getWebhook, recordAudit, recordDelivery } from '#app/models/ops/index.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { bodyText, describeFetchError, type Resolver, safeFetch, SafeFetchError } from '#app/utils/safe-fetch.server.ts'
import { botAccepted, testMessageBody } from '#app/webhooks/formats.ts'
import type { WebhookFormat } from '#db/types.ts'

// One POST of a message to a webhook, through the safe fetch (so a webhook cannot reach
// the server's own network unless an administrator allowed the host), with the bots'
// "HTTP 200 but refused" answers read as failures. Used by the alert delivery job and by
// the admin page's "send a test message".

export interface PostOptions {
  timeoutMs?: number
  lookup?: Resolver
  signal?: AbortSignal
}

export type PostOutcome =
  { ok: true; status: number } | { ok: false; status?: number; message: string; permanent: boolean; aborted: boolean }

// Refusals that waiting will not cure.
const PERMANENT = new Set(['badUrl', 'scheme', 'blockedAddress'])

export async function postToWebhook(
  db: DB,
  hook: { url: string; format: WebhookFormat },
  body: unknown,
  options: PostOptions = {},
): Promise<PostOutcome> {
  try {
    const res = await safeFetch(hook.url, {
      method: 'POST',
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs ?? 10_000,
      maxBytes: 100_000,
      allowHosts: await getAllowedHosts(db),
      lookup: options.lookup,
      signal: options.signal,
      maxRedirects: 0,
    })
    const verdict = botAccepted(hook.format, bodyText(res))
    if (!verdict.ok) return { ok: false, status: res.status, message: verdict.error, permanent: false, aborted: false }
    return { ok: true, status: res.status }
  } catch (error) {
    const aborted = Boolean(options.signal?.aborted) && !(error instanceof SafeFetchError)
    if (error instanceof SafeFetchError) {
      // A fetch refusal is kept as a message key, shown in the reader's language.
      return {
        ok: false,
        status: error.details.status,
        message: describeFetchError(error),
        permanent: PERMANENT.has(error.reason),
        aborted,
      }
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error), permanent: false, aborted }
  }
}

/** Posts a test message now, logs the attempt (no alert) and audits it. Null: no such webhook. */
export async function sendTestMessage(db: DB, actor: Actor, webhookId: number, options: PostOptions = {}): Promise<PostOutcome | null> {
  const hook = await getWebhook(db, webhookId)
  if (!hook) return null
  const outcome = await postToWebhook(db, hook, testMessageBody(hook.format), options)
  await inTransaction(db, async (tx) => {
    await recordDelivery(tx, {
      // A test is tried once: a failure is final, not "will retry".
      webhookId,
      alertId: null,
      jobId: null,
      attempt: 1,
      outcome: outcome.ok ? 'sent' : 'gave_up',
      httpStatus: outcome.status ?? null,
      error: outcome.ok ? null : outcome.message,
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'webhook.test',
      entityType: 'webhook',
      entityId: webhookId,
      newValue: { ok: outcome.ok, status: outcome.status ?? null },
      ip: actor.ip,
    })
  })
  return outcome
}
