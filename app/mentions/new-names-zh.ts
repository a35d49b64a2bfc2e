import type { KnownMention, NameHit, NameSegmenter, TaggedWord } from './new-names.ts'

// Chinese names for new-names.ts: organisations before a company word, products right
// after a known company, and names listed with known companies. Every search looks at a
// bounded window (at most 16 characters) around a literal hit, so the whole is linear.

const MAX_CORE = 12
const MAX_PRODUCT = 6
const MAX_LIST_ITEM = 8

// Literal alternatives only (linear); a glued "AI" counts as a company word after Han (智谱AI).
const SUFFIX = /科技|智能|集[团團]|股份|公司|[实實][验驗]室|研究院|(?<=\p{Script=Han})AI(?![A-Za-z])/gu

// Legal forms that follow the name: 万兴科技 + 股份有限公司.
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '集团',
  '集團',
  '控股',
  '股份',
  '科技',
  '智能',
  '公司',
  '实验室',
  '實驗室',
  '研究院',
]

// Segments that start a phrase rather than belong to a name: pronouns, prepositions,
// conjunctions, particles, adverbs, time, numbers with measure words, direction words.
const STOP_TAGS = new Set(['r', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'y', 'd', 't', 'f', 'q', 'e', 'o', 'zg', 'w'])
// Tags of proper names or words the dictionary does not know (x): a name needs one.
const PROPER_TAGS = new Set(['x', 'nz', 'nr', 'nrt', 'nrfg', 'nt', 'ns', 'j', 'eng'])
// Verbs and words that come before a name in a report, whatever their tag.
const STOP_WORDS = new Set(
  (
    '的 和 与 及 以及 在 由 对 是 为 被 将 把 向 从 据 称 等 也 还 已 均 都 各 其 这 那 该 本 我 我们 其他 包括 例如 如 比如 看好 推出 ' +
    '发布 宣布 表示 认为 投资 收购 联合 携手 合作 成立 来自 加入 关注 建议 推荐 覆盖 买入 增持 给予 维持 对标 参股 入股 领投 ' +
    '使用 采用 打造 开发 研发 上线 布局 选择 成为 作为 据悉 旗下 相关 头部 龙头 初创 创业 一家 多家 这家 主要 知名 领先 国内 ' +
    '海外 全球 中国 美国 国际 人工 上市 大型 小型 新兴 传统 其中'
  ).split(' '),
)
// A place alone before 公司 or 集团 is a branch (北京公司), not a name.
const PLACE_ONLY_SUFFIXES = new Set(['公司', '集团', '集團', '股份'])
const UNKNOWN_TAGS = new Set(['x', 'nz', 'nrt', 'j', 'eng'])
// In a list, only words that cannot stand in a name end it (之 in 月之暗面 can).
const LIST_STOP_TAGS = new Set(['r', 'p', 'c', 'd', 't', 'y', 'uj', 'ul'])
const CONNECTORS = ['旗下的', '旗下', '推出的', '发布的', '推出', '的']
const LIST_SEPARATORS = ['以及', '、', '和', '与', '與', '及']
const LIST_ENDS = new Set(['、', '和', '与', '與', '及', '等', '，', ',', '。', '；', ';', '）', ')', ' ', '\n'])

export function isHan(unit: number): boolean {
  return (unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff)
}

interface Span {
  start: number
  end: number
  tag: string
  word: string
}

/** Tags `text` (simplified first) and gives each word its offsets into `text`. */
function tagSpans(text: string, segmenter: NameSegmenter): Span[] {
  const simplified = segmenter.toSimplified(text)
  const words: readonly TaggedWord[] = segmenter.tag(simplified.length === text.length ? simplified : text)
  const spans: Span[] = []
  let at = 0
  for (const { word, tag } of words) {
    spans.push({ start: at, end: at + word.length, tag, word })
    at += word.length
  }
  return spans
}

function legalFormEnd(text: string, at: number): number {
  let end = at
  for (let guard = 0; guard < 4; guard++) {
    const form = LEGAL_FORMS.find((f) => text.startsWith(f, end))
    if (!form) break
    end += form.length
  }
  return end
}

/** 2-12 Han characters before a company word, cut where the phrase before the name ends. */
function organisations(text: string, segmenter: NameSegmenter, hits: NameHit[]): void {
  let lastEnd = 0
  for (const match of text.matchAll(SUFFIX)) {
    const at = match.index
    if (at < lastEnd) continue
    let runStart = at
    while (runStart > 0 && at - runStart < MAX_CORE && isHan(text.charCodeAt(runStart - 1))) runStart--
    if (at - runStart < 2) continue
    const window = text.slice(runStart, at)
    const spans = tagSpans(window + match[0], segmenter)
    // A dictionary word across the boundary (上市公司, 人工智能) is a common word, not a name.
    if (spans.some((s) => s.start < window.length && s.end > window.length)) continue
    let coreStart = window.length
    const kept: Span[] = []
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i]!
      if (span.end > window.length) continue
      if (STOP_TAGS.has(span.tag) || STOP_WORDS.has(span.word) || (span.tag === 'v' && span.word.length === 1)) break
      kept.push(span)
      coreStart = span.start
    }
    if (window.length - coreStart < 2 || !kept.some((s) => PROPER_TAGS.has(s.tag))) continue
    if (kept.length === 1 && kept[0]!.tag === 'ns' && PLACE_ONLY_SUFFIXES.has(match[0])) continue
    const start = runStart + coreStart
    const end = legalFormEnd(text, at + match[0].length)
    const legal = segmenter.toSimplified(text.slice(start, end))
    hits.push({
      start,
      end,
      kind: 'org',
      ownerCompanyId: null,
      alsoKeys: [legal.slice(0, at - start), legal.slice(0, at - start + match[0].length)],
    })
    lastEnd = end
  }
}

/** Leading words of a Han run that can be a product name (即梦, 可灵, 通义万相); strict asks for an unknown word first. */
function productLength(text: string, at: number, segmenter: NameSegmenter, strict: boolean): number {
  let end = at
  while (end < text.length && end - at < MAX_PRODUCT && isHan(text.charCodeAt(end))) end++
  if (end - at < 2) return 0
  const spans = tagSpans(text.slice(at, end), segmenter)
  let length = 0
  let coined = false
  for (const span of spans) {
    // A common word ends the name, except right after a first part (通义 + 万相).
    const common = span.word.length >= 2 && !PROPER_TAGS.has(span.tag) && !(strict && length === 0)
    if (STOP_WORDS.has(span.word) || STOP_TAGS.has(span.tag) || common) break
    coined ||= UNKNOWN_TAGS.has(span.tag)
    length = span.end
    if (length >= 4) break
  }
  // Without 旗下 or 推出 before it, a product needs a word the dictionary does not know (可灵, 万相).
  return length >= 2 && (coined || !strict) ? length : 0
}

/** 字节跳动旗下即梦, 快手可灵, 阿里巴巴的通义万相: a product right after a known company. */
function products(text: string, mentions: readonly KnownMention[], segmenter: NameSegmenter, hits: NameHit[]): void {
  for (const mention of mentions) {
    if (!isHan(text.charCodeAt(mention.end - 1))) continue
    const connector = CONNECTORS.find((c) => text.startsWith(c, mention.end)) ?? ''
    const at = mention.end + connector.length
    const strong = connector.startsWith('旗下') || connector.startsWith('推出') || connector.startsWith('发布')
    const length = productLength(text, at, segmenter, !strong)
    if (length) hits.push({ start: at, end: at + length, kind: 'product', ownerCompanyId: mention.companyId })
  }
}

function listItem(text: string, at: number): number {
  let end = at
  while (end < text.length && end - at <= MAX_LIST_ITEM && isHan(text.charCodeAt(end)) && !LIST_ENDS.has(text[end]!)) end++
  if (end - at < 2 || end - at > MAX_LIST_ITEM) return 0
  return end >= text.length || LIST_ENDS.has(text[end]!) || text.startsWith('以及', end) ? end - at : 0
}

/** 百度、月之暗面和智谱等: names listed after a known company, one after another. */
function listed(text: string, mentions: readonly KnownMention[], segmenter: NameSegmenter, hits: NameHit[]): void {
  for (const mention of mentions) {
    if (!isHan(text.charCodeAt(mention.end - 1))) continue
    let end = mention.end
    for (let items = 0; items < 8; items++) {
      const separator = LIST_SEPARATORS.find((s) => text.startsWith(s, end))
      if (!separator) break
      const at = end + separator.length
      const length = listItem(text, at)
      if (!length) break
      const spans = tagSpans(text.slice(at, at + length), segmenter)
      if (spans.some((s) => STOP_WORDS.has(s.word) || LIST_STOP_TAGS.has(s.tag) || (s.tag === 'v' && s.word.length >= 2))) break
      if (spans.length === 1 && !PROPER_TAGS.has(spans[0]!.tag)) break
      hits.push({ start: at, end: at + length, kind: 'org', ownerCompanyId: null })
      end = at + length
    }
  }
}

export function findChineseNames(text: string, mentions: readonly KnownMention[], segmenter: NameSegmenter): NameHit[] {
  const hits: NameHit[] = []
  organisations(text, segmenter, hits)
  products(text, mentions, segmenter, hits)
  listed(text, mentions, segmenter, hits)
  return hits
}
