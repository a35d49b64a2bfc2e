import { type Kysely, sql } from 'kysely'

// Closing a week for scoring becomes its own action at the meeting instead of a side
// effect of saving the notes (decision 040). A meeting row with closed_at set locks the
// weeks before it; the notes form creates rows with closed_at null.
//
// closed_at defaults to the insertion time so that a meeting row written outside the
// notes form (the demo history, an import) keeps locking as every row did before. Rows
// that exist today locked earlier weeks from their first save: they are closed as of that
// save (the audit log's first 'meeting.notes' entry), by whoever made it, or as of their
// last update when the log has nothing.
//
// meeting_theme: the further themes a meeting covers, in the order the lead picked them
// (the meeting's own theme comes first and is not repeated here).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table meeting
      add column closed_at timestamptz default now(),
      add column closed_by integer references app_user(id) on delete set null`.execute(db)
  const firstSave = (column: 'at' | 'user_id') => sql`(
    select a.${sql.ref(column)} from audit_log a
    where a.entity_type = 'meeting' and a.entity_id = m.id::text and a.action = 'meeting.notes'
    order by a.id
    limit 1)`
  await sql`
    update meeting m set
      closed_at = coalesce(${firstSave('at')}, m.updated_at),
      closed_by = coalesce(${firstSave('user_id')}, m.updated_by)`.execute(db)
  await sql`
    create table meeting_theme (
      meeting_id integer not null references meeting(id) on delete cascade,
      theme_id integer not null references theme(id) on delete cascade,
      position integer not null default 0,
      primary key (meeting_id, theme_id)
    )`.execute(db)
  await sql`create index meeting_theme_theme_idx on meeting_theme (theme_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table meeting_theme`.execute(db)
  await sql`alter table meeting drop column closed_at, drop column closed_by`.execute(db)
}
