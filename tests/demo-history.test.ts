import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countUsers, verifyLogin } from '#app/models/account/index.server.ts'
import { loadWeekSummary } from '#app/models/scoring/index.server.ts'
import { action as settingsAction, loader as settingsLoader } from '#app/routes/admin.settings.tsx'
import type { Connection } from '#db/connection.ts'
import { DEMO_ANALYSTS, DEMO_HISTORY_WEEKS } from '#seeds/demo/team-history.ts'
import { seedDemoTeamHistory } from '#seeds/load/team-history.ts'
import { seedDemoData } from '#seeds/seed.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

// The demo data set's rubrics, and its team history: loaded once, relative to the day it
// is loaded, by accounts that can never sign in and do not stop the first-run setup page.

let t: Connection
beforeAll(async () => {
  t = await createTestDatabase()
  await seedDemoData(t.db)
})
afterAll(async () => {
  await t?.close()
})

describe('demo team history', () => {
  const now = new Date('2026-11-25T04:00:00Z') // Wednesday of 2026-W48 in Shanghai

  it('scores eight weeks up to this one, never after now, and loads only once', async () => {
    const first = await seedDemoTeamHistory(t.db, now)
    expect(first.created).toBeGreaterThan(0)
    const multimodal = await t.db.selectFrom('theme').select('id').where('slug', '=', 'multimodal-ai').executeTakeFirstOrThrow()
    const weeks = await t.db
      .selectFrom('score')
      .select('iso_week')
      .distinct()
      .where('theme_id', '=', multimodal.id)
      .orderBy('iso_week')
      .execute()
    expect(weeks.map((w) => w.iso_week)).toEqual([
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ])
    const perWeek = await t.db
      .selectFrom('score')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('iso_week', '=', '2026-W48')
      .where('theme_id', '=', multimodal.id)
      .executeTakeFirstOrThrow()
    expect(Number(perWeek.n)).toBe(DEMO_ANALYSTS.length * 6 * 5)
    expect(DEMO_HISTORY_WEEKS).toBe(8)
    const latest = await t.db
      .selectFrom('score_revision')
      .select((eb) => eb.fn.max('saved_at').as('at'))
      .executeTakeFirstOrThrow()
    expect(new Date(latest.at as Date).getTime()).toBeLessThan(now.getTime())
    const again = await seedDemoTeamHistory(t.db, now)
    expect(again.created).toBe(0)
    const total = await t.db
      .selectFrom('score_revision')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    // Plus four weeks on the humanoid-robot theme: five items x three dimensions.
    expect(Number(total.n)).toBe(8 * DEMO_ANALYSTS.length * 30 + 4 * DEMO_ANALYSTS.length * 15)
  })

  it('scores the humanoid-robot theme on its own items, on NASA TRL', async () => {
    const rows = await t.db
      .selectFrom('score')
      .innerJoin('theme', 'theme.id', 'score.theme_id')
      .innerJoin('modality', 'modality.id', 'score.modality_id')
      .innerJoin('rubric', 'rubric.id', 'score.rubric_id')
      .select(['modality.slug', 'modality.name_zh as nameZh', 'rubric.slug as rubric', 'score.iso_week as week'])
      .where('theme.slug', '=', 'humanoid-robots')
      .execute()
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(['actuators', 'reducers', 'sensors', 'dexterous-hands', 'embodied-models']))
    expect(new Set(rows.map((r) => r.nameZh))).toContain('灵巧手')
    expect(new Set(rows.map((r) => r.rubric))).toEqual(new Set(['nasa-trl']))
    expect(new Set(rows.map((r) => r.week))).toEqual(new Set(['2026-W45', '2026-W46', '2026-W47', '2026-W48']))
  })

  it('leaves the team two levels apart on 3D technology in the last week', async () => {
    const rows = await t.db
      .selectFrom('score')
      .innerJoin('modality', 'modality.id', 'score.modality_id')
      .innerJoin('scoring_dimension', 'scoring_dimension.id', 'score.dimension_id')
      .select('score.level')
      .where('modality.slug', '=', '3d')
      .where('scoring_dimension.slug', '=', 'technology')
      .where('score.iso_week', '=', '2026-W48')
      .execute()
    const levels = rows.map((r) => r.level)
    expect(Math.max(...levels) - Math.min(...levels)).toBe(2)
  })

  it('adds demo analysts that cannot sign in and do not count as people for setup', async () => {
    expect(await countUsers(t.db)).toBe(0)
    expect(await verifyLogin(t.db, DEMO_ANALYSTS[0].email, '')).toBeNull()
    const notes = await t.db.selectFrom('document').select(['title', 'published_on']).orderBy('published_on').execute()
    expect(notes).toHaveLength(3)
    expect(notes.map((n) => n.published_on)).toEqual(['2026-11-11', '2026-11-25', '2026-11-25'])
    const meitu = await t.db
      .selectFrom('mention')
      .innerJoin('company', 'company.id', 'mention.company_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company.name_en', '=', 'Meitu')
      .executeTakeFirstOrThrow()
    expect(Number(meitu.n)).toBeGreaterThan(0)
    const meetings = await t.db.selectFrom('meeting').select(['iso_week', 'notes_md']).orderBy('iso_week').execute()
    expect(meetings.map((m) => m.iso_week)).toEqual(['2026-W46', '2026-W47'])
  })

  it("gives the home page each theme's scoring progress for the week", async () => {
    const demo = await t.db.selectFrom('app_user').select('id').where('email', '=', DEMO_ANALYSTS[0].email).executeTakeFirstOrThrow()
    const theme = await t.db.selectFrom('theme').select('id').where('slug', '=', 'multimodal-ai').executeTakeFirstOrThrow()
    const summary = await loadWeekSummary(t.db, demo.id, '2026-W48')
    const robots = await t.db.selectFrom('theme').select('id').where('slug', '=', 'humanoid-robots').executeTakeFirstOrThrow()
    expect(summary.byTheme[theme.id]).toEqual({ myCells: 30, cells: 30, scorers: 3 })
    // Each theme's grid is its own: five components x three dimensions.
    expect(summary.byTheme[robots.id]).toEqual({ myCells: 15, cells: 15, scorers: 3 })
    const nextWeek = await loadWeekSummary(t.db, demo.id, '2026-W49')
    expect(nextWeek.byTheme[theme.id]).toEqual({ myCells: 0, cells: 30, scorers: 0 })
  })

  it('lets an admin remove the demo analysts and their scores, keeping the notes, audited', async () => {
    const admin = await cookieFor(t.db, (await createUser(t.db, { role: 'admin' })).id)
    const analyst = await cookieFor(t.db, (await createUser(t.db, { role: 'analyst' })).id)
    const page = await (
      await respond(() => settingsLoader({ request: getRequest('/admin/settings', admin), params: {}, context: contextFor(t) }))
    ).json()
    expect(page.demo).toEqual({ analysts: 3, scores: 8 * 3 * 30 + 4 * 3 * 15 })
    const refused = await respond(() =>
      settingsAction({ request: postForm('/admin/settings', { intent: 'removeDemoTeam' }, analyst), params: {}, context: contextFor(t) }),
    )
    expect(refused.status).toBe(403)
    const res = await respond(() =>
      settingsAction({ request: postForm('/admin/settings', { intent: 'removeDemoTeam' }, admin), params: {}, context: contextFor(t) }),
    )
    expect(await res.json()).toEqual({ ok: true, removed: { analysts: 3, scores: 900 } })
    const count = async (table: 'score' | 'score_revision' | 'document') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await count('score')).toBe(0)
    expect(await count('score_revision')).toBe(0)
    expect(await count('document')).toBe(3)
    expect(await t.db.selectFrom('app_user').select('id').where('email', 'like', '%@demo.invalid').execute()).toEqual([])
    const audit = await t.db.selectFrom('audit_log').select('new_value').where('action', '=', 'demo.team_removed').executeTakeFirstOrThrow()
    expect(audit.new_value).toEqual({ analysts: 3, scores: 900 })
  })
})

// The rubrics the demo brings, which the first run's scoring page uses.
describe('demo rubrics', () => {
  it('comes with the five-level default rubric and NASA TRL 1-9, every level named and anchored in both languages', async () => {
    const levelsOf = (slug: string) =>
      t.db
        .selectFrom('rubric_level')
        .innerJoin('rubric', 'rubric.id', 'rubric_level.rubric_id')
        .select([
          'level',
          'rubric_level.name_en as nameEn',
          'rubric_level.name_zh as nameZh',
          'description_en as descriptionEn',
          'description_zh as descriptionZh',
        ])
        .where('rubric.slug', '=', slug)
        .orderBy('level')
        .execute()
    const standard = await levelsOf('default')
    expect(standard.map((l) => `${l.nameEn} ${l.nameZh}`)).toEqual([
      'Exploration 探索期',
      'Breakthrough 突破期',
      'Convergence 收敛期',
      'Application 应用期',
      'Maturity 成熟期',
    ])
    const trl = await levelsOf('nasa-trl')
    expect(trl.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (const l of [...standard, ...trl]) {
      expect(l.descriptionEn.length, `${l.nameEn} en`).toBeGreaterThan(20)
      expect(l.descriptionZh.length, `${l.nameEn} zh`).toBeGreaterThan(8)
      expect(l.nameZh).not.toBe(l.nameEn)
    }
  })
})
