import { type Kysely, sql } from 'kysely'

// Mentions over time, alerts and webhooks.
// - document.iso_week: the ISO week a document counts in (its published date, else the day
//   it was stored in the team's time zone), fixed when the document is stored so the
//   weekly rollup and the document always agree, even if the team time zone changes later.
// - mention_week: the weekly rollup (company, week, document language) -> mentions and
//   distinct documents. Triggers keep it in the same transaction as every insert or
//   delete of mentions (ingest, rescan, document or company delete), whoever writes them,
//   so dashboards read a few hundred rows instead of millions of mentions.
// - mention_alert: a watchlist company's weekly mentions jumped (rule in app/models/mention-alert.server.ts).
// - webhook, webhook_delivery: where alerts are posted, and every attempt to post one.

const WEEK_CHECK = sql.raw(`~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'`)

export async function up(db: Kysely<any>): Promise<void> {
  // The same rule as app/models/mention-week.server.ts documentWeekOf, in SQL.
  await sql`
    create function document_iso_week(published date, stored timestamptz) returns text language sql stable as $$
      select to_char(coalesce(published, (stored at time zone coalesce(
        (select value #>> '{}' from app_setting where key = 'team.time_zone'), 'Asia/Shanghai'))::date), 'IYYY-"W"IW')
    $$`.execute(db)
  await sql`alter table document add column iso_week text`.execute(db)
  await sql`update document set iso_week = document_iso_week(published_on, created_at)`.execute(db)
  await sql`
    create function document_set_iso_week() returns trigger language plpgsql as $$
    begin
      new.iso_week := document_iso_week(new.published_on, new.created_at);
      return new;
    end $$`.execute(db)
  // Every insert, and any later change of the date, recomputes the week (the rollup
  // trigger below moves the document's counts when it changes).
  await sql`
    create trigger document_iso_week_set before insert or update of published_on, created_at, iso_week on document
    for each row execute function document_set_iso_week()`.execute(db)
  await sql`alter table document alter column iso_week set not null`.execute(db)
  await sql`alter table document add constraint document_iso_week_shape check (iso_week ${WEEK_CHECK})`.execute(db)
  await sql`create index document_iso_week_idx on document (iso_week, id)`.execute(db)

  await sql`
    create table mention_week (
      company_id integer not null references company(id) on delete cascade,
      iso_week text not null check (iso_week ${WEEK_CHECK}),
      language text not null check (language in ('zh', 'en', 'mixed')),
      mentions integer not null check (mentions >= 0),
      documents integer not null check (documents >= 0),
      primary key (company_id, iso_week, language)
    )`.execute(db)
  await sql`create index mention_week_week_idx on mention_week (iso_week)`.execute(db)

  // Statement-level triggers see a whole batch of mentions at once (transition tables).
  // A (document, company) pair counts as a document when the batch holds all of that
  // pair's mentions: on insert none existed before it, on delete none are left after it.
  // Rows are touched in key order so concurrent ingests cannot deadlock on the rollup.
  const applyBatch = (batch: string, sign: 1 | -1) => sql.raw(`
      with pairs as (
        select b.document_id, b.company_id, count(*)::int as n from ${batch} b group by 1, 2
      ), counted as (
        select p.company_id, d.iso_week, d.language, sum(p.n)::int as n,
          count(*) filter (where (select count(*) from mention m where m.company_id = p.company_id and m.document_id = p.document_id)
            = ${sign > 0 ? 'p.n' : '0'})::int as docs
        from pairs p join document d on d.id = p.document_id
        -- A company deleted in this statement takes its rollup rows with it.
        where exists (select 1 from company c where c.id = p.company_id)
        group by 1, 2, 3
      )
      ${
        // An insert's proposed row must pass the checks before ON CONFLICT applies, so
        // removals are an UPDATE (their rows exist: they were counted when added).
        sign > 0
          ? `insert into mention_week as w (company_id, iso_week, language, mentions, documents)
      select company_id, iso_week, language, n, docs from counted
      order by 1, 2, 3
      on conflict (company_id, iso_week, language) do update
        set mentions = w.mentions + excluded.mentions, documents = w.documents + excluded.documents;`
          : `update mention_week w set mentions = w.mentions - c.n, documents = w.documents - c.docs
      from counted c where w.company_id = c.company_id and w.iso_week = c.iso_week and w.language = c.language;`
      }
      delete from mention_week w where w.mentions = 0
        and (w.company_id, w.iso_week, w.language) in (
          select b.company_id, d.iso_week, d.language from ${batch} b join document d on d.id = b.document_id);`)
  await sql`
    create function mention_week_after_insert() returns trigger language plpgsql as $$
    begin
      ${applyBatch('new_mentions', 1)}
      return null;
    end $$`.execute(db)
  // Mentions deleted with their document were already taken off by document_mention_week_move
  // (the join finds no document for them).
  await sql`
    create function mention_week_after_delete() returns trigger language plpgsql as $$
    begin
      ${applyBatch('old_mentions', -1)}
      return null;
    end $$`.execute(db)
  await sql`
    create trigger mention_week_insert after insert on mention referencing new table as new_mentions
    for each statement execute function mention_week_after_insert()`.execute(db)
  await sql`
    create trigger mention_week_delete after delete on mention referencing old table as old_mentions
    for each statement execute function mention_week_after_delete()`.execute(db)
  // A mention is never moved to another document or company (a rescan deletes and inserts);
  // refusing it keeps the rollup honest.
  await sql`
    create function mention_is_not_moved() returns trigger language plpgsql as $$
    begin
      raise exception 'a mention cannot move to another document or company' using errcode = '42501';
    end $$`.execute(db)
  await sql`
    create trigger mention_not_moved before update of document_id, company_id on mention
    for each row when (old.document_id is distinct from new.document_id or old.company_id is distinct from new.company_id)
    execute function mention_is_not_moved()`.execute(db)
  // A document leaving, or changing week or language: its counts move in one go, before
  // its mentions cascade (the delete trigger then finds no document and skips them).
  await sql`
    create function document_mention_week_move() returns trigger language plpgsql as $$
    begin
      with per_company as (
        select company_id, count(*)::int as n from mention where document_id = old.id group by 1
      )
      update mention_week w set mentions = w.mentions - p.n, documents = w.documents - 1
      from per_company p where w.company_id = p.company_id and w.iso_week = old.iso_week and w.language = old.language;
      delete from mention_week w where w.mentions = 0 and w.iso_week = old.iso_week and w.language = old.language;
      if tg_op = 'UPDATE' then
        insert into mention_week as w (company_id, iso_week, language, mentions, documents)
        select company_id, new.iso_week, new.language, count(*)::int, 1 from mention where document_id = new.id group by 1 order by 1
        on conflict (company_id, iso_week, language) do update
          set mentions = w.mentions + excluded.mentions, documents = w.documents + excluded.documents;
        return new;
      end if;
      return old;
    end $$`.execute(db)
  await sql`
    create trigger document_mention_week_delete before delete on document
    for each row execute function document_mention_week_move()`.execute(db)
  await sql`
    create trigger document_mention_week_update after update of iso_week, language on document
    for each row when (old.iso_week is distinct from new.iso_week or old.language is distinct from new.language)
    execute function document_mention_week_move()`.execute(db)
  // Documents stored before this migration.
  await sql`
    insert into mention_week (company_id, iso_week, language, mentions, documents)
    select m.company_id, d.iso_week, d.language, count(*)::int, count(distinct m.document_id)::int
    from mention m join document d on d.id = m.document_id group by 1, 2, 3`.execute(db)

  await sql`
    create table mention_alert (
      id integer generated always as identity primary key,
      company_id integer not null references company(id) on delete cascade,
      iso_week text not null check (iso_week ${WEEK_CHECK}),
      mentions integer not null check (mentions >= 0),
      trailing_avg numeric(12, 2) not null check (trailing_avg >= 0),
      raised_at timestamptz not null default now(),
      constraint mention_alert_company_week_key unique (company_id, iso_week)
    )`.execute(db)
  await sql`create index mention_alert_week_idx on mention_alert (iso_week)`.execute(db)

  await sql`
    create table webhook (
      id integer generated always as identity primary key,
      name text not null check (length(btrim(name)) between 1 and 100),
      url text not null check (url ~ '^https?://' and length(url) <= 2000),
      format text not null check (format in ('generic', 'wecom', 'dingtalk', 'feishu')),
      enabled boolean not null default true,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db)
  await sql`
    create table webhook_delivery (
      id bigint generated always as identity primary key,
      webhook_id integer not null references webhook(id) on delete cascade,
      alert_id integer references mention_alert(id) on delete cascade,
      job_id integer references job(id) on delete set null,
      attempt integer not null check (attempt >= 1),
      outcome text not null check (outcome in ('sent', 'failed', 'gave_up')),
      http_status integer,
      error text check (error is null or length(error) <= 2000),
      attempted_at timestamptz not null default now()
    )`.execute(db)
  await sql`create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, attempted_at desc)`.execute(db)
  await sql`create index webhook_delivery_time_idx on webhook_delivery (attempted_at desc)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_delivery').execute()
  await db.schema.dropTable('webhook').execute()
  await db.schema.dropTable('mention_alert').execute()
  await sql`drop trigger document_mention_week_update on document`.execute(db)
  await sql`drop trigger document_mention_week_delete on document`.execute(db)
  await sql`drop trigger mention_not_moved on mention`.execute(db)
  await sql`drop trigger mention_week_delete on mention`.execute(db)
  await sql`drop trigger mention_week_insert on mention`.execute(db)
  await sql`drop function document_mention_week_move()`.execute(db)
  await sql`drop function mention_is_not_moved()`.execute(db)
  await sql`drop function mention_week_after_delete()`.execute(db)
  await sql`drop function mention_week_after_insert()`.execute(db)
  await db.schema.dropTable('mention_week').execute()
  await sql`drop trigger document_iso_week_set on document`.execute(db)
  await sql`drop function document_set_iso_week()`.execute(db)
  await sql`alter table document drop column iso_week`.execute(db)
  await sql`drop function document_iso_week(date, timestamptz)`.execute(db)
}
