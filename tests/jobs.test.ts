import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimNextJob, enqueueJob, reportJobProgress } from '#app/models/ops/index.server.ts'
import { loader as jsonLoader } from '#app/routes/jobs.$id.json.ts'
import { action, loader } from '#app/routes/jobs.$id.tsx'
import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'
import { contextFor, cookieFor, createUser, getRequest, postForm, respond } from './factories.ts'

let conn: Connection
let analyst: string
let viewer: string
let analystId: number
beforeAll(async () => {
  conn = await createTestDatabase()
  analystId = (await createUser(conn.db, { role: 'analyst', displayName: 'Chen Analyst' })).id
  analyst = await cookieFor(conn.db, analystId)
  viewer = await cookieFor(conn.db, (await createUser(conn.db, { role: 'viewer' })).id)
})
afterAll(async () => {
  await conn?.close()
})

async function runningJob(done: number, total: number) {
  const id = await enqueueJob(conn.db, { kind: 'documents.bulk-ingest', total, createdBy: analystId })
  const job = await claimNextJob(conn.db, 'w1', ['documents.bulk-ingest'])
  await conn.db
    .updateTable('job')
    .set({ started_at: sql`now() - interval '60 seconds'` })
    .where('id', '=', id)
    .execute()
  await reportJobProgress(conn.db, job!, { done, cursor: done })
  return id
}

describe('the job progress page', () => {
  it('shows counts, percent and an ETA to any signed-in reader, as a page and as JSON', async () => {
    const id = await runningJob(50, 200)
    const res = await respond(() =>
      loader({ request: getRequest(`/jobs/${id}`, viewer), params: { id: String(id) }, context: contextFor(conn) }),
    )
    const { job, canCancel } = await res.json()
    expect(canCancel).toBe(false)
    expect(job).toMatchObject({
      id,
      status: 'running',
      done: 50,
      total: 200,
      percent: 25,
      createdByName: 'Chen Analyst',
      finished: false,
      result: null,
    })
    expect(job.etaSeconds).toBeGreaterThanOrEqual(179)
    expect(job.etaSeconds).toBeLessThanOrEqual(185)
    const asJson = await respond(() =>
      jsonLoader({ request: getRequest(`/jobs/${id}/json`, viewer), params: { id: String(id) }, context: contextFor(conn) }),
    )
    expect(asJson.headers.get('Cache-Control')).toBe('no-store')
    expect(await asJson.json()).toMatchObject({ id, done: 50, total: 200 })
  })

  it('answers 404 for a job that does not exist or an id that is not one', async () => {
    for (const id of ['999999', 'abc', '-1', '99999999999']) {
      const res = await respond(() => loader({ request: getRequest(`/jobs/${id}`, viewer), params: { id }, context: contextFor(conn) }))
      expect(res.status).toBe(404)
    }
    const res = await respond(() =>
      jsonLoader({ request: getRequest('/jobs/abc/json', viewer), params: { id: 'abc' }, context: contextFor(conn) }),
    )
    expect(res.status).toBe(404)
  })

  it('lets an analyst cancel a running job once; viewers are refused', async () => {
    const id = await runningJob(1, 10)
    const cancel = (cookie: string) =>
      respond(() =>
        action({ request: postForm(`/jobs/${id}`, { intent: 'cancel' }, cookie), params: { id: String(id) }, context: contextFor(conn) }),
      )
    expect((await cancel(viewer)).status).toBe(403)
    expect((await cancel(analyst)).status).toBe(200)
    const again = await cancel(analyst)
    expect(again.status).toBe(409)
    expect((await again.json()).errors.form).toBe('jobs.cannotCancel')
    const res = await respond(() =>
      loader({ request: getRequest(`/jobs/${id}`, analyst), params: { id: String(id) }, context: contextFor(conn) }),
    )
    expect((await res.json()).job).toMatchObject({ status: 'cancelled', finished: true, etaSeconds: null })
  })
})
