import { BROKER_RESEARCH } from './broker-research.ts'
import { EXCHANGE_FILINGS } from './exchange-filings.ts'
import { HK_TAIWAN_PRESS } from './hk-taiwan-press.ts'
import { MIXED_SOURCES } from './mixed-sources.ts'
import { NEWS } from './news.ts'
import { NAMES_AND_WORDS, ORDINARY_PHRASES } from './ordinary-phrases.ts'
import { PDF_REPORTS } from './pdf-reports.ts'
import type { AccuracyText } from './types.ts'
import { WECHAT_POSTS } from './wechat-posts.ts'

export type * from './types.ts'

/** Every text of the accuracy corpus, by source style. */
export const ACCURACY_CORPUS: readonly AccuracyText[] = [
  ...BROKER_RESEARCH,
  ...PDF_REPORTS,
  ...EXCHANGE_FILINGS,
  ...NEWS,
  ...HK_TAIWAN_PRESS,
  ...WECHAT_POSTS,
  ...MIXED_SOURCES,
  ...ORDINARY_PHRASES,
  ...NAMES_AND_WORDS,
]
