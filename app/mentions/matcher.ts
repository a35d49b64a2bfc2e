/**
 * The mention engine: one pass of the automaton over the text, then per candidate the
 * cheap checks, leftmost-longest selection, and the ambiguity rule.
 *
 * A candidate (some alias key ending at some position) is kept when
 *   1. the document language fits (FindMentionsOptions.language; 'any' always fits);
 *   2. Latin word boundaries hold: if the alias starts (ends) with a letter or digit of a
 *      spaced script, the unit before (after) the match is not one (no Meta in metadata,
 *      SAM in SAMPLE, Pika in Pikachu; punctuation, CJK and emoji are boundaries, so
 *      百度BIDU finds both and GPT-4V, 0700.HK, DALL·E 3 work);
 *   3. a case-sensitive alias matches with exactly its case (after width folding);
 *   4. a short Chinese alias does not straddle a common word (cjk-filter.ts);
 *   5. it is the leftmost-longest among overlapping candidates (span-selector.ts):
 *      Stable Diffusion beats Stable, DALL·E 3 beats DALL·E, Pika 1.0 beats Pika;
 *   6. an ambiguous alias has company context nearby (context.ts).
 * When two aliases share a key (Apple and APPLE), the case-sensitive one is tried first,
 * then non-ambiguous before ambiguous, then lower alias id: one mention per span.
 */
import { type Automaton, buildAutomaton } from './automaton.ts'
import { type CjkSplitFilter, createCjkSplitFilter, isShortHanKey } from './cjk-filter.ts'
import { applyAmbiguityRule, DEFAULT_COMPANY_WORDS } from './context.ts'
import { CharClass, equalsExactCase, foldAliasKey, getFoldTables, matchStart, SPACE } from './fold.ts'
import { snippetBounds } from './snippet.ts'
import { SpanSelector } from './span-selector.ts'
import type { FindMentionsOptions, Mention, MentionAlias, MentionMatcher, MentionMatcherOptions, MentionRule } from './types.ts'

const CASE_SENSITIVE = 1
const AMBIGUOUS = 2
const EVIDENCE = 4 // non-ambiguous, or a ticker
const LATIN_START = 8
const LATIN_END = 16
const SHORT_HAN = 32
const HAS_SPACE = 64
const COMPANY_WORD = 128

const LANGUAGE_CODE = { any: 0, zh: 1, en: 2 } as const

interface Entry {
  key: string
  flags: number
  language: number
  alias: number // index into aliases, -1 for a company word
  widthKey?: string
}

export function buildMentionMatcher(aliases: readonly MentionAlias[], options: MentionMatcherOptions = {}): MentionMatcher {
  return new CompiledMentionMatcher(aliases, options)
}

class CompiledMentionMatcher implements MentionMatcher {
  readonly aliasCount: number
  // What a mention reports, by alias index. Copied into plain arrays: the matcher must
  // not change when the caller's list does, and reading frozen copies of the alias
  // objects was 4x slower than this when building 20,000 mentions.
  private readonly aliasIds: Int32Array
  private readonly companyIds: Int32Array
  private readonly aliasTexts: readonly string[]
  private readonly aliasRules: readonly MentionRule[]
  private readonly automaton: Automaton
  private readonly tables: EntryTables
  private readonly hasAliases: boolean

  constructor(aliases: readonly MentionAlias[], options: MentionMatcherOptions) {
    this.aliasIds = Int32Array.from(aliases, (alias) => alias.id)
    this.companyIds = Int32Array.from(aliases, (alias) => alias.companyId)
    this.aliasTexts = aliases.map((alias) => alias.text)
    this.aliasRules = aliases.map((alias) => (alias.kind === 'ticker' ? 'ticker' : alias.kind === 'product' ? 'product' : 'name'))
    const entries: Entry[] = []
    aliases.forEach((alias, index) => {
      const entry = toEntry(alias.text, alias.caseSensitive, index)
      if (!entry) return
      if (alias.caseSensitive) entry.flags |= CASE_SENSITIVE
      if (alias.isAmbiguous) entry.flags |= AMBIGUOUS
      if (!alias.isAmbiguous || alias.kind === 'ticker') entry.flags |= EVIDENCE
      entry.language = LANGUAGE_CODE[alias.language] ?? 0
      entries.push(entry)
    })
    this.aliasCount = entries.length
    this.hasAliases = entries.length > 0
    for (const word of options.companyWords ?? DEFAULT_COMPANY_WORDS) {
      const entry = toEntry(word, false, -1)
      if (entry) entries.push({ ...entry, flags: entry.flags | COMPANY_WORD })
    }
    this.automaton = buildAutomaton(entries.map((entry) => entry.key))
    this.tables = linkEntries(entries, this.automaton, this.aliasIds, createCjkSplitFilter(options.extraCjkWords))
    Object.freeze(this)
  }

  findMentions(text: string, options: FindMentionsOptions = {}): Mention[] {
    if (!this.hasAliases || text.length === 0) return []
    const scan = new MentionScan(this.tables, this.automaton, text, options.language ? LANGUAGE_CODE[options.language] : 0)
    const outputs = this.automaton.scan(text)
    for (let k = 0; k < outputs.length; k += 2) scan.consider(outputs[k], outputs[k + 1])
    const { selector } = scan
    const { entryAlias, entryFlags } = this.tables
    const { aliasIds, companyIds, aliasTexts, aliasRules } = this
    const keep = applyAmbiguityRule({
      chosen: selector,
      companyOf: (m) => companyIds[entryAlias[selector.items[m]]],
      isAmbiguous: (m) => (entryFlags[selector.items[m]] & AMBIGUOUS) !== 0,
      isEvidence: (m) => (entryFlags[selector.items[m]] & EVIDENCE) !== 0,
      wordStarts: scan.wordStarts,
      wordEnds: scan.wordEnds,
      window: options.contextWindow,
    })
    const mentions: Mention[] = []
    for (let m = 0; m < selector.count; m++) {
      if (keep[m] === 0) continue
      const alias = entryAlias[selector.items[m]]
      const start = selector.starts[m]
      const end = selector.ends[m]
      const snippet = snippetBounds(text, start, end, options.snippetRadius)
      mentions.push({
        aliasId: aliasIds[alias],
        companyId: companyIds[alias],
        aliasText: aliasTexts[alias],
        start,
        end,
        snippet: text.slice(snippet.from, snippet.to),
        snippetStart: snippet.from,
        // Ambiguous aliases are admitted by context (context.ts); which context is not yet told.
        rule: (entryFlags[selector.items[m]] & AMBIGUOUS) !== 0 ? 'context_word' : aliasRules[alias],
        ruleDetail: null,
        confidence: (entryFlags[selector.items[m]] & AMBIGUOUS) !== 0 ? 'medium' : 'high',
      })
    }
    return mentions
  }
}

function toEntry(text: string, caseSensitive: boolean, alias: number): Entry | undefined {
  const key = foldAliasKey(text)
  if (key.length === 0) return undefined
  const { charClass } = getFoldTables()
  let flags = 0
  if (charClass[key.charCodeAt(0)] === CharClass.Word) flags |= LATIN_START
  if (charClass[key.charCodeAt(key.length - 1)] === CharClass.Word) flags |= LATIN_END
  if (isShortHanKey(key)) flags |= SHORT_HAN
  if (key.includes(String.fromCharCode(SPACE))) flags |= HAS_SPACE
  return { key, flags, language: 0, alias, widthKey: caseSensitive ? foldAliasKey(text, true) : undefined }
}

/** Entries as flat arrays, chained per automaton node in the order they are tried. */
interface EntryTables {
  entryHead: Int32Array
  entryNext: Int32Array
  entryAlias: Int32Array
  entryFlags: Uint8Array
  entryLanguage: Uint8Array
  entryWidthKey: (string | undefined)[]
  cjkFilter: CjkSplitFilter
}

function linkEntries(entries: Entry[], automaton: Automaton, aliasIds: Int32Array, cjkFilter: CjkSplitFilter): EntryTables {
  const count = entries.length
  const entryHead = new Int32Array(automaton.depth.length).fill(-1)
  const entryNext = new Int32Array(count).fill(-1)
  const entryAlias = new Int32Array(count)
  const entryFlags = new Uint8Array(count)
  const entryLanguage = new Uint8Array(count)
  const entryWidthKey = new Array<string | undefined>(count)
  for (let e = 0; e < count; e++) {
    entryAlias[e] = entries[e].alias
    entryFlags[e] = entries[e].flags
    entryLanguage[e] = entries[e].language
    entryWidthKey[e] = entries[e].widthKey
  }
  // Insert each entry into its node's chain, keeping the chain in trial order. Chains are
  // almost always one entry long (stored keys are unique), so insertion is cheap.
  const idOf = (e: number) => (entryAlias[e] < 0 ? Infinity : aliasIds[entryAlias[e]])
  const before = (a: number, b: number) =>
    (entryFlags[b] & CASE_SENSITIVE) - (entryFlags[a] & CASE_SENSITIVE) ||
    (entryFlags[a] & AMBIGUOUS) - (entryFlags[b] & AMBIGUOUS) ||
    idOf(a) - idOf(b) ||
    a - b
  for (let e = 0; e < count; e++) {
    const node = automaton.nodeOfKey[e]
    if (entryHead[node] === -1 || before(e, entryHead[node]) < 0) {
      entryNext[e] = entryHead[node]
      entryHead[node] = e
      continue
    }
    let at = entryHead[node]
    while (entryNext[at] !== -1 && before(entryNext[at], e) < 0) at = entryNext[at]
    entryNext[e] = entryNext[at]
    entryNext[at] = e
  }
  return { entryHead, entryNext, entryAlias, entryFlags, entryLanguage, entryWidthKey, cjkFilter }
}

/** The per-call state of one findMentions: judges the automaton's outputs. */
class MentionScan {
  readonly selector = new SpanSelector()
  readonly wordStarts: number[] = []
  readonly wordEnds: number[] = []
  private readonly fold: Uint16Array
  private readonly charClass: Uint8Array

  constructor(
    private readonly tables: EntryTables,
    private readonly automaton: Automaton,
    private readonly text: string,
    private readonly language: number,
  ) {
    const { fold, charClass } = getFoldTables()
    this.fold = fold
    this.charClass = charClass
  }

  consider(node: number, end: number): void {
    const { terminal, dictLink, depth } = this.automaton
    const { entryHead, entryNext, entryFlags } = this.tables
    let taken = false
    // From the longest key ending here to the shortest, via the dictionary links.
    for (let u = node; u !== 0; u = dictLink[u]) {
      if (terminal[u] === 0) continue
      let start = -1
      let offered = false
      for (let e = entryHead[u]; e !== -1; e = entryNext[e]) {
        const flags = entryFlags[e]
        if (taken && (flags & COMPANY_WORD) === 0) continue
        if (start < 0) start = (flags & HAS_SPACE) !== 0 ? matchStart(this.text, end, depth[u], this.fold) : end - depth[u]
        if (!this.onBoundaries(flags, start, end)) continue
        if ((flags & COMPANY_WORD) !== 0) {
          this.wordStarts.push(start)
          this.wordEnds.push(end)
        } else if (!offered && this.passes(e, flags, start, end)) {
          // Later entries of this node share the span: one offer decides for all of them.
          offered = true
          taken = this.selector.offer(start, end, e)
        }
      }
    }
  }

  private onBoundaries(flags: number, start: number, end: number): boolean {
    const { text, charClass } = this
    if ((flags & LATIN_START) !== 0 && start > 0 && charClass[text.charCodeAt(start - 1)] === CharClass.Word) return false
    if ((flags & LATIN_END) !== 0 && end < text.length && charClass[text.charCodeAt(end)] === CharClass.Word) return false
    return true
  }

  private passes(e: number, flags: number, start: number, end: number): boolean {
    const { entryLanguage, entryWidthKey, cjkFilter } = this.tables
    const language = entryLanguage[e]
    if (language !== 0 && this.language !== 0 && language !== this.language) return false
    if ((flags & CASE_SENSITIVE) !== 0 && !equalsExactCase(this.text, start, end, entryWidthKey[e]!)) return false
    if ((flags & SHORT_HAN) !== 0 && cjkFilter.rejects(this.text, start, end)) return false
    return true
  }
}
