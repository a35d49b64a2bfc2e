/**
 * The mention engine: one pass of the automaton over the text, then per candidate the
 * cheap checks, leftmost-longest selection, and the admission rule (admission.ts).
 *
 * A candidate (some key ending at some position: an alias, a written form of a ticker)
 * is chosen when
 *   1. the document language fits (FindMentionsOptions.language; 'any' always fits);
 *   2. Latin word boundaries hold: if the key starts (ends) with a letter or digit of a
 *      spaced script, the unit before (after) the match is not one, except that a
 *      letter-digit junction is a boundary (PIKA1.0, DALL·E3; still no Meta in metadata,
 *      SAM in SAMPLE, Pika in Pikachu);
 *   3. a case-sensitive alias matches with exactly its case (after width folding), except
 *      a Latin alias inside CJK text, where writers use any case (由OPENAI发布);
 *   4. an ambiguous Latin alias with capitals (Runway) written all in lower case outside
 *      CJK text is the ordinary word (the runway), not the company;
 *   5. a short Chinese alias does not straddle a common word (cjk-filter.ts);
 *   6. it is the leftmost-longest among overlapping candidates (span-selector.ts):
 *      Stable Diffusion beats Stable, 0700.HK beats 0700, Pika 1.0 beats Pika.
 * When two keys are the same (Apple and APPLE), the case-sensitive one is tried first,
 * then non-ambiguous before ambiguous, then lower alias id (ticker forms last).
 */
import { admitMentions } from './admission.ts'
import { type Automaton, buildAutomaton } from './automaton.ts'
import { type CjkSplitFilter, createCjkSplitFilter } from './cjk-filter.ts'
import { CONTEXT_WINDOW } from './context.ts'
import { buildEntries, type Entry, EntryFlag, languageCode, type Targets, type Words } from './entries.ts'
import { CharClass, equalsExactCase, getFoldTables, matchStart } from './fold.ts'
import { snippetBounds } from './snippet.ts'
import { SpanSelector } from './span-selector.ts'
import { bracketedCodeAfter } from './tickers.ts'
import type { FindMentionsOptions, Mention, MentionAlias, MentionMatcher, MentionMatcherOptions } from './types.ts'

export function buildMentionMatcher(aliases: readonly MentionAlias[], options: MentionMatcherOptions = {}): MentionMatcher {
  return new CompiledMentionMatcher(aliases, options)
}

class CompiledMentionMatcher implements MentionMatcher {
  readonly aliasCount: number
  // Plain typed arrays, copied: the matcher must not change when the caller's list does,
  // and reading frozen copies of the alias objects was 4x slower when building mentions.
  private readonly targets: Targets
  private readonly words: Words
  private readonly automaton: Automaton
  private readonly tables: EntryTables
  private readonly bracketed: Map<number, Map<string, number>>

  constructor(aliases: readonly MentionAlias[], options: MentionMatcherOptions) {
    const built = buildEntries(aliases, options)
    this.aliasCount = built.aliasCount
    this.targets = built.targets
    this.words = built.words
    this.bracketed = built.bracketed
    this.automaton = buildAutomaton(built.entries.map((entry) => entry.key))
    this.tables = linkEntries(
      built.entries,
      this.automaton,
      built.targets,
      createCjkSplitFilter(options.extraCjkWords, options.cjkVetoPhrases),
    )
    Object.freeze(this)
  }

  findMentions(text: string, options: FindMentionsOptions = {}): Mention[] {
    if (this.aliasCount === 0 || text.length === 0) return []
    const scan = new MentionScan(this.tables, this.automaton, text, options.language ? languageCode(options.language) : 0)
    const outputs = this.automaton.scan(text)
    for (let k = 0; k < outputs.length; k += 2) scan.consider(outputs[k], outputs[k + 1])
    const { selector } = scan
    const { entryTarget } = this.tables
    const targets = selector.items.map((e) => entryTarget[e])
    const { aliasId, company, label, rule: targetRule, kind, bare, negative } = this.targets
    const admission = admitMentions({
      text,
      starts: selector.starts,
      ends: selector.ends,
      targets,
      targetCompany: company,
      targetKind: kind,
      targetBare: bare,
      targetRule,
      targetLabel: label,
      targetNegative: negative,
      wordStarts: scan.wordStarts,
      wordEnds: scan.wordEnds,
      wordIds: scan.wordIds,
      wordKind: this.words.kind,
      wordText: this.words.text,
      window: options.contextWindow ?? CONTEXT_WINDOW,
    })
    const mentions: Mention[] = []
    const add = (t: number, start: number, end: number, m: number) => {
      const snippet = snippetBounds(text, start, end, options.snippetRadius)
      mentions.push({
        aliasId: aliasId[t] < 0 ? null : aliasId[t],
        companyId: company[t],
        aliasText: label[t],
        start,
        end,
        snippet: text.slice(snippet.from, snippet.to),
        snippetStart: snippet.from,
        rule: m < 0 ? 'ticker' : admission.rule[m],
        ruleDetail: m < 0 ? null : admission.detail[m],
        confidence: m < 0 ? 'high' : admission.confidence[m],
      })
    }
    for (let m = 0; m < selector.count; m++) {
      if (admission.keep[m] === 0) continue
      const t = targets[m]
      add(t, selector.starts[m], selector.ends[m], m)
      // ON Semiconductor (ON): a short symbol counts in brackets right after its company.
      const codes = this.bracketed.get(company[t])
      const code = codes && bracketedCodeAfter(text, selector.ends[m])
      const target = code ? codes.get(code.code) : undefined
      if (code && target !== undefined && (m + 1 === selector.count || selector.starts[m + 1] >= code.end))
        add(target, code.start, code.end, -1)
    }
    return mentions
  }
}

/** Entries as flat arrays, chained per automaton node in the order they are tried. */
interface EntryTables {
  entryHead: Int32Array
  entryNext: Int32Array
  entryTarget: Int32Array
  entryWord: Int32Array
  entryFlags: Uint16Array
  entryLanguage: Uint8Array
  entryWidthKey: (string | undefined)[]
  cjkFilter: CjkSplitFilter
}

function linkEntries(entries: Entry[], automaton: Automaton, targets: Targets, cjkFilter: CjkSplitFilter): EntryTables {
  const count = entries.length
  const entryHead = new Int32Array(automaton.depth.length).fill(-1)
  const entryNext = new Int32Array(count).fill(-1)
  const entryTarget = Int32Array.from(entries, (entry) => entry.target)
  const entryWord = Int32Array.from(entries, (entry) => entry.word)
  const entryFlags = Uint16Array.from(entries, (entry) => entry.flags)
  const entryLanguage = Uint8Array.from(entries, (entry) => entry.language)
  const entryWidthKey = entries.map((entry) => entry.widthKey)
  // Insert each entry into its node's chain, keeping the chain in trial order. Chains are
  // almost always one entry long, so insertion is cheap.
  const idOf = (e: number) => (entryTarget[e] < 0 || targets.aliasId[entryTarget[e]] < 0 ? Infinity : targets.aliasId[entryTarget[e]])
  const before = (a: number, b: number) =>
    (entryFlags[b] & EntryFlag.CaseSensitive) - (entryFlags[a] & EntryFlag.CaseSensitive) ||
    (entryFlags[a] & EntryFlag.Ambiguous) - (entryFlags[b] & EntryFlag.Ambiguous) ||
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
  return { entryHead, entryNext, entryTarget, entryWord, entryFlags, entryLanguage, entryWidthKey, cjkFilter }
}

const isDigit = (unit: number) => unit >= 0x30 && unit <= 0x39

/** The per-call state of one findMentions: judges the automaton's outputs. */
class MentionScan {
  readonly selector = new SpanSelector()
  readonly wordStarts: number[] = []
  readonly wordEnds: number[] = []
  readonly wordIds: number[] = []
  private readonly fold: Uint16Array
  private readonly charClass: Uint8Array
  private readonly width: Uint16Array

  constructor(
    private readonly tables: EntryTables,
    private readonly automaton: Automaton,
    private readonly text: string,
    private readonly language: number,
  ) {
    const { fold, charClass, width } = getFoldTables()
    this.fold = fold
    this.charClass = charClass
    this.width = width
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
        if (taken && (flags & EntryFlag.Word) === 0) continue
        if (start < 0) start = (flags & EntryFlag.HasSpace) !== 0 ? matchStart(this.text, end, depth[u], this.fold) : end - depth[u]
        if (!this.onBoundaries(flags, start, end)) continue
        if ((flags & EntryFlag.Word) !== 0) {
          this.wordStarts.push(start)
          this.wordEnds.push(end)
          this.wordIds.push(this.tables.entryWord[e])
        } else if (!offered && this.passes(e, flags, start, end)) {
          // Later entries of this node share the span: one offer decides for all of them.
          offered = true
          taken = this.selector.offer(start, end, e)
        }
      }
    }
  }

  private onBoundaries(flags: number, start: number, end: number): boolean {
    const { text, charClass, fold } = this
    if ((flags & EntryFlag.LatinStart) !== 0 && start > 0 && charClass[text.charCodeAt(start - 1)] === CharClass.Word) return false
    if ((flags & EntryFlag.LatinEnd) !== 0 && end < text.length && charClass[text.charCodeAt(end)] === CharClass.Word) {
      // A letter-digit junction is a boundary: PIKA1.0, DALL·E3, but no SAM in SAMPLE.
      return isDigit(fold[text.charCodeAt(end - 1)]) !== isDigit(fold[text.charCodeAt(end)])
    }
    return true
  }

  private passes(e: number, flags: number, start: number, end: number): boolean {
    const { entryLanguage, entryWidthKey, cjkFilter } = this.tables
    const language = entryLanguage[e]
    if (language !== 0 && this.language !== 0 && language !== this.language) return false
    if ((flags & EntryFlag.CaseSensitive) !== 0 && !equalsExactCase(this.text, start, end, entryWidthKey[e]!)) {
      if ((flags & EntryFlag.LatinAlias) === 0 || !this.inCjkText(start, end)) return false
    }
    if ((flags & EntryFlag.Capitalised) !== 0 && !this.hasCapital(start, end) && !this.inCjkText(start, end)) return false
    if ((flags & EntryFlag.ShortHan) !== 0 && cjkFilter.rejects(this.text, start, end)) return false
    return true
  }

  /** Whether text[start, end) holds a unit that case folding changes (a capital). */
  private hasCapital(start: number, end: number): boolean {
    const { text, fold, width } = this
    for (let i = start; i < end; i++) if (fold[text.charCodeAt(i)] !== width[text.charCodeAt(i)]) return true
    return false
  }

  /** Whether the nearest non-space unit on either side is CJK (a Han character, 、，（）...). */
  private inCjkText(start: number, end: number): boolean {
    const { text } = this
    let before = start - 1
    while (before >= 0 && text.charCodeAt(before) === 0x20) before--
    let after = end
    while (after < text.length && text.charCodeAt(after) === 0x20) after++
    return (before >= 0 && this.isCjkUnit(text.charCodeAt(before))) || (after < text.length && this.isCjkUnit(text.charCodeAt(after)))
  }

  private isCjkUnit(unit: number): boolean {
    return (
      this.charClass[unit] === CharClass.Cjk ||
      (unit >= 0x3000 && unit <= 0x303f) ||
      (unit >= 0xff01 && unit <= 0xff0f) ||
      (unit >= 0xff1a && unit <= 0xff20)
    )
  }
}
