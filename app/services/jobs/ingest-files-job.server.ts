import { IngestError } from '#app/ingest/ingest-error.ts'
import { outcomeOf, refusalKey } from '#app/ingest/outcome.ts'
import {
  type BulkUploadMeta,
  countJobFiles,
  FileAlreadyDone,
  nextPendingFile,
  recordFileOutcome,
} from '#app/models/document/index.server.ts'
import { getMentionMatcher } from '#app/models/mentions/index.server.ts'
import { ingestDocument } from '#app/services/ingest/ingest-document.server.ts'

import type { JobHandler } from './runner.server.ts'

// A bulk upload as a background job: each waiting file is ingested in its own transaction,
// which also records the file's outcome, so after a restart the job goes on with the
// first file without one. Progress is the number of files with an outcome.

export { INGEST_FILES_JOB_KIND } from '#app/schemas/job-kinds.ts'

export function ingestFilesHandler(): JobHandler {
  return async (db, job, progress, signal) => {
    const meta = job.payload as BulkUploadMeta
    const start = await countJobFiles(db, job.id)
    let done = start.done
    await progress(done, { total: start.total })
    for (;;) {
      if (signal.aborted) throw signal.reason
      const file = await nextPendingFile(db, job.id)
      if (!file) break
      // Cached until aliases change, so this is one cheap query per file.
      const { matcher } = await getMentionMatcher(db)
      try {
        await ingestDocument(
          db,
          {
            file: { name: file.name, bytes: file.bytes, contentType: file.contentType },
            publisher: meta.publisher,
            publishedOn: meta.publishedOn,
            tags: meta.tags,
            themeIds: meta.themeIds,
            createdBy: meta.createdBy,
            ip: meta.ip,
          },
          { matcher, onStored: (tx, result) => recordFileOutcome(tx, file.id, outcomeOf(file.name, result)) },
        )
      } catch (error) {
        if (error instanceof FileAlreadyDone) continue
        if (error instanceof IngestError) {
          await recordFileOutcome(db, file.id, { name: file.name, status: 'refused', reason: refusalKey(error.reason, error.params) })
        } else {
          if (signal.aborted) throw signal.reason
          // One unreadable file (a PDF that crashes the reader) must not stall the rest.
          console.error(`[jobs] job ${job.id}: file ${file.name} failed`, error)
          await recordFileOutcome(db, file.id, { name: file.name, status: 'refused', reason: refusalKey('failed') })
        }
      }
      done += 1
      await progress(done, { total: start.total })
    }
    const { total, ingested, duplicate, refused } = await countJobFiles(db, job.id)
    return { files: total, ingested, duplicate, refused }
  }
}
