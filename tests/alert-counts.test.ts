import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listScopeAlerts } from '#app/models/mentions/index.server.ts'
import { loader as documentsLoader } from '#app/routes/documents._index.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createCompany, createDocument, createUser, createWatchlist, getRequest, respond } from './factories.ts'

// An alert keeps the count it was raised at and shows the week's count now, and its
// "Documents" link (/documents?company=&week=) lists the documents behind that count.

let conn: Connection
let cookie: string
let companyId: number
let watchlistId: number

beforeAll(async () => {
  conn = await createTestDatabase()
  cookie = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
  companyId = (await createCompany(conn.db, { nameEn: 'Meitu', nameZh: '美图' })).id
  watchlistId = (await createWatchlist(conn.db, { entries: [{ companyId }] })).id
  // Raised at 1 mention in 2025-W10; three documents of that week mention Meitu by now, one the week after.
  await conn.db.insertInto('mention_alert').values({ company_id: companyId, iso_week: '2025-W10', mentions: 1, trailing_avg: 0 }).execute()
  for (const [title, publishedOn] of [
    ['Meitu one', '2025-03-03'],
    ['Meitu two', '2025-03-05'],
    ['Meitu three', '2025-03-09'],
    ['Meitu later', '2025-03-10'],
  ])
    await createDocument(conn.db, { title, publishedOn, text: `Note of ${publishedOn}. Meitu launched a new image model this week.` })
  await createDocument(conn.db, { title: 'Other', publishedOn: '2025-03-04', text: 'Nothing about that company here.' })
})
afterAll(async () => {
  await conn.close()
})

describe('alerts on /mentions', () => {
  it('shows the count now beside the count the alert was raised at', async () => {
    const [alert] = await listScopeAlerts(conn.db, { watchlistId }, { from: '2025-W01', to: '2025-W20' })
    expect(alert).toMatchObject({ companyId, week: '2025-W10', mentions: 1, currentMentions: 3 })
  })

  it('links to the documents behind the count: that company, that week', async () => {
    const res = await respond(() =>
      documentsLoader({
        request: getRequest(`/documents?company=${companyId}&week=2025-w10`, cookie),
        params: {},
        context: contextFor(conn),
      }),
    )
    const { documents, filters } = await res.json()
    expect(documents.map((d: { title: string }) => d.title).sort()).toEqual(['Meitu one', 'Meitu three', 'Meitu two'])
    expect(filters.week).toBe('2025-W10')
  })

  it('ignores a week that is not one', async () => {
    const res = await respond(() =>
      documentsLoader({ request: getRequest(`/documents?company=${companyId}&week=W10`, cookie), params: {}, context: contextFor(conn) }),
    )
    expect((await res.json()).documents).toHaveLength(4)
  })
})
