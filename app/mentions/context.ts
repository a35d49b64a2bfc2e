/**
 * The words that count as context for an ambiguous alias (admission.ts has the rule).
 * Kept in plain lists so that a user who asks "why was this counted?" gets a word back
 * (mention.rule_detail), and a reviewer can argue with the list.
 *
 * Two strengths of company word (issue 12, item 5):
 *   - GENERIC words (company, startup, founders, 公司, 创业公司, 融资...) sit next to business
 *     jargon all the time: "startups need a long runway, founders say". Far from the
 *     alias they admit only an alias that is no ordinary word, at low confidence; right
 *     beside it (苹果公司, "Runway, the company") they admit any ambiguous alias.
 *   - SPECIFIC words (Inc, Labs, 旗下, 股价, 市值, 财报...) name a particular company's
 *     legal form, shares or ownership: anywhere in the window they admit it.
 * PRODUCT words (model, segmentation, 模型, 分割...) are the only words, besides a theme's
 * topic words, that admit an acronym alias such as SAM: "SAM" is also business jargon
 * (serviceable addressable market) next to "company" and "startup".
 */
export const CONTEXT_WINDOW = 200

/** Right beside the alias, a generic word admits it: 苹果公司, "Runway, the startup". */
export const ADJACENT_GAP = 8

export const GENERIC_COMPANY_WORDS: readonly string[] = [
  '公司',
  '企业',
  '厂商',
  '初创',
  '创业公司',
  '初创公司',
  '创始人',
  '融资',
  // 科技 names a company right after its name (星火科技) but is everywhere else too (科技项目).
  '科技',
  'company',
  'companies',
  'firm',
  'startup',
  'startups',
  'start-up',
  'founder',
  'founders',
  'ceo',
  'chief executive',
  'cofounder',
  'co-founder',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  // What a company is, in apposition: "Amazon, the retailer"; "Apple the iPhone maker" is
  // not here (maker follows a product), nor "executives" (startups need runway, executives say).
  'retailer',
  'chipmaker',
  'automaker',
  'carmaker',
]

export const SPECIFIC_COMPANY_WORDS: readonly string[] = [
  '集团',
  '股份',
  '旗下',
  '控股',
  '首席执行官',
  '股价',
  '市值',
  '上市',
  '财报',
  'inc',
  'inc.',
  'corp',
  'corp.',
  'corporation',
  'ltd',
  'ltd.',
  'limited',
  'plc',
  'llc',
  'gmbh',
  'labs',
  'ai lab',
  'holdings',
  'technologies',
  'shares of',
  'share price',
  'market cap',
]

/** Every company word; MentionMatcherOptions.companyWords replaces it. */
export const DEFAULT_COMPANY_WORDS: readonly string[] = [...GENERIC_COMPANY_WORDS, ...SPECIFIC_COMPANY_WORDS]

// Deliberately not the field's words (视频生成, text-to-image): a theme declares those as
// topic words, which admit with their own rule and detail.
export const PRODUCT_WORDS: readonly string[] = [
  'model',
  'models',
  'segment anything',
  'segmentation',
  'segment',
  'segments',
  'checkpoint',
  'open-source',
  'open source',
  '模型',
  '大模型',
  '分割',
  '图像分割',
  '开源',
]

/** Before a bare number, these say it is a stock code: 股票代码：300418. */
export const CODE_LABELS: readonly string[] = ['股票代码', '证券代码', '代码', '股份代号', '股票代号', 'stock code', 'ticker']

/** What a word in the automaton is good for (bits: one word may be several). */
export const WordKind = {
  Generic: 1,
  Specific: 2,
  Product: 4,
  Topic: 8,
  Negative: 16,
  CodeLabel: 32,
} as const
