import { type Kysely, sql } from 'kysely'

// Indexes for the weekly meeting page, chosen with EXPLAIN ANALYZE on the benchmark's
// team-scale data set (tests/bench/meeting.bench.ts: 5 years, 30 analysts, 341,000 score
// revisions, 50,000 documents, 2,000,000 mentions).
// - score_revision_as_of_idx: the consensus history "as of" the meeting (distinct on each
//   analyst's latest revision per cell and week, over 12 weeks) reads ~15,000 revisions.
//   With the level, rubric and saved_at in the index it is an index-only scan in week,
//   cell, analyst order instead of a bitmap heap scan and two sorts.
// - document_created_at_idx: "new documents this week" filters documents by when they were
//   added; without it every page view scanned all documents.
// - mention_week_week_cover_idx: the week's mention counts for the theme's companies as an
//   index-only scan (rows of one week are scattered over the table, which is clustered by
//   company as the rollup trigger writes it). It serves every query the plain (iso_week)
//   index served, so that one goes: one less index for every mention batch to update.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index score_revision_as_of_idx on score_revision (theme_id, iso_week, modality_id, dimension_id, user_id, id desc)
    include (saved_at, rubric_id, level)`.execute(db)
  await sql`create index document_created_at_idx on document (created_at)`.execute(db)
  await sql`create index mention_week_week_cover_idx on mention_week (iso_week, company_id) include (language, mentions, documents)`.execute(db)
  await sql`drop index if exists mention_week_week_idx`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists mention_week_week_idx on mention_week (iso_week)`.execute(db)
  await sql`drop index mention_week_week_cover_idx`.execute(db)
  await sql`drop index document_created_at_idx`.execute(db)
  await sql`drop index score_revision_as_of_idx`.execute(db)
}
