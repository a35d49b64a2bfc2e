import { BROKER_RESEARCH } from './broker-research.ts'
import { EXCHANGE_FILINGS } from './exchange-filings.ts'
import { NEWS } from './news.ts'
import type { AccuracyText } from './types.ts'
import { WECHAT_POSTS } from './wechat-posts.ts'

export type * from './types.ts'

/** Every text of the accuracy corpus, by source style. */
export const ACCURACY_CORPUS: readonly AccuracyText[] = [...BROKER_RESEARCH, ...EXCHANGE_FILINGS, ...NEWS, ...WECHAT_POSTS]
