// The meeting benchmark's PostgreSQL database: created once per scale and generator
// version, then reused (building the full scale takes minutes). --rebuild forces it.
import { type Kysely, Migrator, sql } from 'kysely'

import { sessionCookie } from '#app/http/auth.server.ts'
import { createSession } from '#app/models/account/index.server.ts'
import { type Connection, openPostgres } from '#db/connection.ts'
import { migrateToLatest } from '#db/migrate.ts'
import { migrations } from '#db/migrations/index.ts'

import { generateMeetingData, markerFor, type MeetingDataScale, readMarker } from './meeting-data.ts'

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

// Not tests/db.ts's withDatabase: that module imports vitest, which a bench script has not started.
function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export interface BenchDatabase {
  url: string
  connection: Connection
  built: boolean
}

/** Opens (building when needed) themeradar_bench[_small] on BENCH_DATABASE_URL's server. */
export async function openBenchDatabase(
  scale: MeetingDataScale,
  options: { rebuild: boolean; log: (line: string) => void },
): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL
  const name = scale.name === 'full' ? 'themeradar_bench' : `themeradar_bench_${scale.name}`
  const url = withDatabase(serverUrl, name)
  const admin = openPostgres(serverUrl, { max: 1 })
  try {
    const exists = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db)
    if (exists.rows[0].n === 1 && !options.rebuild) {
      const connection = openPostgres(url, { max: 4 })
      const marker = await readMarker(connection.db)
      const wanted = markerFor(scale)
      if (marker && marker.version === wanted.version && marker.scale === wanted.scale && marker.seed === wanted.seed) {
        // Later migrations (new indexes, rollups) apply to the stored data set as they would in production.
        const { results } = await migrateStored(connection.db)
        if (results?.length) {
          options.log(`applied ${results.map((r) => r.migrationName).join(', ')}; analysing`)
          await sql`vacuum analyze`.execute(connection.db)
        }
        return { url, connection, built: false }
      }
      options.log(`${name}: marker ${JSON.stringify(marker)} is not ${JSON.stringify(wanted)}: rebuilding`)
      await connection.close()
    }
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
    await sql`create database ${sql.id(name)}`.execute(admin.db)
  } finally {
    await admin.close()
  }
  const connection = openPostgres(url, { max: 4 })
  const started = performance.now()
  options.log(`building ${name} (${scale.name} scale) ...`)
  await migrateToLatest(connection.db)
  await generateMeetingData(connection.db, scale, { log: options.log })
  await sql`vacuum analyze`.execute(connection.db)
  options.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return { url, connection, built: true }
}

// The stored data set outlives the code: migrations written in parallel can land with names
// before one it already has, which kysely refuses by default. Production applies them in order.
// Afterwards the record is put in name order (kysely orders it by time), so the app started
// on this database by the benchmark, which migrates in order, finds nothing out of place.
async function migrateStored(db: Kysely<any>) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  await sql`update kysely_migration k set timestamp = to_char(timestamp '2000-01-01' + n.rank * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"')
    from (select name, row_number() over (order by name) as rank from kysely_migration) n where n.name = k.name`.execute(db)
  return result
}

/** A signed session cookie for a generated user, made the way sign-in makes one. */
export async function signInAs(connection: Connection, email: string, secret: string): Promise<string> {
  const user = await connection.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  const token = await createSession(connection.db, user.id, { userAgent: 'themeradar-bench' })
  const header = await sessionCookie(new Request('http://127.0.0.1/'), secret).serialize(token)
  return header.split(';')[0]
}

/** Sizes the tables and indexes, for the report. */
export async function tableSizes(connection: Connection) {
  const result = await sql<{ name: string; rows: number; tableMb: number; indexMb: number }>`
    select c.relname as name, c.reltuples::bigint as rows,
      round(pg_table_size(c.oid) / 1e6, 1)::float8 as "tableMb", round(pg_indexes_size(c.oid) / 1e6, 1)::float8 as "indexMb"
    from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
    where ns.nspname = 'public' and c.relkind = 'r' and c.reltuples > 0 order by pg_total_relation_size(c.oid) desc`.execute(connection.db)
  return result.rows
}

/** Exact row counts (reltuples is an estimate). */
export async function exactCounts(connection: Connection, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(connection.db)
    counts[table] = rows[0].n
  }
  return counts
}
