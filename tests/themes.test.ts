import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as historyLoader } from '#app/routes/themes.$slug.history.tsx'
import { action as newAction, loader as newLoader } from '#app/routes/themes.new.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createThemePoint, createUser, getRequest, postForm, respond } from './factories.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'

// Creating a theme, editing its thesis and details, archiving it; viewers read only.

let conn: Connection
let analyst: string
let viewer: string
const SLUG = 'multimodal-ai'
const { edit, page, history } = themeRoutes(() => ({ conn, analyst, viewer }), SLUG)
// Long enough that a one-word edit near the end folds the lines before it in the diff.
const THESIS = [
  '## Thesis',
  '',
  'Models learn to read, see, hear and act.',
  '',
  '- Text is mature.',
  '- Images are close behind.',
  '- Video is where the money goes next.',
  '',
  'Progress is uneven across modalities.',
].join('\n')

beforeAll(async () => {
  conn = await createTestDatabase()
  const theme = await createTheme(conn.db, { slug: SLUG, nameEn: 'Multimodal AI', nameZh: '多模态 AI', thesisMd: THESIS })
  await createThemePoint(conn.db, { themeId: theme.id, kind: 'risk', textEn: 'Compute stays expensive.' })
  analyst = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Analyst' })).id)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn.close()
})

const newTheme = (fields: Record<string, string>, cookie = analyst) =>
  respond(() => newAction({ request: postForm('/themes/new', fields, cookie), params: {}, context: contextFor(conn) }))
const themeCount = async () => (await conn.db.selectFrom('theme').select('id').execute()).length
const themeFields = {
  nameEn: 'Embodied AI',
  nameZh: '具身智能',
  stance: 'neutral',
  status: 'watching',
  summaryEn: '',
  summaryZh: '',
  parentId: '',
}

describe('creating a theme', () => {
  it('creates it with a slug suggested from the English name, audits it and goes to its page', async () => {
    const res = await newTheme({
      ...themeFields,
      slug: '',
      thesisMd: '## Why\r\nRobots need models.',
      thesisZhMd: '## 为什么\r\n机器人需要模型。',
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/themes/embodied-ai')
    const data = await page('embodied-ai')
    expect(data.theme).toMatchObject({
      nameZh: '具身智能',
      status: 'watching',
      thesisMd: '## Why\nRobots need models.',
      thesisZhMd: '## 为什么\n机器人需要模型。',
    })
    const audit = await conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'theme.create').executeTakeFirstOrThrow()
    expect(audit.entity_id).toBe(String(data.theme.id))
  })

  it('refuses a slug that is taken with 409 next to the slug, and creates nothing', async () => {
    const before = await themeCount()
    const res = await newTheme({ ...themeFields, slug: SLUG })
    expect(res.status).toBe(409)
    expect((await res.json()).errors).toEqual({ slug: 'themeEdit.error.slugTaken' })
    expect(await themeCount()).toBe(before)
  })

  it('refuses empty names and a malformed slug with 400 messages next to each field', async () => {
    const before = await themeCount()
    const res = await newTheme({ ...themeFields, nameEn: '  ', nameZh: '', slug: 'Not A Slug!' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toMatchObject({
      nameEn: 'validation.required',
      nameZh: 'validation.required',
      slug: 'themeEdit.slugInvalid',
    })
    expect(await themeCount()).toBe(before)
  })

  it('refuses a 10 MB thesis with 413 and creates nothing', async () => {
    const before = await themeCount()
    const res = await newTheme({ ...themeFields, nameEn: 'Huge', slug: 'huge', thesisMd: 'x'.repeat(10 * 1024 * 1024) })
    expect(res.status).toBe(413)
    expect((await res.json()).errors.form).toBe('themeEdit.tooLarge')
    expect(await themeCount()).toBe(before)
  })

  it('is refused to viewers, page and form alike', async () => {
    const res = await newTheme({ ...themeFields, slug: 'viewer-theme' }, viewer)
    expect(res.status).toBe(403)
    const form = await respond(() => newLoader({ request: getRequest('/themes/new', viewer), params: {}, context: contextFor(conn) }))
    expect(form.status).toBe(403)
  })
})

describe('editing the thesis', () => {
  it('saves, audits old and new text, and the history tab shows who and a word diff', async () => {
    const before = (await page()).theme.thesisMd as string
    const after = before.replace('Progress is uneven across modalities.', 'Progress is very uneven across modalities.')
    const res = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: after })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, formKey: 'thesis' })
    const audit = await conn.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'theme.thesis')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.old_value).toEqual({ thesisMd: before })
    expect(audit.new_value).toEqual({ thesisMd: after })

    const { entries } = await history(SLUG, '?part=thesis')
    expect(entries[0]).toMatchObject({ action: 'thesis', actorName: 'Ana Analyst' })
    const diff = entries[0].changes[0].diff as { kind: string; text?: string }[]
    expect(diff).toContainEqual({ kind: 'ins', text: 'very ' })
    expect(diff.some((p) => p.kind === 'skip')).toBe(true)
    expect(diff.filter((p) => p.kind === 'del')).toEqual([])
  })

  it('renders markup in the thesis inert, and a preview changes nothing', async () => {
    const preview = await edit({ intent: 'preview', formKey: 'thesis', thesisMd: '**bold** <script>alert(1)</script>' })
    const body = await preview.json()
    expect(body.previewHtml).toContain('<strong>bold</strong>')
    expect(body.previewHtml).not.toContain('<script')
    await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'Safe <img src=x onerror=alert(1)> text' })
    const data = await page()
    expect(data.thesisHtml.en.headHtml).not.toContain('<img')
    expect(data.thesisHtml.en.headHtml).toContain('&lt;img')
  })

  it('refuses a 10 MB thesis with 413 and one over 100,000 characters with 400, leaving the thesis alone', async () => {
    const before = (await page()).theme.thesisMd
    const huge = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'x'.repeat(10 * 1024 * 1024) })
    expect(huge.status).toBe(413)
    expect((await huge.json()).errors.form).toBe('themeEdit.tooLarge')
    const long = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'y'.repeat(100_001) })
    expect(long.status).toBe(400)
    expect(await long.json()).toMatchObject({ formKey: 'thesis', errors: { thesisMd: 'validation.tooLong?max=100000' } })
    expect((await page()).theme.thesisMd).toBe(before)
  })
})

describe('theme details and archiving', () => {
  it('refuses empty names next to the fields and a parent loop', async () => {
    const res = await edit({ intent: 'details', formKey: 'details', ...themeFields, nameEn: '', nameZh: '' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toMatchObject({ nameEn: 'validation.required', nameZh: 'validation.required' })
    const child = await page('embodied-ai')
    const parent = await page()
    // Embodied AI under Multimodal AI is fine; then Multimodal AI under Embodied AI would loop.
    expect(
      (await edit({ intent: 'details', formKey: 'details', ...themeFields, parentId: String(parent.theme.id) }, analyst, 'embodied-ai'))
        .status,
    ).toBe(200)
    const loop = await edit({
      intent: 'details',
      formKey: 'details',
      ...themeFields,
      nameEn: 'Multimodal AI',
      nameZh: '多模态 AI',
      parentId: String(child.theme.id),
    })
    expect(loop.status).toBe(400)
    expect((await loop.json()).errors).toEqual({ parentId: 'themeEdit.error.parentCycle' })
    expect((await page()).subThemes.map((s: { slug: string }) => s.slug)).toEqual(['embodied-ai'])
  })

  it('archives a theme to its own home-page list and unarchives it to the status it had', async () => {
    expect((await edit({ intent: 'archive', formKey: 'archive' }, analyst, 'embodied-ai')).status).toBe(200)
    const home = await (await respond(() => homeLoader({ request: getRequest('/', viewer), params: {}, context: contextFor(conn) }))).json()
    expect(home.archived.map((t: { slug: string }) => t.slug)).toEqual(['embodied-ai'])
    expect(home.themes.map((t: { slug: string }) => t.slug)).not.toContain('embodied-ai')
    expect(home.canCreate).toBe(false)
    await edit({ intent: 'unarchive', formKey: 'archive' }, analyst, 'embodied-ai')
    expect((await page('embodied-ai')).theme.status).toBe('watching')
  })
})

describe('viewers', () => {
  it('see everything and can change nothing', async () => {
    const data = await page(SLUG, viewer)
    expect(data.canEdit).toBe(false)
    expect(data.risks.length).toBeGreaterThan(0)
    const before = data.theme.thesisMd
    const res = await edit({ intent: 'thesis', formKey: 'thesis', thesisMd: 'viewer was here' }, viewer)
    expect(res.status).toBe(403)
    expect((await page()).theme.thesisMd).toBe(before)
    const { entries } = await history()
    expect(entries.length).toBeGreaterThan(0)
  })

  it('an unknown theme is a 404, for reading and for editing', async () => {
    expect((await edit({ intent: 'archive' }, analyst, 'no-such-theme')).status).toBe(404)
    const res = await respond(() =>
      historyLoader({ request: getRequest('/themes/nope/history', viewer), params: { slug: 'nope' }, context: contextFor(conn) }),
    )
    expect(res.status).toBe(404)
  })
})
