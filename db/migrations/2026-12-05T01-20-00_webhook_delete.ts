import { type Kysely, sql } from 'kysely'

// Webhooks can be deleted, and the administrator chooses whether their delivery log goes
// with them (decision 041). A kept attempt loses its webhook row, so it keeps the
// webhook's name as it was: webhook_id becomes nullable and is set null on delete
// instead of cascading, and webhook_name holds the name.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table webhook_delivery add column webhook_name text`.execute(db)
  await sql`update webhook_delivery d set webhook_name = w.name from webhook w where w.id = d.webhook_id`.execute(db)
  await sql`alter table webhook_delivery alter column webhook_id drop not null`.execute(db)
  await sql`alter table webhook_delivery drop constraint webhook_delivery_webhook_id_fkey`.execute(db)
  await sql`
    alter table webhook_delivery add constraint webhook_delivery_webhook_id_fkey
      foreign key (webhook_id) references webhook(id) on delete set null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from webhook_delivery where webhook_id is null`.execute(db)
  await sql`alter table webhook_delivery drop constraint webhook_delivery_webhook_id_fkey`.execute(db)
  await sql`
    alter table webhook_delivery add constraint webhook_delivery_webhook_id_fkey
      foreign key (webhook_id) references webhook(id) on delete cascade`.execute(db)
  await sql`alter table webhook_delivery alter column webhook_id set not null`.execute(db)
  await sql`alter table webhook_delivery drop column webhook_name`.execute(db)
}
