import type { Kysely } from 'kysely'

import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'
import { calendarDateIn, isoWeekOf, mondayOfIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Database } from '#db/types.ts'

import { DEMO_READING_NOTES } from '../demo/reading-notes.ts'
import {
  DEMO_ANALYSTS,
  DEMO_HISTORY_WEEKS,
  DEMO_MEETINGS,
  DEMO_MOVES,
  DEMO_SOURCE_SCORES,
  DEMO_STARTING_LEVELS,
} from '../demo/team-history.ts'
import { insertDemoScore, upsertDemoAnalysts } from './demo-scores.ts'
import { seedHumanoidHistory } from './humanoid-history.ts'
import { type Ids, lookup } from './run.ts'

// Loads the demo team's recent weeks (seeds/demo/team-history.ts) and its reading notes
// (seeds/demo/reading-notes.ts) once per database, relative to `now`. Runs after the
// reference data; scores and meetings in one transaction whose marker setting makes a
// second run (or a restart) change nothing, then each note as an ordinary ingest.

export const DEMO_HISTORY_SETTING = 'demo.history_seeded_at'
const THEME_SLUG = 'multimodal-ai'

export async function seedDemoTeamHistory(db: Kysely<Database>, now = new Date()): Promise<{ created: number }> {
  const robots = await seedHumanoidHistory(db, now)
  const loaded = await loadScoresAndMeetings(db, now)
  if (!loaded) return { created: robots }
  // Each note is ingested in a transaction of its own, like any document; a note that is
  // already there (same text) is skipped by its hash.
  let notes = 0
  // Oldest first, as they would have come in, so alerts compare with the weeks before.
  for (const note of [...DEMO_READING_NOTES].sort((a, b) => b.weeksAgo - a.weeksAgo)) {
    const monday = mondayOfIsoWeek(shiftIsoWeek(isoWeekOf(now, loaded.timeZone), -note.weeksAgo))
    const today = calendarDateIn(now, loaded.timeZone)
    const todayIso = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`
    const publishedOn = note.weeksAgo === 0 ? todayIso : new Date(monday.getTime() + 2 * 86_400_000).toISOString().slice(0, 10)
    const result = await ingestDocument(db, {
      text: note.text,
      title: note.title,
      publisher: note.publisher,
      publishedOn,
      tags: note.tags,
      themeIds: [loaded.themeId],
    })
    if (!result.document.duplicate) notes += 1 + result.mentions
  }
  return { created: robots + loaded.created + notes }
}

async function loadScoresAndMeetings(
  db: Kysely<Database>,
  now: Date,
): Promise<{ created: number; themeId: number; timeZone: string } | null> {
  return db.transaction().execute(async (trx) => {
    const marker = await trx.selectFrom('app_setting').select('key').where('key', '=', DEMO_HISTORY_SETTING).forUpdate().executeTakeFirst()
    if (marker) return null
    const theme = await trx.selectFrom('theme').select(['id', 'rubric_id']).where('slug', '=', THEME_SLUG).executeTakeFirst()
    if (!theme) return null
    const rubricId =
      theme.rubric_id ??
      (await trx.selectFrom('rubric').select('id').where('slug', '=', 'default').orderBy('version', 'desc').executeTakeFirstOrThrow()).id
    const zone = await trx.selectFrom('app_setting').select('value').where('key', '=', 'team.time_zone').executeTakeFirst()
    const timeZone = typeof zone?.value === 'string' ? zone.value : 'Asia/Shanghai'
    const modalities: Ids = new Map(
      (await trx.selectFrom('modality').select(['id', 'slug']).where('theme_id', '=', theme.id).execute()).map((r) => [r.slug, r.id]),
    )
    const dimensions: Ids = new Map(
      (await trx.selectFrom('scoring_dimension').select(['id', 'slug']).where('theme_id', '=', theme.id).execute()).map((r) => [
        r.slug,
        r.id,
      ]),
    )
    let created = 0

    const analysts = await upsertDemoAnalysts(trx, now)
    created += analysts.size

    // Week k (1..8) ends with the current one. Past weeks' saves are on a Wednesday morning;
    // the current week's a moment before now, so nothing is dated in the future.
    const current = isoWeekOf(now, timeZone)
    const weekOf = (k: number) => shiftIsoWeek(current, k - DEMO_HISTORY_WEEKS)
    const savesPerWeek = DEMO_ANALYSTS.length * 30
    const savedAt = (k: number, minute: number) =>
      k === DEMO_HISTORY_WEEKS
        ? new Date(now.getTime() - (savesPerWeek - minute) * 10)
        : new Date(mondayOfIsoWeek(weekOf(k)).getTime() + (2 * 24 + 2) * 3600_000 + minute * 60_000)
    for (let k = 1; k <= DEMO_HISTORY_WEEKS; k++) {
      let minute = 0
      for (const a of DEMO_ANALYSTS) {
        for (const [modality, byDimension] of Object.entries(DEMO_STARTING_LEVELS)) {
          for (const [dimension, start] of Object.entries(byDimension)) {
            const level = levelAt(a.key, modality, dimension, k, start)
            const move = DEMO_MOVES.find((m) => m.week === k && m.analyst === a.key && m.modality === modality && m.dimension === dimension)
            const at = savedAt(k, minute++)
            const values = {
              theme_id: theme.id,
              user_id: lookup(analysts, a.key, 'analyst'),
              modality_id: lookup(modalities, modality, 'modality'),
              dimension_id: lookup(dimensions, dimension, 'dimension'),
              iso_week: weekOf(k),
              rubric_id: rubricId,
              level,
              reason: move?.reason ?? '',
            }
            await insertDemoScore(trx, values, at)
            created += 2
          }
        }
      }
    }

    for (const s of DEMO_SOURCE_SCORES) {
      await trx
        .insertInto('source_score')
        .values({
          theme_id: theme.id,
          modality_id: lookup(modalities, s.modality, 'modality'),
          dimension_id: lookup(dimensions, s.dimension, 'dimension'),
          source: s.source,
          published_on: s.publishedOn,
          rubric_id: rubricId,
          level: s.level,
          note: s.note,
        })
        .execute()
      created += 1
    }

    for (const m of DEMO_MEETINGS) {
      const week = weekOf(m.week)
      await trx
        .insertInto('meeting')
        .values({
          theme_id: theme.id,
          iso_week: week,
          held_on: mondayOfIsoWeek(week).toISOString().slice(0, 10),
          notes_md: m.notesMd,
          actions_md: m.actionsMd,
          updated_at: savedAt(m.week, savesPerWeek),
        })
        .onConflict((oc) => oc.columns(['theme_id', 'iso_week']).doNothing())
        .execute()
      created += 1
    }

    // The starter watchlists were "added" at load time; date them to the first demo week
    // so this week's meeting does not list every company as new.
    await trx
      .updateTable('watchlist_entry')
      .set({ added_at: savedAt(1, 0) })
      .where('added_by', 'is', null)
      .where('removed_at', 'is', null)
      .execute()

    await trx
      .insertInto('app_setting')
      .values({ key: DEMO_HISTORY_SETTING, value: JSON.stringify(now.toISOString()) })
      .execute()
    await trx
      .insertInto('audit_log')
      .values({
        user_id: null,
        action: 'seed.demo_history_loaded',
        entity_type: 'demo',
        entity_id: null,
        new_value: JSON.stringify({ created, weeks: [weekOf(1), weekOf(DEMO_HISTORY_WEEKS)] }),
      })
      .execute()
    return { created, themeId: theme.id, timeZone }
  })
}

// Small, fixed differences between the analysts, so the consensus has a spread.
const LEANINGS: Record<string, Record<string, number>> = {
  li: { 'image/adoption-2b': -1, 'video/adoption-2b': -1 },
  chen: { 'audio/compute-cost': -1, 'text/adoption-2b': 1 },
}

function levelAt(analyst: string, modality: string, dimension: string, week: number, start: number): number {
  const moves = DEMO_MOVES.filter((m) => m.analyst === analyst && m.modality === modality && m.dimension === dimension && m.week <= week)
  if (moves.length > 0) return moves[moves.length - 1].level
  return Math.min(5, Math.max(1, start + (LEANINGS[analyst]?.[`${modality}/${dimension}`] ?? 0)))
}
