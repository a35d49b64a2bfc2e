import { type Kysely, sql } from 'kysely'

// mention_week missed documents whose published date was edited. The trigger that moves a
// document's counts was `after update of iso_week, language`, but a column list matches
// the columns the UPDATE statement names, not the ones a BEFORE trigger changes: editing
// published_on made document_iso_week_set write a new iso_week, and the move never ran, so
// the dashboard and meetings kept counting the document in its old week.
//
// The move now fires after any update of a document, and its WHEN clause compares the
// final old and new rows (after every BEFORE trigger) on what the rollup is keyed on:
// the document's week and language. The rollup's third key, the company, cannot change
// under a mention (mention_not_moved refuses it), so nothing else has to be watched.
//
// Rollup rows already wrong are repaired here: each (company, week, language) is set to
// the count over the mention rows, rows no mention supports go, and rows that were
// right are not rewritten.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger document_mention_week_update on document`.execute(db)
  await sql`
    create trigger document_mention_week_update after update on document
    for each row when (old.iso_week is distinct from new.iso_week or old.language is distinct from new.language)
    execute function document_mention_week_move()`.execute(db)

  // Ingests committing meanwhile (another instance) wait for the repair rather than
  // adding their counts to rows it is about to overwrite; the lock ends with the migration.
  await sql`lock table mention_week in share row exclusive mode`.execute(db)
  await sql`
    with counted as (
      select m.company_id, d.iso_week, d.language, count(*)::int as mentions, count(distinct m.document_id)::int as documents
      from mention m join document d on d.id = m.document_id
      group by 1, 2, 3
    ), stale as (
      delete from mention_week w
      where not exists (
        select 1 from counted c where c.company_id = w.company_id and c.iso_week = w.iso_week and c.language = w.language
      )
    )
    insert into mention_week as w (company_id, iso_week, language, mentions, documents)
    select company_id, iso_week, language, mentions, documents from counted
    order by 1, 2, 3
    on conflict (company_id, iso_week, language) do update
      set mentions = excluded.mentions, documents = excluded.documents
      where (w.mentions, w.documents) is distinct from (excluded.mentions, excluded.documents)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger document_mention_week_update on document`.execute(db)
  await sql`
    create trigger document_mention_week_update after update of iso_week, language on document
    for each row when (old.iso_week is distinct from new.iso_week or old.language is distinct from new.language)
    execute function document_mention_week_move()`.execute(db)
}
