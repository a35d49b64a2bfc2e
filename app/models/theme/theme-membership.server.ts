import type { DB } from '#app/models/db.server.ts'
import { getTeamTimeZone } from '#app/models/ops/setting.server.ts'
import { weekEndsAt, weekStartsAt } from '#app/scoring/week-time.ts'
import { isoWeekOf } from '#app/utils/iso-week.ts'

// Reading a theme's membership over time (decision 039). A period [valid_from, valid_to)
// covers an instant when it started at or before it and had not ended by then.

export interface MembershipSpan {
  from: Date
  to: Date
}

/** The theme's members at an instant (the end of a past week, or now). */
export async function listThemeMembersAsOf(db: DB, themeId: number, asOf: Date) {
  return db
    .selectFrom('theme_company as tc')
    .innerJoin('company as c', 'c.id', 'tc.company_id')
    .select(['c.id', 'c.name_en as nameEn', 'c.name_zh as nameZh', 'tc.role', 'tc.exposure', 'tc.reason', 'tc.valid_from as since'])
    .where('tc.theme_id', '=', themeId)
    .where('tc.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('tc.valid_to', 'is', null), eb('tc.valid_to', '>', asOf)]))
    .orderBy('c.name_en')
    .execute()
}

/**
 * Companies that joined or left the theme within the span, newest first. A company that
 * joined and left within it shows both; one that left and came back shows both too.
 */
export async function listMembershipChanges(db: DB, themeId: number, span: MembershipSpan) {
  const rows = await db
    .selectFrom('theme_company as tc')
    .innerJoin('company as c', 'c.id', 'tc.company_id')
    .select([
      'tc.id as periodId',
      'c.id as companyId',
      'c.name_en as nameEn',
      'c.name_zh as nameZh',
      'tc.role',
      'tc.exposure',
      'tc.reason',
      'tc.valid_from as validFrom',
      'tc.valid_to as validTo',
    ])
    .where('tc.theme_id', '=', themeId)
    .where((eb) =>
      eb.or([
        eb.and([eb('tc.valid_from', '>', span.from), eb('tc.valid_from', '<=', span.to)]),
        eb.and([eb('tc.valid_to', '>', span.from), eb('tc.valid_to', '<=', span.to)]),
      ]),
    )
    .execute()
  const inSpan = (at: Date | null): at is Date => at != null && at > span.from && at <= span.to
  const changes = rows.flatMap(({ validFrom, validTo, ...r }) => [
    ...(inSpan(validFrom) ? [{ ...r, kind: 'joined' as const, at: validFrom }] : []),
    ...(inSpan(validTo) ? [{ ...r, kind: 'left' as const, at: validTo }] : []),
  ])
  return changes.sort((a, b) => b.at.getTime() - a.at.getTime() || a.nameEn.localeCompare(b.nameEn))
}

export type MembershipChange = Awaited<ReturnType<typeof listMembershipChanges>>[number]

/**
 * Who joined and left since the last meeting: from the end of the latest meeting week
 * before this one (the meeting showed the theme as that week ended), else from the start
 * of this week, up to now.
 */
export async function listMembershipSinceLastMeeting(db: DB, themeId: number, now = new Date()) {
  const timeZone = await getTeamTimeZone(db)
  const thisWeek = isoWeekOf(now, timeZone)
  const last = await db
    .selectFrom('meeting')
    .select((eb) => eb.fn.max('iso_week').as('week'))
    .where('theme_id', '=', themeId)
    .where('iso_week', '<', thisWeek)
    .executeTakeFirst()
  const lastMeetingWeek = last?.week ?? null
  const from = lastMeetingWeek ? weekEndsAt(lastMeetingWeek, timeZone) : new Date(weekStartsAt(thisWeek, timeZone).getTime() - 1)
  return { lastMeetingWeek, since: from, changes: await listMembershipChanges(db, themeId, { from, to: now }) }
}

/** The members as an ISO week ended in the team's time zone; a week not over yet reads now. */
export async function listThemeMembersAsOfWeek(db: DB, themeId: number, week: string, now = new Date()) {
  const weekEnd = weekEndsAt(week, await getTeamTimeZone(db))
  const ended = weekEnd < now
  return { week, ended, members: await listThemeMembersAsOf(db, themeId, ended ? weekEnd : now) }
}

/** The meeting's view of membership: changes since the previous meeting and the size at the end. */
export async function loadMeetingMembership(db: DB, themeId: number, span: MembershipSpan) {
  const [changes, members] = await Promise.all([listMembershipChanges(db, themeId, span), listThemeMembersAsOf(db, themeId, span.to)])
  return { size: members.length, changes }
}
