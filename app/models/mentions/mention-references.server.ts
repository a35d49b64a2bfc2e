import { sql } from 'kysely'

import { type DB, FOREIGN_KEY_VIOLATION, ON_EMBEDDED_ENGINE } from '#app/models/db.server.ts'

// Writing mentions on the embedded database without a foreign-key check per row
// (decision 050). PostgreSQL checks each row's document, company and alias with a query
// of its own: 3 x 3,200 of them for a 100-page report, half the time of its INSERT on
// PGlite. PGlite has one connection, so no other transaction can delete a company or an
// alias before this one commits; the rows can skip those checks (replica mode, for this
// transaction only) and the same checks run once, on the distinct ids. On a PostgreSQL
// server, where others could delete meanwhile, every row is checked as before.

/** Replica mode for the rest of tx, on PGlite only; one statement, so a write pays one round trip for it. */
export async function skipRowChecksIfEmbedded(tx: DB): Promise<boolean> {
  const { rows } = await sql<{ role: string }>`
    select set_config('session_replication_role', 'replica', true) as role where ${ON_EMBEDDED_ENGINE}`.execute(tx)
  return rows.length > 0
}

/** What PostgreSQL throws for a missing referenced row, so callers (a stale alias's retry) see no difference. */
class MissingReference extends Error {
  readonly code = FOREIGN_KEY_VIOLATION
  constructor(readonly constraint: string) {
    super(`insert or update on table "mention" violates foreign key constraint "${constraint}"`)
  }
}

interface References {
  companyId: number
  aliasId: number | null
}

/** Back to row checks for the rest of the transaction, and the checks the skipped ones would have made. */
export async function checkMentionReferences(tx: DB, documentId: number, rows: readonly References[]): Promise<void> {
  const companies = [...new Set(rows.map((row) => row.companyId))]
  const aliases = [...new Set(rows.flatMap((row) => (row.aliasId === null ? [] : [row.aliasId])))]
  const { rows: found } = await sql<{ document: boolean; company: boolean; alias: boolean }>`
    select set_config('session_replication_role', 'origin', true) as role,
      exists (select 1 from document where id = ${documentId}) as document,
      not exists (select 1 from unnest(${companies}::int[]) as c(id) where not exists (select 1 from company where company.id = c.id)) as company,
      not exists (select 1 from unnest(${aliases}::int[]) as a(id) where not exists (select 1 from company_alias where company_alias.id = a.id)) as alias`.execute(
    tx,
  )
  const { document, company, alias } = found[0]!
  if (!document) throw new MissingReference('mention_document_id_fkey')
  if (!company) throw new MissingReference('mention_company_id_fkey')
  if (!alias) throw new MissingReference('mention_alias_id_fkey')
}
