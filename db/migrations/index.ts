import type { Migration } from 'kysely'

import * as foundation from './2026-11-23T14-00-00_foundation.ts'
import * as scoring from './2026-11-23T16-30-00_scoring.ts'
import * as jobFiles from './2026-11-23T18-00-00_job_files.ts'
import * as mentionAlerts from './2026-11-23T18-00-00_mention_alerts.ts'
import * as meetingIndexes from './2026-11-23T18-30-00_meeting_indexes.ts'
import * as mentionSnippetOffset from './2026-12-04T18-00-00_mention_snippet_offset.ts'
import * as mentionWeekDateEdits from './2026-12-04T19-00-00_mention_week_date_edits.ts'
import * as editVersions from './2026-12-04T19-10-00_edit_versions.ts'
import * as accountSafety from './2026-12-04T19-20-00_account_safety.ts'
import * as jobLeaseExpiries from './2026-12-04T19-30-00_job_lease_expiries.ts'
import * as mentionTrust from './2026-12-04T20-30-00_mention_trust.ts'
import * as documentSearch from './2026-12-04T21-40-00_document_search.ts'
import * as tickerBoard from './2026-12-04T21-50-00_ticker_board.ts'
import * as newNames from './2026-12-04T21-55-00_new_names.ts'
import * as scoreEvidenceMentionIndex from './2026-12-04T22-30-00_score_evidence_mention_index.ts'
import * as themeFrameworks from './2026-12-05T00-30-00_theme_frameworks.ts'
import * as scoreWithdrawal from './2026-12-05T00-40-00_score_withdrawal.ts'
import * as textsInTwoLanguages from './2026-12-05T00-50-00_texts_in_two_languages.ts'
import * as themeMembershipPeriods from './2026-12-05T01-00-00_theme_membership_periods.ts'
import * as meetingClose from './2026-12-05T01-10-00_meeting_close.ts'
import * as webhookDelete from './2026-12-05T01-20-00_webhook_delete.ts'
import * as revisionUserCascade from './2026-12-05T01-30-00_revision_user_cascade.ts'
import * as webhookDigests from './2026-12-05T01-40-00_webhook_digests.ts'
import * as estimateSeries from './2026-12-05T01-50-00_estimate_series.ts'
import * as mentionWeekTriggerAlways from './2026-12-05T09-00-00_mention_week_trigger_always.ts'

// Migrations are listed here rather than read from disk so the same list works in the
// Remix server bundle, in scripts and in tests. Names are timestamps; order is by name.
export const migrations: Record<string, Migration> = {
  '2026-11-23T14-00-00_foundation': foundation,
  '2026-11-23T16-30-00_scoring': scoring,
  '2026-11-23T18-00-00_job_files': jobFiles,
  '2026-11-23T18-00-00_mention_alerts': mentionAlerts,
  '2026-11-23T18-30-00_meeting_indexes': meetingIndexes,
  '2026-12-04T18-00-00_mention_snippet_offset': mentionSnippetOffset,
  '2026-12-04T19-00-00_mention_week_date_edits': mentionWeekDateEdits,
  '2026-12-04T19-10-00_edit_versions': editVersions,
  '2026-12-04T19-20-00_account_safety': accountSafety,
  '2026-12-04T19-30-00_job_lease_expiries': jobLeaseExpiries,
  '2026-12-04T20-30-00_mention_trust': mentionTrust,
  '2026-12-04T21-40-00_document_search': documentSearch,
  '2026-12-04T21-50-00_ticker_board': tickerBoard,
  '2026-12-04T21-55-00_new_names': newNames,
  '2026-12-04T22-30-00_score_evidence_mention_index': scoreEvidenceMentionIndex,
  '2026-12-05T00-30-00_theme_frameworks': themeFrameworks,
  '2026-12-05T00-40-00_score_withdrawal': scoreWithdrawal,
  '2026-12-05T00-50-00_texts_in_two_languages': textsInTwoLanguages,
  '2026-12-05T01-00-00_theme_membership_periods': themeMembershipPeriods,
  '2026-12-05T01-10-00_meeting_close': meetingClose,
  '2026-12-05T01-20-00_webhook_delete': webhookDelete,
  '2026-12-05T01-30-00_revision_user_cascade': revisionUserCascade,
  '2026-12-05T01-40-00_webhook_digests': webhookDigests,
  '2026-12-05T01-50-00_estimate_series': estimateSeries,
  '2026-12-05T09-00-00_mention_week_trigger_always': mentionWeekTriggerAlways,
}
