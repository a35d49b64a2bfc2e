/**
 * What goes into the automaton (matcher.ts): every alias, every written form of every
 * registry ticker (tickers.ts), and every context word (context.ts, the themes' topic
 * words, the aliases' negative context). Each key is an entry; an entry points at a
 * target (what a mention reports: an alias, or one ticker) or at a word.
 */
import { TargetKind } from './admission.ts'
import { isShortHanKey } from './cjk-filter.ts'
import { CODE_LABELS, DEFAULT_COMPANY_WORDS, GENERIC_COMPANY_WORDS, PRODUCT_WORDS, WordKind } from './context.ts'
import { CharClass, foldAliasKey, getFoldTables, SPACE } from './fold.ts'
import { BareCode, tickerLabel, tickerVariants } from './tickers.ts'
import type { MentionAlias, MentionMatcherOptions, MentionRule } from './types.ts'

export const EntryFlag = {
  CaseSensitive: 1,
  Ambiguous: 2,
  Ticker: 4,
  LatinStart: 8,
  LatinEnd: 16,
  ShortHan: 32,
  HasSpace: 64,
  Word: 128,
  /** Ambiguous Latin alias with capitals (Runway): all lower case outside CJK text is the word. */
  Capitalised: 256,
  /** A case-sensitive Latin alias: any case inside CJK text (OPENAI, 由sam分割). */
  LatinAlias: 512,
} as const

const LANGUAGE_CODE = { any: 0, zh: 1, en: 2 } as const
export const languageCode = (language: 'zh' | 'en' | 'any') => LANGUAGE_CODE[language] ?? 0

export interface Entry {
  key: string
  flags: number
  language: number
  /** Index into the targets, or -1 for a word. */
  target: number
  /** Index into the words, or -1 for a target. */
  word: number
  widthKey?: string
}

/** What each target reports and how the admission rule treats it, by target index. */
export interface Targets {
  aliasId: Int32Array // -1: a ticker found from company_ticker
  company: Int32Array
  label: string[]
  rule: MentionRule[]
  kind: Uint8Array
  bare: Uint8Array
  negative: (ReadonlySet<number> | undefined)[]
}

export interface Words {
  kind: Uint8Array
  text: string[]
}

export interface BuiltEntries {
  entries: Entry[]
  /** Per company, its short or ordinary-word US symbols (ON, SNAP) and their targets: found only in brackets after it. */
  bracketed: Map<number, Map<string, number>>
  targets: Targets
  words: Words
  aliasCount: number
}

const ACRONYM = /^[A-Z]{2,4}$/u
const HAS_CAPITAL = /\p{Lu}/u
const LATIN_LETTERS = /^[\p{Script=Latin}\d .·'&-]+$/u

export function buildEntries(aliases: readonly MentionAlias[], options: MentionMatcherOptions): BuiltEntries {
  const entries: Entry[] = []
  const wordIndex = new Map<string, number>()
  const wordKinds: number[] = []
  const wordTexts: string[] = []
  const addWord = (text: string, kind: number): number => {
    const key = foldAliasKey(text)
    if (key.length === 0) return -1
    let id = wordIndex.get(key)
    if (id === undefined) {
      id = wordTexts.length
      wordIndex.set(key, id)
      wordKinds.push(0)
      wordTexts.push(text.trim())
    }
    wordKinds[id] |= kind
    return id
  }

  const aliasId: number[] = []
  const company: number[] = []
  const label: string[] = []
  const rule: MentionRule[] = []
  const kind: number[] = []
  const bare: number[] = []
  const negative: (ReadonlySet<number> | undefined)[] = []
  const addTarget = (t: {
    aliasId: number
    company: number
    label: string
    rule: MentionRule
    kind: number
    bare: number
    negative?: ReadonlySet<number>
  }) => {
    aliasId.push(t.aliasId)
    company.push(t.company)
    label.push(t.label)
    rule.push(t.rule)
    kind.push(t.kind)
    bare.push(t.bare)
    negative.push(t.negative)
    return aliasId.length - 1
  }

  let aliasCount = 0
  for (const alias of aliases) {
    const negativeIds = new Set<number>()
    for (const word of alias.negativeContext ?? []) {
      const id = addWord(word, WordKind.Negative)
      if (id >= 0) negativeIds.add(id)
    }
    const trimmed = alias.text.trim()
    let targetKind = alias.isAmbiguous ? TargetKind.Ambiguous : 0
    if (alias.isAmbiguous && ACRONYM.test(trimmed)) targetKind |= TargetKind.Acronym
    if (alias.isAmbiguous && (alias.ambiguousReason === 'english_word' || alias.ambiguousReason === 'chinese_word'))
      targetKind |= TargetKind.OrdinaryWord
    const target = addTarget({
      aliasId: alias.id,
      company: alias.companyId,
      label: alias.text,
      rule: alias.kind === 'ticker' ? 'ticker' : alias.kind === 'product' ? 'product' : 'name',
      kind: targetKind,
      bare: BareCode.None,
      negative: negativeIds.size > 0 ? negativeIds : undefined,
    })
    const entry = toEntry(alias.text, alias.caseSensitive, target)
    if (!entry) continue
    aliasCount++
    const latin = LATIN_LETTERS.test(trimmed)
    if (alias.caseSensitive) entry.flags |= EntryFlag.CaseSensitive | (latin && alias.kind !== 'ticker' ? EntryFlag.LatinAlias : 0)
    if (alias.isAmbiguous) entry.flags |= EntryFlag.Ambiguous
    if (alias.isAmbiguous && !alias.caseSensitive && latin && HAS_CAPITAL.test(trimmed)) entry.flags |= EntryFlag.Capitalised
    if (alias.kind === 'ticker') entry.flags |= EntryFlag.Ticker
    entry.language = languageCode(alias.language)
    entries.push(entry)
    for (const written of otherSpellings(trimmed, latin)) {
      const extra = toEntry(written, alias.caseSensitive, target)
      if (extra && extra.key !== entry.key) {
        const inherited =
          entry.flags & (EntryFlag.CaseSensitive | EntryFlag.LatinAlias | EntryFlag.Ambiguous | EntryFlag.Capitalised | EntryFlag.Ticker)
        entries.push({ ...extra, flags: extra.flags | inherited, language: entry.language })
      }
    }
  }

  const bracketed = new Map<number, Map<string, number>>()
  for (const ticker of options.tickers ?? []) {
    const targetOf = new Map<number, number>()
    for (const variant of tickerVariants(ticker, options.isOrdinaryWord)) {
      let target = targetOf.get(variant.bare)
      if (target === undefined) {
        target = addTarget({
          aliasId: -1,
          company: ticker.companyId,
          label: tickerLabel(ticker),
          rule: 'ticker',
          kind: 0,
          bare: variant.bare,
        })
        targetOf.set(variant.bare, target)
      }
      if (variant.bare === BareCode.BracketedLetters) {
        const codes = bracketed.get(ticker.companyId) ?? new Map<string, number>()
        codes.set(variant.text.replace(/[-/]/u, '.'), target)
        bracketed.set(ticker.companyId, codes)
        continue
      }
      const entry = toEntry(variant.text, variant.caseSensitive, target)
      if (!entry) continue
      entry.flags |= EntryFlag.Ticker | (variant.caseSensitive ? EntryFlag.CaseSensitive : 0)
      entries.push(entry)
    }
  }

  const companyWords = options.companyWords ?? DEFAULT_COMPANY_WORDS
  const generic = new Set(GENERIC_COMPANY_WORDS.map((word) => foldAliasKey(word)))
  for (const word of companyWords) addWord(word, generic.has(foldAliasKey(word)) ? WordKind.Generic : WordKind.Specific)
  for (const word of PRODUCT_WORDS) addWord(word, WordKind.Product)
  for (const word of options.topicWords ?? []) addWord(word, WordKind.Topic)
  for (const word of CODE_LABELS) addWord(word, WordKind.CodeLabel)
  wordTexts.forEach((text, id) => {
    const entry = toEntry(text, false, -1)
    if (entry) entries.push({ ...entry, flags: entry.flags | EntryFlag.Word, word: id })
  })

  return {
    entries,
    bracketed,
    targets: {
      aliasId: Int32Array.from(aliasId),
      company: Int32Array.from(company),
      label,
      rule,
      kind: Uint8Array.from(kind),
      bare: Uint8Array.from(bare),
      negative,
    },
    words: { kind: Uint8Array.from(wordKinds), text: wordTexts },
    aliasCount,
  }
}

/**
 * How else writers spell a Latin alias: Stability AI as Stability.ai or StabilityAI, and a
 * hyphen between letters and a version dropped or spaced (GPT-4o as GPT4o or GPT 4o, Gen-2
 * as Gen2).
 */
function otherSpellings(text: string, latin: boolean): string[] {
  if (!latin) return []
  const out: string[] = []
  if (/ ai$/iu.test(text)) out.push(text.replace(/ (ai)$/iu, '.$1'), text.replace(/ (ai)$/iu, '$1'))
  if (/\p{L}-\d/u.test(text)) out.push(text.replace(/(\p{L})-(?=\d)/gu, '$1'), text.replace(/(\p{L})-(?=\d)/gu, '$1 '))
  return out
}

function toEntry(text: string, caseSensitive: boolean, target: number): Entry | undefined {
  const key = foldAliasKey(text)
  if (key.length === 0) return undefined
  const { charClass } = getFoldTables()
  let flags = 0
  if (charClass[key.charCodeAt(0)] === CharClass.Word) flags |= EntryFlag.LatinStart
  if (charClass[key.charCodeAt(key.length - 1)] === CharClass.Word) flags |= EntryFlag.LatinEnd
  if (isShortHanKey(key)) flags |= EntryFlag.ShortHan
  if (key.includes(String.fromCharCode(SPACE))) flags |= EntryFlag.HasSpace
  return { key, flags, language: 0, target, word: -1, widthKey: caseSensitive ? foldAliasKey(text, true) : undefined }
}
