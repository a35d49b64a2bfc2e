import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readThesisAsOf } from '#app/models/theme/index.server.ts'
import { loader as themeLoader } from '#app/routes/themes.$slug.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createUser, getRequest, respond } from './factories.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'

// Texts in two languages on the theme page: the thesis has an English and a Chinese
// version saved by one form with one edit version, each language remembers when it was
// last saved (so the page can say which one is missing or older), and a long thesis
// arrives cut where it folds, the whole of it there.

let conn: Connection
let analyst: string
let viewer: string
const SLUG = 'robots'
const { edit, page, history } = themeRoutes(() => ({ conn, analyst, viewer }), SLUG)

const paragraph = (n: number) => `Paragraph ${n}: ${'humanoid robots need hands, reducers and models. '.repeat(6)}`

beforeAll(async () => {
  conn = await createTestDatabase()
  await createTheme(conn.db, { slug: SLUG, thesisMd: 'Robots need models.' })
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

describe('the thesis in two languages', () => {
  it('saves the Chinese version next to the English one; each language is stamped only when its text changes', async () => {
    const before = (await page()).theme
    expect(before.thesisZhMd).toBe('')
    const res = await edit({
      intent: 'thesis',
      formKey: 'thesis',
      version: String(before.thesisVersion),
      thesisMd: 'Robots need models.',
      thesisZhMd: '机器人需要模型。',
    })
    expect(res.status).toBe(200)
    const saved = (await page()).theme
    expect(saved).toMatchObject({
      thesisMd: 'Robots need models.',
      thesisZhMd: '机器人需要模型。',
      thesisVersion: before.thesisVersion + 1,
    })
    expect(saved.thesisZhUpdatedAt).not.toBeNull()
    // The English text did not change: its stamp stays as it was, so the Chinese one is now the newer.
    expect(saved.thesisEnUpdatedAt).toBe(before.thesisEnUpdatedAt)

    await edit({ intent: 'thesis', formKey: 'thesis', version: String(saved.thesisVersion), thesisMd: 'Robots need better models.' })
    const after = (await page()).theme
    // A form without the Chinese field leaves the Chinese text alone.
    expect(after.thesisZhMd).toBe('机器人需要模型。')
    expect(after.thesisZhUpdatedAt).toBe(saved.thesisZhUpdatedAt)
    expect(new Date(after.thesisEnUpdatedAt).getTime()).toBeGreaterThan(new Date(after.thesisZhUpdatedAt).getTime())
  })

  it('refuses a stale save when someone changed the Chinese version meanwhile, with their Chinese text', async () => {
    const opened = (await page()).theme
    const fields = { intent: 'thesis', formKey: 'thesis', version: String(opened.thesisVersion), thesisMd: opened.thesisMd }
    expect((await edit({ ...fields, thesisZhMd: '机器人首先需要灵巧手。' })).status).toBe(200)
    const stale = await edit({ ...fields, thesisZhMd: '机器人首先需要减速器。' })
    expect(stale.status).toBe(409)
    const body = await stale.json()
    expect(body.conflict.fields).toEqual([expect.objectContaining({ name: 'thesisZhMd', current: '机器人首先需要灵巧手。' })])
    expect((await page()).theme.thesisZhMd).toBe('机器人首先需要灵巧手。')
  })

  it('keeps both languages in the history tab', async () => {
    const { entries } = await history(SLUG, '?part=thesis')
    const fields = entries.flatMap((e: { changes: { field: string }[] }) => e.changes.map((c) => c.field))
    expect(fields).toContain('thesisZhMd')
    expect(fields).toContain('thesisMd')
  })

  it('previews both languages', async () => {
    const res = await edit({ intent: 'preview', formKey: 'thesis', thesisMd: '**Hands**', thesisZhMd: '**灵巧手**' })
    const body = await res.json()
    expect(body.previewHtml).toContain('<strong>Hands</strong>')
    expect(body.previewZhHtml).toContain('<strong>灵巧手</strong>')
  })

  it('sends a long thesis whole, the part after the fold behind "show all"', async () => {
    const long = Array.from({ length: 9 }, (_, i) => paragraph(i + 1)).join('\n\n')
    const { theme } = await page()
    await edit({ intent: 'thesis', formKey: 'thesis', version: String(theme.thesisVersion), thesisMd: long })
    const { thesisHtml } = await page()
    const whole = thesisHtml.en.headHtml + thesisHtml.en.restHtml
    for (let n = 1; n <= 9; n++) expect(whole).toContain(`Paragraph ${n}:`)
    expect(thesisHtml.en.headHtml).toContain('Paragraph 1:')
    expect(thesisHtml.en.headHtml).not.toContain('Paragraph 9:')
    expect(thesisHtml.en.restHtml).toContain('Paragraph 9:')
    expect(thesisHtml.en.restBlocks).toBeGreaterThan(0)
    // The short Chinese version shows whole, nothing folded.
    expect(thesisHtml.zh.restHtml).toBe('')
  })
})

describe('points and segment notes in two languages', () => {
  it('stamps the language of a risk that changed and leaves the other', async () => {
    await edit({ intent: 'addPoint', formKey: 'add-risk', kind: 'risk', textEn: 'Hands stay expensive.', textZh: '', expectedOn: '' })
    const [risk] = (await page()).risks
    expect(risk.textEnUpdatedAt).not.toBeNull()
    expect(risk.textZhUpdatedAt).toBeNull()
    await edit({
      intent: 'editPoint',
      formKey: 'x',
      pointId: String(risk.id),
      version: String(risk.version),
      textEn: 'Hands stay expensive.',
      textZh: '灵巧手成本居高不下。',
      expectedOn: '',
    })
    const [edited] = (await page()).risks
    expect(edited.textEnUpdatedAt).toBe(risk.textEnUpdatedAt)
    expect(edited.textZhUpdatedAt).not.toBeNull()
  })

  it('stamps a segment note per language', async () => {
    await edit({
      intent: 'addSegment',
      formKey: 'add-segment-2B',
      audience: '2B',
      nameEn: 'Factories',
      nameZh: '工厂',
      noteEn: '',
      noteZh: '搬运与装配。',
    })
    const [segment] = (await page()).segments
    expect(segment.noteEnUpdatedAt).toBeNull()
    expect(segment.noteZhUpdatedAt).not.toBeNull()
  })
})

describe('the thesis as a past week ended', () => {
  it('reads each language as it stood at an instant, from the saves after it', async () => {
    const theme = await createTheme(conn.db, { slug: 'as-of', thesisMd: 'First English.' })
    const before = new Date()
    await new Promise((r) => setTimeout(r, 5))
    const { page: pageOf, edit: editOf } = themeRoutes(() => ({ conn, analyst, viewer }), 'as-of')
    await editOf({ intent: 'thesis', formKey: 'thesis', version: '1', thesisMd: 'Second English.', thesisZhMd: '' })
    const between = new Date()
    await new Promise((r) => setTimeout(r, 5))
    await editOf({ intent: 'thesis', formKey: 'thesis', version: '2', thesisMd: 'Second English.', thesisZhMd: '第二版中文。' })
    expect((await readThesisAsOf(conn.db, theme.id, before))?.texts).toEqual({ en: 'First English.', zh: '' })
    expect((await readThesisAsOf(conn.db, theme.id, between))?.texts).toEqual({ en: 'Second English.', zh: '' })
    expect((await readThesisAsOf(conn.db, theme.id, new Date()))?.texts).toEqual({ en: 'Second English.', zh: '第二版中文。' })
    expect(await readThesisAsOf(conn.db, theme.id, new Date('2020-01-01'))).toBeNull()
    expect((await pageOf()).thesis).toMatchObject({ en: 'Second English.', zh: '第二版中文。' })
  })

  it('shows it on the theme page with ?thesis=<week>, read-only', async () => {
    const res = await respond(() =>
      themeLoader({ request: getRequest(`/themes/${SLUG}?thesis=2020-w01`, analyst), params: { slug: SLUG }, context: contextFor(conn) }),
    )
    const data = await res.json()
    expect(data.thesisAsOf).toEqual({ week: '2020-W01', existed: false })
    const now = await page()
    expect(now.thesisAsOf).toBeNull()
    expect(now.thesis.en).toBe(now.theme.thesisMd)
  })
})
