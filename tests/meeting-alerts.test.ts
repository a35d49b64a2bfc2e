import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loader as meetingLoader } from '#app/routes/meetings.$week.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import {
  contextFor,
  cookieFor,
  createCompany,
  createDocument,
  createTheme,
  createThemeCompany,
  createUser,
  getRequest,
  respond,
} from './factories.ts'

// Issue 16: an alert on the meeting's mentions slide says the week's count now beside the
// count it was raised at (the same query as /mentions, tests/alert-counts.test.ts), so an
// alert raised at 1 mention reads 3 once the week's later documents are in.

let conn: Connection
let cookie: string
let companyId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  const theme = await createTheme(conn.db, { slug: 'alert-theme' })
  companyId = (await createCompany(conn.db, { nameEn: 'Meitu', nameZh: '美图' })).id
  await createThemeCompany(conn.db, { themeId: theme.id, companyId })
  // Raised at 1 mention in 2025-W10; three documents of that week mention Meitu by now, one the week after.
  await conn.db
    .insertInto('mention_alert')
    .values({ company_id: companyId, iso_week: '2025-W10', mentions: 1, trailing_avg: 0.5 })
    .execute()
  for (const publishedOn of ['2025-03-03', '2025-03-05', '2025-03-09', '2025-03-10'])
    await createDocument(conn.db, { publishedOn, text: `Note of ${publishedOn}. Meitu launched a new image model this week.` })
}, 120_000)
afterAll(async () => {
  await conn.close()
})

describe("the meeting's alerts", () => {
  it('carry the count now and the count they were raised at, for that company and week', async () => {
    const res = await respond(() =>
      meetingLoader({
        request: getRequest('/meetings/2025-W10?theme=alert-theme', cookie),
        params: { week: '2025-W10' },
        context: contextFor(conn),
      }),
    )
    const data = await res.json()
    expect(data.view.mentions.alerts).toMatchObject([{ companyId, week: '2025-W10', mentions: 1, currentMentions: 3, nameEn: 'Meitu' }])
  })
})
