import { sql } from 'kysely'

import type { DB } from '#app/models/db.server.ts'

// One cheap reading that changes whenever anything a page shows may have changed: every
// mutation writes the audit log in its own transaction, and the few writes that are not
// a person's action (feed and bulk ingest, re-scans, alerts, score saves) add rows with
// growing ids. Each part is a max() over a primary key: an index-only read.
// The team time zone is read with it, because "the current week" depends on it.

export interface DataVersion {
  version: string
  timeZone: string | null
}

export async function readDataVersion(db: DB): Promise<DataVersion> {
  const row = await sql<{ audit: unknown; document: unknown; mention: unknown; revision: unknown; zone: unknown }>`
    select
      (select max(id) from audit_log) as audit,
      (select max(id) from document) as document,
      (select max(id) from mention) as mention,
      (select max(id) from score_revision) as revision,
      (select value from app_setting where key = 'team.time_zone') as zone`.execute(db)
  const r = row.rows[0]
  const zone = r.zone // jsonb: already parsed by both drivers
  return {
    version: [r.audit, r.document, r.mention, r.revision].map((v) => String(v ?? 0)).join('.'),
    timeZone: typeof zone === 'string' ? zone : null,
  }
}
