import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderMeetingCharts } from '#app/components/meeting/meeting-charts.server.tsx'
import { loadMeetingView, resolveMeetingTheme } from '#app/models/meeting/index.server.ts'
import { loader as indexLoader } from '#app/routes/meetings._index.tsx'
import { action as meetingAction, loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import { loader as exportLoader } from '#app/routes/meetings_.$week.export.tsx'
import { shiftIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'
import { createMeetingWeek, MEETING_THEME } from './fixtures/meeting-week.ts'

// The meeting pages as a browser meets them: 404s for bad weeks and themes, a chart as
// inert SVG, notes saved by analysts only, and an XLSX export with formula-like text
// neutralised.

let conn: Connection
let current: string
let week: string
let cookies: { viewer: string; analyst: string }

beforeAll(async () => {
  conn = await createTestDatabase()
  const made = await createMeetingWeek(conn.db)
  ;({ current, week } = made)
  cookies = {
    viewer: await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id),
    analyst: await cookieFor(conn.db, made.analysts[0].id),
  }
}, 120_000)
afterAll(async () => {
  await conn.close()
})

describe('the meeting routes', () => {
  const get = (path: string, week: string, cookie = cookies.viewer) =>
    respond(() =>
      meetingLoader({
        request: getRequest(path, cookie),
        params: { week },
        context: contextFor(conn),
      }),
    )

  it('answers 404 with a message for weeks that do not exist and unknown themes', async () => {
    for (const bad of ['2026-W60', 'foo', '2025-W53']) expect((await get(`/meetings/${bad}`, bad)).status).toBe(404)
    const res = await get(`/meetings/${week}?theme=no-such-theme`, week)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ messageKey: 'meeting.themeNotFound', params: { slug: 'no-such-theme' } })
  })

  it('renders a week, empty or not, and /meetings goes to this week', async () => {
    expect((await get(`/meetings/2019-W10`, '2019-W10')).status).toBe(200)
    const res = await get(`/meetings/${week}?theme=${MEETING_THEME}`, week)
    const data = await res.json()
    expect(data.charts.history).toHaveLength(1)
    expect(data.charts.history[0].svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(data.charts.history[0].svg).not.toMatch(/<script|on\w+=/i)
    const index = await respond(() =>
      indexLoader({
        request: getRequest('/meetings?theme=multimodal-ai', cookies.viewer),
        params: {},
        context: contextFor(conn),
      }),
    )
    expect(index.headers.get('Location')).toBe(`/meetings/${current}?theme=multimodal-ai`)
  })

  it('lets an analyst save notes, refuses viewers, over-long text and future weeks', async () => {
    const post = (w: string, fields: Record<string, string>, cookie: string) =>
      respond(() =>
        meetingAction({
          request: postForm(`/meetings/${w}?theme=${MEETING_THEME}`, fields, cookie),
          params: { week: w },
          context: contextFor(conn),
        }),
      )
    expect((await post(current, { notesMd: 'x', actionsMd: '' }, cookies.viewer)).status).toBe(403)
    const tooLong = await post(current, { notesMd: 'x'.repeat(20_001), actionsMd: '' }, cookies.analyst)
    expect(tooLong.status).toBe(400)
    expect((await tooLong.json()).errors.notesMd).toBe('validation.tooLong?max=20000')
    const future = await post(shiftIsoWeek(current, 2), { notesMd: 'x', actionsMd: '' }, cookies.analyst)
    expect(future.status).toBe(400)
    expect(
      await conn.db.selectFrom('meeting').select('id').where('iso_week', '=', shiftIsoWeek(current, 2)).executeTakeFirst(),
    ).toBeUndefined()
    const ok = await post(current, { notesMd: '<script>alert(1)</script> decided', actionsMd: '- a' }, cookies.analyst)
    expect(ok.status).toBe(200)
    const page = await (await get(`/meetings/${current}?theme=${MEETING_THEME}`, current)).json()
    expect(page.notesHtml).not.toContain('<script>')
    expect(page.notesHtml).toContain('decided')
  })

  it('exports the meeting as XLSX with formula-like text neutralised', async () => {
    const res = await respond(() =>
      exportLoader({
        request: getRequest(`/meetings/${week}/export?theme=${MEETING_THEME}`, cookies.viewer),
        params: { week },
        context: contextFor(conn),
      }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(8)
    const moves = workbook.worksheets[2]
    const reasons = moves.getColumn(6).values.map(String)
    expect(reasons).toContain(`'=HYPERLINK("http://evil.example","x")`)
    expect(reasons.some((r) => r.startsWith('='))).toBe(false)
  })

  it('redraws a chart when its data changes, in the reader’s language, and keeps the others', async () => {
    const { theme } = await resolveMeetingTheme(conn.db, MEETING_THEME)
    const view = await loadMeetingView(conn.db, theme!, week)
    const options = { locale: 'en', scheme: 'light' } as const
    const first = renderMeetingCharts(view, options)
    expect(first.heatmap).not.toBeNull()
    // The history chart's data changes (as a late score would move it); the heatmap's does not.
    const [h] = view.history
    const rows = h.chart.rows.map((row, i) => (i === h.chart.rows.length - 1 ? { ...row, m_video: 5 } : row))
    const after = renderMeetingCharts({ ...view, history: [{ ...h, chart: { ...h.chart, rows } }] }, options)
    expect(after.history[0].svg).not.toBe(first.history[0].svg)
    expect(after.heatmap).toBe(first.heatmap) // not drawn again
    const zh = renderMeetingCharts(view, { ...options, locale: 'zh-CN' })
    expect(zh.heatmap!.svg).not.toBe(first.heatmap!.svg)
    expect(zh.heatmap!.svg).toMatch(/\p{Script=Han}/u)
  })
})
