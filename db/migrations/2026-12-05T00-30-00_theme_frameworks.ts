import { type Kysely, sql } from 'kysely'

// Each theme scores its own items (the modality table) on its own dimensions
// (scoring_dimension). Until now both were global, so a humanoid-robot theme was scored on
// AI modalities. This migration:
// - gives modality and scoring_dimension a theme_id and a created_at (an item added this
//   week does not appear in earlier weeks' grids; rows from before get the epoch);
// - hands today's rows to one theme (slug multimodal-ai, else the theme with most scores,
//   else the first), so its scores, company_modality links and ids stay as they are;
// - copies them, in id order, for every other theme and repoints that theme's scores,
//   score revisions and source scores to its copies: the same slugs, names, positions and
//   archive dates, so no score, consensus, meeting or export reads differently;
// - makes slugs unique per theme and lets a score, revision or source score point only at
//   an item and a dimension of its own theme (composite foreign keys);
// - adds theme.framework_version, counted up on each framework edit (edits carry their
//   version, decision 025).
// With no theme at all nothing can have been scored: the global rows are dropped.

const TABLES = ['modality', 'scoring_dimension'] as const
const USERS = ['score', 'score_revision', 'source_score'] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} add column theme_id integer references theme(id) on delete cascade`.execute(db)
    await sql`alter table ${sql.table(table)} add column created_at timestamptz not null default now()`.execute(db)
    await sql`update ${sql.table(table)} set created_at = timestamptz '1970-01-01 00:00:00+00'`.execute(db)
    await sql`alter table ${sql.table(table)} add column copied_from integer`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_slug_key`)}`.execute(db)
  }
  await sql`alter table theme add column framework_version integer not null default 1`.execute(db)

  const owner = await sql<{ id: number }>`
    select t.id from theme t
    order by (t.slug = 'multimodal-ai') desc, (select count(*) from score s where s.theme_id = t.id) desc, t.id
    limit 1`.execute(db)
  const ownerId = owner.rows[0]?.id

  // score_revision is append-only; repointing it is the one sanctioned rewrite.
  await sql`alter table score_revision disable trigger score_revision_no_update_or_delete`.execute(db)
  for (const table of TABLES) {
    if (ownerId === undefined) {
      await sql`delete from ${sql.table(table)}`.execute(db)
      continue
    }
    await sql`update ${sql.table(table)} set theme_id = ${ownerId}`.execute(db)
    const extra = table === 'modality' ? sql`, description_en, description_zh` : sql``
    await sql`
      insert into ${sql.table(table)} (theme_id, slug, name_en, name_zh, position, archived_at, created_at, copied_from${extra})
      select t.id, v.slug, v.name_en, v.name_zh, v.position, v.archived_at, v.created_at, v.id${extra}
      from theme t cross join ${sql.table(table)} v
      where t.id <> ${ownerId} and v.theme_id = ${ownerId}
      order by t.id, v.id`.execute(db)
    const column = table === 'modality' ? 'modality_id' : 'dimension_id'
    for (const user of USERS) {
      await sql`
        update ${sql.table(user)} u set ${sql.ref(column)} = c.id
        from ${sql.table(table)} c
        where c.copied_from = u.${sql.ref(column)} and c.theme_id = u.theme_id`.execute(db)
    }
  }
  await sql`alter table score_revision enable trigger score_revision_no_update_or_delete`.execute(db)

  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} drop column copied_from`.execute(db)
    await sql`alter table ${sql.table(table)} alter column theme_id set not null`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_theme_slug_key`)} unique (theme_id, slug)`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_theme_id_key`)} unique (theme_id, id)`.execute(db)
  }
  for (const user of USERS) {
    await sql`
      alter table ${sql.table(user)} add constraint ${sql.id(`${user}_theme_modality_fkey`)}
      foreign key (theme_id, modality_id) references modality (theme_id, id)`.execute(db)
    await sql`
      alter table ${sql.table(user)} add constraint ${sql.id(`${user}_theme_dimension_fkey`)}
      foreign key (theme_id, dimension_id) references scoring_dimension (theme_id, id)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const user of USERS) {
    await sql`alter table ${sql.table(user)} drop constraint ${sql.id(`${user}_theme_modality_fkey`)}`.execute(db)
    await sql`alter table ${sql.table(user)} drop constraint ${sql.id(`${user}_theme_dimension_fkey`)}`.execute(db)
  }
  await sql`alter table theme drop column framework_version`.execute(db)
  // The per-theme copies cannot become global again without merging scores: down keeps
  // the rows and only drops the columns when every slug is still unique.
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_theme_id_key`)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_theme_slug_key`)}`.execute(db)
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_slug_key`)} unique (slug)`.execute(db)
    await sql`alter table ${sql.table(table)} drop column created_at`.execute(db)
    await sql`alter table ${sql.table(table)} drop column theme_id`.execute(db)
  }
}
