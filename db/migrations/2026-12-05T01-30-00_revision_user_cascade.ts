import { type Kysely, sql } from 'kysely'

// Since a withdrawn score keeps its revisions (2026-12-05T00-40-00), revisions no longer go
// with their score, so removing the demo analysts (Settings, "Demo team") hit their
// revisions' foreign key. A revision now goes with its analyst's account, by cascade, which
// the append-only trigger allows (it refuses only direct updates and deletes). Real accounts
// are disabled, never deleted, so their history stays.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table score_revision drop constraint score_revision_user_id_fkey`.execute(db)
  await sql`
    alter table score_revision add constraint score_revision_user_id_fkey
    foreign key (user_id) references app_user(id) on delete cascade`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table score_revision drop constraint score_revision_user_id_fkey`.execute(db)
  await sql`alter table score_revision add constraint score_revision_user_id_fkey foreign key (user_id) references app_user(id)`.execute(db)
}
