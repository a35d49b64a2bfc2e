import { type Kysely, Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listDimensions, listModalities, saveScore } from '#app/models/scoring/index.server.ts'
import { type Connection, openPglite, openPostgres } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { migrations } from '#db/migrations/index.ts'

import { withDatabase } from './db.ts'

// The per-theme framework migration (2026-12-05T00-30-00_theme_frameworks) on a database
// migrated to the one before it, holding scores, revisions, evidence and source scores on
// two themes: every row reads the same afterwards, through names and slugs.

const BEFORE = '2026-12-04T22-30-00_score_evidence_mention_index'
const MINE = '2026-12-05T00-30-00_theme_frameworks'

let conn: Connection
let dropServerDb: (() => Promise<void>) | undefined

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const name = `themeradar_fw_${process.pid}_${Date.now().toString(36)}`
    const admin = openPostgres(serverUrl, { max: 1 })
    await sql`create database ${sql.id(name)}`.execute(admin.db)
    conn = openPostgres(withDatabase(serverUrl, name), { max: 5 })
    dropServerDb = async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
      await admin.close()
    }
  } else {
    conn = await openPglite()
  }
})
afterAll(async () => {
  await conn.close()
  await dropServerDb?.()
})

const migrator = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } })

async function fill(db: Kysely<any>) {
  const id = async (q: Promise<{ rows: Array<{ id: number }> }>) => (await q).rows[0].id
  const rubric = await id(
    sql<{ id: number }>`insert into rubric (slug, name_en, name_zh) values ('default', 'Maturity', '成熟度') returning id`.execute(db),
  )
  for (const level of [1, 2, 3, 4, 5])
    await sql`insert into rubric_level (rubric_id, level, name_en, name_zh) values (${rubric}, ${level}, ${`L${level}`}, ${`级${level}`})`.execute(
      db,
    )
  const mod: Record<string, number> = {}
  for (const [i, slug] of ['text', 'video', 'old-3d'].entries())
    mod[slug] = await id(
      sql<{ id: number }>`insert into modality (slug, name_en, name_zh, position, archived_at)
        values (${slug}, ${slug.toUpperCase()}, ${`模${i}`}, ${i}, ${slug === 'old-3d' ? new Date('2026-11-01T00:00:00Z') : null}) returning id`.execute(
        db,
      ),
    )
  const dim: Record<string, number> = {}
  for (const [i, slug] of ['technology', 'adoption-2c'].entries())
    dim[slug] = await id(
      sql<{
        id: number
      }>`insert into scoring_dimension (slug, name_en, name_zh, position) values (${slug}, ${slug}, ${`维${i}`}, ${i}) returning id`.execute(
        db,
      ),
    )
  const themes: number[] = []
  for (const slug of ['robots', 'multimodal-ai'])
    themes.push(
      await id(
        sql<{
          id: number
        }>`insert into theme (slug, name_en, name_zh, rubric_id) values (${slug}, ${slug}, ${slug}, ${rubric}) returning id`.execute(db),
      ),
    )
  const users: number[] = []
  for (const name of ['Ann', 'Bo', 'Cai'])
    users.push(
      await id(
        sql<{
          id: number
        }>`insert into app_user (email, display_name, password_hash, role) values (${`${name.toLowerCase()}@example.com`}, ${name}, 'x', 'analyst') returning id`.execute(
          db,
        ),
      ),
    )
  const company = await id(
    sql<{
      id: number
    }>`insert into company (name_en, region, is_listed, vendor_type) values ('Meitu', 'domestic', true, 'application_company') returning id`.execute(
      db,
    ),
  )
  await sql`insert into company_modality (company_id, modality_id) values (${company}, ${mod.video})`.execute(db)
  const doc = await id(
    sql<{
      id: number
    }>`insert into document (title, language, body, content_hash, published_on) values ('A report', 'en', 'text', ${'a'.repeat(64)}, '2026-11-20') returning id`.execute(
      db,
    ),
  )
  let n = 0
  for (const theme of themes)
    for (const user of users)
      for (const week of ['2026-W45', '2026-W46'])
        for (const m of Object.values(mod))
          for (const d of Object.values(dim)) {
            const level = 1 + ((n++ * 7 + theme + user) % 5)
            const score = await id(
              sql<{ id: number }>`insert into score (theme_id, user_id, modality_id, dimension_id, iso_week, rubric_id, level, reason)
                values (${theme}, ${user}, ${m}, ${d}, ${week}, ${rubric}, ${level}, ${`because ${n}`}) returning id`.execute(db),
            )
            await sql`insert into score_revision (score_id, theme_id, user_id, modality_id, dimension_id, iso_week, rubric_id, level, reason)
              values (${score}, ${theme}, ${user}, ${m}, ${d}, ${week}, ${rubric}, ${level}, ${`because ${n}`})`.execute(db)
            if (n % 4 === 0) await sql`insert into score_evidence (score_id, document_id) values (${score}, ${doc})`.execute(db)
          }
  for (const theme of themes)
    await sql`insert into source_score (theme_id, modality_id, dimension_id, source, published_on, rubric_id, level)
      values (${theme}, ${mod.video}, ${dim.technology}, 'CICC', '2024-03-05', ${rubric}, 2)`.execute(db)
  for (const theme of themes)
    await sql`insert into meeting (theme_id, iso_week, notes_md) values (${theme}, '2026-W46', 'notes')`.execute(db)
}

/** Everything a page, a meeting or an export reads, by names and slugs instead of ids. */
async function snapshot(db: Kysely<any>) {
  const read = async (q: ReturnType<typeof sql>) => (await q.execute(db)).rows
  return {
    scores: await read(sql`
      select t.slug theme, u.display_name analyst, m.slug, m.name_en, m.name_zh, m.position, m.archived_at, m.description_en,
        d.slug dim, d.name_en dim_en, d.name_zh dim_zh, d.position dim_pos, s.iso_week, s.rubric_id, s.level, s.reason,
        s.created_at, s.updated_at, (select count(*) from score_evidence e where e.score_id = s.id) evidence
      from score s join theme t on t.id = s.theme_id join app_user u on u.id = s.user_id
      join modality m on m.id = s.modality_id join scoring_dimension d on d.id = s.dimension_id
      order by s.id`),
    revisions: await read(sql`
      select r.score_id, r.theme_id, m.slug, m.name_en, d.slug dim, r.iso_week, r.level, r.reason, r.saved_at
      from score_revision r join modality m on m.id = r.modality_id join scoring_dimension d on d.id = r.dimension_id order by r.id`),
    sources: await read(sql`
      select s.theme_id, m.slug, d.slug dim, s.source, s.published_on, s.level
      from source_score s join modality m on m.id = s.modality_id join scoring_dimension d on d.id = s.dimension_id order by s.id`),
    consensus: await read(sql`
      select t.slug theme, s.iso_week, m.slug, d.slug dim, percentile_cont(0.5) within group (order by s.level) median,
        min(s.level) min, max(s.level) max, count(*) n
      from score s join theme t on t.id = s.theme_id join modality m on m.id = s.modality_id join scoring_dimension d on d.id = s.dimension_id
      group by 1, 2, 3, 4, m.position, d.position order by 1, 2, m.position, d.position`),
    companies: await read(
      sql`select c.name_en, m.slug from company_modality cm join company c on c.id = cm.company_id join modality m on m.id = cm.modality_id`,
    ),
    meetings: await read(sql`select theme_id, iso_week, notes_md from meeting order by id`),
    evidence: await read(sql`select score_id, document_id from score_evidence order by id`),
  }
}

describe('migration 2026-12-05T00-30-00_theme_frameworks', () => {
  it('gives each theme its own items and dimensions without changing a score, revision, source view or meeting', async () => {
    const to = await migrator(conn.db).migrateTo(BEFORE)
    expect(to.error).toBeUndefined()
    await fill(conn.db)
    const before = await snapshot(conn.db)
    expect(before.scores).toHaveLength(2 * 3 * 2 * 3 * 2)

    const up = await migrator(conn.db).migrateTo(MINE)
    expect(up.error).toBeUndefined()
    expect(await snapshot(conn.db)).toEqual(before)
    // The app's code reads the latest schema; later migrations must keep all of it too.
    await migrateToLatest(conn.db)
    expect(await snapshot(conn.db)).toEqual(before)

    const themes = await conn.db.selectFrom('theme').select(['id', 'slug']).orderBy('id').execute()
    const [robots, multimodal] = themes
    // Each theme has its own three items (one archived) and two dimensions...
    const robotItems = await listModalities(conn.db, robots.id, { includeArchived: true })
    const multimodalItems = await listModalities(conn.db, multimodal.id, { includeArchived: true })
    expect(robotItems.map((m) => m.slug)).toEqual(['text', 'video', 'old-3d'])
    expect(multimodalItems.map((m) => m.slug)).toEqual(['text', 'video', 'old-3d'])
    expect(robotItems.map((m) => m.id)).not.toEqual(multimodalItems.map((m) => m.id))
    expect(await listDimensions(conn.db, robots.id)).toHaveLength(2)
    // ...the multimodal-AI theme keeps the original rows, so companies' modalities stay on it.
    const links = await conn.db
      .selectFrom('company_modality')
      .innerJoin('modality', 'modality.id', 'modality_id')
      .select('theme_id')
      .execute()
    expect(links).toEqual([{ theme_id: multimodal.id }])
    // A score cannot point at another theme's item.
    const score = await conn.db.selectFrom('score').selectAll().where('theme_id', '=', robots.id).limit(1).executeTakeFirstOrThrow()
    await expect(
      conn.db.updateTable('score').set({ modality_id: multimodalItems[0].id }).where('id', '=', score.id).execute(),
    ).rejects.toMatchObject({ code: '23503' })
    // Saving on the robot theme's item works as before.
    const user = await conn.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()
    const saved = await saveScore(
      conn.db,
      { id: user.id },
      {
        themeId: robots.id,
        modality: 'video',
        dimension: 'technology',
        week: '2026-W46',
        level: 3,
        reason: 'x',
        documentIds: [],
        mentionIds: [],
      },
      new Date('2026-11-20T00:00:00Z'),
    )
    const row = await conn.db.selectFrom('score').select('modality_id').where('id', '=', saved.scoreId).executeTakeFirstOrThrow()
    expect(row.modality_id).toBe(robotItems[1].id)
  }, 120_000) // migrates a database three times: slow on a loaded machine
})
