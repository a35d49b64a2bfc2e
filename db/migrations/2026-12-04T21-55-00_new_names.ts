import { type Kysely, sql } from 'kysely'

// Names the registry does not know yet (issue 13, section 2). While documents are matched,
// names that look like companies or products but are no alias are collected:
// - new_name: one row per name (its folded key), with how it was written, its language,
//   whether it is an organisation or a product (and the known company it was named next
//   to), and what an analyst decided: still new, dismissed (not shown again) or added
//   (linked to the company it became or joined);
// - new_name_sighting: one row per name and document, with how often it occurs there and
//   one snippet; a document's rows are replaced whenever it is matched again, so collecting
//   is idempotent. Weeks come from the document (document.iso_week).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table new_name (
      id serial primary key,
      key text not null constraint new_name_key_check check (char_length(key) between 1 and 200),
      display_text text not null constraint new_name_display_text_check check (char_length(display_text) between 1 and 200),
      language text not null constraint new_name_language_check check (language in ('zh', 'en')),
      kind text not null constraint new_name_kind_check check (kind in ('org', 'product')),
      owner_company_id integer references company (id) on delete set null,
      status text not null default 'new' constraint new_name_status_check check (status in ('new', 'dismissed', 'added')),
      company_id integer references company (id) on delete set null,
      decided_by integer references app_user (id) on delete set null,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      constraint new_name_key_unique unique (key)
    )`.execute(db)
  await sql`
    create table new_name_sighting (
      new_name_id integer not null references new_name (id) on delete cascade,
      document_id integer not null references document (id) on delete cascade,
      occurrences integer not null constraint new_name_sighting_occurrences_check check (occurrences > 0),
      snippet text not null constraint new_name_sighting_snippet_check check (char_length(snippet) <= 1000),
      match_start integer not null constraint new_name_sighting_match_start_check check (match_start >= 0),
      match_end integer not null,
      constraint new_name_sighting_match_check check (match_end >= match_start),
      primary key (document_id, new_name_id)
    )`.execute(db)
  await sql`create index new_name_sighting_name_idx on new_name_sighting (new_name_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table new_name_sighting`.execute(db)
  await sql`drop table new_name`.execute(db)
}
