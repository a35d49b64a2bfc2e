import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fieldError } from '#app/components/form.tsx'
import { makeTranslate } from '#app/i18n/messages.server.ts'
import { action as companyAction, loader as companyLoader } from '#app/routes/companies.$id.tsx'
import { action as themeAction, loader as themeLoader } from '#app/routes/themes.$slug.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createTheme, createUser, getRequest, postForm, respond } from './factories.ts'

// The alias editor and the theme's topic words, through the routes: an ordinary word is
// added as ambiguous with its reason, negative words are checked and stored, every change
// queues a re-match of the company's history and says so, and viewers change nothing.

let conn: Connection
let analyst: string
let viewer: string
let companyId: number
let otherId: number
const slug = 'video-models'
beforeAll(async () => {
  conn = await createTestDatabase()
  companyId = (await createCompany(conn.db, { nameEn: 'Lantern Labs', nameZh: '灯笼实验室', region: 'overseas' })).id
  otherId = (await createCompany(conn.db, { nameEn: 'Kestrel Video', nameZh: '红隼视频', aliases: [{ text: 'Kestrel', ambiguous: true }] }))
    .id
  await createTheme(conn.db, { slug, nameEn: 'Video models', nameZh: '视频模型' })
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const en = makeTranslate('en')
const edit = (fields: Record<string, string>, cookie = analyst) =>
  respond(() =>
    companyAction({
      request: postForm(`/companies/${companyId}`, fields, cookie),
      params: { id: String(companyId) },
      context: contextFor(conn),
    }),
  )
const saveTopicWords = (topicWords: string, cookie = analyst) =>
  respond(() =>
    themeAction({
      request: postForm(`/themes/${slug}`, { intent: 'topicWords', formKey: 'topicWords', topicWords }, cookie),
      params: { slug },
      context: contextFor(conn),
    }),
  )
const aliasRow = (text: string) =>
  conn.db
    .selectFrom('company_alias')
    .select(['id', 'is_ambiguous as isAmbiguous', 'ambiguous_reason as ambiguousReason', 'negative_context as negativeContext'])
    .where('company_id', '=', companyId)
    .where('text', '=', text)
    .executeTakeFirstOrThrow()
const rematchJobs = () => conn.db.selectFrom('job').select(['id', 'payload']).where('kind', '=', 'rematch-company').orderBy('id').execute()
const count = async (table: 'company_alias' | 'audit_log' | 'job') =>
  Number(
    (
      await conn.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('the alias editor', () => {
  it('adds an ordinary word as ambiguous, says why on the page, and queues a re-match it links to', async () => {
    const res = await edit({ intent: 'addAlias', text: 'Lantern', language: 'any', kind: 'short_name' })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.notice.key).toBe('alias.addedOrdinary')
    const jobs = await rematchJobs()
    expect(jobs.at(-1)).toMatchObject({ id: body.notice.jobId, payload: { companyId } })
    expect(await aliasRow('Lantern')).toMatchObject({ isAmbiguous: true, ambiguousReason: 'english_word' })
    const page = await (
      await respond(() =>
        companyLoader({
          request: getRequest(`/companies/${companyId}`, viewer),
          params: { id: String(companyId) },
          context: contextFor(conn),
        }),
      )
    ).json()
    expect(page.aliases.find((a: { text: string }) => a.text === 'Lantern')).toMatchObject({
      isAmbiguous: true,
      ambiguousReason: 'english_word',
      negativeContext: [],
    })
  })

  it('stores negative words, lets the analyst override the ambiguity, and removes the alias, re-matching each time', async () => {
    const { id } = await aliasRow('Lantern')
    const jobsBefore = (await rematchJobs()).length
    const saved = await edit({
      intent: 'updateAlias',
      aliasId: String(id),
      text: 'Lantern',
      language: 'any',
      kind: 'short_name',
      ambiguous: 'on',
      negativeContext: 'paper lantern， festival、 Festival\nlight',
    })
    expect(saved.status).toBe(200)
    expect((await saved.json()).notice.key).toBe('alias.saved')
    expect(await aliasRow('Lantern')).toMatchObject({ isAmbiguous: true, negativeContext: ['paper lantern', 'festival', 'light'] })
    // Unticked: the person's call, kept with its reason.
    await edit({
      intent: 'updateAlias',
      aliasId: String(id),
      text: 'Lantern',
      language: 'any',
      kind: 'short_name',
      negativeContext: 'festival',
    })
    expect(await aliasRow('Lantern')).toMatchObject({ isAmbiguous: false, ambiguousReason: 'set_by_user', negativeContext: ['festival'] })
    // The same form again changes nothing and queues nothing.
    const same = await edit({
      intent: 'updateAlias',
      aliasId: String(id),
      text: 'Lantern',
      language: 'any',
      kind: 'short_name',
      negativeContext: 'festival',
    })
    expect((await same.json()).notice).toBeUndefined()
    const removed = await edit({ intent: 'removeAlias', aliasId: String(id) })
    expect((await removed.json()).notice.key).toBe('alias.removed')
    // Jobs for one company join while queued: one job, with every reason.
    const jobs = await rematchJobs()
    expect(jobs.length).toBe(jobsBefore)
    expect(jobs.at(-1)!.payload).toMatchObject({ companyId, reasons: ['alias added', 'alias edited', 'alias removed'] })
  })

  it('refuses too many or too long negative words with a 400 next to the field, changing nothing', async () => {
    await edit({ intent: 'addAlias', text: 'LanternGen', language: 'any', kind: 'product' })
    const { id } = await aliasRow('LanternGen')
    const before = await Promise.all([count('audit_log'), count('job')])
    const many = Array.from({ length: 21 }, (_, i) => `word${i}`).join(', ')
    const tooMany = await edit({
      intent: 'updateAlias',
      aliasId: String(id),
      text: 'LanternGen',
      language: 'any',
      kind: 'product',
      negativeContext: many,
    })
    expect(tooMany.status).toBe(400)
    expect(fieldError(en, (await tooMany.json()).errors.negativeContext)).toBe('At most 20 words.')
    const tooLong = await edit({
      intent: 'updateAlias',
      aliasId: String(id),
      text: 'LanternGen',
      language: 'any',
      kind: 'product',
      negativeContext: `ok, ${'x'.repeat(41)}`,
    })
    expect(tooLong.status).toBe(400)
    expect(fieldError(en, (await tooLong.json()).errors.negativeContext)).toBe('Each word may have at most 40 characters.')
    expect(await Promise.all([count('audit_log'), count('job')])).toEqual(before)
    expect((await aliasRow('LanternGen')).negativeContext).toEqual([])
  })

  it('refuses alias edits from a viewer (403)', async () => {
    const before = await Promise.all([count('company_alias'), count('job')])
    expect((await edit({ intent: 'addAlias', text: 'Apple', language: 'any', kind: 'name' }, viewer)).status).toBe(403)
    expect(await Promise.all([count('company_alias'), count('job')])).toEqual(before)
  })
})

describe("a theme's topic words", () => {
  it('saves them, audits them, and re-matches the companies with ambiguous aliases', async () => {
    const res = await saveTopicWords('视频生成, video generation，文生图, Video Generation')
    expect(res.status).toBe(200)
    const body = await res.json()
    const withAmbiguous = await conn.db
      .selectFrom('company_alias')
      .select('company_id')
      .distinct()
      .where('is_ambiguous', '=', true)
      .execute()
    expect(withAmbiguous.map((r) => r.company_id)).toContain(otherId)
    expect(body).toMatchObject({ ok: true, changed: true, companies: withAmbiguous.length })
    const job = await conn.db.selectFrom('job').select('payload').where('id', '=', body.jobId).executeTakeFirstOrThrow()
    expect(job.payload).toMatchObject({ reasons: ['topic words changed'] })
    const theme = await conn.db.selectFrom('theme').select(['id', 'topic_words']).where('slug', '=', slug).executeTakeFirstOrThrow()
    expect(theme.topic_words).toEqual(['视频生成', 'video generation', '文生图'])
    const audit = await conn.db
      .selectFrom('audit_log')
      .select(['action', 'new_value'])
      .where('entity_type', '=', 'theme')
      .where('entity_id', '=', String(theme.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ action: 'theme.topic_words', new_value: { topicWords: '视频生成, video generation, 文生图' } })
    const page = await (
      await respond(() => themeLoader({ request: getRequest(`/themes/${slug}`, viewer), params: { slug }, context: contextFor(conn) }))
    ).json()
    expect(page.topicWords).toEqual(['视频生成', 'video generation', '文生图'])
  })

  it('queues nothing when the words are the same, and refuses bad lists and viewers', async () => {
    const before = await Promise.all([count('audit_log'), count('job')])
    expect(await (await saveTopicWords('视频生成, video generation, 文生图')).json()).toMatchObject({
      ok: true,
      changed: false,
      jobId: null,
    })
    const tooMany = await saveTopicWords(Array.from({ length: 51 }, (_, i) => `topic ${i}`).join(', '))
    expect(tooMany.status).toBe(400)
    expect(fieldError(en, (await tooMany.json()).errors.topicWords)).toBe('At most 50 words.')
    expect((await saveTopicWords('model', viewer)).status).toBe(403)
    expect(await Promise.all([count('audit_log'), count('job')])).toEqual(before)
  })
})
