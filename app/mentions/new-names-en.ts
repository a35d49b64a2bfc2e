import type { KnownMention, NameHit, NameSegmenter } from './new-names.ts'

// English names for new-names.ts: capitalised words before a company word (Zhipu AI,
// Moonshot Labs, Acme Inc.), after one (startup Zhipu), in a list with a known company
// (Meta, Runway, Pika and Luma), and products after a known company (Kuaishou's Kling,
// 快手的Kling). One scan makes the word tokens; each rule then looks at a few of them.

interface Token {
  start: number
  end: number
  text: string
  /** Starts with a capital or has one after a small letter (xAI): how names are written. */
  capital: boolean
  /** First word of a sentence, where any word has a capital. */
  sentenceStart: boolean
}

const SUFFIXES = new Set([
  'AI',
  'Labs',
  'Lab',
  'Inc',
  'Technologies',
  'Technology',
  'Robotics',
  'Corp',
  'Corporation',
  'Ltd',
  'Limited',
  'LLC',
  'Holdings',
])
const WEAK_SUFFIXES = new Set(['AI', 'Technology'])
const COMPANY_WORDS = new Set(['startup', 'start-up', 'unicorn', 'company', 'firm', 'rival', 'rivals', 'competitor', 'developer', 'maker'])
// Words that begin a phrase or describe AI rather than name anyone; places are not companies.
const STOP = new Set(
  (
    'the a an and or of for in on at to with by from as our its their his her this that these those how why what when where which ' +
    'who new latest first chinese american us u.s. china america japan europe korea taiwan hong kong beijing shanghai shenzhen ' +
    'hangzhou generative conversational responsible enterprise agentic physical multimodal embodied edge open sovereign artificial ' +
    'explainable general narrow frontier video image voice music text speech vision consumer industrial global domestic overseas ' +
    'leading major big top other several many some most all both each every any no not mr ms dr ceo cto cfo chief founder president ' +
    'chairman board shares stock annual q1 q2 q3 q4 h1 h2 fy meanwhile however also'
  ).split(' '),
)
const LIST_GAPS = [', and ', ', or ', ', ', ' and ', ' & ', ' or ']
const ZH_CONNECTORS = ['旗下的', '旗下', '推出的', '发布的', '的', '']
const WORD = /[\p{L}\p{N}]/u

function isWordUnit(text: string, i: number): boolean {
  const unit = text.charCodeAt(i)
  if (unit < 0x80) return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122)
  return unit < 0x3000 && WORD.test(text[i]!)
}

const isUpper = (unit: number) => unit >= 65 && unit <= 90

/** Latin words with their offsets: letters and digits, joined by single . - & between them. */
function tokenise(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    if (!isWordUnit(text, i)) {
      i++
      continue
    }
    const start = i
    while (i < text.length) {
      if (isWordUnit(text, i)) i++
      else if ('.-&'.includes(text[i]!) && i + 1 < text.length && isWordUnit(text, i + 1)) i += 2
      else break
    }
    const word = text.slice(start, i)
    let before = start - 1
    while (before >= 0 && text[before] === ' ') before--
    const prev = before < 0 ? '\n' : text[before]!
    tokens.push({
      start,
      end: i,
      text: word,
      capital: isUpper(word.charCodeAt(0)) || /^[a-z]+[A-Z]/u.test(word),
      sentenceStart: '.!?\n"“(。！？'.includes(prev),
    })
  }
  return tokens
}

const isStop = (t: Token) => STOP.has(t.text.toLowerCase())

/** Tokens before index `i` that join it as one name: capitalised, one space apart, at most 3. */
function nameBefore(text: string, tokens: Token[], i: number): number {
  let j = i
  while (j > 0 && i - j < 3) {
    const t = tokens[j - 1]!
    if (!t.capital || isStop(t) || text.slice(t.end, tokens[j]!.start) !== ' ') break
    j--
  }
  return j
}

function nameAfter(text: string, tokens: Token[], i: number, max = 3): number {
  let j = i
  while (j < tokens.length && j - i < max) {
    const t = tokens[j]!
    if (!t.capital || isStop(t) || SUFFIXES.has(t.text)) break
    if (j > i && text.slice(tokens[j - 1]!.end, t.start) !== ' ') break
    j++
  }
  return j
}

/** All ordinary words written with capitals only because of where they stand (title case, sentence start). */
function readsAsWords(tokens: Token[], from: number, to: number, segmenter: NameSegmenter): boolean {
  for (let k = from; k < to; k++) if (!segmenter.isEnglishWord(tokens[k]!.text.toLowerCase())) return false
  const first = tokens[from]!
  const before = tokens[from - 1]
  const titleCase = before !== undefined && before.capital && first.start - before.end <= 2
  return first.sentenceStart || titleCase
}

function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function organisations(text: string, tokens: Token[], segmenter: NameSegmenter, hits: NameHit[]): void {
  tokens.forEach((token, i) => {
    if (SUFFIXES.has(token.text)) {
      const from = nameBefore(text, tokens, i)
      // "Generative AI" opens sentences; "Luma Labs" and "Acme Inc." are names wherever they stand.
      if (from === i || (WEAK_SUFFIXES.has(token.text) && readsAsWords(tokens, from, i, segmenter))) return
      const end = text[token.end] === '.' && ['Inc', 'Corp', 'Ltd'].includes(token.text) ? token.end + 1 : token.end
      const bare = text.slice(tokens[from]!.start, tokens[i - 1]!.end).toLowerCase()
      hits.push({ start: tokens[from]!.start, end, kind: 'org', ownerCompanyId: null, alsoKeys: [bare] })
    } else if (COMPANY_WORDS.has(token.text) && tokens[i + 1] && text.slice(token.end, tokens[i + 1]!.start) === ' ') {
      const to = nameAfter(text, tokens, i + 1)
      if (to > i + 1) hits.push({ start: tokens[i + 1]!.start, end: tokens[to - 1]!.end, kind: 'org', ownerCompanyId: null })
    }
  })
}

/** Meta, Runway, Pika and Luma: a capitalised name one list separator from a known company. */
function listed(text: string, tokens: Token[], mentions: readonly KnownMention[], segmenter: NameSegmenter, hits: NameHit[]): void {
  const gapAt = (at: number) => LIST_GAPS.find((g) => text.startsWith(g, at))
  for (const mention of mentions) {
    if (!isWordUnit(text, mention.end - 1)) continue
    const after = gapAt(mention.end)
    // After the company, one item after another: Runway, Pika and Luma.
    for (let end = mention.end, items = 0; items < 8; items++) {
      const gap = gapAt(end)
      const i = gap ? firstTokenAt(tokens, end + gap.length) : -1
      const to = gap && tokens[i]?.start === end + gap.length ? nameAfter(text, tokens, i) : i
      if (i < 0 || to === i) break
      hits.push({ start: tokens[i]!.start, end: tokens[to - 1]!.end, kind: 'org', ownerCompanyId: null })
      end = tokens[to - 1]!.end
    }
    // Before the company only in a list of more than two (Zhipu, Baidu and Alibaba) or "X and Baidu".
    const i = firstTokenAt(tokens, mention.start)
    const prev = tokens[i - 1]
    if (!prev) continue
    const gap = text.slice(prev.end, mention.start)
    if (!LIST_GAPS.includes(gap) || (gap === ', ' && !after)) continue
    if (!prev.capital || isStop(prev)) continue
    const from = nameBefore(text, tokens, i - 1)
    if (readsAsWords(tokens, from, i, segmenter)) continue
    hits.push({ start: tokens[from]!.start, end: prev.end, kind: 'org', ownerCompanyId: null })
  }
}

/** Kuaishou's Kling, OpenAI's Sora, 快手的Kling: a product right after a known company. */
function products(text: string, tokens: Token[], mentions: readonly KnownMention[], segmenter: NameSegmenter, hits: NameHit[]): void {
  for (const mention of mentions) {
    let at = -1
    let strict = false
    if (isWordUnit(text, mention.end - 1)) {
      const possessive = ["'s ", '’s '].find((p) => text.startsWith(p, mention.end))
      if (possessive) at = mention.end + possessive.length
    } else {
      const connector = ZH_CONNECTORS.find((c) => text.startsWith(c, mention.end)) ?? ''
      at = mention.end + connector.length
      strict = connector === '' || connector === '的'
    }
    const i = at < 0 ? -1 : firstTokenAt(tokens, at)
    if (i < 0 || tokens[i]?.start !== at) continue
    let to = nameAfter(text, tokens, i, 2)
    if (to === i) continue
    const version = tokens[to]
    const hasVersion = version !== undefined && /^\d/u.test(version.text) && text.slice(tokens[to - 1]!.end, version.start) === ' '
    const ordinary = to - i === 1 && segmenter.isEnglishWord(tokens[i]!.text.toLowerCase())
    if (ordinary && !hasVersion) continue
    if (strict && tokens[i]!.text.length <= 3 && tokens[i]!.text === tokens[i]!.text.toUpperCase()) continue
    if (hasVersion) to++
    hits.push({ start: at, end: tokens[to - 1]!.end, kind: 'product', ownerCompanyId: mention.companyId })
  }
}

export function findEnglishNames(text: string, mentions: readonly KnownMention[], segmenter: NameSegmenter): NameHit[] {
  const tokens = tokenise(text)
  const hits: NameHit[] = []
  organisations(text, tokens, segmenter, hits)
  listed(text, tokens, mentions, segmenter, hits)
  products(text, tokens, mentions, segmenter, hits)
  return hits
}
