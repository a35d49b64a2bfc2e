import { type Kysely, sql } from 'kysely'

// Frozen once landed. Three things accounts were missing:
// - The row the first-run setup locks (SELECT ... FOR UPDATE on app_setting 'setup.lock').
//   It was never created, so the lock locked nothing and two concurrent setups could both
//   create an administrator.
// - Sign-in throttling counters: one row per bucket (an account from an address, an
//   address, an account), bumped by a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING
//   before the password is checked, so parallel guesses cannot all read "under the limit".
// - One-time password reset links an administrator hands out, stored like invites (only
//   the SHA-256 of the token).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into app_setting (key, value) values ('setup.lock', 'true'::jsonb) on conflict (key) do nothing`.execute(db)

  await sql`
    create table sign_in_throttle (
      bucket text primary key check (length(bucket) between 1 and 400),
      window_start timestamptz not null,
      failures integer not null check (failures >= 0)
    )`.execute(db)
  await sql`create index sign_in_throttle_window_idx on sign_in_throttle (window_start)`.execute(db)

  await sql`
    create table password_reset (
      id integer generated always as identity primary key,
      token_hash text not null check (length(token_hash) = 64),
      user_id integer not null references app_user(id) on delete cascade,
      created_by integer not null references app_user(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      constraint password_reset_token_hash_key unique (token_hash),
      constraint password_reset_expiry_after_creation check (expires_at > created_at)
    )`.execute(db)
  await sql`create index password_reset_user_idx on password_reset (user_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table password_reset`.execute(db)
  await sql`drop table sign_in_throttle`.execute(db)
  await sql`delete from app_setting where key = 'setup.lock'`.execute(db)
}
