export { CJK_FILTER_MAX_LENGTH, DEFAULT_CJK_WORDS } from './cjk-filter.ts'
export { CONTEXT_WINDOW, DEFAULT_COMPANY_WORDS } from './context.ts'
export { foldAliasKey } from './fold.ts'
export { buildMentionMatcher } from './matcher.ts'
export { extractNewNames, type NameSegmenter, type NewNameCandidate, newNameKey, type NewNameKind } from './new-names.ts'
export { judgeRelevance, type MentionRelevance, OPENING_READ, openingEnd, type RelevanceMention } from './relevance.ts'
export { reviewPhrase, snippetHasPhrase } from './review-phrase.ts'
export { summariseByCompany } from './summary.ts'
export type {
  CompanyMentionCount,
  FindMentionsOptions,
  Mention,
  MentionAlias,
  MentionConfidence,
  MentionMatcher,
  MentionMatcherOptions,
  MentionRule,
  MentionTicker,
} from './types.ts'
