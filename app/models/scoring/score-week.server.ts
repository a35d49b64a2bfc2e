import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { ScoringError } from '#app/scoring/errors.ts'
import { lockedByMeeting, type WeekState, weekState } from '#app/scoring/week-lock.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'

// Whether a theme's ISO week can still be scored (the rule is in app/scoring/week-lock.ts),
// and an administrator's reopening of a locked week.

export interface WeekLock {
  week: string
  currentWeek: string
  state: WeekState
  lastMeetingWeek: string | null
  reopened: boolean
  /** Locked by a later meeting: an administrator may reopen it. */
  reopenable: boolean
}

/** The current ISO week in the team's time zone. */
export async function currentTeamWeek(db: DB, now = new Date()): Promise<string> {
  return isoWeekOf(now, await getTeamTimeZone(db))
}

export async function getWeekLock(db: DB, themeId: number, week: string, currentWeek: string): Promise<WeekLock> {
  const facts = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('meeting')
        .select((e) => e.fn.max('iso_week').as('w'))
        .where('theme_id', '=', themeId)
        .where('iso_week', '<=', currentWeek)
        .where('closed_at', 'is not', null)
        .as('lastMeetingWeek'),
      eb
        .exists(eb.selectFrom('score_week_reopen').select('theme_id').where('theme_id', '=', themeId).where('iso_week', '=', week))
        .as('reopenedHere'),
      eb
        .exists(
          eb
            .selectFrom('meeting')
            .select('id')
            .where('theme_id', '=', themeId)
            .where('iso_week', '=', week)
            .where('reopened_at', 'is not', null),
        )
        .as('meetingReopened'),
    ])
    .executeTakeFirstOrThrow()
  const lastMeetingWeek = (facts.lastMeetingWeek as string | null) ?? null
  const reopened = Boolean(facts.reopenedHere || facts.meetingReopened)
  const state = weekState({ week, currentWeek, lastMeetingWeek, reopened })
  return { week, currentWeek, state, lastMeetingWeek, reopened, reopenable: week <= currentWeek && lockedByMeeting(week, lastMeetingWeek) }
}

/** Opens a locked week for scoring again; admins only (the route checks the role). */
export async function reopenWeek(db: DB, actor: Actor, themeId: number, week: string, now = new Date()): Promise<void> {
  await inTransaction(db, async (tx) => {
    const lock = await getWeekLock(tx, themeId, week, await currentTeamWeek(tx, now))
    if (lock.state === 'future') throw new ScoringError('futureWeek', 'week')
    if (!lock.reopenable) throw new ScoringError('notLocked', 'week')
    const inserted = await tx
      .insertInto('score_week_reopen')
      .values({ theme_id: themeId, iso_week: week, reopened_by: actor.id })
      .onConflict((oc) => oc.columns(['theme_id', 'iso_week']).doNothing())
      .returning('iso_week')
      .executeTakeFirst()
    if (!inserted) return
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'score.week_reopen',
      entityType: 'scoring',
      entityId: themeId,
      oldValue: { week, state: 'locked' },
      newValue: { week, state: 'open' },
      ip: actor.ip,
    })
  })
}

/** Locks a reopened week again. */
export async function relockWeek(db: DB, actor: Actor, themeId: number, week: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const removed = await tx
      .deleteFrom('score_week_reopen')
      .where('theme_id', '=', themeId)
      .where('iso_week', '=', week)
      .returning('iso_week')
      .executeTakeFirst()
    if (!removed) throw new ScoringError('notReopened', 'week')
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'score.week_relock',
      entityType: 'scoring',
      entityId: themeId,
      oldValue: { week, state: 'open' },
      newValue: { week, state: 'locked' },
      ip: actor.ip,
    })
  })
}
