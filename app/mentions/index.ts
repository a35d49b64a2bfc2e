export { buildMentionMatcher } from './matcher.ts'
export { summariseByCompany } from './summary.ts'
export { DEFAULT_COMPANY_WORDS, CONTEXT_WINDOW } from './context.ts'
export { DEFAULT_CJK_WORDS, CJK_FILTER_MAX_LENGTH } from './cjk-filter.ts'
export { foldAliasKey } from './fold.ts'
export type {
  CompanyMentionCount,
  FindMentionsOptions,
  Mention,
  MentionAlias,
  MentionMatcher,
  MentionMatcherOptions,
} from './types.ts'
