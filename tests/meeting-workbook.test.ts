import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { translate } from '#app/i18n/messages.server.ts'
import { loader as exportLoader } from '#app/routes/meetings_.$week.export.tsx'
import { weekStartsAt } from '#app/scoring/week-time.ts'
import { mondayOfIsoWeek } from '#app/utils/iso-week.ts'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createDocument, createUser, getRequest, respond } from './factories.ts'
import { createMeetingWeek, MEETING_THEME, TEAM_TIME_ZONE } from './fixtures/meeting-week.ts'

// Issue 16: the meeting workbook shows times on the team's clock, as the page does, with
// the zone named in the header, and a document without a publisher is counted under
// "unknown publisher" in the reader's language instead of an empty cell.

let conn: Connection
let week: string
let cookie: string

beforeAll(async () => {
  conn = await createTestDatabase()
  const made = await createMeetingWeek(conn.db)
  week = made.week
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  const document = await createDocument(conn.db, { themeIds: [made.themeId] })
  const inWeek = new Date(weekStartsAt(week, TEAM_TIME_ZONE).getTime() + 10 * 3600_000)
  await conn.db.updateTable('document').set({ created_at: inWeek }).where('id', '=', document.document.id).execute()
}, 120_000)
afterAll(async () => {
  await conn.close()
})

async function workbookIn(language: string) {
  const res = await respond(() =>
    exportLoader({
      request: getRequest(`/meetings/${week}/export?theme=${MEETING_THEME}`, cookie, { 'Accept-Language': language }),
      params: { week },
      context: contextFor(conn),
    }),
  )
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await res.arrayBuffer())
  return workbook
}

describe('the meeting workbook', () => {
  it('writes times in the team time zone, says which, and names the unknown publisher', async () => {
    const workbook = await workbookIn('en')
    const about = workbook.worksheets[0]
    const fields = Object.fromEntries(
      about
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as string[])[1], (row as string[])[2]]),
    )
    expect(fields['Time zone']).toBe('Asia/Shanghai')
    // Analyst 3 saved 28 hours into the week: Tuesday 04:00 in Shanghai.
    const moves = workbook.worksheets[2]
    const header = (moves.getRow(1).values as string[]).filter(Boolean)
    expect(header.at(-1)).toMatch(/\(Asia\/Shanghai\)$/)
    const saved = moves.getColumn(header.length).values.slice(2).map(String)
    const tuesday = new Date(mondayOfIsoWeek(week).getTime() + 86_400_000).toISOString().slice(0, 10)
    expect(saved).toContain(`${tuesday} 04:00:00`)
    const documents = workbook.getWorksheet(translate('en', 'meeting.slide.documents'))!
    expect(documents.getRow(2).values).toEqual([undefined, 'Unknown publisher', 1])
  })

  it('says it in Chinese to a Chinese reader', async () => {
    const workbook = await workbookIn('zh-CN')
    const fields = Object.fromEntries(
      workbook.worksheets[0]
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as string[])[1], (row as string[])[2]]),
    )
    expect(fields['时区']).toBe('Asia/Shanghai')
    expect(workbook.getWorksheet(translate('zh-CN', 'meeting.slide.documents'))!.getRow(2).values).toEqual([undefined, '未知发布方', 1])
  })
})
