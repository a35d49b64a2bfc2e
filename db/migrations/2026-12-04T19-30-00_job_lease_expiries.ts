import { type Kysely, sql } from 'kysely'

// A job's runs can end badly in two ways, now counted apart (app/models/ops/job-lease.server.ts):
// attempts counts runs whose handler failed, lease_expiries counts takeovers after the
// worker stopped renewing its lease (its process was killed). Until now every claim raised
// attempts, so a job whose instance was killed three times ended as failed although
// nothing in it had failed. Existing rows start at 0 expiries.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table job add column lease_expiries integer not null default 0
      constraint job_lease_expiries_check check (lease_expiries >= 0)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table job drop column lease_expiries`.execute(db)
}
