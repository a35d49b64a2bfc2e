import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getJob } from '#app/models/ops/index.server.ts'
import type { Connection } from '#db/connection.ts'
import { createTestDatabase } from '#tests/db.ts'
import { createAlias, createCompany, createDocument } from '#tests/factories.ts'

import { REMATCH_COMPANY_JOB_KIND, rematchCompanyHandler, requestCompanyRematch } from './rematch-company-job.server.ts'
import { startJobRunner } from './runner.server.ts'

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

describe('the rematch job', () => {
  it('goes through every document with progress and stores the mentions the new alias finds', async () => {
    const company = await createCompany(conn.db, { nameEn: 'Shengshu Technology', nameZh: '生数科技' })
    const docs = []
    for (const text of ['Vidu 2.0 renders a clip in ten seconds.', '生数科技发布了Vidu新版本。', 'No company here.'])
      docs.push((await createDocument(conn.db, { text })).document.id)
    await createAlias(conn.db, { companyId: company.id, text: 'Vidu', kind: 'product' })
    const id = await requestCompanyRematch(conn.db, { companyId: company.id, reason: 'alias added' })
    const runner = startJobRunner(conn.db, {
      workerId: 'w',
      handlers: { [REMATCH_COMPANY_JOB_KIND]: rematchCompanyHandler({ batchSize: 2 }) },
      pollMs: 20,
    })
    const deadline = Date.now() + 15_000
    while ((await getJob(conn.db, id))?.status !== 'done' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
    await runner.stop()
    const total = Number(
      (
        await conn.db
          .selectFrom('document')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    expect(await getJob(conn.db, id)).toMatchObject({
      status: 'done',
      done: total,
      total,
      result: { companyId: company.id, changed: 2, added: 2 },
    })
    const vidu = await conn.db
      .selectFrom('mention')
      .select('document_id')
      .where('company_id', '=', company.id)
      .where('alias_text', '=', 'Vidu')
      .execute()
    expect(vidu.map((m) => m.document_id).sort()).toEqual([docs[0], docs[1]])
  })
})
