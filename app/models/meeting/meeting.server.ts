import type { Actor } from '#app/models/account/user.server.ts'
import type { DB } from '#app/models/db.server.ts'
import { recordAudit } from '#app/models/ops/audit.server.ts'
import { inTransaction } from '#app/models/transaction.server.ts'
import { EditConflict, isStale } from '#app/utils/edit-conflict.ts'

// A theme's weekly meeting: the lead's notes and action items (markdown), one row per
// theme and ISO week. Saving notes creates the row and locks nothing; closing the meeting
// (its own action, decision 040) is what locks the weeks before it for scoring
// (app/scoring/week-lock.ts). Every save writes the whole text to the audit log, which is
// also how a past meeting shows the notes as they stood at the end of its week.

export interface MeetingNotes {
  notesMd: string
  actionsMd: string
}

/** Themes a meeting can be about: not archived, active ones first (the default is the first). */
export async function listMeetingThemes(db: DB) {
  return db
    .selectFrom('theme')
    .select(['id', 'slug', 'name_en as nameEn', 'name_zh as nameZh', 'status', 'rubric_id as rubricId'])
    .where('status', '<>', 'archived')
    .orderBy((eb) => eb.case().when('status', '=', 'active').then(0).else(1).end())
    .orderBy('name_en')
    .execute()
}

/** This week's meeting row, with its latest notes (what the lead edits). */
export async function getMeeting(db: DB, themeId: number, week: string) {
  return db
    .selectFrom('meeting')
    .leftJoin('app_user', 'app_user.id', 'meeting.updated_by')
    .leftJoin('app_user as closer', 'closer.id', 'meeting.closed_by')
    .select([
      'meeting.id',
      'meeting.iso_week as week',
      'meeting.notes_md as notesMd',
      'meeting.actions_md as actionsMd',
      'meeting.updated_at as updatedAt',
      'meeting.version',
      'app_user.display_name as updatedBy',
      'meeting.closed_at as closedAt',
      'closer.display_name as closedBy',
    ])
    .where('meeting.theme_id', '=', themeId)
    .where('meeting.iso_week', '=', week)
    .executeTakeFirst()
}

/**
 * The meeting held before `week`, with its notes as they stood at `asOf` (from the audit
 * log), or null when there was none. Notes edited after `asOf` do not show.
 */
export async function getPreviousMeetingNotes(db: DB, themeId: number, week: string, asOf: Date) {
  const previous = await db
    .selectFrom('meeting')
    .select(['id', 'iso_week as week', 'notes_md as notesMd', 'actions_md as actionsMd', 'updated_at as updatedAt'])
    .where('theme_id', '=', themeId)
    .where('iso_week', '<', week)
    .orderBy('iso_week', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!previous) return null
  const history = db
    .selectFrom('audit_log')
    .where('audit_log.entity_type', '=', 'meeting')
    .where('audit_log.entity_id', '=', String(previous.id))
    .where('audit_log.action', '=', 'meeting.notes')
  const [saved, everSaved] = await Promise.all([
    history
      .select(['audit_log.new_value as value', 'audit_log.at'])
      .where('audit_log.at', '<=', asOf)
      .orderBy('audit_log.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    history.select('audit_log.id').limit(1).executeTakeFirst(),
  ])
  if (saved) {
    const value = (saved.value ?? {}) as Partial<MeetingNotes>
    return {
      week: previous.week,
      notesMd: value.notesMd ?? '',
      actionsMd: value.actionsMd ?? '',
    }
  }
  // A row never saved through the app (imported, or the demo data) counts from its date.
  const fromRow = !everSaved && previous.updatedAt <= asOf
  return {
    week: previous.week,
    notesMd: fromRow ? previous.notesMd : '',
    actionsMd: fromRow ? previous.actionsMd : '',
  }
}

/** Saves a meeting's notes (creating the meeting row), audited with the old and new text. */
export async function saveMeetingNotes(
  db: DB,
  actor: Actor,
  themeId: number,
  week: string,
  notes: MeetingNotes,
  /** The version the form was opened at (0: no meeting yet); a stale one is refused (EditConflict). */
  baseVersion?: number,
): Promise<'created' | 'updated' | 'unchanged'> {
  const yours = { notesMd: notes.notesMd, actionsMd: notes.actionsMd }
  return inTransaction(db, async (tx) => {
    const lock = () =>
      tx
        .selectFrom('meeting')
        .select(['id', 'notes_md as notesMd', 'actions_md as actionsMd', 'version'])
        .where('theme_id', '=', themeId)
        .where('iso_week', '=', week)
        .forUpdate()
        .executeTakeFirst()
    const audit = (id: number, old: MeetingNotes | null) =>
      recordAudit(tx, {
        actorId: actor.id,
        action: 'meeting.notes',
        entityType: 'meeting',
        entityId: id,
        oldValue: old ? { themeId, week, notesMd: old.notesMd, actionsMd: old.actionsMd } : null,
        newValue: { themeId, week, ...notes },
        ip: actor.ip,
      })
    let existing = await lock()
    if (!existing) {
      if (isStale(baseVersion, 0, { notesMd: '', actionsMd: '' }, yours))
        throw new EditConflict('meeting.notes.conflict', 0, { notesMd: '', actionsMd: '' }, yours)
      const created = await tx
        .insertInto('meeting')
        // closed_at null: notes alone lock nothing (the column's default is for rows made elsewhere).
        .values({
          theme_id: themeId,
          iso_week: week,
          notes_md: notes.notesMd,
          actions_md: notes.actionsMd,
          updated_by: actor.id,
          closed_at: null,
        })
        .onConflict((oc) => oc.constraint('meeting_theme_week_key').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (created) {
        await audit(created.id, null)
        return 'created'
      }
      // Two first saves raced on the (theme, week) key: the second finds the first's row
      // (committed by now) and is checked against it like any other save.
      existing = await lock()
      if (!existing) throw new Error(`meeting ${themeId}/${week} neither inserted nor found`)
    }
    const current = { notesMd: existing.notesMd, actionsMd: existing.actionsMd }
    if (current.notesMd === yours.notesMd && current.actionsMd === yours.actionsMd) return 'unchanged'
    if (isStale(baseVersion, existing.version, current, yours))
      throw new EditConflict('meeting.notes.conflict', existing.version, current, yours)
    await tx
      .updateTable('meeting')
      .set({
        notes_md: notes.notesMd,
        actions_md: notes.actionsMd,
        updated_by: actor.id,
        updated_at: new Date(),
        version: existing.version + 1,
      })
      .where('id', '=', existing.id)
      .execute()
    await audit(existing.id, current)
    return 'updated'
  })
}

/**
 * Closes the weeks before `week` for scoring: the explicit end of the meeting, audited with
 * who and when. Creates the meeting row when no notes were saved. Closing twice changes nothing.
 */
export async function closeMeetingWeeks(
  db: DB,
  actor: Actor,
  themeId: number,
  week: string,
  now = new Date(),
): Promise<'closed' | 'unchanged'> {
  return (await setClosed(db, actor, themeId, week, now)) ? 'closed' : 'unchanged'
}

/** Takes a close back (an administrator's correction): the weeks before `week` open again. */
export async function openMeetingWeeks(db: DB, actor: Actor, themeId: number, week: string): Promise<'opened' | 'unchanged'> {
  return (await setClosed(db, actor, themeId, week, null)) ? 'opened' : 'unchanged'
}

/** Sets or clears the close; false when it already stood that way. */
async function setClosed(db: DB, actor: Actor, themeId: number, week: string, at: Date | null): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const values = { closed_at: at, closed_by: at ? actor.id : null }
    // Inserted with the notes' own conflict key, so a close racing a first notes save keeps both.
    await tx
      .insertInto('meeting')
      .values({ theme_id: themeId, iso_week: week, closed_at: null, version: 0 })
      .onConflict((oc) => oc.constraint('meeting_theme_week_key').doNothing())
      .execute()
    const row = await tx
      .selectFrom('meeting')
      .select(['id', 'closed_at as closedAt'])
      .where('theme_id', '=', themeId)
      .where('iso_week', '=', week)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if ((row.closedAt != null) === (at != null)) return false
    await tx.updateTable('meeting').set(values).where('id', '=', row.id).execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: at ? 'meeting.close' : 'meeting.reopen',
      entityType: 'meeting',
      entityId: row.id,
      oldValue: { themeId, week, closed: row.closedAt != null },
      newValue: { themeId, week, closed: at != null },
      ip: actor.ip,
    })
    return true
  })
}

/** The further themes the meeting of `themeId` in `week` covers, in the lead's order (ids). */
export async function listMeetingExtraThemeIds(db: DB, themeId: number, week: string): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting_theme as mt')
    .innerJoin('meeting as m', 'm.id', 'mt.meeting_id')
    .select('mt.theme_id as themeId')
    .where('m.theme_id', '=', themeId)
    .where('m.iso_week', '=', week)
    .orderBy('mt.position')
    .execute()
  return rows.map((r) => r.themeId)
}

/** Sets the further themes the meeting covers (its own theme is always first), audited. */
export async function setMeetingThemes(db: DB, actor: Actor, themeId: number, week: string, themeIds: number[]): Promise<void> {
  const picked = [...new Set(themeIds)].filter((id) => id !== themeId)
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('meeting')
      .values({ theme_id: themeId, iso_week: week, closed_at: null, version: 0 })
      .onConflict((oc) => oc.constraint('meeting_theme_week_key').doNothing())
      .execute()
    const { id } = await tx
      .selectFrom('meeting')
      .select('id')
      .where('theme_id', '=', themeId)
      .where('iso_week', '=', week)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const before = await tx.selectFrom('meeting_theme').select('theme_id').where('meeting_id', '=', id).orderBy('position').execute()
    const old = before.map((r) => r.theme_id)
    if (old.length === picked.length && old.every((t, i) => t === picked[i])) return
    await tx.deleteFrom('meeting_theme').where('meeting_id', '=', id).execute()
    if (picked.length)
      await tx
        .insertInto('meeting_theme')
        .values(picked.map((theme, position) => ({ meeting_id: id, theme_id: theme, position })))
        .execute()
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'meeting.themes',
      entityType: 'meeting',
      entityId: id,
      oldValue: { themeId, week, themes: old },
      newValue: { themeId, week, themes: picked },
      ip: actor.ip,
    })
  })
}
