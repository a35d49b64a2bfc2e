import { type Kysely, sql } from 'kysely'

// On the embedded database, mentions are written with session_replication_role = replica,
// which skips the per-row foreign-key checks (decision 050). Replica mode also skips
// ordinary triggers; the weekly rollup must still see every mention, so its insert
// trigger fires always. On a PostgreSQL server this changes nothing: the app never sets
// replica mode there.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mention enable always trigger mention_week_insert`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table mention enable trigger mention_week_insert`.execute(db)
}
