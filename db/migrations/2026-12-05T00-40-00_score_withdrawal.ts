import { type Kysely, sql } from 'kysely'

// An analyst can withdraw a score (clear the cell). The score row is deleted, so every
// reader of the score table (consensus, exports, meetings) stops counting it; the history
// keeps it:
// - score_revision.withdrawn: a revision that says "withdrawn" (its level is the level
//   that was withdrawn, so the rubric-level foreign key still holds);
// - score_revision.score_id no longer cascades from score: deleting a withdrawn score
//   must keep its revisions. Revisions still go with their theme (theme_id cascades).
// The disagreement rule becomes a team setting (app_setting, no schema change).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table score_revision add column withdrawn boolean not null default false`.execute(db)
  await sql`alter table score_revision drop constraint score_revision_score_id_fkey`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  // Revisions of withdrawn scores point at no score: they go, as the old cascade would have taken them.
  await sql`alter table score_revision disable trigger score_revision_no_update_or_delete`.execute(db)
  await sql`delete from score_revision r where not exists (select 1 from score s where s.id = r.score_id)`.execute(db)
  await sql`alter table score_revision enable trigger score_revision_no_update_or_delete`.execute(db)
  await sql`
    alter table score_revision add constraint score_revision_score_id_fkey
    foreign key (score_id) references score(id) on delete cascade`.execute(db)
  await sql`alter table score_revision drop column withdrawn`.execute(db)
}
