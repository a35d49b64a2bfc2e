import { type Kysely, sql } from 'kysely'

// Deleting a mention cascades to score_evidence through mention_id, which had no index:
// each deleted mention scanned the whole evidence table. Re-matching a company whose
// alias is removed deletes thousands of mentions at once (2026-12-04T20-30-00_mention_trust),
// so the cascade needs an index. Partial: most evidence points at a document, not a mention.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index score_evidence_mention_idx on score_evidence (mention_id) where mention_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index score_evidence_mention_idx`.execute(db)
}
