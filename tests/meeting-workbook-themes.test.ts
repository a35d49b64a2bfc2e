import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { themeShortName } from '#app/http/meeting-workbook.server.ts'
import { translate } from '#app/i18n/messages.server.ts'
import { setMeetingThemes } from '#app/models/meeting/index.server.ts'
import { loader as exportLoader } from '#app/routes/meetings_.$week.export.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createTheme, createUser, getRequest, respond } from './factories.ts'
import { createMeetingWeek, MEETING_THEME } from './fixtures/meeting-week.ts'

// Issue 15/16: a meeting that covers several themes exports every theme's sheets in one
// workbook, the meeting's own theme first, then each further theme's sheets together with
// their names prefixed by the theme's short name, each name at most 31 characters, unique.

let conn: Connection
let week: string
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  const made = await createMeetingWeek(conn.db)
  week = made.week
  const robots = await createTheme(conn.db, { slug: 'humanoid-robots', nameEn: 'Humanoid robots', nameZh: '人形机器人', status: 'active' })
  await setMeetingThemes(conn.db, { id: made.analysts[0].id }, made.themeId, week, [robots.id])
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
}, 120_000)
afterAll(async () => {
  await conn.close()
})

async function sheetNames(language: string) {
  const res = await respond(() =>
    exportLoader({
      request: getRequest(`/meetings/${week}/export?theme=${MEETING_THEME}`, cookie, { 'Accept-Language': language }),
      params: { week },
      context: contextFor(conn),
    }),
  )
  expect(res.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await res.arrayBuffer())
  return workbook.worksheets.map((ws) => ws.name)
}

describe('the workbook of a meeting of several themes', () => {
  it("has the meeting's own sheets, then the further theme's, prefixed with its short name", async () => {
    const names = await sheetNames('en')
    const matrix = translate('en', 'meeting.slide.matrix')
    expect(names.slice(0, 8)).toContain(matrix)
    const robots = names.filter((n) => n.startsWith('Humanoid · '))
    expect(robots).toHaveLength(names.length / 2)
    // Grouped: every further sheet comes after the meeting's own.
    expect(names.slice(names.length / 2)).toEqual(robots)
    expect(robots).toContain(`Humanoid · ${matrix}`.slice(0, 31).trim())
    expect(names.every((n) => n.length <= 31)).toBe(true)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
  })

  it('prefixes with the theme’s Chinese name for a Chinese reader', async () => {
    const names = await sheetNames('zh-CN')
    expect(names).toContain(translate('zh-CN', 'meeting.slide.documents'))
    expect(names).toContain(`人形机器人 · ${translate('zh-CN', 'meeting.slide.documents')}`)
  })

  it('shortens a long theme name to its leading words', () => {
    expect(themeShortName('Multimodal AI')).toBe('Multimodal AI')
    expect(themeShortName('Solid-state batteries')).toBe('Solid-state')
    expect(themeShortName('Supercalifragilistic')).toBe('Supercalifragi')
  })
})
