import { type Kysely, sql } from 'kysely'

// Optimistic concurrency for texts people edit in forms: each form carries the version it
// was opened at, and a save from an older version is refused instead of overwriting what
// someone else saved meanwhile. A version counts saves of one text (or one row's fields),
// starting at 1; a meeting without a row is version 0.
//
// The theme row holds two texts edited by different forms (the thesis, and the details:
// names, summaries, stance, status, parent), each with its own version, so saving the
// thesis does not refuse someone's edit of the summary.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table theme
      add column thesis_version integer not null default 1,
      add column details_version integer not null default 1`.execute(db)
  for (const table of ['theme_point', 'application_segment', 'meeting', 'watchlist_entry']) {
    await sql`alter table ${sql.table(table)} add column version integer not null default 1`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['theme_point', 'application_segment', 'meeting', 'watchlist_entry']) {
    await sql`alter table ${sql.table(table)} drop column version`.execute(db)
  }
  await sql`alter table theme drop column thesis_version, drop column details_version`.execute(db)
}
