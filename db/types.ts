import type { ColumnType, Generated } from 'kysely'

// Types of the tables as the migrations in db/migrations leave them. Kept by hand next
// to the migrations; tests/db-schema.test.ts compares every table and column here (and
// its nullability and type) with the migrated database on PGlite and PostgreSQL, so the
// two cannot drift apart silently.
//
// JS types are the same on PGlite and pg because db/connection.ts sets one set of parsers:
// int8 and numeric -> number, date -> 'YYYY-MM-DD' string, timestamptz -> Date.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type DateString = ColumnType<string, string, string>
type Json = ColumnType<unknown, string, string>

export type Role = 'admin' | 'analyst' | 'viewer'
export type Locale = 'zh-CN' | 'en'
export type Region = 'domestic' | 'overseas'
export type VendorType = 'big_tech' | 'model_company' | 'vertical_unicorn' | 'application_company' | 'platform'
export type Exchange = 'SH' | 'SZ' | 'BJ' | 'HK' | 'US'
export type TickerBoard =
  'sh_main' | 'star' | 'sz_main' | 'chinext' | 'bse' | 'hk_main' | 'hk_gem' | 'nasdaq' | 'nyse' | 'nyse_american' | 'cboe' | 'otc'
export type AliasKind = 'name' | 'short_name' | 'product' | 'ticker'
export type AliasLanguage = 'zh' | 'en' | 'any'
export type ThemeStance = 'positive' | 'neutral' | 'cautious' | 'negative'
export type ThemeStatus = 'active' | 'watching' | 'archived'
export type CompanyRole = 'driver' | 'enabler' | 'beneficiary'
export type Exposure = 'high' | 'medium' | 'low'
export type Audience = '2B' | '2C'
export type DocumentLanguage = 'zh' | 'en' | 'mixed'
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'
export type MentionRule = 'name' | 'product' | 'ticker' | 'context_word' | 'listed_with' | 'topic_word' | 'confirmed'
export type MentionConfidence = 'high' | 'medium' | 'low'
export type MentionRelevance = 'about' | 'passing'

export interface AppUserTable {
  id: Generated<number>
  email: string
  display_name: string
  password_hash: string
  role: Role
  locale: Locale | null
  disabled_at: NullableTimestamp
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface UserSessionTable {
  id: string
  user_id: number
  created_at: Generated<Date>
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export interface InviteTable {
  id: Generated<number>
  token_hash: string
  email: string
  role: Role
  invited_by: number
  created_at: Generated<Date>
  expires_at: Timestamp
  accepted_at: NullableTimestamp
  accepted_user_id: number | null
  revoked_at: NullableTimestamp
}

export interface SignInAttemptTable {
  id: Generated<number>
  account: string
  ip: string
  succeeded: boolean
  at: Generated<Date>
}

/** Sign-in throttling counters, one per bucket (2026-12-04T19-20-00_account_safety). */
export interface SignInThrottleTable {
  bucket: string
  window_start: Timestamp
  failures: number
}

/** One-time password reset links an administrator issues; only the token's SHA-256 is kept. */
export interface PasswordResetTable {
  id: Generated<number>
  token_hash: string
  user_id: number
  created_by: number
  created_at: Generated<Date>
  expires_at: Timestamp
  used_at: NullableTimestamp
  revoked_at: NullableTimestamp
}

export interface AppSettingTable {
  key: string
  value: Json
  updated_at: Generated<Date>
  updated_by: number | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: Generated<Date>
  user_id: number | null
  action: string
  entity_type: string
  entity_id: string | null
  old_value: Json | null
  new_value: Json | null
  ip: string | null
}

export interface RubricTable {
  id: Generated<number>
  slug: string
  version: Generated<number>
  name_en: string
  name_zh: string
  superseded_at: NullableTimestamp
  created_at: Generated<Date>
}

export interface RubricLevelTable {
  rubric_id: number
  level: number
  name_en: string
  name_zh: string
  description_en: Generated<string>
  description_zh: Generated<string>
}

/** A theme's scored item (2026-12-05T00-30-00_theme_frameworks): an AI modality, a robot component... */
export interface ModalityTable {
  id: Generated<number>
  theme_id: number
  created_at: Generated<Date>
  slug: string
  name_en: string
  name_zh: string
  description_en: Generated<string>
  description_zh: Generated<string>
  position: Generated<number>
  archived_at: NullableTimestamp
}

export interface ScoringDimensionTable {
  id: Generated<number>
  theme_id: number
  created_at: Generated<Date>
  slug: string
  name_en: string
  name_zh: string
  position: Generated<number>
  archived_at: NullableTimestamp
}

export interface ThemeTable {
  id: Generated<number>
  slug: string
  name_en: string
  name_zh: string
  summary_en: Generated<string>
  summary_zh: Generated<string>
  thesis_md: Generated<string>
  stance: Generated<ThemeStance>
  status: Generated<ThemeStatus>
  parent_id: number | null
  rubric_id: number | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** Saves of the thesis; a form saves only from the version it was opened at (2026-12-04T19-10-00_edit_versions). */
  thesis_version: Generated<number>
  /** Saves of the names, summaries, stance, status and parent, likewise. */
  details_version: Generated<number>
  /** Words that count as context for ambiguous aliases in this theme's documents (视频生成, model...). */
  topic_words: ColumnType<string[], string[] | undefined, string[]>
  /** Saves of the theme's framework: items, dimensions, rubric (2026-12-05T00-30-00_theme_frameworks). */
  framework_version: Generated<number>
  /** The thesis in Chinese; thesis_md is the English one (2026-12-05T00-50-00_texts_in_two_languages). */
  thesis_zh_md: Generated<string>
  /** When each language's text was last saved; null: never written. */
  thesis_en_updated_at: NullableTimestamp
  thesis_zh_updated_at: NullableTimestamp
  summary_en_updated_at: NullableTimestamp
  summary_zh_updated_at: NullableTimestamp
}

export interface ThemePointTable {
  id: Generated<number>
  theme_id: number
  kind: 'risk' | 'catalyst'
  text_en: Generated<string>
  text_zh: Generated<string>
  expected_on: DateString | null
  position: Generated<number>
  created_at: Generated<Date>
  version: Generated<number>
  text_en_updated_at: NullableTimestamp
  text_zh_updated_at: NullableTimestamp
}

export interface CompanyTable {
  id: Generated<number>
  name_en: string
  name_zh: Generated<string>
  region: Region
  is_listed: boolean
  vendor_type: VendorType
  parent_company_id: number | null
  website: string | null
  notes_md: Generated<string>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface CompanyTickerTable {
  id: Generated<number>
  company_id: number
  exchange: Exchange
  code: string
  is_primary: Generated<boolean>
  /** The board it trades on (2026-12-04T21-50-00_ticker_board): TickerBoard, or null when not known. */
  board: TickerBoard | null
}

export interface CompanyAliasTable {
  id: Generated<number>
  company_id: number
  text: string
  normalised_text: string
  language: AliasLanguage
  kind: AliasKind
  case_sensitive: Generated<boolean>
  is_ambiguous: Generated<boolean>
  created_at: Generated<Date>
  /** Words that, near a match, mean it is not this company (2026-12-04T20-30-00_mention_trust). */
  negative_context: ColumnType<string[], string[] | undefined, string[]>
  /** Why the alias is ambiguous: AmbiguousReason (app/schemas), or null. */
  ambiguous_reason: string | null
}

export interface CompanyModalityTable {
  company_id: number
  modality_id: number
}

/** A period of a company's membership in a theme (2026-12-05T01-00-00_theme_membership_periods);
 *  the current members are the rows with valid_to null. */
export interface ThemeCompanyTable {
  id: Generated<number>
  theme_id: number
  company_id: number
  role: CompanyRole
  exposure: Exposure
  note: Generated<string>
  /** Why the company belongs to the theme, as the analyst who added it wrote it. */
  reason: Generated<string>
  valid_from: Generated<Date>
  valid_to: NullableTimestamp
}

export interface ApplicationSegmentTable {
  id: Generated<number>
  theme_id: number
  audience: Audience
  slug: string
  name_en: string
  name_zh: string
  note_en: Generated<string>
  note_zh: Generated<string>
  position: Generated<number>
  version: Generated<number>
  note_en_updated_at: NullableTimestamp
  note_zh_updated_at: NullableTimestamp
}

export interface SegmentCompanyTable {
  segment_id: number
  company_id: number
  note: Generated<string>
}

export interface DataStockTable {
  id: Generated<number>
  theme_id: number
  slug: string
  name_en: string
  name_zh: string
  position: Generated<number>
}

export interface DataExhaustionEstimateTable {
  id: Generated<number>
  data_stock_id: number
  source: string
  estimated_on: DateString
  year_from: number
  year_to: number
  note: Generated<string>
  created_by: number | null
  created_at: Generated<Date>
}

export interface EstimateSeriesTable {
  id: Generated<number>
  theme_id: number
  name_en: string
  name_zh: string
  unit: string
  position: Generated<number>
  created_at: Generated<Date>
}

export interface SeriesEstimateTable {
  id: Generated<number>
  series_id: number
  source: string
  estimated_on: DateString
  value_low: number
  value_high: number
  refers_to_year: number | null
  note: Generated<string>
  created_by: number | null
  created_at: Generated<Date>
}

export interface WatchlistTable {
  id: Generated<number>
  name: string
  description: Generated<string>
  theme_id: number | null
  created_by: number | null
  created_at: Generated<Date>
  archived_at: NullableTimestamp
}

export interface WatchlistEntryTable {
  id: Generated<number>
  watchlist_id: number
  company_id: number
  rationale: Generated<string>
  notes_md: Generated<string>
  tags: ColumnType<string[], string[] | undefined, string[]>
  added_by: number | null
  added_at: Generated<Date>
  removed_by: number | null
  removed_at: NullableTimestamp
  removed_reason: string | null
  version: Generated<number>
}

export interface FeedTable {
  id: Generated<number>
  url: string
  title: Generated<string>
  interval_minutes: Generated<number>
  enabled: Generated<boolean>
  next_poll_at: Generated<Date>
  last_polled_at: NullableTimestamp
  last_success_at: NullableTimestamp
  last_error: string | null
  last_error_at: NullableTimestamp
  lease_until: NullableTimestamp
  created_by: number | null
  created_at: Generated<Date>
}

export interface DocumentTable {
  id: Generated<number>
  title: string
  publisher: Generated<string>
  published_on: DateString | null
  language: DocumentLanguage
  source_url: string | null
  file_name: string | null
  content_hash: string
  body: string
  tags: ColumnType<string[], string[] | undefined, string[]>
  feed_id: number | null
  created_by: number | null
  created_at: Generated<Date>
  /** Set by a trigger from published_on (else created_at in the team time zone). */
  iso_week: Generated<string>
  /** Lines repeated on most pages (headers, footers, disclaimers) removed at extraction. */
  furniture_lines_removed: Generated<number>
}

export interface DocumentThemeTable {
  document_id: number
  theme_id: number
}

/** The search index of a document (decision 026): filled by the app, never by triggers. */
export interface DocumentSearchTable {
  document_id: number
  /** A tsvector of the app's tokens; written as its text form, never read by the app. */
  words: string
  /** Title and text normalised (NFKC, lower case, spaces folded) for phrase checks. */
  plain: string
  version: number
}

export interface MentionTable {
  id: Generated<number>
  document_id: number
  company_id: number
  alias_id: number | null
  alias_text: string
  start_offset: number
  end_offset: number
  snippet: string
  /** Where the snippet starts in document.body (UTF-16 units); NULL on older rows that could not be placed. */
  snippet_offset: number | null
  /** What admitted the mention: MentionRule (app/mentions/types.ts). */
  rule: Generated<MentionRule>
  /** The context word, or the company it was listed with, behind the rule. */
  rule_detail: string | null
  confidence: Generated<MentionConfidence>
  /** 'about': in the title, the first paragraph, or dense; 'passing' otherwise. */
  relevance: Generated<MentionRelevance>
  confirmed_by: number | null
  confirmed_at: NullableTimestamp
}

/** "Not this company" for an alias in a phrase or in one document, kept across rescans. */
export interface MentionReviewRuleTable {
  id: Generated<number>
  company_id: number
  /** The alias folded like a matcher key (normaliseText). */
  alias_key: string
  scope: 'phrase' | 'document'
  phrase: string | null
  document_id: number | null
  created_by: number | null
  created_at: Generated<Date>
}

export interface JobTable {
  id: Generated<number>
  kind: string
  payload: ColumnType<unknown, string | undefined, string>
  status: Generated<JobStatus>
  progress_done: Generated<number>
  progress_total: Generated<number>
  result: Json | null
  error: string | null
  attempts: Generated<number>
  /** Takeovers after the worker stopped renewing its lease (2026-12-04T19-30-00_job_lease_expiries). */
  lease_expiries: Generated<number>
  lease_until: NullableTimestamp
  locked_by: string | null
  created_by: number | null
  created_at: Generated<Date>
  started_at: NullableTimestamp
  finished_at: NullableTimestamp
}

export interface ScoreTable {
  id: Generated<number>
  theme_id: number
  user_id: number
  modality_id: number
  dimension_id: number
  iso_week: string
  rubric_id: number
  level: number
  reason: Generated<string>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ScoreEvidenceTable {
  id: Generated<number>
  score_id: number
  document_id: number | null
  mention_id: number | null
  note: Generated<string>
}

export interface SourceScoreTable {
  id: Generated<number>
  theme_id: number
  modality_id: number
  dimension_id: number
  source: string
  published_on: DateString
  rubric_id: number
  level: number
  note: Generated<string>
  document_id: number | null
  created_by: number | null
  created_at: Generated<Date>
}

export interface MeetingTable {
  id: Generated<number>
  theme_id: number
  iso_week: string
  held_on: DateString | null
  notes_md: Generated<string>
  actions_md: Generated<string>
  reopened_at: NullableTimestamp
  reopened_by: number | null
  updated_by: number | null
  updated_at: Generated<Date>
  /** Saves of the notes and actions; 0 stands for "no row yet" in a form. */
  version: Generated<number>
  /** Set: the weeks before this one are closed for scoring (defaults to the insertion time; the notes form inserts null). */
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  closed_by: number | null
}

/** Further themes a meeting covers, after its own (migration 2026-12-05T01-10-00_meeting_close). */
export interface MeetingThemeTable {
  meeting_id: number
  theme_id: number
  position: Generated<number>
}

export interface Database {
  app_user: AppUserTable
  user_session: UserSessionTable
  invite: InviteTable
  sign_in_attempt: SignInAttemptTable
  sign_in_throttle: SignInThrottleTable
  password_reset: PasswordResetTable
  app_setting: AppSettingTable
  audit_log: AuditLogTable
  rubric: RubricTable
  rubric_level: RubricLevelTable
  modality: ModalityTable
  scoring_dimension: ScoringDimensionTable
  theme: ThemeTable
  theme_point: ThemePointTable
  company: CompanyTable
  company_ticker: CompanyTickerTable
  company_alias: CompanyAliasTable
  company_modality: CompanyModalityTable
  theme_company: ThemeCompanyTable
  application_segment: ApplicationSegmentTable
  segment_company: SegmentCompanyTable
  data_stock: DataStockTable
  data_exhaustion_estimate: DataExhaustionEstimateTable
  estimate_series: EstimateSeriesTable
  series_estimate: SeriesEstimateTable
  watchlist: WatchlistTable
  watchlist_entry: WatchlistEntryTable
  feed: FeedTable
  document: DocumentTable
  document_theme: DocumentThemeTable
  document_search: DocumentSearchTable
  mention: MentionTable
  mention_review_rule: MentionReviewRuleTable
  job: JobTable
  score: ScoreTable
  score_evidence: ScoreEvidenceTable
  source_score: SourceScoreTable
  meeting: MeetingTable
  meeting_theme: MeetingThemeTable
  score_revision: ScoreRevisionTable
  score_week_reopen: ScoreWeekReopenTable
  mention_week: MentionWeekTable
  mention_alert: MentionAlertTable
  webhook: WebhookTable
  webhook_delivery: WebhookDeliveryTable
  webhook_digest: WebhookDigestTable
  job_file: JobFileTable
  new_name: NewNameTable
  new_name_sighting: NewNameSightingTable
}

// Scoring history (migration 2026-11-23T16-30-00_scoring): one append-only row per save.
export interface ScoreRevisionTable {
  id: Generated<number>
  score_id: number
  theme_id: number
  user_id: number
  modality_id: number
  dimension_id: number
  iso_week: string
  rubric_id: number
  level: number
  reason: Generated<string>
  evidence: ColumnType<unknown, string | undefined, never>
  saved_at: Generated<Date>
  /** The score was withdrawn (cleared) by this revision; level is the withdrawn level (2026-12-05T00-40-00). */
  withdrawn: Generated<boolean>
}

export interface ScoreWeekReopenTable {
  theme_id: number
  iso_week: string
  reopened_at: Generated<Date>
  reopened_by: number | null
}

// Bulk-upload files waiting for their job (migration 2026-11-23T18-00-00_job_files).
export type JobFileStatus = 'ingested' | 'duplicate' | 'refused'
export interface JobFileTable {
  id: Generated<number>
  job_id: number
  position: number
  file_name: string
  content_type: Generated<string>
  size_bytes: number
  bytes: Uint8Array | null
  status: JobFileStatus | null
  outcome: Json | null
  document_id: number | null
  done_at: NullableTimestamp
}

// Mentions over time and alerts (migration 2026-11-23T18-00-00_mention_alerts).
/** Weekly rollup kept by triggers on mention and document; never written by app code. */
export interface MentionWeekTable {
  company_id: number
  iso_week: string
  language: DocumentLanguage
  mentions: number
  documents: number
}

export interface MentionAlertTable {
  id: Generated<number>
  company_id: number
  iso_week: string
  mentions: number
  trailing_avg: number
  raised_at: Generated<Date>
}

export type WebhookFormat = 'generic' | 'wecom' | 'dingtalk' | 'feishu'

export interface WebhookTable {
  id: Generated<number>
  name: string
  url: string
  format: WebhookFormat
  enabled: Generated<boolean>
  /** Migration 2026-12-05T01-40-00: posted at once, or in a daily or weekly digest. */
  delivery: Generated<WebhookDelivery>
  delivery_since: Generated<Date>
  created_by: number | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type WebhookOutcome = 'sent' | 'failed' | 'gave_up'
export type WebhookDelivery = 'immediate' | 'daily' | 'weekly'

/** One digest per webhook and period (the key keeps two instances from queueing it twice). */
export interface WebhookDigestTable {
  webhook_id: number
  period: string
  since: Date
  cutoff: Date
  created_at: Generated<Date>
}

export interface WebhookDeliveryTable {
  id: Generated<number>
  /** Null once the webhook was deleted with its log kept (webhook_name says which it was). */
  webhook_id: number | null
  webhook_name: string | null
  alert_id: number | null
  job_id: number | null
  attempt: number
  outcome: WebhookOutcome
  http_status: number | null
  error: string | null
  attempted_at: Generated<Date>
}

// Names the registry does not know yet (migration 2026-12-04T21-55-00_new_names).
export type NewNameKind = 'org' | 'product'
export type NewNameStatus = 'new' | 'dismissed' | 'added'
export interface NewNameTable {
  id: Generated<number>
  /** newNameKey (app/mentions/new-names.ts): folded, simplified. */
  key: string
  display_text: string
  language: 'zh' | 'en'
  kind: NewNameKind
  owner_company_id: number | null
  status: Generated<NewNameStatus>
  /** The company it became, or joined as an alias, once added. */
  company_id: number | null
  decided_by: number | null
  decided_at: NullableTimestamp
  created_at: Generated<Date>
}

/** One name in one document; replaced whenever the document is matched again. */
export interface NewNameSightingTable {
  new_name_id: number
  document_id: number
  occurrences: number
  snippet: string
  /** Where the name sits inside snippet (UTF-16 units). */
  match_start: number
  match_end: number
}
