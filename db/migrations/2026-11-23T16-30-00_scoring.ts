import { type Kysely, sql } from 'kysely'

// Scoring history and week reopening.
// - score_revision: one row per save of a score, never changed afterwards. The score table
//   holds the latest value per (theme, analyst, modality, dimension, week); the revisions
//   let a past week be shown exactly as it stood at any instant (a meeting's "as of" view)
//   and let "what moved" show every replaced value.
// - score_week_reopen: weeks an administrator reopened for scoring after a meeting locked them.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table score_revision (
      id bigint generated always as identity primary key,
      score_id integer not null references score(id) on delete cascade,
      theme_id integer not null references theme(id) on delete cascade,
      user_id integer not null references app_user(id),
      modality_id integer not null references modality(id),
      dimension_id integer not null references scoring_dimension(id),
      iso_week text not null check (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
      rubric_id integer not null,
      level integer not null,
      reason text not null default '' check (length(reason) <= 500),
      evidence jsonb not null default '[]'::jsonb,
      -- Milliseconds, like a JS Date: an instant read back from here finds its own row.
      saved_at timestamptz not null default date_trunc('milliseconds', clock_timestamp()),
      constraint score_revision_rubric_level_fkey foreign key (rubric_id, level) references rubric_level(rubric_id, level)
    )`.execute(db)
  await sql`create index score_revision_week_idx on score_revision (theme_id, iso_week, saved_at)`.execute(db)
  await sql`create index score_revision_score_idx on score_revision (score_id, id)`.execute(db)
  // Append-only, like audit_log. A delete is allowed only when it cascades from its theme
  // or score (trigger depth > 1), so removing a whole theme still works.
  await sql`
    create function score_revision_is_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
        return old;
      end if;
      raise exception 'score_revision is append-only' using errcode = '42501';
    end $$`.execute(db)
  await sql`
    create trigger score_revision_no_update_or_delete before update or delete on score_revision
    for each row execute function score_revision_is_append_only()`.execute(db)

  await sql`
    create table score_week_reopen (
      theme_id integer not null references theme(id) on delete cascade,
      iso_week text not null check (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
      reopened_at timestamptz not null default now(),
      reopened_by integer references app_user(id),
      primary key (theme_id, iso_week)
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_week_reopen').execute()
  await db.schema.dropTable('score_revision').execute()
  await sql`drop function score_revision_is_append_only()`.execute(db)
}
