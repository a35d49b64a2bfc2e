import { countDocumentsAfter, rescanDocuments } from '#app/models/document/index.server.ts'
import { collectNewNamesForDocuments } from '#app/models/new-names/index.server.ts'

import type { JobHandler } from './runner.server.ts'

// "Find mentions again in every document" (after aliases changed) as a background job.
// The cursor is the last document id done plus the running totals, saved after each
// batch, so a restart continues after the last finished batch instead of from the start.

export { RESCAN_JOB_KIND } from '#app/schemas/job-kinds.ts'

interface RescanCursor {
  afterId: number
  done: number
  added: number
  removed: number
  updated: number
}

export function rescanDocumentsHandler({ batchSize = 25 } = {}): JobHandler {
  return async (db, job, progress, signal) => {
    const cursor: RescanCursor = {
      afterId: 0,
      done: 0,
      added: 0,
      removed: 0,
      updated: 0,
      ...((job.cursor as Partial<RescanCursor> | null) ?? {}),
    }
    const remaining = await countDocumentsAfter(db, cursor.afterId)
    const total = cursor.done + remaining
    await progress(cursor.done, { total, cursor })
    for (;;) {
      if (signal.aborted) throw signal.reason
      const batch = await rescanDocuments(db, { afterId: cursor.afterId, limit: batchSize })
      await collectNewNamesForDocuments(db, { afterId: cursor.afterId, throughId: batch.lastId })
      cursor.afterId = batch.lastId ?? cursor.afterId
      cursor.done += batch.processed
      cursor.added += batch.added
      cursor.removed += batch.removed
      cursor.updated += batch.updated
      await progress(cursor.done, { total: Math.max(total, cursor.done), cursor })
      if (batch.done || batch.lastId === null) break
    }
    return { documents: cursor.done, added: cursor.added, removed: cursor.removed, updated: cursor.updated }
  }
}
