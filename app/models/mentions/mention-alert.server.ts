import { sql } from 'kysely'

import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { enqueueJob } from '#app/models/ops/job.server.ts'
import { currentTeamWeek } from '#app/models/scoring/score-week.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { WEBHOOK_DELIVERY_JOB_KIND } from '#app/schemas/job-kinds.ts'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'

import { isMentionJump, TRAILING_WEEKS } from './mention-rules.ts'

// Raising "a watchlist company's weekly mentions jumped" (the rule is in mention-rules.ts).
//
// Evaluated inside the transaction that stored a document's mentions (ingest, rescan),
// for the companies that document mentions and the document's week only, reading the
// rollup: a handful of index lookups. An alert is raised once per company and week (a
// unique key), so later documents in the same week do not raise it again. New alerts of
// the current or the previous week are queued for every enabled webhook in the same
// transaction, so a rolled-back ingest posts nothing; older weeks (a back-filled archive)
// are stored and shown but not posted.

export { WEBHOOK_DELIVERY_JOB_KIND }

export interface DeliveryPayload {
  webhookId: number
  alertId: number
}

export interface RaisedAlert {
  id: number
  companyId: number
  week: string
  mentions: number
  trailingAvg: number
}

/** Weekly mentions of these companies from `from` to `to`, all languages together. */
async function weeklyMentions(db: DB, companyIds: number[], from: string, to: string) {
  return db
    .selectFrom('mention_week')
    .select(['company_id as companyId', 'iso_week as week', sql<number>`sum(mentions)::int`.as('mentions')])
    .where('company_id', 'in', companyIds)
    .where('iso_week', '>=', from)
    .where('iso_week', '<=', to)
    .groupBy(['company_id', 'iso_week'])
    .execute()
}

/** Watchlist companies (live entries of watchlists not archived) among these. */
async function watchedAmong(db: DB, companyIds: number[]): Promise<number[]> {
  if (!companyIds.length) return []
  const rows = await db
    .selectFrom('watchlist_entry')
    .innerJoin('watchlist', 'watchlist.id', 'watchlist_entry.watchlist_id')
    .select('watchlist_entry.company_id as id')
    .distinct()
    .where('watchlist_entry.company_id', 'in', companyIds)
    .where('watchlist_entry.removed_at', 'is', null)
    .where('watchlist.archived_at', 'is', null)
    .execute()
  return rows.map((r) => r.id)
}

/** Checks the rule for these companies in `week`, stores new alerts and queues their webhooks. */
export async function raiseMentionAlerts(db: DB, companyIds: readonly number[], week: string, now = new Date()): Promise<RaisedAlert[]> {
  const watched = await watchedAmong(db, [...new Set(companyIds)])
  if (!watched.length) return []
  const counts = await weeklyMentions(db, watched, shiftIsoWeek(week, -TRAILING_WEEKS), week)
  const jumps: Omit<RaisedAlert, 'id'>[] = []
  for (const companyId of watched.sort((a, b) => a - b)) {
    const mine = counts.filter((c) => c.companyId === companyId)
    const thisWeek = mine.find((c) => c.week === week)?.mentions ?? 0
    const trailingAvg = mine.filter((c) => c.week !== week).reduce((sum, c) => sum + c.mentions, 0) / TRAILING_WEEKS
    if (isMentionJump(thisWeek, trailingAvg)) jumps.push({ companyId, week, mentions: thisWeek, trailingAvg })
  }
  if (!jumps.length) return []
  // One statement for all of them; an alert already raised this week stays as it was.
  const inserted = await db
    .insertInto('mention_alert')
    .values(jumps.map((j) => ({ company_id: j.companyId, iso_week: week, mentions: j.mentions, trailing_avg: j.trailingAvg })))
    .onConflict((oc) => oc.columns(['company_id', 'iso_week']).doNothing())
    .returning(['id', 'company_id as companyId'])
    .execute()
  const idOf = new Map(inserted.map((row) => [row.companyId, row.id]))
  const raised: RaisedAlert[] = jumps.flatMap((j) => (idOf.has(j.companyId) ? [{ id: idOf.get(j.companyId)!, ...j }] : []))
  if (raised.length && week >= shiftIsoWeek(await currentTeamWeek(db, now), -1)) {
    // Digest webhooks (daily, weekly) get these in their next digest instead (alert-digest.server.ts).
    const webhooks = await db
      .selectFrom('webhook')
      .select('id')
      .where('enabled', '=', true)
      .where('delivery', '=', 'immediate')
      .orderBy('id')
      .execute()
    const snoozed = await getSnoozes(db, now)
    for (const alert of raised) {
      if (snoozed[alert.companyId]) continue
      for (const webhook of webhooks) {
        await enqueueJob(db, {
          kind: WEBHOOK_DELIVERY_JOB_KIND,
          payload: { webhookId: webhook.id, alertId: alert.id } satisfies DeliveryPayload,
        })
      }
    }
  }
  return raised
}

export const SNOOZE_KEY = 'alerts.snoozed'

/** Companies whose alerts are not posted until a date (team-wide): { companyId: 'YYYY-MM-DD' }. */
export async function getSnoozes(db: DB, now = new Date()): Promise<Record<string, string>> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', SNOOZE_KEY).executeTakeFirst()
  const today = now.toISOString().slice(0, 10)
  const all = (row?.value ?? {}) as Record<string, string>
  return Object.fromEntries(Object.entries(all).filter(([, until]) => until > today))
}

/** Snoozes a company's alerts for `days` (0 ends a snooze). Alerts are still raised and shown, not posted. */
export async function snoozeCompany(db: DB, actor: Actor, companyId: number, days: number, now = new Date()): Promise<string | null> {
  return inTransaction(db, async (tx) => {
    const snoozes = await getSnoozes(tx, now)
    const old = snoozes[companyId] ?? null
    const until = days > 0 ? new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10) : null
    if (until) snoozes[companyId] = until
    else delete snoozes[companyId]
    const value = JSON.stringify(snoozes)
    await tx
      .insertInto('app_setting')
      .values({ key: SNOOZE_KEY, value, updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor.id, updated_at: new Date() }))
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: until ? 'alert.snooze' : 'alert.unsnooze',
      entityType: 'company',
      entityId: companyId,
      oldValue: old ? { until: old } : null,
      newValue: until ? { until } : null,
      ip: actor.ip,
    })
    return until
  })
}

export const BACKFILL_DAYS_KEY = 'alerts.backfill_days'
export const DEFAULT_BACKFILL_DAYS = 14

/** Days between publication and ingest past which a document is a back-fill and raises no alert. */
export async function getBackfillDays(db: DB): Promise<number> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', BACKFILL_DAYS_KEY).executeTakeFirst()
  return typeof row?.value === 'number' ? row.value : DEFAULT_BACKFILL_DAYS
}

export async function setBackfillDays(db: DB, actor: Actor, days: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const old = await getBackfillDays(tx)
    const value = JSON.stringify(days)
    await tx
      .insertInto('app_setting')
      .values({ key: BACKFILL_DAYS_KEY, value, updated_by: actor.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor.id, updated_at: new Date() }))
      .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.alert_backfill_days',
      entityType: 'setting',
      entityId: BACKFILL_DAYS_KEY,
      oldValue: old,
      newValue: days,
      ip: actor.ip,
    })
  })
}

/**
 * After a document's mentions were written: the rule for the companies it mentions, in its
 * week. A document published more than the team's back-fill cutoff before it was stored
 * (an archive being loaded) raises nothing: its news is old.
 */
export async function raiseAlertsForDocument(db: DB, documentId: number, now = new Date()): Promise<RaisedAlert[]> {
  const doc = await db
    .selectFrom('document')
    .select(['iso_week', 'published_on as publishedOn', 'created_at as createdAt'])
    .where('id', '=', documentId)
    .executeTakeFirst()
  if (!doc) return []
  if (doc.publishedOn) {
    const lagDays = (new Date(doc.createdAt).getTime() - Date.parse(`${doc.publishedOn}T00:00:00Z`)) / 86_400_000
    if (lagDays > (await getBackfillDays(db))) return []
  }
  const companies = await db.selectFrom('mention').select('company_id').distinct().where('document_id', '=', documentId).execute()
  return raiseMentionAlerts(
    db,
    companies.map((c) => c.company_id),
    doc.iso_week,
    now,
  )
}

/** Alerts with their company's names, as the dashboard, the meeting page and webhook messages show them. */
export function selectAlertsWithCompany(db: DB) {
  return db
    .selectFrom('mention_alert')
    .innerJoin('company', 'company.id', 'mention_alert.company_id')
    .select([
      'mention_alert.id',
      'mention_alert.company_id as companyId',
      'company.name_en as nameEn',
      'company.name_zh as nameZh',
      'mention_alert.iso_week as week',
      'mention_alert.mentions',
      'mention_alert.trailing_avg as trailingAvg',
    ])
}

/** One alert with its company, for a webhook message. */
export async function getMentionAlert(db: DB, id: number) {
  return selectAlertsWithCompany(db).where('mention_alert.id', '=', id).executeTakeFirst()
}

export type MentionAlertView = NonNullable<Awaited<ReturnType<typeof getMentionAlert>>>
