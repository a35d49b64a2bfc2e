import { type Kysely, sql } from 'kysely'

// Numeric estimates a theme tracks beyond data exhaustion (market size, cost per unit,
// adoption share): a series has a name in both languages and a unit; its estimates carry a
// value or a low-high range, the year it refers to, a source and the date it was made.
// Rows are never updated, so the table is its own history (decision 043). The data-stock
// tables stay as they are.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table estimate_series (
      id integer generated always as identity primary key,
      theme_id integer not null references theme(id) on delete cascade,
      name_en text not null check (length(btrim(name_en)) between 1 and 200),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 200),
      unit text not null check (length(btrim(unit)) between 1 and 40),
      position integer not null default 0,
      created_at timestamptz not null default now()
    )`.execute(db)
  await sql`create unique index estimate_series_theme_name_key on estimate_series (theme_id, lower(name_en))`.execute(db)
  await sql`
    create table series_estimate (
      id integer generated always as identity primary key,
      series_id integer not null references estimate_series(id) on delete cascade,
      source text not null check (length(btrim(source)) between 1 and 200),
      estimated_on date not null,
      value_low double precision not null check (value_low >= 0),
      value_high double precision not null,
      refers_to_year integer check (refers_to_year between 1900 and 2200),
      note text not null default '' check (length(note) <= 2000),
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      constraint series_estimate_range_order check (value_high >= value_low),
      constraint series_estimate_series_source_date_key unique (series_id, source, estimated_on)
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('series_estimate').execute()
  await db.schema.dropTable('estimate_series').execute()
}
