import { type Kysely, sql } from 'kysely'

// Full-text search over document titles and text (issue 13, decision 026). The words are
// cut by the app, not by a PostgreSQL text-search parser, so PGlite and PostgreSQL index
// exactly the same tokens: Han (and kana, Hangul) characters as single characters and
// overlapping pairs, other words lower-cased after NFKC. `words` holds them as a tsvector
// (title weight A, text weight D) for the GIN index and ts_rank; `plain` is the same text
// normalised the same way, where a phrase is checked with strpos. `version` is the
// tokenizer's: rows of an older one are rebuilt by the app's backfill, which also fills
// this table for documents stored before it existed (at start-up; a migration cannot run
// the app's tokenizer).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table document_search (
      document_id integer primary key references document (id) on delete cascade,
      words tsvector not null,
      plain text not null,
      version smallint not null
    )`.execute(db)
  await sql`create index document_search_words_idx on document_search using gin (words)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table document_search`.execute(db)
}
