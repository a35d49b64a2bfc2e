import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as newAction } from '#app/routes/themes.new.tsx'
import { action as frameworkAction, loader as frameworkLoader } from '#app/routes/themes_.$slug.framework.tsx'
import { loader as scoreLoader } from '#app/routes/themes_.$slug.scores.tsx'
import { isoWeekOf, shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createScore, createUser, getRequest, postForm, respond } from './factories.ts'
import { createScoringTheme } from './fixtures/scoring.ts'
import { scoringRoutes } from './fixtures/scoring-routes.ts'

// A theme's scoring framework (decision 036): a new theme starts from a template and always
// has a rubric; analysts edit its items and dimensions, audited; the grid shows only the
// theme's own items, and a past week keeps an item archived since.

let conn: Connection
const cookies: Record<'analyst' | 'viewer', string> = { analyst: '', viewer: '' }
const week = isoWeekOf(new Date(), 'Asia/Shanghai')
const { score } = scoringRoutes(() => ({ conn, cookies, slug: 'multimodal-ai', week }))

beforeAll(async () => {
  conn = await createTestDatabase()
  await createScoringTheme(conn.db, { modalities: ['video', 'audio'], dimensions: ['technology'], theme: { slug: 'multimodal-ai' } })
  cookies.analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  cookies.viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const newTheme = (slug: string, template?: string) =>
  respond(() =>
    newAction({
      request: postForm(
        '/themes/new',
        { nameEn: slug, nameZh: `主题${slug}`, slug, stance: 'neutral', status: 'active', ...(template ? { template } : {}) },
        cookies.analyst,
      ),
      params: {},
      context: contextFor(conn),
    }),
  )

const editFramework = (slug: string, fields: Record<string, string>, who: keyof typeof cookies = 'analyst') =>
  respond(() =>
    frameworkAction({ request: postForm(`/themes/${slug}/framework`, fields, cookies[who]), params: { slug }, context: contextFor(conn) }),
  )

const gridOf = async (slug: string, query = '') =>
  (
    await respond(() =>
      scoreLoader({ request: getRequest(`/themes/${slug}/scores${query}`, cookies.analyst), params: { slug }, context: contextFor(conn) }),
    )
  ).json()

const frameworkOf = async (slug: string) =>
  (
    await (
      await respond(() =>
        frameworkLoader({ request: getRequest(`/themes/${slug}/framework`, cookies.analyst), params: { slug }, context: contextFor(conn) }),
      )
    ).json()
  ).framework as {
    version: number
    rubric: { slug: string; levels: unknown[] }
    items: Array<{ id: number; slug: string; archivedAt: string | null; descriptionEn: string; descriptionZh: string }>
    dimensions: Array<{ slug: string }>
  }

const item = (slug: string, nameEn: string, nameZh: string, position = 1) => ({
  intent: 'addVocabulary',
  kind: 'modality',
  slug,
  nameEn,
  nameZh,
  position: String(position),
})

describe("a theme's scoring framework", () => {
  it('starts a new theme from each template, always with a rubric', async () => {
    expect((await newTheme('ai-two', 'ai-modalities')).status).toBe(302)
    expect((await newTheme('robots', 'technology-readiness')).status).toBe(302)
    expect((await newTheme('empty', 'blank')).status).toBe(302)
    expect((await newTheme('no-template')).status).toBe(302)
    expect((await newTheme('bad-template', 'astrology')).status).toBe(400)

    const ai = await frameworkOf('ai-two')
    expect(ai.rubric.slug).toBe('default')
    expect(ai.items.map((m) => m.slug)).toEqual(['text', 'image', 'video', 'audio', '3d', 'any-to-any'])
    expect(ai.dimensions.map((d) => d.slug)).toEqual(['technology', 'data', 'compute-cost', 'adoption-2b', 'adoption-2c'])
    const robots = await frameworkOf('robots')
    expect(robots.rubric.slug).toBe('nasa-trl')
    expect(robots.rubric.levels).toHaveLength(9)
    expect(robots.items).toEqual([])
    expect(robots.dimensions.map((d) => d.slug)).toEqual(['readiness'])
    const empty = await frameworkOf('empty')
    expect(empty.rubric.slug).toBe('default')
    expect([empty.items, empty.dimensions]).toEqual([[], []])
    expect((await frameworkOf('no-template')).items).toHaveLength(6)
    // Two themes from the same template share the rubric version, not the items.
    const aiIds = new Set(ai.items.map((m) => m.id))
    expect((await frameworkOf('no-template')).items.some((m) => aiIds.has(m.id))).toBe(false)
  })

  it("scores a humanoid-robot item, and each grid shows only its own theme's items", async () => {
    expect((await editFramework('robots', item('reducers', 'Reducers', '减速器'))).status).toBe(200)
    expect((await editFramework('robots', item('dexterous-hands', 'Dexterous hands', '灵巧手', 2))).status).toBe(200)
    const saved = await score(
      { modality: 'reducers', dimension: 'readiness', level: '7', reason: 'Harmonic reducers ship in volume' },
      'analyst',
      'robots',
    )
    expect(saved.status).toBe(200)
    const row = await conn.db
      .selectFrom('score')
      .innerJoin('modality', 'modality.id', 'score.modality_id')
      .innerJoin('theme', 'theme.id', 'score.theme_id')
      .select(['modality.name_zh as item', 'score.level', 'theme.slug'])
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ item: '减速器', level: 7, slug: 'robots' })
    // A 9-level rubric: level 9 is fine on robots, refused on the five-level multimodal theme.
    expect((await score({ modality: 'dexterous-hands', dimension: 'readiness', level: '9' }, 'analyst', 'robots')).status).toBe(200)
    expect((await score({ level: '9' })).status).toBe(400)
    // Another theme's item is unknown here.
    expect((await score({ modality: 'reducers' })).status).toBe(400)

    expect((await gridOf('multimodal-ai')).modalities.map((m: { slug: string }) => m.slug)).toEqual(['video', 'audio'])
    const grid = await gridOf('robots')
    expect(grid.modalities.map((m: { slug: string }) => m.slug)).toEqual(['reducers', 'dexterous-hands'])
    expect(Object.keys(grid.cells).sort()).toEqual(['dexterous-hands.readiness', 'reducers.readiness'])
  })

  it('audits each edit with the framework version, refuses a viewer and a taken slug', async () => {
    const before = (await frameworkOf('robots')).version
    expect((await editFramework('robots', item('sensors', 'Sensors', '传感器', 3), 'viewer')).status).toBe(403)
    expect((await editFramework('robots', item('reducers', 'Again', '再来'))).status).toBe(409)
    const reducers = (await frameworkOf('robots')).items.find((m) => m.slug === 'reducers')!
    const renamed = {
      ...item('reducers', 'Precision reducers', '精密减速器'),
      descriptionEn: 'Harmonic and planetary reducers',
      descriptionZh: '谐波与行星减速器',
      intent: 'updateVocabulary',
      id: String(reducers.id),
    }
    expect((await editFramework('robots', renamed)).status).toBe(200)
    const after = await frameworkOf('robots')
    expect(after.version).toBe(before + 1)
    expect(after.items.find((m) => m.slug === 'reducers')).toMatchObject({
      descriptionEn: 'Harmonic and planetary reducers',
      descriptionZh: '谐波与行星减速器',
    })
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'old_value', 'new_value'])
      .where('action', '=', 'modality.update')
      .executeTakeFirstOrThrow()
    expect(audit.old_value).toMatchObject({ nameEn: 'Reducers', nameZh: '减速器' })
    expect(audit.new_value).toMatchObject({ nameEn: 'Precision reducers', nameZh: '精密减速器', version: before + 1 })
    // Picking another rubric is an edit of the framework too.
    const rubric = await conn.db.selectFrom('rubric').select('id').where('slug', '=', 'default').executeTakeFirstOrThrow()
    expect((await editFramework('robots', { intent: 'rubric', rubricId: String(rubric.id) })).status).toBe(200)
    expect((await frameworkOf('robots')).rubric.slug).toBe('default')
    expect((await editFramework('robots', { intent: 'rubric', rubricId: '999999' })).status).toBe(404)
  })

  it('keeps an archived item in a past week that has scores on it, hides it from this week, and shows no item before it was added', async () => {
    const lastWeek = shiftIsoWeek(week, -1)
    const theme = await conn.db.selectFrom('theme').select('id').where('slug', '=', 'multimodal-ai').executeTakeFirstOrThrow()
    const audio = await conn.db
      .selectFrom('modality')
      .select(['id', 'theme_id'])
      .where('slug', '=', 'audio')
      .where('theme_id', '=', theme.id)
      .executeTakeFirstOrThrow()
    const dim = await conn.db.selectFrom('scoring_dimension').select('id').where('theme_id', '=', theme.id).executeTakeFirstOrThrow()
    const user = await createUser(conn.db, { role: 'analyst' })
    await createScore(conn.db, { themeId: theme.id, userId: user.id, modalityId: audio.id, dimensionId: dim.id, week: lastWeek, level: 3 })
    const archive = { intent: 'archiveVocabulary', kind: 'modality', id: String(audio.id), archived: 'true' }
    expect((await editFramework('multimodal-ai', archive)).status).toBe(200)
    const now = await gridOf('multimodal-ai')
    expect(now.modalities.map((m: { slug: string }) => m.slug)).toEqual(['video'])
    // Last week: audio (archived since, scored then); video was added this week, so it was not there yet.
    const past = await gridOf('multimodal-ai', `?week=${lastWeek}`)
    expect(past.modalities.map((m: { slug: string }) => m.slug)).toEqual(['audio'])
    expect((await frameworkOf('multimodal-ai')).items.find((m) => m.slug === 'audio')!.archivedAt).not.toBeNull()
  })
})
