import { type Kysely, sql } from 'kysely'

// Files of a bulk upload, kept in the database until their job has ingested them.
// In the database rather than on one instance's disk: any app instance on the same
// PostgreSQL may take the job, and a restart finds the files where it left them.
// A file's outcome is written in the same transaction as its document, so a job that
// resumes after a crash never ingests a file twice nor forgets what it did; the bytes
// are dropped once the file is done.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table job_file (
      id bigint generated always as identity primary key,
      job_id integer not null references job(id) on delete cascade,
      position integer not null check (position >= 0),
      file_name text not null check (length(file_name) between 1 and 500),
      content_type text not null default '' check (length(content_type) <= 200),
      size_bytes integer not null check (size_bytes >= 0),
      bytes bytea,
      -- null while waiting; then ingested | duplicate | refused
      status text check (status in ('ingested', 'duplicate', 'refused')),
      -- what the results list shows: reason key, document title, mention counts
      outcome jsonb,
      document_id integer references document(id) on delete set null,
      done_at timestamptz,
      constraint job_file_position_key unique (job_id, position)
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_file').execute()
}
