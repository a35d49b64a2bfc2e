import { type Kysely, sql } from 'kysely'

// Per-webhook delivery: at once (as before), or a daily or weekly digest (decision 042).
// delivery_since is when the mode last changed: a digest covers no alert raised before it
// (those were posted at once). webhook_digest holds one row per webhook and period, so two
// instances checking at the same moment queue one digest.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table webhook add column delivery text not null default 'immediate'
      check (delivery in ('immediate', 'daily', 'weekly'))`.execute(db)
  await sql`alter table webhook add column delivery_since timestamptz not null default now()`.execute(db)
  await sql`
    create table webhook_digest (
      webhook_id integer not null references webhook(id) on delete cascade,
      period text not null,
      since timestamptz not null,
      cutoff timestamptz not null,
      created_at timestamptz not null default now(),
      primary key (webhook_id, period)
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table webhook_digest`.execute(db)
  await sql`alter table webhook drop column delivery_since`.execute(db)
  await sql`alter table webhook drop column delivery`.execute(db)
}
