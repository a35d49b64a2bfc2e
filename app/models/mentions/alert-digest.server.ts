import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { WEBHOOK_DIGEST_JOB_KIND } from '#app/schemas/job-kinds.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'
import type { DigestInfo, DigestItem } from '#app/webhooks/digest-formats.ts'
import { type DigestMode, latestDigestPeriod } from '#app/webhooks/digest-schedule.ts'

import { getSnoozes } from './mention-alert.server.ts'

// Daily and weekly digests of mention alerts (decision 042). Every instance asks "digests
// due?" on its periodic loop; a due digest is one webhook_digest row per webhook and
// period (the primary key), inserted with the job that posts it in one transaction, so
// two instances asking at once queue it once. A digest covers the alerts raised since the
// webhook's previous digest (or since its mode changed) up to the period's 08:00.

export interface DigestPayload {
  webhookId: number
  period: string
}

/** Queues the digests due at `now`; returns how many were queued. */
export async function queueDueDigests(db: DB, now = new Date()): Promise<number> {
  const hooks = await db
    .selectFrom('webhook')
    .select(['id', 'delivery', 'delivery_since as since'])
    .where('enabled', '=', true)
    .where('delivery', '!=', 'immediate')
    .execute()
  if (!hooks.length) return 0
  const timeZone = await getTeamTimeZone(db)
  let queued = 0
  for (const hook of hooks) {
    const { period, cutoff } = latestDigestPeriod(hook.delivery as DigestMode, now, timeZone)
    if (cutoff <= hook.since) continue // the mode changed after this period's moment
    const added = await inTransaction(db, async (tx) => {
      const last = await tx
        .selectFrom('webhook_digest')
        .select((eb) => eb.fn.max('cutoff').as('cutoff'))
        .where('webhook_id', '=', hook.id)
        .executeTakeFirst()
      const previous = last?.cutoff ? new Date(last.cutoff) : null
      const since = previous && previous > hook.since ? previous : hook.since
      const row = await tx
        .insertInto('webhook_digest')
        .values({ webhook_id: hook.id, period, since, cutoff })
        .onConflict((oc) => oc.columns(['webhook_id', 'period']).doNothing())
        .returning('period')
        .executeTakeFirst()
      if (!row) return false
      await enqueueJob(tx, { kind: WEBHOOK_DIGEST_JOB_KIND, payload: { webhookId: hook.id, period } satisfies DigestPayload })
      return true
    })
    if (added) queued += 1
  }
  return queued
}

/** A queued digest's alerts (snoozed companies left out, as for immediate posts). Null: no such digest. */
export async function getDigest(
  db: DB,
  webhookId: number,
  period: string,
  now = new Date(),
): Promise<{ info: DigestInfo; items: DigestItem[] } | null> {
  const digest = await db
    .selectFrom('webhook_digest')
    .select(['since', 'cutoff'])
    .where('webhook_id', '=', webhookId)
    .where('period', '=', period)
    .executeTakeFirst()
  if (!digest) return null
  // Like immediate posts, alerts of weeks before the previous one (a back-filled archive) are not posted.
  const oldest = shiftIsoWeek(isoWeekOf(new Date(digest.since), await getTeamTimeZone(db)), -1)
  const rows = await db
    .selectFrom('mention_alert')
    .innerJoin('company', 'company.id', 'mention_alert.company_id')
    .select((eb) => [
      'mention_alert.id as alertId',
      'mention_alert.company_id as companyId',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'mention_alert.iso_week as week',
      'mention_alert.mentions as raisedAt',
      eb
        .selectFrom('mention_week')
        .select(sql<number>`coalesce(sum(mentions), 0)::int`.as('n'))
        .whereRef('mention_week.company_id', '=', 'mention_alert.company_id')
        .whereRef('mention_week.iso_week', '=', 'mention_alert.iso_week')
        .as('mentions'),
    ])
    .where('mention_alert.raised_at', '>=', digest.since)
    .where('mention_alert.raised_at', '<', digest.cutoff)
    .where('mention_alert.iso_week', '>=', oldest)
    .orderBy('mention_alert.raised_at')
    .orderBy('mention_alert.id')
    .execute()
  const snoozed = await getSnoozes(db, now)
  const [mode, date] = period.split(':') as [DigestInfo['mode'], string]
  const items = rows
    .filter((r) => !snoozed[r.companyId])
    .map((r) => ({ ...r, nameZh: r.nameZh ?? '', mentions: Math.max(Number(r.mentions ?? 0), r.raisedAt) }))
  return { info: { mode, date }, items }
}
