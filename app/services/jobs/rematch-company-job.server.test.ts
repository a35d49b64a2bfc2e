import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createCompany } from '#tests/factories.ts'

import { REMATCH_COMPANY_JOB_KIND, requestCompanyRematch } from './rematch-company-job.server.ts'

let conn: Connection
beforeAll(async () => {
  conn = await createTestDatabase()
})
afterAll(async () => {
  await conn?.close()
})

describe('asking for a rematch of one company', () => {
  it('queues one job per company however many edits ask for it, and audits it', async () => {
    const a = await createCompany(conn.db)
    const b = await createCompany(conn.db)
    const first = await requestCompanyRematch(conn.db, { companyId: a.id, reason: 'alias added' })
    const again = await requestCompanyRematch(conn.db, { companyId: a.id, reason: 'alias removed' })
    const other = await requestCompanyRematch(conn.db, { companyId: b.id, reason: 'alias added' })
    expect(again).toBe(first)
    expect(other).not.toBe(first)
    const job = await conn.db.selectFrom('job').select(['kind', 'payload', 'status']).where('id', '=', first).executeTakeFirstOrThrow()
    expect(job).toMatchObject({
      kind: REMATCH_COMPANY_JOB_KIND,
      status: 'queued',
      payload: { companyId: a.id, reasons: ['alias added', 'alias removed'] },
    })
    const audits = await conn.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'job.enqueue').execute()
    expect(audits.map((r) => Number(r.entity_id))).toEqual(expect.arrayContaining([first, other]))
  })

  it('queues a fresh job behind one already running, which may have passed the changed documents', async () => {
    const c = await createCompany(conn.db)
    const running = await requestCompanyRematch(conn.db, { companyId: c.id, reason: 'alias added' })
    await conn.db.updateTable('job').set({ status: 'running' }).where('id', '=', running).execute()
    expect(await requestCompanyRematch(conn.db, { companyId: c.id, reason: 'negative word added' })).not.toBe(running)
  })
})
