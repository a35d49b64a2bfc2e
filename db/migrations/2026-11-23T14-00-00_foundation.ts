import { type Kysely, sql } from 'kysely'

// Frozen: this migration never changes after it lands and never imports app code.
// It lays down the schema for the whole product (accounts, themes, companies,
// watchlists, documents and mentions, scoring, meetings, jobs) so later work adds little.

const id = sql`integer generated always as identity primary key`
const now = sql`now()`

export async function up(db: Kysely<any>): Promise<void> {
  // --- accounts -----------------------------------------------------------------
  await sql`
    create table app_user (
      id ${id},
      email text not null check (email = lower(email) and email ~ '^[^@\\s]+@[^@\\s]+$' and length(email) <= 254),
      display_name text not null check (length(btrim(display_name)) between 1 and 100),
      password_hash text not null,
      role text not null check (role in ('admin', 'analyst', 'viewer')),
      locale text check (locale in ('zh-CN', 'en')),
      disabled_at timestamptz,
      created_at timestamptz not null default ${now},
      updated_at timestamptz not null default ${now},
      constraint app_user_email_key unique (email)
    )`.execute(db)

  await sql`
    create table user_session (
      id text primary key check (length(id) = 64),
      user_id integer not null references app_user(id) on delete cascade,
      created_at timestamptz not null default ${now},
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db)
  await sql`create index user_session_user_idx on user_session (user_id)`.execute(db)

  await sql`
    create table invite (
      id ${id},
      token_hash text not null check (length(token_hash) = 64),
      email text not null check (email = lower(email) and email ~ '^[^@\\s]+@[^@\\s]+$'),
      role text not null check (role in ('admin', 'analyst', 'viewer')),
      invited_by integer not null references app_user(id),
      created_at timestamptz not null default ${now},
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_user_id integer references app_user(id),
      revoked_at timestamptz,
      constraint invite_token_hash_key unique (token_hash),
      constraint invite_expiry_after_creation check (expires_at > created_at)
    )`.execute(db)

  await sql`
    create table sign_in_attempt (
      id bigint generated always as identity primary key,
      account text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null default ${now}
    )`.execute(db)
  await sql`create index sign_in_attempt_account_idx on sign_in_attempt (account, at)`.execute(db)
  await sql`create index sign_in_attempt_ip_idx on sign_in_attempt (ip, at)`.execute(db)

  await sql`
    create table app_setting (
      key text primary key check (key ~ '^[a-z][a-z0-9_.]*$'),
      value jsonb not null,
      updated_at timestamptz not null default ${now},
      updated_by integer references app_user(id)
    )`.execute(db)

  // Append-only: a trigger refuses UPDATE and DELETE, so history cannot be rewritten
  // even by a buggy model function.
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default ${now},
      user_id integer references app_user(id),
      action text not null check (length(action) between 1 and 100),
      entity_type text not null check (length(entity_type) between 1 and 60),
      entity_id text,
      old_value jsonb,
      new_value jsonb,
      ip text
    )`.execute(db)
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db)
  await sql`create index audit_log_entity_idx on audit_log (entity_type, entity_id)`.execute(db)
  await sql`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = '42501';
    end $$`.execute(db)
  await sql`
    create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_is_append_only()`.execute(db)
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only()`.execute(db)

  // --- scoring vocabulary (themes refer to a rubric) ------------------------------
  await sql`
    create table rubric (
      id ${id},
      slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      version integer not null default 1 check (version >= 1),
      name_en text not null check (length(btrim(name_en)) between 1 and 200),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 200),
      superseded_at timestamptz,
      created_at timestamptz not null default ${now},
      constraint rubric_slug_version_key unique (slug, version)
    )`.execute(db)
  await sql`
    create table rubric_level (
      rubric_id integer not null references rubric(id) on delete cascade,
      level integer not null check (level between 1 and 20),
      name_en text not null check (length(btrim(name_en)) between 1 and 100),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 100),
      description_en text not null default '' check (length(description_en) <= 2000),
      description_zh text not null default '' check (length(description_zh) <= 2000),
      primary key (rubric_id, level)
    )`.execute(db)
  await sql`
    create table modality (
      id ${id},
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name_en text not null check (length(btrim(name_en)) between 1 and 100),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 100),
      description_en text not null default '',
      description_zh text not null default '',
      position integer not null default 0,
      archived_at timestamptz
    )`.execute(db)
  await sql`
    create table scoring_dimension (
      id ${id},
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name_en text not null check (length(btrim(name_en)) between 1 and 100),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 100),
      position integer not null default 0,
      archived_at timestamptz
    )`.execute(db)

  // --- themes -------------------------------------------------------------------
  await sql`
    create table theme (
      id ${id},
      slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name_en text not null check (length(btrim(name_en)) between 1 and 200),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 200),
      summary_en text not null default '' check (length(summary_en) <= 1000),
      summary_zh text not null default '' check (length(summary_zh) <= 1000),
      thesis_md text not null default '' check (length(thesis_md) <= 100000),
      stance text not null default 'neutral' check (stance in ('positive', 'neutral', 'cautious', 'negative')),
      status text not null default 'active' check (status in ('active', 'watching', 'archived')),
      parent_id integer references theme(id) on delete set null,
      rubric_id integer references rubric(id),
      created_at timestamptz not null default ${now},
      updated_at timestamptz not null default ${now},
      constraint theme_slug_key unique (slug),
      constraint theme_not_own_parent check (parent_id is null or parent_id <> id)
    )`.execute(db)
  await sql`
    create table theme_point (
      id ${id},
      theme_id integer not null references theme(id) on delete cascade,
      kind text not null check (kind in ('risk', 'catalyst')),
      text_en text not null default '' check (length(text_en) <= 2000),
      text_zh text not null default '' check (length(text_zh) <= 2000),
      expected_on date,
      position integer not null default 0,
      created_at timestamptz not null default ${now},
      constraint theme_point_has_text check (length(btrim(text_en)) > 0 or length(btrim(text_zh)) > 0)
    )`.execute(db)
  await sql`create index theme_point_theme_idx on theme_point (theme_id, kind, position)`.execute(db)

  // --- companies ----------------------------------------------------------------
  await sql`
    create table company (
      id ${id},
      name_en text not null check (length(btrim(name_en)) between 1 and 200),
      name_zh text not null default '' check (length(name_zh) <= 200),
      region text not null check (region in ('domestic', 'overseas')),
      is_listed boolean not null,
      vendor_type text not null check (vendor_type in ('big_tech', 'model_company', 'vertical_unicorn', 'application_company', 'platform')),
      parent_company_id integer references company(id) on delete set null,
      website text check (website is null or website ~ '^https?://'),
      notes_md text not null default '' check (length(notes_md) <= 100000),
      created_at timestamptz not null default ${now},
      updated_at timestamptz not null default ${now},
      constraint company_not_own_parent check (parent_company_id is null or parent_company_id <> id)
    )`.execute(db)
  await sql`create unique index company_name_en_key on company (lower(name_en))`.execute(db)

  // Tickers are stored normalised: A-shares as 6 digits on SH/SZ/BJ (600519.SS is SH),
  // Hong Kong as at least 4 digits (700.HK is 0700.HK), US as upper-case symbols.
  await sql`
    create table company_ticker (
      id ${id},
      company_id integer not null references company(id) on delete cascade,
      exchange text not null check (exchange in ('SH', 'SZ', 'BJ', 'HK', 'US')),
      code text not null,
      is_primary boolean not null default false,
      constraint company_ticker_exchange_code_key unique (exchange, code),
      constraint company_ticker_code_shape check (
        (exchange in ('SH', 'SZ', 'BJ') and code ~ '^[0-9]{6}$')
        or (exchange = 'HK' and code ~ '^[0-9]{4,5}$' and (length(code) = 4 or code !~ '^0'))
        or (exchange = 'US' and code ~ '^[A-Z][A-Z0-9.-]{0,9}$')
      )
    )`.execute(db)
  await sql`create index company_ticker_company_idx on company_ticker (company_id)`.execute(db)

  // normalised_text is the NFKC-folded, lower-cased alias; one alias belongs to one company.
  await sql`
    create table company_alias (
      id ${id},
      company_id integer not null references company(id) on delete cascade,
      text text not null check (length(btrim(text)) between 1 and 200),
      normalised_text text not null check (length(normalised_text) between 1 and 200),
      language text not null check (language in ('zh', 'en', 'any')),
      kind text not null check (kind in ('name', 'short_name', 'product', 'ticker')),
      case_sensitive boolean not null default false,
      is_ambiguous boolean not null default false,
      created_at timestamptz not null default ${now},
      constraint company_alias_normalised_text_key unique (normalised_text)
    )`.execute(db)
  await sql`create index company_alias_company_idx on company_alias (company_id)`.execute(db)

  await sql`
    create table company_modality (
      company_id integer not null references company(id) on delete cascade,
      modality_id integer not null references modality(id) on delete cascade,
      primary key (company_id, modality_id)
    )`.execute(db)

  await sql`
    create table theme_company (
      theme_id integer not null references theme(id) on delete cascade,
      company_id integer not null references company(id) on delete cascade,
      role text not null check (role in ('driver', 'enabler', 'beneficiary')),
      exposure text not null check (exposure in ('high', 'medium', 'low')),
      note text not null default '' check (length(note) <= 2000),
      primary key (theme_id, company_id)
    )`.execute(db)
  await sql`create index theme_company_company_idx on theme_company (company_id)`.execute(db)

  await sql`
    create table application_segment (
      id ${id},
      theme_id integer not null references theme(id) on delete cascade,
      audience text not null check (audience in ('2B', '2C')),
      slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name_en text not null check (length(btrim(name_en)) between 1 and 200),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 200),
      note_en text not null default '' check (length(note_en) <= 2000),
      note_zh text not null default '' check (length(note_zh) <= 2000),
      position integer not null default 0,
      constraint application_segment_theme_slug_key unique (theme_id, slug)
    )`.execute(db)
  await sql`
    create table segment_company (
      segment_id integer not null references application_segment(id) on delete cascade,
      company_id integer not null references company(id) on delete cascade,
      note text not null default '' check (length(note) <= 2000),
      primary key (segment_id, company_id)
    )`.execute(db)

  // --- data exhaustion ----------------------------------------------------------
  await sql`
    create table data_stock (
      id ${id},
      theme_id integer not null references theme(id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name_en text not null check (length(btrim(name_en)) between 1 and 200),
      name_zh text not null check (length(btrim(name_zh)) between 1 and 200),
      position integer not null default 0,
      constraint data_stock_theme_slug_key unique (theme_id, slug)
    )`.execute(db)
  // Later estimates revise earlier ones; rows are never updated in place so the
  // revision history is the table itself.
  await sql`
    create table data_exhaustion_estimate (
      id ${id},
      data_stock_id integer not null references data_stock(id) on delete cascade,
      source text not null check (length(btrim(source)) between 1 and 200),
      estimated_on date not null,
      year_from integer not null check (year_from between 2000 and 2200),
      year_to integer not null check (year_to between 2000 and 2200),
      note text not null default '' check (length(note) <= 2000),
      created_by integer references app_user(id),
      created_at timestamptz not null default ${now},
      constraint data_exhaustion_estimate_year_order check (year_to >= year_from),
      constraint data_exhaustion_estimate_stock_source_date_key unique (data_stock_id, source, estimated_on)
    )`.execute(db)

  // --- watchlists ---------------------------------------------------------------
  await sql`
    create table watchlist (
      id ${id},
      name text not null check (length(btrim(name)) between 1 and 200),
      description text not null default '' check (length(description) <= 2000),
      theme_id integer references theme(id) on delete set null,
      created_by integer references app_user(id),
      created_at timestamptz not null default ${now},
      archived_at timestamptz
    )`.execute(db)
  await sql`create unique index watchlist_name_key on watchlist (lower(name))`.execute(db)
  // A removed entry stays as history (removed_at, removed_by, removed_reason);
  // at most one live entry per company and watchlist.
  await sql`
    create table watchlist_entry (
      id ${id},
      watchlist_id integer not null references watchlist(id) on delete cascade,
      company_id integer not null references company(id) on delete cascade,
      rationale text not null default '' check (length(rationale) <= 2000),
      notes_md text not null default '' check (length(notes_md) <= 20000),
      tags text[] not null default '{}',
      added_by integer references app_user(id),
      added_at timestamptz not null default ${now},
      removed_by integer references app_user(id),
      removed_at timestamptz,
      removed_reason text check (removed_reason is null or length(removed_reason) <= 2000),
      constraint watchlist_entry_removed_after_added check (removed_at is null or removed_at >= added_at)
    )`.execute(db)
  await sql`create unique index watchlist_entry_live_key on watchlist_entry (watchlist_id, company_id) where removed_at is null`.execute(db)
  await sql`create index watchlist_entry_company_idx on watchlist_entry (company_id)`.execute(db)

  // --- documents and mentions -----------------------------------------------------
  await sql`
    create table feed (
      id ${id},
      url text not null unique check (url ~ '^https?://' and length(url) <= 2000),
      title text not null default '',
      interval_minutes integer not null default 60 check (interval_minutes between 5 and 10080),
      enabled boolean not null default true,
      next_poll_at timestamptz not null default ${now},
      last_polled_at timestamptz,
      last_success_at timestamptz,
      last_error text,
      last_error_at timestamptz,
      lease_until timestamptz,
      created_by integer references app_user(id),
      created_at timestamptz not null default ${now}
    )`.execute(db)
  await sql`
    create table document (
      id ${id},
      title text not null check (length(btrim(title)) between 1 and 500),
      publisher text not null default '' check (length(publisher) <= 200),
      published_on date,
      language text not null check (language in ('zh', 'en', 'mixed')),
      source_url text check (source_url is null or length(source_url) <= 2000),
      file_name text check (file_name is null or length(file_name) <= 500),
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      body text not null check (length(body) > 0),
      tags text[] not null default '{}',
      feed_id integer references feed(id) on delete set null,
      created_by integer references app_user(id),
      created_at timestamptz not null default ${now},
      constraint document_content_hash_key unique (content_hash)
    )`.execute(db)
  await sql`create index document_published_idx on document (published_on)`.execute(db)
  await sql`
    create table document_theme (
      document_id integer not null references document(id) on delete cascade,
      theme_id integer not null references theme(id) on delete cascade,
      primary key (document_id, theme_id)
    )`.execute(db)
  await sql`
    create table mention (
      id bigint generated always as identity primary key,
      document_id integer not null references document(id) on delete cascade,
      company_id integer not null references company(id) on delete cascade,
      alias_id integer references company_alias(id) on delete set null,
      alias_text text not null,
      start_offset integer not null check (start_offset >= 0),
      end_offset integer not null,
      snippet text not null check (length(snippet) <= 1000),
      constraint mention_offsets_order check (end_offset > start_offset),
      constraint mention_document_start_key unique (document_id, start_offset)
    )`.execute(db)
  await sql`create index mention_company_document_idx on mention (company_id, document_id)`.execute(db)

  // Long work (bulk ingest, rescans, feed polls) runs as leased jobs so two app
  // instances on one Postgres never run the same job twice (SELECT ... FOR UPDATE SKIP LOCKED).
  await sql`
    create table job (
      id ${id},
      kind text not null check (length(kind) between 1 and 60),
      payload jsonb not null default '{}',
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
      progress_done integer not null default 0 check (progress_done >= 0),
      progress_total integer not null default 0 check (progress_total >= 0),
      result jsonb,
      error text,
      attempts integer not null default 0 check (attempts >= 0),
      lease_until timestamptz,
      locked_by text,
      created_by integer references app_user(id),
      created_at timestamptz not null default ${now},
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db)
  await sql`create index job_runnable_idx on job (status, created_at)`.execute(db)

  // --- scores ---------------------------------------------------------------------
  await sql`
    create table score (
      id ${id},
      theme_id integer not null references theme(id) on delete cascade,
      user_id integer not null references app_user(id),
      modality_id integer not null references modality(id),
      dimension_id integer not null references scoring_dimension(id),
      iso_week text not null check (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
      rubric_id integer not null,
      level integer not null,
      reason text not null default '' check (length(reason) <= 500),
      created_at timestamptz not null default ${now},
      updated_at timestamptz not null default ${now},
      constraint score_rubric_level_fkey foreign key (rubric_id, level) references rubric_level(rubric_id, level),
      constraint score_one_per_week_key unique (theme_id, user_id, modality_id, dimension_id, iso_week)
    )`.execute(db)
  await sql`create index score_week_idx on score (theme_id, iso_week)`.execute(db)
  await sql`
    create table score_evidence (
      id ${id},
      score_id integer not null references score(id) on delete cascade,
      document_id integer references document(id) on delete cascade,
      mention_id bigint references mention(id) on delete cascade,
      note text not null default '' check (length(note) <= 500),
      constraint score_evidence_points_somewhere check (document_id is not null or mention_id is not null)
    )`.execute(db)
  await sql`create index score_evidence_score_idx on score_evidence (score_id)`.execute(db)
  // A report's published view ("CICC, 2024-03-05: video = breakthrough"): shown on charts
  // as a marker, never part of the team consensus.
  await sql`
    create table source_score (
      id ${id},
      theme_id integer not null references theme(id) on delete cascade,
      modality_id integer not null references modality(id),
      dimension_id integer not null references scoring_dimension(id),
      source text not null check (length(btrim(source)) between 1 and 200),
      published_on date not null,
      rubric_id integer not null,
      level integer not null,
      note text not null default '' check (length(note) <= 2000),
      document_id integer references document(id) on delete set null,
      created_by integer references app_user(id),
      created_at timestamptz not null default ${now},
      constraint source_score_rubric_level_fkey foreign key (rubric_id, level) references rubric_level(rubric_id, level)
    )`.execute(db)

  // --- meetings -------------------------------------------------------------------
  await sql`
    create table meeting (
      id ${id},
      theme_id integer not null references theme(id) on delete cascade,
      iso_week text not null check (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
      held_on date,
      notes_md text not null default '' check (length(notes_md) <= 100000),
      actions_md text not null default '' check (length(actions_md) <= 100000),
      reopened_at timestamptz,
      reopened_by integer references app_user(id),
      updated_by integer references app_user(id),
      updated_at timestamptz not null default ${now},
      constraint meeting_theme_week_key unique (theme_id, iso_week)
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'meeting', 'source_score', 'score_evidence', 'score', 'job', 'mention', 'document_theme',
    'document', 'feed', 'watchlist_entry', 'watchlist', 'data_exhaustion_estimate', 'data_stock',
    'segment_company', 'application_segment', 'theme_company', 'company_modality', 'company_alias',
    'company_ticker', 'company', 'theme_point', 'theme', 'scoring_dimension', 'modality',
    'rubric_level', 'rubric', 'audit_log', 'app_setting', 'sign_in_attempt', 'invite',
    'user_session', 'app_user',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop function audit_log_is_append_only()`.execute(db)
}
