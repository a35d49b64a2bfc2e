import { type Kysely, sql } from 'kysely'

// Texts in two languages: the thesis gets a Chinese version next to the English one
// (thesis_md stays the English text, so nothing that reads it changes), and every text a
// theme keeps in both languages records when each language was last saved. A reader is
// told when their language is missing or older than the other one.
//
// Existing texts count as saved when the theme (or the point) was last touched; a
// segment has no timestamp of its own, so both of its notes count as saved now and
// neither reads as older.

const LANGUAGE_COLUMNS: [table: string, text: string][] = [
  ['theme', 'thesis'],
  ['theme', 'summary'],
  ['theme_point', 'text'],
  ['application_segment', 'note'],
]

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table theme add column thesis_zh_md text not null default '' check (length(thesis_zh_md) <= 100000)`.execute(db)
  for (const [table, text] of LANGUAGE_COLUMNS) {
    await sql`
      alter table ${sql.table(table)}
        add column ${sql.ref(`${text}_en_updated_at`)} timestamptz,
        add column ${sql.ref(`${text}_zh_updated_at`)} timestamptz`.execute(db)
  }
  await sql`
    update theme set
      thesis_en_updated_at = case when thesis_md <> '' then updated_at end,
      summary_en_updated_at = case when summary_en <> '' then updated_at end,
      summary_zh_updated_at = case when summary_zh <> '' then updated_at end`.execute(db)
  await sql`
    update theme_point set
      text_en_updated_at = case when text_en <> '' then created_at end,
      text_zh_updated_at = case when text_zh <> '' then created_at end`.execute(db)
  await sql`
    update application_segment set
      note_en_updated_at = case when note_en <> '' then now() end,
      note_zh_updated_at = case when note_zh <> '' then now() end`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, text] of LANGUAGE_COLUMNS) {
    await sql`
      alter table ${sql.table(table)}
        drop column ${sql.ref(`${text}_en_updated_at`)},
        drop column ${sql.ref(`${text}_zh_updated_at`)}`.execute(db)
  }
  await sql`alter table theme drop column thesis_zh_md`.execute(db)
}
