import { type Kysely, sql } from 'kysely'

// Mentions an analyst can trust and correct (issue 12):
// - an alias may carry negative context (words that, nearby, mean it is not the company)
//   and says why it is ambiguous (an ordinary English or Chinese word, set by a person...);
// - a theme declares topic words that count as context for ambiguous aliases;
// - each mention stores the rule that admitted it, a confidence tier and its relevance
//   (is the document about the company or does it mention it in passing), and who
//   confirmed it;
// - a review rule remembers "not this company" for an alias in a phrase or in a document,
//   so rejections survive rescans and apply to future documents;
// - a document records how many repeated page lines (headers, disclaimers) were removed.
// Existing mentions start as admitted by name, high confidence, passing.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table company_alias
      add column negative_context text[] not null default '{}',
      add column ambiguous_reason text
        constraint company_alias_ambiguous_reason_check check (char_length(ambiguous_reason) <= 40)`.execute(db)

  await sql`alter table theme add column topic_words text[] not null default '{}'`.execute(db)

  await sql`
    alter table mention
      add column rule text not null default 'name'
        constraint mention_rule_check check (rule in ('name', 'product', 'ticker', 'context_word', 'listed_with', 'topic_word', 'confirmed')),
      add column rule_detail text
        constraint mention_rule_detail_check check (char_length(rule_detail) <= 200),
      add column confidence text not null default 'high'
        constraint mention_confidence_check check (confidence in ('high', 'medium', 'low')),
      add column relevance text not null default 'passing'
        constraint mention_relevance_check check (relevance in ('about', 'passing')),
      add column confirmed_by integer references app_user (id) on delete set null,
      add column confirmed_at timestamptz`.execute(db)
  await sql`create index mention_confidence_idx on mention (confidence, document_id) where confidence <> 'high'`.execute(db)

  await sql`
    create table mention_review_rule (
      id serial primary key,
      company_id integer not null references company (id) on delete cascade,
      alias_key text not null constraint mention_review_rule_alias_key_check check (char_length(alias_key) between 1 and 200),
      scope text not null constraint mention_review_rule_scope_check check (scope in ('phrase', 'document')),
      phrase text constraint mention_review_rule_phrase_check check (char_length(phrase) between 1 and 400),
      document_id integer references document (id) on delete cascade,
      created_by integer references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      constraint mention_review_rule_scope_fields_check check (
        (scope = 'phrase' and phrase is not null and document_id is null)
        or (scope = 'document' and document_id is not null and phrase is null))
    )`.execute(db)
  await sql`
    create unique index mention_review_rule_unique
      on mention_review_rule (company_id, alias_key, scope, coalesce(phrase, ''), coalesce(document_id, 0))`.execute(db)

  await sql`alter table document add column furniture_lines_removed integer not null default 0
    constraint document_furniture_lines_removed_check check (furniture_lines_removed >= 0)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table document drop column furniture_lines_removed`.execute(db)
  await sql`drop table mention_review_rule`.execute(db)
  await sql`drop index mention_confidence_idx`.execute(db)
  await sql`
    alter table mention drop column rule, drop column rule_detail, drop column confidence,
      drop column relevance, drop column confirmed_by, drop column confirmed_at`.execute(db)
  await sql`alter table theme drop column topic_words`.execute(db)
  await sql`alter table company_alias drop column negative_context, drop column ambiguous_reason`.execute(db)
}
