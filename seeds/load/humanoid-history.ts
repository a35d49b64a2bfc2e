import type { Kysely } from 'kysely'

import { isoWeekOf, mondayOfIsoWeek, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Database } from '#db/types.ts'

import { HUMANOID_HISTORY_WEEKS, HUMANOID_LEANINGS, HUMANOID_MOVES, HUMANOID_STARTING_LEVELS } from '../demo/humanoid-history.ts'
import { HUMANOID_THEME } from '../demo/humanoid-robots.ts'
import { DEMO_ANALYSTS } from '../demo/team-history.ts'
import { insertDemoScore, upsertDemoAnalysts } from './demo-scores.ts'
import { type Ids, lookup } from './run.ts'

// The demo team's weekly scores on the humanoid-robot theme, once per database (its own
// marker, so an install that already had the multimodal history gets these too).

export const HUMANOID_HISTORY_SETTING = 'demo.humanoid_history_seeded_at'

export async function seedHumanoidHistory(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const marker = await trx
      .selectFrom('app_setting')
      .select('key')
      .where('key', '=', HUMANOID_HISTORY_SETTING)
      .forUpdate()
      .executeTakeFirst()
    if (marker) return 0
    const theme = await trx.selectFrom('theme').select(['id', 'rubric_id']).where('slug', '=', HUMANOID_THEME.slug).executeTakeFirst()
    if (!theme?.rubric_id) return 0
    const rubricId = theme.rubric_id
    const zone = await trx.selectFrom('app_setting').select('value').where('key', '=', 'team.time_zone').executeTakeFirst()
    const timeZone = typeof zone?.value === 'string' ? zone.value : 'Asia/Shanghai'
    const byTheme = async (table: 'modality' | 'scoring_dimension'): Promise<Ids> =>
      new Map((await trx.selectFrom(table).select(['id', 'slug']).where('theme_id', '=', theme.id).execute()).map((r) => [r.slug, r.id]))
    const [items, dimensions] = [await byTheme('modality'), await byTheme('scoring_dimension')]
    let created = 0
    const analysts = await upsertDemoAnalysts(trx, now)
    const current = isoWeekOf(now, timeZone)
    const weekOf = (k: number) => shiftIsoWeek(current, k - HUMANOID_HISTORY_WEEKS)
    // Past weeks on a Thursday morning; the current week a moment before now.
    const savedAt = (k: number, n: number) =>
      k === HUMANOID_HISTORY_WEEKS
        ? new Date(now.getTime() - 60_000 + n * 10)
        : new Date(mondayOfIsoWeek(weekOf(k)).getTime() + (3 * 24 + 2) * 3600_000 + n * 60_000)
    for (let k = 1; k <= HUMANOID_HISTORY_WEEKS; k++) {
      let n = 0
      for (const a of DEMO_ANALYSTS) {
        for (const [item, byDimension] of Object.entries(HUMANOID_STARTING_LEVELS)) {
          for (const [dimension, start] of Object.entries(byDimension)) {
            const moves = HUMANOID_MOVES.filter((m) => m.analyst === a.key && m.item === item && m.dimension === dimension && m.week <= k)
            const lean = HUMANOID_LEANINGS[a.key]?.[`${item}/${dimension}` as keyof (typeof HUMANOID_LEANINGS)[string]] ?? 0
            const level = moves.at(-1)?.level ?? Math.min(9, Math.max(1, start + lean))
            const at = savedAt(k, n++)
            const values = {
              theme_id: theme.id,
              user_id: lookup(analysts, a.key, 'analyst'),
              modality_id: lookup(items, item, 'item'),
              dimension_id: lookup(dimensions, dimension, 'dimension'),
              iso_week: weekOf(k),
              rubric_id: rubricId,
              level,
              reason: moves.find((m) => m.week === k)?.reason ?? '',
            }
            await insertDemoScore(trx, values, at)
            created += 2
          }
        }
      }
    }
    await trx
      .insertInto('app_setting')
      .values({ key: HUMANOID_HISTORY_SETTING, value: JSON.stringify(now.toISOString()) })
      .execute()
    return created
  })
}
