// A deterministic team-scale data set for the meeting-page benchmark: weekly scores of
// every analyst for every cell (with drafts, late corrections and revisions), source
// scores, watchlists with adds and removes, data-exhaustion estimates and revisions,
// documents, mentions over companies with aliases, and meeting notes.
//
// Set-based: every large table is one INSERT ... SELECT over generate_series, so the full
// scale (2,000,000 mentions) loads in minutes. Randomness comes from bench_random(key,
// salt), a hash of integers (hashint8extended), never from random(): the same scale and
// seed give the same rows, ids included, on PostgreSQL and on PGlite.
import { type Kysely, type RawBuilder, sql } from 'kysely'

import { generateActivity } from './meeting-data-activity.ts'
import { generateCatalogue } from './meeting-data-catalogue.ts'
import { DIMENSIONS, type GenContext, MODALITIES } from './meeting-data-context.ts'

export { DIMENSIONS, MODALITIES }

/** Bump when the generated data changes shape, so a stored bench database is rebuilt. */
export const GENERATOR_VERSION = 2
export const MARKER_KEY = 'bench.meeting_data'
export const BENCH_THEME_SLUG = 'multimodal-ai'
/** The newest generated week: the meeting the benchmark opens. A fixed past week, so the
 * page's "as it stood at the end of the week" view is the same whenever the bench runs. */
export const LAST_WEEK = '2026-W47'
const LAST_MONDAY = '2026-11-16'

export interface MeetingDataScale {
  name: string
  weeks: number
  analysts: number
  companies: number
  documents: number
  mentions: number
  watchlists: number
  sourceScores: number
}

export const SCALES = {
  full: {
    name: 'full',
    weeks: 261,
    analysts: 30,
    companies: 300,
    documents: 50_000,
    mentions: 2_000_000,
    watchlists: 3,
    sourceScores: 400,
  },
  small: { name: 'small', weeks: 52, analysts: 30, companies: 100, documents: 2_500, mentions: 100_000, watchlists: 3, sourceScores: 40 },
  tiny: { name: 'tiny', weeks: 6, analysts: 3, companies: 12, documents: 60, mentions: 600, watchlists: 2, sourceScores: 8 },
} satisfies Record<string, MeetingDataScale>

const LEVELS = [
  ['Exploration', '探索期'],
  ['Breakthrough', '突破期'],
  ['Convergence', '收敛期'],
  ['Application', '应用期'],
  ['Maturity', '成熟期'],
]
export interface GenerateOptions {
  seed?: number
  log?: (line: string) => void
}

/**
 * Fills a freshly migrated, empty database. Runs on one pinned connection (temp tables)
 * and stores the marker last, so an interrupted build is recognised and rebuilt.
 */
export async function generateMeetingData(db: Kysely<any>, scale: MeetingDataScale, options: GenerateOptions = {}): Promise<void> {
  const seed = options.seed ?? 1
  const log = options.log ?? (() => {})
  await db.connection().execute(async (conn) => {
    const step = async (label: string, query: RawBuilder<unknown>) => {
      const started = performance.now()
      const result = await query.execute(conn)
      log(`  ${label}: ${result.numAffectedRows ?? ''} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
    const n = (value: number) => sql.lit(value)
    // r(key, purpose): a uniform number in [0, 1), fixed by the seed, the key and the purpose.
    const salt = (purpose: number) => sql.lit(seed * 1000 + purpose)
    const W = n(scale.weeks)
    await sql`create or replace function bench_random(k bigint, salt bigint) returns double precision
      language sql immutable parallel safe as $$ select (hashint8extended(k, salt) & 2147483647)::float8 / 2147483648.0 $$`.execute(conn)
    await sql`create temp table g_week on commit preserve rows as
      select w as idx, (date ${sql.lit(LAST_MONDAY)} - (${W} - 1 - w) * 7) as monday,
             to_char(date ${sql.lit(LAST_MONDAY)} - (${W} - 1 - w) * 7, 'IYYY-"W"IW') as iso_week,
             ((date ${sql.lit(LAST_MONDAY)} - (${W} - 1 - w) * 7)::timestamp at time zone 'UTC') as at
      from generate_series(0, ${W} - 1) w`.execute(conn)
    const firstAt = sql`(select at from g_week where idx = 0)`
    const ctx: GenContext = {
      conn,
      scale,
      step,
      n,
      salt,
      W,
      firstAt,
      lead: sql`(select id from app_user where email = 'lead@bench.example')`,
      rubric: sql`(select id from rubric where slug = 'default')`,
      theme: sql`(select id from theme where slug = ${BENCH_THEME_SLUG})`,
    }
    await generatePeopleAndTheme(ctx)
    await generateCatalogue(ctx)
    await generateActivity(ctx)
    await sql`insert into app_setting (key, value, updated_at) values (${MARKER_KEY}, ${JSON.stringify(markerFor(scale, seed))}::jsonb, ${firstAt})`.execute(
      conn,
    )
    for (const table of ['g_plan', 'g_week_documents', 'g_document', 'g_entry', 'g_alias', 'g_company', 'g_cell', 'g_analyst', 'g_week']) {
      await sql`drop table ${sql.id(table)}`.execute(conn)
    }
  })
}

/** Users (a lead, the analysts, a viewer), the rubric, modalities, dimensions and the theme. */
async function generatePeopleAndTheme(ctx: GenContext): Promise<void> {
  const { conn, scale, step, n, firstAt, rubric } = ctx
  // --- people, vocabulary, the theme --------------------------------------------
  await step(
    'users',
    sql`insert into app_user (email, display_name, password_hash, role, created_at, updated_at)
    select email, name, 'bench: no password', role, ${firstAt}, ${firstAt} from (
      select 0 as o, 'lead@bench.example' as email, 'Team Lead' as name, 'admin' as role
      union all select u, format('analyst%s@bench.example', lpad(u::text, 2, '0')), format('Analyst %s', u), 'analyst' from generate_series(1, ${n(scale.analysts)}) u
      union all select 1000, 'viewer@bench.example', 'Viewer', 'viewer') p order by o`,
  )
  await sql`create temp table g_analyst as select row_number() over (order by id) - 1 as idx, id from app_user where role = 'analyst'`.execute(
    conn,
  )
  await sql`insert into rubric (slug, version, name_en, name_zh, created_at) values ('default', 1, 'Maturity', '成熟度', ${firstAt})`.execute(
    conn,
  )
  for (const [i, [en, zh]] of LEVELS.entries()) {
    await sql`insert into rubric_level (rubric_id, level, name_en, name_zh) values (${rubric}, ${n(i + 1)}, ${en}, ${zh})`.execute(conn)
  }
  await sql`insert into theme (slug, name_en, name_zh, summary_en, stance, rubric_id, created_at, updated_at)
    values (${BENCH_THEME_SLUG}, 'Multimodal AI', '多模态', 'Benchmark theme', 'positive', ${rubric}, ${firstAt}, ${firstAt})`.execute(conn)
  // The theme's own items and dimensions (decision 036), there from the first week on.
  for (const [i, slug] of MODALITIES.entries()) {
    await sql`insert into modality (theme_id, slug, name_en, name_zh, position, created_at)
      values (${ctx.theme}, ${slug}, ${`Modality ${slug}`}, ${`模态 ${slug}`}, ${n(i)}, ${firstAt})`.execute(conn)
  }
  for (const [i, slug] of DIMENSIONS.entries()) {
    await sql`insert into scoring_dimension (theme_id, slug, name_en, name_zh, position, created_at)
      values (${ctx.theme}, ${slug}, ${`Dimension ${slug}`}, ${`维度 ${slug}`}, ${n(i)}, ${firstAt})`.execute(conn)
  }
  await sql`create temp table g_cell as
    select row_number() over (order by m.position, d.position) - 1 as idx, m.id as modality_id, d.id as dimension_id
    from modality m cross join scoring_dimension d`.execute(conn)
}

export interface Marker {
  version: number
  scale: string
  seed: number
}

export function markerFor(scale: MeetingDataScale, seed = 1): Marker {
  return { version: GENERATOR_VERSION, scale: scale.name, seed }
}

/** The marker of a generated database, or null (not generated, or interrupted). */
export async function readMarker(db: Kysely<any>): Promise<Marker | null> {
  const found = await sql<{ value: Marker }>`select value from app_setting where key = ${MARKER_KEY}`.execute(db).catch(() => null)
  return found?.rows[0]?.value ?? null
}
