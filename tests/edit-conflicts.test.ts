import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { action as meetingAction, loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import { loader as watchlistLoader } from '#app/routes/watchlists.$id.tsx'
import type { ConflictView } from '#app/utils/edit-conflict.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createSegment,
  createTheme,
  createThemePoint,
  createUser,
  createWatchlist,
  getRequest,
  postForm,
  respond,
} from './factories.ts'
import { themeRoutes } from './fixtures/theme-routes.ts'
import { watchlistRoutes } from './fixtures/watchlist-routes.ts'

// Two analysts edit the same text from the same page load, through the routes' actions as
// the browser posts them (a fetcher and a plain post send the same form): the first save
// wins, the second answers 409 with the message next to the field, the saved text and its
// version, and the typed text echoed; saving again from that version goes through.

let conn: Connection
let ana: string
let bo: string
const SLUG = 'video-generation'
const WEEK = '2024-W10'
const theme = themeRoutes(() => ({ conn, analyst: ana, viewer: ana }), SLUG)
const watchlist = watchlistRoutes(() => ({ conn, analyst: ana }))
let themeId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  themeId = (await createTheme(conn.db, { slug: SLUG, nameEn: 'Video generation', thesisMd: '## Thesis\n\nVideo is early.\n' })).id
  await createThemePoint(conn.db, { themeId, kind: 'risk', textEn: 'Compute stays expensive.' })
  await createSegment(conn.db, { themeId, nameEn: 'Advertising', nameZh: '广告' })
  ana = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Ana Analyst' })).id)
  bo = await cookieFor(conn.db, (await createUser(conn.db, { role: 'analyst', displayName: 'Bo Analyst' })).id)
})
afterAll(async () => {
  await conn.close()
})

interface Refused {
  ok: false
  errors: Record<string, string>
  values: Record<string, string>
  conflict: ConflictView
}

describe('the theme page', () => {
  it('refuses the second of two thesis saves from one version, with both texts, and takes it from the new version', async () => {
    const opened = (await theme.page()).theme.thesisVersion
    const first = await theme.edit({
      intent: 'thesis',
      formKey: 'thesis',
      version: String(opened),
      thesisMd: '## Thesis\n\nVideo is maturing.\n',
    })
    expect(first.status).toBe(200)
    const second = await theme.edit(
      { intent: 'thesis', formKey: 'thesis', version: String(opened), thesisMd: '## Thesis\r\n\r\nVideo is early but fast.\r\n' },
      bo,
    )
    expect(second.status).toBe(409)
    const body = (await second.json()) as Refused & { formKey: string }
    expect(body).toMatchObject({ ok: false, formKey: 'thesis', errors: { thesisMd: 'themeEdit.error.conflict' } })
    expect(body.values.thesisMd).toBe('## Thesis\r\n\r\nVideo is early but fast.\r\n')
    expect(body.conflict.version).toBe(opened + 1)
    const [field] = body.conflict.fields
    expect(field).toMatchObject({
      name: 'thesisMd',
      current: '## Thesis\n\nVideo is maturing.\n',
      yours: '## Thesis\n\nVideo is early but fast.\n',
    })
    const rendered = field.diff.map((p) =>
      p.kind === 'skip' ? '…' : p.kind === 'ins' ? `{+${p.text}+}` : p.kind === 'del' ? `[-${p.text}-]` : p.text,
    )
    expect(rendered.join('')).toBe('## Thesis\n\nVideo is [-maturing-]{+early but fast+}.\n')
    expect((await theme.page()).theme.thesisMd).toBe('## Thesis\n\nVideo is maturing.\n')

    const again = await theme.edit(
      { intent: 'thesis', formKey: 'thesis', version: String(body.conflict.version), thesisMd: 'Video is maturing, and fast.' },
      bo,
    )
    expect(again.status).toBe(200)
    expect((await theme.page()).theme).toMatchObject({ thesisMd: 'Video is maturing, and fast.', thesisVersion: opened + 2 })
  })

  it('refuses stale edits of the details, a risk and a segment the same way', async () => {
    const data = await theme.page()
    const details = { intent: 'details', formKey: 'details', version: String(data.theme.detailsVersion), nameEn: 'Video generation' }
    const rest = { nameZh: '视频生成', stance: 'neutral', status: 'active', summaryZh: '', parentId: '' }
    expect((await theme.edit({ ...details, ...rest, summaryEn: 'Sora-class models.' })).status).toBe(200)
    const staleDetails = await theme.edit({ ...details, ...rest, summaryEn: 'Kling leads.', stance: 'positive' }, bo)
    expect(staleDetails.status).toBe(409)
    const detailsBody = (await staleDetails.json()) as Refused
    expect(detailsBody.errors).toEqual({ summaryEn: 'themeEdit.error.conflict' })
    expect(detailsBody.conflict.fields.map((f) => [f.name, f.current, f.yours])).toEqual([
      ['summaryEn', 'Sora-class models.', 'Kling leads.'],
      ['stance', 'neutral', 'positive'],
    ])

    const [risk] = data.risks
    const point = {
      intent: 'editPoint',
      formKey: `point-${risk.id}`,
      pointId: String(risk.id),
      version: String(risk.version),
      expectedOn: '',
    }
    expect((await theme.edit({ ...point, textEn: 'Compute is scarce.', textZh: '' })).status).toBe(200)
    const stalePoint = await theme.edit({ ...point, textEn: 'Compute gets cheaper.', textZh: '算力变便宜' }, bo)
    expect(stalePoint.status).toBe(409)
    expect(((await stalePoint.json()) as Refused).conflict.fields.map((f) => f.name)).toEqual(['textEn', 'textZh'])

    const [segment] = data.segments
    const seg = {
      intent: 'editSegment',
      formKey: `segment-${segment.id}`,
      segmentId: String(segment.id),
      version: String(segment.version),
      audience: '2B',
      nameEn: 'Advertising',
      nameZh: '广告',
      noteZh: '',
    }
    expect((await theme.edit({ ...seg, noteEn: 'Ad creatives.' })).status).toBe(200)
    const staleSegment = await theme.edit({ ...seg, noteEn: 'Product shots.' }, bo)
    expect(staleSegment.status).toBe(409)
    expect(((await staleSegment.json()) as Refused).errors).toEqual({ noteEn: 'themeEdit.error.conflict' })
    const after = await theme.page()
    expect([after.theme.summaryEn, after.risks[0].textEn, after.segments[0].noteEn]).toEqual([
      'Sora-class models.',
      'Compute is scarce.',
      'Ad creatives.',
    ])
  })

  it('answers a version that is not a number with 400 and changes nothing', async () => {
    const res = await theme.edit({ intent: 'thesis', formKey: 'thesis', version: 'abc', thesisMd: 'Nope.' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual({ version: 'validation.invalid' })
    expect((await theme.page()).theme.thesisMd).toBe('Video is maturing, and fast.')
  })
})

describe('the meeting notes', () => {
  const path = `/meetings/${WEEK}?theme=${SLUG}`
  const post = (fields: Record<string, string>, cookie: string) =>
    respond(() => meetingAction({ request: postForm(path, fields, cookie), params: { week: WEEK }, context: contextFor(conn) }))
  const load = async () => {
    const res = await respond(() => meetingLoader({ request: getRequest(path, ana), params: { week: WEEK }, context: contextFor(conn) }))
    expect(res.status).toBe(200)
    return (await res.json()).view.notes as { notesMd: string; version: number } | null
  }

  it('refuses the second of two first saves with the saved notes, and takes it from the new version', async () => {
    expect(await load()).toBeNull()
    expect((await post({ version: '0', notesMd: 'Ana: video moved a level.', actionsMd: '- Ana: check Kling' }, ana)).status).toBe(200)
    const stale = await post({ version: '0', notesMd: 'Bo: video stalled.', actionsMd: '' }, bo)
    expect(stale.status).toBe(409)
    const body = (await stale.json()) as Refused
    expect(body.errors).toEqual({ notesMd: 'meeting.notes.conflict' })
    expect(body.values).toMatchObject({ notesMd: 'Bo: video stalled.', actionsMd: '' })
    expect(body.conflict.version).toBe(1)
    expect(body.conflict.fields.map((f) => [f.name, f.current, f.yours])).toEqual([
      ['notesMd', 'Ana: video moved a level.', 'Bo: video stalled.'],
      ['actionsMd', '- Ana: check Kling', ''],
    ])
    expect(await load()).toMatchObject({ notesMd: 'Ana: video moved a level.', version: 1 })
    expect(
      (await post({ version: '1', notesMd: 'Ana: video moved a level. Bo: agreed.', actionsMd: '- Ana: check Kling' }, bo)).status,
    ).toBe(200)
    expect(await load()).toMatchObject({ notesMd: 'Ana: video moved a level. Bo: agreed.', version: 2 })
  })
})

describe('a watchlist entry', () => {
  it('refuses the second of two rationale saves from one version, with the saved rationale', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Kuaishou' })
    const list = await createWatchlist(conn.db, { entries: [{ companyId: company.id, rationale: 'Kling video model', tags: ['video'] }] })
    const res = await respond(() =>
      watchlistLoader({ request: getRequest(`/watchlists/${list.id}`, ana), params: { id: String(list.id) }, context: contextFor(conn) }),
    )
    const [entry] = (await res.json()).entries
    const edit = { intent: 'editEntry', entryId: String(entry.id), version: String(entry.version), tags: 'video', notes: '' }
    expect((await watchlist.post(list.id, { ...edit, rationale: 'Kling 2.0 leads video' })).status).toBe(200)
    const stale = await watchlist.post(list.id, { ...edit, rationale: 'Kling and Keling app' }, bo)
    expect(stale.status).toBe(409)
    const body = (await stale.json()) as Refused & { intent: string; entryId: number }
    expect(body).toMatchObject({ intent: 'editEntry', entryId: entry.id, errors: { rationale: 'watchlists.conflict' } })
    expect(body.values.rationale).toBe('Kling and Keling app')
    expect(body.conflict.fields).toMatchObject([{ name: 'rationale', current: 'Kling 2.0 leads video', yours: 'Kling and Keling app' }])
  })
})
