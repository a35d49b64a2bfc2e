import { createRequire } from 'node:module'

import { ordinaryWordReason } from '#app/mentions/ordinary-words.ts'

// Names as publishers write them, and the shorter names people use in running text:
// 腾讯控股 is "腾讯" in a report, "Palantir Technologies Inc." is "Palantir".

const HAN = /\p{Script=Han}/u

/** One line of plain text: NFKC (full-width forms), single spaces, trimmed. */
export function cleanName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim()
}

// HKEX and the A-share boards mark share classes and status on the short name: -W
// (weighted voting rights), -S (secondary listing), -SW, -B (biotech), -P, -U/-UW (not yet
// profitable, STAR), and ST/*ST (special treatment) in front. None is part of the name.
// The name is cleaned first, so a space is a single space.
const CLASS_MARK = / ?- ?(?:SW|SWR|WR|UWD|UW|UD|WD|[WSBPRUD])$/iu
const STATUS_PREFIX = /^S?\*?ST ?/u

/** A listed short name without its share-class mark or ST prefix. */
export function stripListingMarks(name: string): string {
  return cleanName(name).replace(CLASS_MARK, '').replace(STATUS_PREFIX, '').trim()
}

// Legal forms and holding words at the end of a Chinese name. 科技 goes too (昆仑万维科技
// is 昆仑万维 in a report), but only while two Han characters stay.
const ZH_LEGAL = /(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$/u
const ZH_WORDS = /(?:[(（]集团[)）]|集团|控股|股份|科技)$/u

// English legal forms and holding words, dropped from the end one word at a time:
// "Alibaba Group Holding Ltd" -> Alibaba; "iFLYTEK CO.,LTD" -> iFLYTEK.
const EN_TAIL = new Set(
  'inc incorporated corp corporation co company ltd limited plc llc lp l p nv n v sa s a ag se spa holding holdings group technologies technology international adr adrs ads'.split(
    ' ',
  ),
)
// SEC titles end in a state of incorporation: "NVIDIA CORP /DE/".
const EN_STATE = /^\/[a-z]{2,3}\/?$/iu

function isLegalWord(word: string): boolean {
  if (EN_STATE.test(word)) return true
  const bare = word.replace(/[.,()]/gu, '').toLowerCase()
  if (bare === '') return true
  if (EN_TAIL.has(bare)) return true
  const parts = word
    .toLowerCase()
    .split(/[.,()]/u)
    .filter(Boolean)
  return parts.length > 1 && parts.every((part) => EN_TAIL.has(part))
}

/** The shorter names derived from a name, most useful first; the name itself excluded. */
export function deriveShortNames(name: string): string[] {
  const base = stripListingMarks(name)
  const out: string[] = []
  const keep = (candidate: string) => {
    const text = candidate.trim()
    if (text && text !== cleanName(name) && !out.includes(text)) out.push(text)
  }
  if (HAN.test(base)) {
    let text = base.replace(ZH_LEGAL, '')
    keep(text)
    for (let i = 0; i < 4; i += 1) {
      const shorter = text.replace(ZH_WORDS, '')
      if (shorter === text || [...shorter].filter((c) => HAN.test(c)).length < 2) break
      text = shorter
      keep(text)
    }
    keep(base)
    return out.reverse()
  }
  const words = base.split(' ')
  while (words.length > 1 && isLegalWord(words.at(-1)!)) {
    words.pop()
    // "Baidu, Inc." leaves "Baidu,"; the comma is not part of the name.
    words[words.length - 1] = words.at(-1)!.replace(/,$/u, '')
    keep(words.join(' '))
  }
  return out.reverse()
}

/**
 * Why a derived name must not become an alias on its own, or null: a word of the
 * language (Apple, Block, 小米, 理想), or too short to tell apart (one Han character,
 * or one or two Latin letters, like the tickers AI, U, ON, A).
 */
export function derivedAliasProblem(text: string): 'ordinaryWord' | 'tooShort' | null {
  const han = [...text].filter((c) => HAN.test(c)).length
  if (han > 0 ? han < 2 : text.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return 'tooShort'
  return ordinaryWord(text) ? 'ordinaryWord' : null
}

// A universe asks about the same names several times (as a name, then as a derived
// alias); the look-up converts to simplified Chinese first, which dominates a large import.
const known = new Map<string, 'english_word' | 'chinese_word' | null>()

/** An ordinary word, looked up as written and, for names in capitals (SNAP, TARGET), as a word. */
export function ordinaryWord(text: string): 'english_word' | 'chinese_word' | null {
  const cached = known.get(text)
  if (cached !== undefined) return cached
  let reason = ordinaryWordReason(text)
  if (!reason && !HAN.test(text) && text === text.toUpperCase()) reason = ordinaryWordReason(text.charAt(0) + text.slice(1).toLowerCase())
  if (known.size > 200_000) known.clear()
  known.set(text, reason)
  return reason
}

let toSimplified: ((text: string) => string) | undefined
const require = createRequire(import.meta.url)

/** HKEX's Chinese list is in traditional characters; the registry keeps simplified names. */
export function simplifiedChinese(text: string): string {
  if (!HAN.test(text)) return text
  if (!toSimplified) {
    const opencc = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): (text: string) => string }
    toSimplified = opencc.Converter({ from: 'hk', to: 'cn' })
  }
  return toSimplified(text)
}
